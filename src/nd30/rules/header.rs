//! The header's strings: Quốc hiệu, Tiêu ngữ, Số line, title against ký hiệu, date line, urgency mark,
//! the metadata's lengths, and the header's columns.

use super::*;

/// `what` (`the number`, `the ký hiệu`) against the length the metadata allows.
pub fn judge_length(what: &str, text: &str, limit: usize) -> Option<Verdict> {
    let count = text.chars().count();
    (count > limit).then(|| {
        Verdict::new(
            LENGTHS,
            format!("{what} of {count} characters: {}", excerpt(text)),
            format!("at most {limit} characters"),
        )
    })
}

/// The width of the box `line` is printed in, when it is an urgency mark (`HOẢ TỐC` accepted beside
/// `HỎA TỐC`).
pub fn urgency_box_mm(line: &str) -> Option<f32> {
    let line = line.trim().replace("HOẢ", "HỎA");
    URGENCY
        .iter()
        .find(|(_, text, _)| *text == line)
        .map(|&(_, _, width)| width)
}

/// Whether `line` is a mark set above or beside the header (urgency, secrecy, `Dự thảo`), not a
/// line of the agency's name.
pub fn is_header_mark(line: &str) -> bool {
    let line = line.trim().to_uppercase();
    let line = line.trim_matches(|c: char| !c.is_alphabetic());
    urgency_box_mm(line).is_some()
        || SECRECY.iter().any(|(_, mark)| *mark == line)
        || line.starts_with(DRAFT_MARK)
}

/// What stands before the Quốc hiệu on its line, when a header is set with tabs in one paragraph
/// (the agency's name, left of it).
pub fn before_national_name(line: &str) -> &str {
    let upper = line.to_uppercase();
    ["CỘNG HÒA", "CỘNG HOÀ"]
        .iter()
        .filter_map(|start| upper.find(start))
        .min()
        .and_then(|at| line.get(..at))
        .map_or("", str::trim)
}

/// Whether a Số line leaves its number blank for the registry (`Số:      /UBND-NTM`).
pub fn number_left_blank(line: &str) -> bool {
    let rest = line.trim().trim_start_matches(NUMBER_LABEL);
    rest.split_once('/')
        .is_some_and(|(number, _)| number.trim().is_empty())
}

/// Whether a date line leaves its day (or month) blank for the registry
/// (`Hà Nội, ngày      tháng 3 năm 2026`).
pub fn date_left_blank(line: &str) -> bool {
    let Some((_, words)) = line.trim().rsplit_once(", ") else {
        return false;
    };
    let tokens: Vec<&str> = words.split_whitespace().collect();
    let digits = |t: &&str| {
        t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '…')
    };
    tokens.first() == Some(&"ngày")
        && tokens.contains(&"tháng")
        && tokens.contains(&"năm")
        && tokens.len() < 6
        && tokens
            .iter()
            .filter(|t| !["ngày", "tháng", "năm"].contains(t))
            .all(digits)
}

/// The two columns of the header: the agency's and the number's on the left, the Quốc hiệu's, the
/// Tiêu ngữ's and the date's on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The agency's side.
    Left,
    /// The Quốc hiệu's side.
    Right,
}

/// A header line standing in column `found` (`None`: neither) where `expected` puts it.
pub fn judge_column(
    rule: Rule,
    line: &str,
    found: Option<Column>,
    expected: Column,
) -> Option<Verdict> {
    let name = |c: Column| match c {
        Column::Left => "left",
        Column::Right => "right",
    };
    (found != Some(expected)).then(|| {
        let place = found.map_or("not in the header's two columns".to_string(), |c| {
            format!("in the {} column", name(c))
        });
        Verdict::new(
            rule,
            format!("{} ({place})", excerpt(line)),
            format!("in the header's {} column", name(expected)),
        )
    })
}

/// Whether `line` is meant as the Quốc hiệu (whatever its spelling).
pub fn is_national_name(line: &str) -> bool {
    line.trim().to_uppercase().contains("XÃ HỘI CHỦ NGHĨA")
}

