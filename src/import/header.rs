//! The header of a draft: the agency, the Số line, the place and date, the V/v, whatever layout the
//! office gave them (a table of one row or a row per line, two or three columns, tabs, spaces).

use super::draft::{Grid, Para};
use super::Noted;
use crate::nd30;

/// Which side of the header a line stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The agency's side.
    Left,
    /// The Quốc hiệu's side.
    Right,
}

/// One line of the header, with the paragraph it comes from.
#[derive(Debug, Clone)]
pub struct Line {
    /// Its text, trimmed.
    pub text: String,
    /// The paragraph's number.
    pub paragraph: usize,
    /// Whether it is set in bold.
    pub bold: bool,
    /// Its side.
    pub side: Side,
}

/// The lines of a paragraph, split at its line breaks, on `side`.
pub fn lines_of(para: &Para, side: Side) -> Vec<Line> {
    para.text()
        .split('\n')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .map(|text| Line {
            text,
            paragraph: para.number,
            bold: para.bold(),
            side,
        })
        .collect()
}

/// The lines of a header table, each on the side its cell stands, read side by side: the left
/// column's lines first, row by row, then the right's.
pub fn table_lines(grid: &Grid) -> Vec<Line> {
    let total: f32 = grid.widths.iter().sum();
    let columns = grid.widths.len().max(1);
    let side_of = |column: usize, span: usize| {
        let centre = if total > 0.0 {
            let start: f32 = grid.widths.iter().take(column).sum();
            let width: f32 = grid.widths.iter().skip(column).take(span).sum();
            (start + width / 2.0) / total
        } else {
            (column as f32 + span as f32 / 2.0) / columns as f32
        };
        if centre < 0.5 {
            Side::Left
        } else {
            Side::Right
        }
    };
    let mut left = Vec::new();
    let mut right = Vec::new();
    for cell in grid.cells().filter(|c| !c.merged) {
        let side = side_of(cell.column, cell.span);
        let target = if side == Side::Left {
            &mut left
        } else {
            &mut right
        };
        for para in &cell.paragraphs {
            target.extend(lines_of(para, side));
        }
    }
    left.extend(right);
    left
}

/// The lines of a header paragraph set without a table: split where tabs or a run of spaces part
/// the agency's side from the Quốc hiệu's.
pub fn paragraph_lines(para: &Para) -> Vec<Line> {
    let mut out = Vec::new();
    for (k, text) in para.text().split('\n').enumerate() {
        let parts = split_sides(text);
        let bold = para.bold();
        let line = |text: &str, side| Line {
            text: text.to_string(),
            paragraph: para.number,
            bold,
            side,
        };
        match parts.as_slice() {
            [one] => {
                let side = if nd30::is_national_name(one)
                    || nd30::is_motto(one)
                    || date_of(one).is_some()
                    || (para.centred && k > 0)
                {
                    Side::Right
                } else {
                    Side::Left
                };
                out.push(line(one, side));
            }
            [first, rest @ ..] => {
                out.push(line(first, Side::Left));
                out.push(line(&rest.join(" "), Side::Right));
            }
            [] => {}
        }
    }
    out
}

/// The parts of a line set apart by tabs or by three spaces or more; the room a draft leaves blank
/// for a number or a day (`Số:      /UBND`, `ngày      tháng`) parts nothing.
fn split_sides(text: &str) -> Vec<String> {
    let mut segments: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut spaces = 0;
    for c in text.chars() {
        if c == '\t' || (c == ' ' && spaces >= 2) {
            segments.push(std::mem::take(&mut current));
            spaces = 0;
        } else {
            spaces = if c == ' ' { spaces + 1 } else { 0 };
            current.push(c);
        }
    }
    segments.push(current);
    let mut parts: Vec<String> = Vec::new();
    for segment in segments.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let blank_before = parts.last().is_some_and(|p| {
            ["Số:", "Số", "ngày", "tháng"]
                .iter()
                .any(|w| p.ends_with(w))
        }) || segment.starts_with('/')
            || segment.starts_with("tháng")
            || segment.starts_with("năm");
        match parts.last_mut() {
            Some(last) if blank_before => {
                last.push_str(nd30::BLANK);
                last.push_str(segment);
            }
            _ => parts.push(segment.to_string()),
        }
    }
    parts
}