/// The Quốc hiệu as printed; `HOÀ` is accepted beside `HÒA`.
pub fn judge_national_name(line: &str) -> Option<Verdict> {
    let line = line.trim();
    // In a header set with tabs, the agency's name stands before it on the line.
    let line = line
        .strip_prefix(before_national_name(line))
        .unwrap_or(line)
        .trim();
    let accepted = line == NATIONAL_NAME || line == NATIONAL_NAME.replace("HÒA", "HOÀ");
    (!accepted).then(|| Verdict::new(NATIONAL_NAME_LINE, line, NATIONAL_NAME))
}

/// Whether `line` is meant as the Tiêu ngữ.
pub fn is_motto(line: &str) -> bool {
    motto_part(line).is_some()
}

/// The Tiêu ngữ on a line: the whole line, or what follows a tab (a header set with tabs puts the
/// agency's name before it).
pub fn motto_part(line: &str) -> Option<&str> {
    let line = line.trim();
    if line.starts_with("Độc lập") {
        return Some(line);
    }
    let (_, after) = line.rsplit_once('\t')?;
    let after = after.trim();
    after.starts_with("Độc lập").then_some(after)
}

/// The Tiêu ngữ, with ASCII hyphens and spaces around them. An en or em dash is an error, not a
/// warning: the Decree prints the Tiêu ngữ with hyphens (gạch nối), nd30.md's rule 9 names the dash, and
/// the real offices' en dashes were all judged departures.
pub fn judge_motto(line: &str) -> Option<Verdict> {
    let line = motto_part(line).unwrap_or(line.trim());
    (line != MOTTO).then(|| Verdict::new(MOTTO_LINE, line, MOTTO))
}

/// Whether `line` is the Số line.
pub fn is_number_line(line: &str) -> bool {
    line.trim_start().starts_with(NUMBER_LABEL)
}

/// The ký hiệu of a Số line, when it has one.
pub fn symbol_of(line: &str) -> Option<&str> {
    line.split_once('/').map(|(_, symbol)| symbol.trim())
}

/// The Số line: a number with a leading zero below 10, and a ký hiệu of current abbreviations.
pub fn judge_number_line(line: &str) -> Vec<Verdict> {
    // Spaces left where the number was written in by hand (`Số:   545 /HD-BTV`) are not printed
    // departures: the line is judged with single spaces and none around the slash.
    let spaced = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let line = spaced.replace(" /", "/").replace("/ ", "/");
    let line = line.as_str();
    let rest = line.trim_start_matches(NUMBER_LABEL).trim();
    let Some((number, symbol)) = rest.split_once('/') else {
        return vec![Verdict::new(
            NUMBER_LINE,
            line,
            "write the number, a slash and the ký hiệu: Số: 05/KH-UBND",
        )];
    };
    let symbol = symbol.trim();
    // A normative document's ký hiệu carries its year: `12/2021/NĐ-CP`.
    let codes = match symbol.split_once('/') {
        Some((year, codes)) if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) => codes,
        _ => symbol,
    };
    let parts = match symbol_parts(codes) {
        Ok(parts) => parts,
        Err(SymbolError::Obsolete(code)) => return vec![obsolete(&code)],
        Err(e) => return vec![Verdict::new(NUMBER_LINE, line, e.to_string())],
    };
    let mut verdicts = Vec::new();
    let number = number.trim();
    match number.parse::<u32>() {
        Ok(n) if n > 0 && number.chars().all(|c| c.is_ascii_digit()) => {
            let expected = number_line(Some(n), symbol);
            if line != expected {
                verdicts.push(Verdict::new(NUMBER_LINE, line, expected));
            }
        }
        _ if number.is_empty() => {} // left blank for the registry to fill in
        _ => verdicts.push(Verdict::new(
            NUMBER_LINE,
            line,
            "the number is written in Arabic digits",
        )),
    }
    if let Some(code) = parts.iter().find(|p| OBSOLETE_CODES.contains(p)) {
        verdicts.push(obsolete(code));
    }
    verdicts
}

/// The verdict on an obsolete code, worded as the ký hiệu builder refuses it.
fn obsolete(code: &str) -> Verdict {
    let refusal = SymbolError::Obsolete(code.to_string()).to_string();
    Verdict::new(OBSOLETE_CODE, code, refusal)
}