/// What a Số line says: the number (`None` when left blank), the number as written when it is no
/// number, and the ký hiệu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLine {
    /// The number.
    pub number: Option<u32>,
    /// What stands where the number goes when it is not one (`130-12`).
    pub odd: Option<String>,
    /// The ký hiệu.
    pub symbol: String,
}

/// The Số line's parts, if `line` is one (`Số:      /QĐ-UBND`, `Số 12/UBND-NC`).
pub fn number_of(line: &str) -> Option<NumberLine> {
    let rest = line.trim().strip_prefix("Số")?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let (number, symbol) = rest.split_once('/')?;
    let number = number.trim().trim_matches(['.', '…', '_']).trim();
    let symbol: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
    if symbol.is_empty() {
        return None;
    }
    let (number, odd) = if number.is_empty() {
        (None, None)
    } else {
        match number.parse::<u32>() {
            Ok(n) if n > 0 => (Some(n), None),
            _ => (None, Some(number.to_string())),
        }
    };
    Some(NumberLine {
        number,
        odd,
        symbol,
    })
}

/// A place-and-date line read: the place, and the year, month and day where written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The place.
    pub place: String,
    /// The year.
    pub year: Option<u16>,
    /// The month.
    pub month: Option<u8>,
    /// The day.
    pub day: Option<u8>,
}

/// The place and date of `line`, if it is a date line (`Lâm Đồng, ngày      tháng 11 năm 2025`).
pub fn date_of(line: &str) -> Option<DateLine> {
    let line = line.trim();
    let at = line.find("ngày")?;
    let place = line[..at].trim().trim_end_matches(',').trim();
    let words = &line[at + "ngày".len()..];
    let (day, rest) = words.split_once("tháng")?;
    let (month, year) = rest.split_once("năm")?;
    let number = |text: &str| -> Option<Option<u32>> {
        let text = text.trim().trim_matches(['.', '…', '_', ' ']);
        if text.is_empty() {
            Some(None)
        } else {
            text.parse::<u32>().ok().map(Some)
        }
    };
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    if place.split_whitespace().count() > 6 {
        return None;
    }
    Some(DateLine {
        place: place.to_string(),
        year: year.and_then(|y| u16::try_from(y).ok()),
        month: month
            .and_then(|m| u8::try_from(m).ok())
            .filter(|m| (1..=12).contains(m)),
        day: day
            .and_then(|d| u8::try_from(d).ok())
            .filter(|d| (1..=31).contains(d)),
    })
}

/// The decision a document is issued with, as its title's reference line names it.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The decision's kind.
    pub kind: nd30::Kind,
    /// Its number and ký hiệu.
    pub number: NumberLine,
    /// Its date.
    pub date: DateLine,
}

/// The reference line under the title of a document issued with a decision (`(Ban hành kèm theo
/// Quyết định số 12/QĐ-UBND ngày 15 tháng 9 năm 2021 của …)`), read.
pub fn reference_of(line: &str) -> Option<Reference> {
    let inner = line.trim().strip_prefix('(')?;
    let lower = inner.to_lowercase();
    let at = lower.find("kèm theo")? + "kèm theo".len();
    let rest = inner.get(at..)?.trim_start();
    let kind = nd30::KINDS
        .iter()
        .filter(|k| rest.to_lowercase().starts_with(&k.name.to_lowercase()))
        .max_by_key(|k| k.name.len())?;
    let rest = rest.get(kind.name.len()..)?.trim_start();
    let rest = rest.strip_prefix("số").unwrap_or(rest);
    let (number, date) = rest.split_once("ngày")?;
    let date = date.split(" của ").next().unwrap_or(date);
    Some(Reference {
        kind: *kind,
        number: number_of(&format!("Số: {number}"))?,
        date: date_of(&format!("ngày {date}"))?,
    })
}

/// Whether a line opens the V/v of a letter.
pub fn subject_of(line: &str) -> Option<&str> {
    let line = line.trim();
    ["V/v", "V/V", "v/v"]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .map(|rest| rest.trim_start_matches([':', '.']).trim())
}

/// What the header says.
#[derive(Debug, Default)]
pub struct Header {
    /// Parent authority lines.
    pub parent: Vec<String>,
    /// The agency's name lines.
    pub agency: Vec<String>,
    /// The Số line.
    pub number: Option<NumberLine>,
    /// The place and date.
    pub date: Option<DateLine>,
    /// The V/v, its lines joined.
    pub subject: Option<String>,
    /// `Kính gửi:` lines met in the header (a header table with a row for them).
    pub recipients: Vec<Line>,
}