/// The kind whose printed title is `line`, if any.
pub fn title_kind(line: &str) -> Option<&'static crate::nd30::Kind> {
    let line = line.trim();
    KINDS.iter().find(|k| k.title == Some(line))
}

/// The ký hiệu's first part agrees with the title: its code for a named kind, no kind code for a letter.
pub fn judge_kind(title: Option<&str>, symbol: &str) -> Option<Verdict> {
    let first = symbol.split('-').next().unwrap_or_default();
    if OBSOLETE_CODES.contains(&first) {
        return None; // judged by the obsolete-code rule
    }
    match title.and_then(title_kind) {
        Some(kind) => match kind.code {
            Some(code) if code != first => Some(Verdict::new(
                KIND_CODE,
                symbol,
                format!("a {} has a ký hiệu starting {code}-", kind.name),
            )),
            _ => None,
        },
        None => KINDS
            .iter()
            .find(|k| k.code == Some(first) && k.title.is_some())
            .map(|k| {
                Verdict::new(
                    KIND_CODE,
                    symbol,
                    format!("{first} is the code of a {}: print its title", k.name),
                )
            }),
    }
}

/// A công văn (its ký hiệu opens with no kind's code, and it has no title) gives its trích yếu on a
/// `V/v` line under the Số line.
pub fn judge_letter_subject(symbol: &str, has_subject: bool) -> Option<Verdict> {
    let first = symbol.split('-').next().unwrap_or_default();
    let coded = KINDS.iter().any(|k| k.code == Some(first)) || OBSOLETE_CODES.contains(&first);
    (!coded && !has_subject).then(|| {
        Verdict::new(
            LETTER_SUBJECT,
            format!("no {} line under “{symbol}”", crate::nd30::SUBJECT_PREFIX),
            format!(
                "the trích yếu under the Số line: {} …",
                crate::nd30::SUBJECT_PREFIX
            ),
        )
    })
}

/// The date words of a place-and-date line (`ngày 10 tháng 8 năm 2021`), if `line` is one.
pub fn date_part(line: &str) -> Option<(&str, &str)> {
    let (place, words) = line.trim().rsplit_once(", ")?;
    // A place is a name of a few words; a sentence that ends with a date is not a date line.
    if place.split_whitespace().count() > PLACE_WORDS {
        return None;
    }
    let tokens: Vec<&str> = words.split_whitespace().collect();
    let shaped = tokens.len() == 6
        && tokens[0] == "ngày"
        && tokens[2] == "tháng"
        && tokens[4] == "năm"
        && [1, 3, 5]
            .iter()
            .all(|&i| tokens[i].chars().all(|c| c.is_ascii_digit()));
    shaped.then_some((place, words))
}

/// Words a place name has at most (`Thành phố Hồ Chí Minh`).
const PLACE_WORDS: usize = 6;

/// The place-and-date line: a real date, written as Decree 30 writes it, after a capitalised place.
pub fn judge_date_line(line: &str) -> Vec<Verdict> {
    let Some((place, words)) = date_part(line) else {
        return Vec::new();
    };
    // Spaces left where the day was written in by hand are not printed departures.
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = words.as_str();
    let mut verdicts = Vec::new();
    let number = |i: usize| {
        words
            .split_whitespace()
            .nth(i)
            .and_then(|t| t.parse::<u16>().ok())
    };
    let small = |i: usize| number(i).and_then(|n| u8::try_from(n).ok());
    let date = match (number(5), small(3), small(1)) {
        (Some(y), Some(m), Some(d)) => Date::new(y, m, d),
        _ => None,
    };
    match date {
        None => verdicts.push(Verdict::new(DATE_LINE, words, "a date that exists")),
        Some(date) => {
            let expected = date_words(date, Blank::Nothing);
            if words != expected {
                verdicts.push(Verdict::new(DATE_LINE, words, expected));
            }
        }
    }
    let lower = place
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(char::is_lowercase));
    if let Some(word) = lower {
        verdicts.push(Verdict::new(
            DATE_LINE,
            place,
            format!("capitalise every word of the place name ({word})"),
        ));
    }
    verdicts
}