/// Reads the header's lines into its fields, noting each.
pub fn read(lines: &[Line], notes: &mut Noted) -> Header {
    let mut header = Header::default();
    let mut agency: Vec<&Line> = Vec::new();
    let mut in_subject = false;
    let mut in_recipients = false;
    let mut subject: Vec<&str> = Vec::new();
    for line in lines {
        let text = line.text.as_str();
        if nd30::is_national_name(text) {
            notes.add(line.paragraph, text, "Quốc hiệu (vanban writes it)");
        } else if nd30::is_motto(text) {
            notes.add(line.paragraph, text, "Tiêu ngữ (vanban writes it)");
        } else if nd30::is_header_mark(text) {
            notes.add(
                line.paragraph,
                text,
                "left out: a mark vanban does not keep",
            );
        } else if let Some(number) = number_of(text).filter(|_| header.number.is_none()) {
            let what = match (&number.number, &number.odd) {
                (Some(n), _) => format!("number {n}, ký hiệu {}", number.symbol),
                (None, Some(odd)) => format!(
                    "ký hiệu {}; {odd:?} is no number: left blank for the văn thư",
                    number.symbol
                ),
                (None, None) => format!("number left blank, ký hiệu {}", number.symbol),
            };
            notes.add(line.paragraph, text, &what);
            header.number = Some(number);
            in_subject = false;
        } else if let Some(date) = date_of(text).filter(|_| header.date.is_none()) {
            notes.add(line.paragraph, text, "place and date");
            header.date = Some(date);
        } else if let Some(rest) = subject_of(text).filter(|_| line.side == Side::Left) {
            notes.add(line.paragraph, text, "V/v (trích yếu)");
            subject.push(rest);
            in_subject = true;
        } else if text.starts_with("Kính gửi") {
            header.recipients.push(line.clone());
            in_recipients = true;
        } else if in_recipients {
            header.recipients.push(line.clone());
        } else if in_subject && line.side == Side::Left {
            notes.add(line.paragraph, text, "V/v, continued");
            subject.push(text);
        } else if line.side == Side::Left && header.number.is_none() && subject.is_empty() {
            agency.push(line);
        } else {
            notes.add(line.paragraph, text, "left out: not a line of the header");
        }
    }
    if !subject.is_empty() {
        header.subject = Some(subject.join(" "));
    }
    let (parent, name) = split_agency(&agency);
    for line in parent {
        notes.add(line.paragraph, &line.text, "parent authority");
        header.parent.push(line.text.clone());
    }
    for line in name {
        notes.add(line.paragraph, &line.text, "issuing agency");
        header.agency.push(line.text.clone());
    }
    header
}

/// Words after which a place's name follows, each of its words capitalised (`tỉnh Lâm Đồng`).
const PLACE_WORDS: [&str; 8] = [
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "quận",
    "thị xã",
    "thị trấn",
    "thành phố",
];

/// Words that open an organ's name, its specific name after them capitalised (`Sở Nội vụ`).
const ORGAN_WORDS: [&str; 10] = [
    "sở",
    "bộ",
    "cục",
    "tổng cục",
    "vụ",
    "ban",
    "phòng",
    "chi cục",
    "trung tâm",
    "viện",
];

/// An agency's name in capitals (`SỞ NỘI VỤ`, `ỦY BAN NHÂN DÂN` / `TỈNH LÂM ĐỒNG`) as running text
/// writes it, by the capitalisation rules of names (Phụ lục II): the first word capitalised, the
/// word that names an organ's field after `Sở`, `Bộ`, `Ban` …, and every word of a place after
/// `tỉnh`, `huyện` …; each line kept a line.
pub fn running_text_guess(lines: &[String]) -> Vec<String> {
    let capital = |word: &str| {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect::<String>()
        })
    };
    let words: Vec<String> = lines
        .iter()
        .flat_map(|l| l.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    // The word after an organ's opening words names its field.
    let field = ORGAN_WORDS
        .iter()
        .map(|organ| organ.split(' ').count())
        .find(|&n| words.len() > n && ORGAN_WORDS.contains(&words[..n].join(" ").as_str()));
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut in_place = false;
    for (i, word) in words.iter().enumerate() {
        let ends = |phrase: &str| {
            let n = phrase.split(' ').count();
            i >= n && words[i - n..i].join(" ") == phrase
        };
        in_place = in_place || PLACE_WORDS.iter().any(|p| ends(p));
        out.push(if i == 0 || in_place || Some(i) == field {
            capital(word)
        } else {
            word.clone()
        });
    }
    let mut at = 0;
    lines
        .iter()
        .map(|line| {
            let n = line.split_whitespace().count();
            let part = out[at..(at + n).min(out.len())].join(" ");
            at += n;
            part
        })
        .collect()
}

/// The agency's lines parted into the parent authority's and the agency's own: the parent is set
/// upright and the agency in bold; where the weights do not tell, a two-line `ỦY BAN NHÂN DÂN` /
/// `TỈNH …` is one name, and otherwise the last line is the agency's.
fn split_agency<'a>(lines: &[&'a Line]) -> (Vec<&'a Line>, Vec<&'a Line>) {
    if lines.len() < 2 {
        return (Vec::new(), lines.to_vec());
    }
    let first_bold = lines.iter().position(|l| l.bold);
    if let Some(at) = first_bold.filter(|&at| at > 0) {
        if lines[at..].iter().all(|l| l.bold) {
            return (lines[..at].to_vec(), lines[at..].to_vec());
        }
    }
    let council = ["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"];
    if lines.len() == 2 && council.contains(&lines[0].text.to_uppercase().as_str()) {
        return (Vec::new(), lines.to_vec());
    }
    let last = lines.len() - 1;
    (lines[..last].to_vec(), lines[last..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_names_in_running_text() {
        let guess = |lines: &[&str]| {
            running_text_guess(&lines.iter().map(|l| l.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            guess(&["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]),
            ["Ủy ban nhân dân", "tỉnh Lâm Đồng"]
        );
        assert_eq!(guess(&["SỞ NỘI VỤ"]), ["Sở Nội vụ"]);
        assert_eq!(guess(&["BỘ TÀI CHÍNH"]), ["Bộ Tài chính"]);
        assert_eq!(guess(&["VĂN PHÒNG"]), ["Văn phòng"]);
        assert_eq!(
            guess(&["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
            ["Ủy ban nhân dân", "thành phố Hồ Chí Minh"]
        );
    }

    #[test]
    fn number_lines() {
        assert_eq!(
            number_of("Số:      /QĐ-UBND"),
            Some(NumberLine {
                number: None,
                odd: None,
                symbol: "QĐ-UBND".into()
            })
        );
        assert_eq!(
            number_of("Số: 2114/TTr-SNV").and_then(|n| n.number),
            Some(2114)
        );
        assert_eq!(
            number_of("Số: 130-12/TTr-SNV").and_then(|n| n.odd),
            Some("130-12".into())
        );
        assert_eq!(number_of("Số lượng: 12"), None);
    }

    #[test]
    fn reference_lines() {
        let r = reference_of(
            "(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày      tháng 5 năm 2025 của Ủy ban nhân dân tỉnh)",
        )
        .expect("a reference");
        assert_eq!(r.kind.slug, "quyet-dinh");
        assert_eq!(
            (r.number.number, r.number.symbol.as_str()),
            (None, "QĐ-UBND")
        );
        assert_eq!(
            (r.date.year, r.date.month, r.date.day),
            (Some(2025), Some(5), None)
        );
        assert!(reference_of("(Kèm theo danh sách)").is_none());
    }

    #[test]
    fn date_lines() {
        let date = date_of("Lâm Đồng, ngày      tháng 11 năm 2025").expect("a date line");
        assert_eq!(
            (date.place.as_str(), date.year, date.month, date.day),
            ("Lâm Đồng", Some(2025), Some(11), None)
        );
        let date = date_of("Hà Nội, ngày 05 tháng 02 năm 2021").expect("a date line");
        assert_eq!((date.day, date.month), (Some(5), Some(2)));
        assert!(date_of("Báo cáo ngày hôm nay").is_none());
    }

    #[test]
    fn sides_part_at_tabs_and_runs_of_spaces() {
        assert_eq!(
            split_sides("SỞ NỘI VỤ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ["SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        );
        assert_eq!(
            split_sides("Số: 12/SNV    Hà Nội"),
            ["Số: 12/SNV", "Hà Nội"]
        );
        assert_eq!(split_sides("Số: 12/SNV"), ["Số: 12/SNV"]);
        assert_eq!(
            split_sides("Số:       /SNV\t\tLâm Đồng, ngày      tháng 3 năm 2025"),
            ["Số:      /SNV", "Lâm Đồng, ngày      tháng 3 năm 2025"]
        );
    }
}
