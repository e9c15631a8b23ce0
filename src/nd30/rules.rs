//! The checkable rules (nd30.md §6) and the judgements of printed strings against them.
//!
//! A reader of documents finds the strings and measures; these functions say whether they are right,
//! asking the rest of this module for the expected form instead of restating it.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::annex::annex_label;
use super::date::{date_words, Date};
use super::format::{Range, LIMITS};
use super::kind::{KINDS, OBSOLETE_CODES};
use super::numbering::{Level, Numbering};
use super::signature::{position_lines, signer_name};
use super::symbol::{number_line, symbol_parts, SymbolError};
use super::words::{
    ANNEX_LABEL, ANNEX_REFERENCE, ARCHIVE_LABEL, BASIS_OPENINGS, CONTENT_END_MARK, ITEM_END,
    LAST_ITEM_END, LIST_DASH, MOTTO, NATIONAL_NAME, NUMBER_LABEL, REGISTRY_CODE, URGENCY,
};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Severity {
    /// Violates the text of Decree 30.
    #[serde(rename = "E")]
    Error,
    /// Deviates from the official templates or common practice.
    #[serde(rename = "W")]
    Warning,
}

/// One rule of the checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Rule number in nd30.md §6.
    pub number: u8,
    /// Error or warning.
    pub severity: Severity,
    /// A short name: `date`, `number`.
    pub topic: &'static str,
    /// Where the Decree says so.
    pub source: &'static str,
}

impl Rule {
    const fn error(number: u8, topic: &'static str, source: &'static str) -> Rule {
        Rule {
            number,
            severity: Severity::Error,
            topic,
            source,
        }
    }

    /// The same rule, as a warning.
    pub const fn warning(self) -> Rule {
        Rule {
            severity: Severity::Warning,
            ..self
        }
    }

    /// `E13`, `W5`.
    pub fn id(&self) -> String {
        let letter = match self.severity {
            Severity::Error => 'E',
            Severity::Warning => 'W',
        };
        format!("{letter}{}", self.number)
    }
}

/// Page size A4.
pub const PAGE_SIZE: Rule = Rule::error(1, "page size", "Decree 30, Phụ lục I, I.3");
/// Portrait pages; landscape only for a table or chart.
pub const ORIENTATION: Rule = Rule::error(1, "orientation", "Decree 30, Phụ lục I, I.2").warning();
/// Page margins.
pub const MARGINS: Rule = Rule::error(2, "margins", "Decree 30, Phụ lục I, I.3");
/// Times New Roman throughout.
pub const FONT_FACE: Rule = Rule::error(3, "font", "Decree 30, Phụ lục I, I.2");
/// Black text (the red urgency mark excepted).
pub const TEXT_COLOUR: Rule = Rule::error(4, "colour", "Decree 30, Phụ lục I, I.4");
/// Unicode text, TCVN 6909:2001.
pub const UNICODE_TEXT: Rule = Rule::error(5, "text", "Decree 30, Phụ lục I, I.1");
/// No page number on page 1; from page 2, the number centred in the top margin.
pub const PAGE_NUMBER: Rule = Rule::error(6, "page number", "Decree 30, Phụ lục I, II.10");
/// Each annex numbered from 1, its first page showing none.
pub const ANNEX_PAGES: Rule = Rule::error(7, "annex pages", "Decree 30, Phụ lục I, III.1.đ");
/// The Quốc hiệu.
pub const NATIONAL_NAME_LINE: Rule = Rule::error(8, "Quốc hiệu", "Decree 30, Phụ lục I, II.1");
/// The Tiêu ngữ.
pub const MOTTO_LINE: Rule = Rule::error(9, "Tiêu ngữ", "Decree 30, Phụ lục I, II.1");
/// The issuing agency's name (and the parent authority's above it).
pub const AGENCY: Rule = Rule::error(11, "agency", "Decree 30, Phụ lục I, II.2");
/// The rule under the Tiêu ngữ.
pub const MOTTO_RULE: Rule =
    Rule::error(10, "rule under the Tiêu ngữ", "Decree 30, Phụ lục I, II.1");
/// The Số line.
pub const NUMBER_LINE: Rule = Rule::error(12, "number", "Decree 30, Phụ lục I, II.3");
/// The place-and-date line.
pub const DATE_LINE: Rule = Rule::error(13, "date", "Decree 30, Phụ lục I, II.4");
/// The title agrees with the ký hiệu.
pub const KIND_CODE: Rule = Rule::error(15, "kind", "Decree 30, Phụ lục III");
/// Structure numbered in sequence.
pub const SEQUENCE: Rule = Rule::error(21, "numbering", "Decree 30, Phụ lục I, II.6");
/// The title of a named kind, as printed.
pub const TITLE: Rule = Rule::error(15, "title", "Decree 30, Phụ lục I, II.5a");
/// The `V/v` line of a công văn.
pub const LETTER_SUBJECT: Rule = Rule::error(15, "V/v", "Decree 30, Phụ lục I, II.5b");
/// The trích yếu under a named kind's title.
pub const SUBJECT: Rule = Rule::error(16, "trích yếu", "Decree 30, Phụ lục I, II.5a");
/// A decision's legal bases: italic, each ending `;`, the last `.`.
pub const BASES: Rule = Rule::error(19, "căn cứ", "Decree 30, Phụ lục I, II.6b");
/// Lengths the document metadata allows (Phụ lục VI).
pub const LENGTHS: Rule = Rule::error(35, "length", "Decree 30, Phụ lục VI").warning();
/// Body paragraphs: justified, indented, 13–14 pt, spaced.
pub const BODY: Rule = Rule::error(18, "body", "Decree 30, Phụ lục I, II.6e");
/// Abbreviations replaced by Decree 30.
pub const OBSOLETE_CODE: Rule = Rule::error(17, "abbreviation", "Decree 30, Phụ lục III");
/// The Nơi nhận list ends with `- Lưu: VT`.
pub const ARCHIVE_LINE: Rule = Rule::error(25, "Nơi nhận", "Decree 30, Phụ lục I, II.9b");
/// The content ends with `./.`.
pub const CONTENT_END: Rule =
    Rule::error(22, "content end", "Decree 30, Phụ lục I, II.8").warning();
/// Signature prefixes and position lines.
pub const SIGNATURE: Rule = Rule::error(23, "signature", "Decree 30, Điều 13 and Phụ lục I, II.7");
/// The contact lines at the foot of page 1 (ô 13).
pub const CONTACT_LINES: Rule =
    Rule::error(28, "contact lines", "Decree 30, Phụ lục I, II.11 (ô 13)");
/// The urgency mark in its box.
pub const URGENCY_MARK: Rule = Rule::error(29, "urgency", "Decree 30, Phụ lục I, II.10 (ô 10b)");
/// No academic title before the signer's name.
pub const SIGNER_NAME: Rule = Rule::error(24, "signer", "Decree 30, Phụ lục I, II.7c");
/// The Kính gửi list: `- …;` lines, the last ending with a full stop.
pub const ADDRESSEES: Rule = Rule::error(26, "Kính gửi", "Decree 30, Phụ lục I, II.9a");
/// Annex headings: Roman numerals when there are several, and the `(Kèm theo …)` line.
pub const ANNEX_HEADING: Rule = Rule::error(30, "annex", "Decree 30, Phụ lục I, II.12");

/// How a component is set: its size range, and whether bold and italic (`None`: either).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Appearance {
    /// Allowed sizes in points.
    pub size: Range,
    /// Bold or not.
    pub bold: Option<bool>,
    /// Italic or not.
    pub italic: Option<bool>,
}

/// The Quốc hiệu: 12–13 pt, bold.
pub const NATIONAL_NAME_LOOK: Appearance = Appearance {
    size: LIMITS.header_name_pt,
    bold: Some(true),
    italic: Some(false),
};
/// The Tiêu ngữ: 13–14 pt, bold.
pub const MOTTO_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: Some(true),
    italic: Some(false),
};
/// The Số line: 13 pt, upright, not bold.
pub const NUMBER_LOOK: Appearance = Appearance {
    size: LIMITS.number_pt,
    bold: Some(false),
    italic: Some(false),
};
/// The place-and-date line: 13–14 pt, italic, not bold.
pub const DATE_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: Some(false),
    italic: Some(true),
};
/// A named kind's title (`KẾ HOẠCH`): 13–14 pt, bold, upright.
pub const TITLE_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: Some(true),
    italic: Some(false),
};
/// The `Nơi nhận:` label: 12 pt, bold italic.
pub const DISTRIBUTION_LABEL_LOOK: Appearance = Appearance {
    size: LIMITS.distribution_label_pt,
    bold: Some(true),
    italic: Some(true),
};

/// The issuing agency's name, its last header line: 12–13 pt, bold.
pub const AGENCY_LOOK: Appearance = Appearance {
    size: LIMITS.header_name_pt,
    bold: Some(true),
    italic: Some(false),
};
/// A header line above the agency's last one (the parent authority, not bold, or the agency's name
/// wrapped, bold): 12–13 pt, upright.
pub const HEADER_LINE_LOOK: Appearance = Appearance {
    size: LIMITS.header_name_pt,
    bold: None,
    italic: Some(false),
};
/// A công văn's `V/v` line: 12–13 pt, upright, not bold.
pub const LETTER_SUBJECT_LOOK: Appearance = Appearance {
    size: LIMITS.letter_subject_pt,
    bold: Some(false),
    italic: Some(false),
};
/// The trích yếu under a title: 13–14 pt, bold, upright.
pub const SUBJECT_LOOK: Appearance = TITLE_LOOK;
/// `Kính gửi:` and its addressees: 13–14 pt, upright.
pub const RECIPIENTS_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: None,
    italic: Some(false),
};
/// A Nơi nhận item: 11 pt, upright.
pub const DISTRIBUTION_ITEM_LOOK: Appearance = Appearance {
    size: LIMITS.distribution_item_pt,
    bold: None,
    italic: Some(false),
};
/// Position lines and the signer's name: 13–14 pt, bold, upright.
pub const SIGNATURE_LOOK: Appearance = TITLE_LOOK;
/// An annex's `Phụ lục I` heading: 14 pt, bold, upright.
pub const ANNEX_LABEL_LOOK: Appearance = Appearance {
    size: LIMITS.annex_label_pt,
    bold: Some(true),
    italic: Some(false),
};
/// An annex's title: 13–14 pt, bold, upright.
pub const ANNEX_TITLE_LOOK: Appearance = TITLE_LOOK;
/// An annex's `(Kèm theo …)` line: 13–14 pt, italic, not bold.
pub const ANNEX_REFERENCE_LOOK: Appearance = DATE_LOOK;

/// The legal bases: 13–14 pt, italic.
pub const BASES_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: None,
    italic: Some(true),
};

/// Whether `line` opens a legal basis (`Căn cứ …`, `Theo đề nghị …`, `Xét …`).
pub fn is_basis(line: &str) -> bool {
    let line = line.trim_start();
    BASIS_OPENINGS.iter().any(|opening| {
        line.strip_prefix(opening)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Whether `line` is the word that enacts a decision (`QUYẾT ĐỊNH:`), after its legal bases.
pub fn is_enacting(line: &str) -> bool {
    KINDS
        .iter()
        .filter_map(|k| k.enacting)
        .any(|word| line.trim() == word)
}

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

/// Body text: 13–14 pt.
pub const BODY_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: None,
    italic: None,
};

/// The urgency mark: 13–14 pt, bold, upright.
pub const URGENCY_LOOK: Appearance = TITLE_LOOK;
/// The contact lines: 11–12 pt, upright.
pub const CONTACT_LOOK: Appearance = Appearance {
    size: LIMITS.footer_pt,
    bold: None,
    italic: Some(false),
};

/// The width of the box `line` is printed in, when it is an urgency mark (`HOẢ TỐC` accepted beside
/// `HỎA TỐC`).
pub fn urgency_box_mm(line: &str) -> Option<f32> {
    let line = line.trim().replace("HOẢ", "HỎA");
    URGENCY
        .iter()
        .find(|(_, text, _)| *text == line)
        .map(|&(_, _, width)| width)
}

/// Whether a colour of red, green and blue components (0 to 1) prints as black: none above a tenth,
/// as office programs' near-blacks are.
pub fn is_black(red: f32, green: f32, blue: f32) -> bool {
    red.max(green).max(blue) <= 0.1
}

/// Text set in `colour` (as the format names it) rather than black; the urgency mark may be red.
pub fn judge_colour(line: &str, colour: &str) -> Option<Verdict> {
    (urgency_box_mm(line).is_none()).then(|| {
        Verdict::new(
            TEXT_COLOUR,
            format!("{} (in {colour})", excerpt(line)),
            "black text",
        )
    })
}

/// Contact lines printed after page 1 (on `page`, when known).
pub fn contact_lines_repeated(line: &str, page: Option<u32>) -> Verdict {
    let place = page.map_or_else(
        || "on the pages after the first".to_string(),
        |p| format!("on page {p}"),
    );
    Verdict::new(
        CONTACT_LINES,
        format!("{} ({place})", excerpt(line)),
        "contact lines on page 1 only (a different first-page footer)",
    )
}

/// A component's look against its [`Appearance`]: size (when declared), weight and slant.
pub fn judge_look(
    rule: Rule,
    line: &str,
    size_pt: Option<f32>,
    bold: bool,
    italic: bool,
    expected: Appearance,
) -> Option<Verdict> {
    let size_wrong = size_pt.is_some_and(|s| !expected.size.contains(s));
    let bold_wrong = expected.bold.is_some_and(|b| b != bold);
    let italic_wrong = expected.italic.is_some_and(|i| i != italic);
    if !(size_wrong || bold_wrong || italic_wrong) {
        return None;
    }
    let describe = |size: String, bold: bool, italic: bool| {
        let weight = if bold { "bold" } else { "not bold" };
        let slant = if italic { "italic" } else { "upright" };
        format!("{size}, {weight}, {slant}")
    };
    let found_size = size_pt.map_or_else(|| "size not declared".to_string(), |s| format!("{s} pt"));
    let range = expected.size;
    let wanted_size = if range.min == range.max {
        format!("{} pt", range.min)
    } else {
        format!("{}–{} pt", range.min, range.max)
    };
    Some(Verdict::new(
        rule,
        format!("{} ({})", excerpt(line), describe(found_size, bold, italic)),
        describe(
            wanted_size,
            expected.bold.unwrap_or(bold),
            expected.italic.unwrap_or(italic),
        ),
    ))
}

/// Text reaching `reach_mm` from the page's `side` edge, against the margin's `range`: too near the
/// edge (beyond the slack the format allows) is a finding.
pub fn judge_margin_reach(side: &str, reach_mm: f32, range: Range, page: u32) -> Option<Verdict> {
    (reach_mm < range.min - LIMITS.margin_slack_mm).then(|| {
        let found = if reach_mm < 0.0 {
            format!(
                "text running {:.0} mm past the {side} edge on page {page}",
                -reach_mm
            )
        } else {
            format!("text {reach_mm:.0} mm from the {side} edge on page {page}")
        };
        Verdict::new(
            MARGINS,
            found,
            format!("{side} margin {:.0}–{:.0} mm", range.min, range.max),
        )
    })
}

/// A line `offset_mm` away from where `reference` puts it, against `tolerance_mm`.
pub fn judge_offset(
    rule: Rule,
    line: &str,
    offset_mm: f32,
    tolerance_mm: f32,
    reference: &str,
) -> Option<Verdict> {
    (offset_mm.abs() > tolerance_mm).then(|| {
        Verdict::new(
            rule,
            format!("{} ({offset_mm:+.1} mm off {reference})", line.trim()),
            format!("{reference}, within {tolerance_mm} mm"),
        )
    })
}

/// A body paragraph's alignment, as Word names it: justified (`both`, or `distribute`).
pub fn judge_body_alignment(line: &str, alignment: &str) -> Option<Verdict> {
    (!["both", "distribute"].contains(&alignment)).then(|| {
        Verdict::new(
            BODY,
            format!("{} (aligned {alignment})", excerpt(line)),
            "justify the body's paragraphs",
        )
    })
}

/// A body paragraph's first-line indent, mm: 1 cm or 1.27 cm.
pub fn judge_body_indent(line: &str, first_line_mm: f32) -> Option<Verdict> {
    let allowed = LIMITS.indents_mm;
    let near = allowed
        .iter()
        .any(|mm| (first_line_mm - mm).abs() <= LIMITS.indent_tolerance_mm);
    (!near).then(|| {
        Verdict::new(
            BODY,
            format!(
                "{} (first-line indent {first_line_mm:.1} mm)",
                excerpt(line)
            ),
            format!("first-line indent {} or {} mm", allowed[0], allowed[1]),
        )
    })
}

/// The space between two body paragraphs, points.
pub fn judge_paragraph_gap(line: &str, gap_pt: f32) -> Option<Verdict> {
    let least = LIMITS.min_paragraph_gap_pt;
    (gap_pt + 0.05 < least).then(|| {
        Verdict::new(
            BODY,
            format!("{} ({gap_pt:.0} pt to the next paragraph)", excerpt(line)),
            format!("at least {least:.0} pt between paragraphs"),
        )
    })
}

/// A body paragraph's line spacing, as a multiple of single spacing.
pub fn judge_line_spacing(line: &str, lines: f32) -> Option<Verdict> {
    let range = LIMITS.line_spacing;
    (!(range.min - 0.01..=range.max + 0.01).contains(&lines)).then(|| {
        Verdict::new(
            BODY,
            format!("{} (line spacing {lines:.2} lines)", excerpt(line)),
            format!("line spacing from {} to {} lines", range.min, range.max),
        )
    })
}

/// The first words of a long line, to name it in a finding.
fn excerpt(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

/// The rule drawn under `line` (`text_mm` wide): `drawn` gives its length and how far its centre lies
/// from the line's, `None` when there is none. Its length must be `share` of the line's width, give or
/// take `tolerance` of it.
pub fn judge_underline(
    rule: Rule,
    line: &str,
    text_mm: f32,
    drawn: Option<(f32, f32)>,
    share: Range,
    tolerance: f32,
) -> Option<Verdict> {
    let (shortest, longest) = (
        share.min * (1.0 - tolerance) * text_mm,
        share.max * (1.0 + tolerance) * text_mm,
    );
    let wanted = format!(
        "a rule {shortest:.0}–{longest:.0} mm long, centred under “{}”",
        excerpt(line)
    );
    let Some((length, offset)) = drawn else {
        return Some(Verdict::new(
            rule,
            format!("no rule under “{}”", excerpt(line)),
            wanted,
        ));
    };
    if !(shortest..=longest).contains(&length) {
        let found = format!(
            "a rule {length:.0} mm long under “{}” ({text_mm:.0} mm)",
            excerpt(line)
        );
        return Some(Verdict::new(rule, found, wanted));
    }
    judge_offset(
        rule,
        &format!("the rule under “{}”", excerpt(line)),
        offset,
        LIMITS.rule_offset_mm,
        "the line's centre",
    )
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

/// Where the centre of the text area lies across a page `width_mm` wide, from the left edge: between
/// the widest left and narrowest right margin and the other way round.
pub fn text_centre_mm(width_mm: f32) -> Range {
    let l = LIMITS;
    Range::new(
        (l.margin_left_mm.min + width_mm - l.margin_right_mm.max) / 2.0,
        (l.margin_left_mm.max + width_mm - l.margin_right_mm.min) / 2.0,
    )
}

/// Font names accepted as a warning: metric clones of Times New Roman.
pub const METRIC_CLONES: [&str; 2] = ["Liberation Serif", "Tinos"];

/// A rule broken by a string, with what was found and what fixes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The rule.
    pub rule: Rule,
    /// What was found: `"tháng 03"`.
    pub found: String,
    /// What to write instead, or what to do.
    pub fix: String,
}

impl Verdict {
    /// A verdict of `rule` on `found`, fixed by `fix`.
    pub fn new(rule: Rule, found: impl Into<String>, fix: impl Into<String>) -> Verdict {
        Verdict {
            rule,
            found: found.into(),
            fix: fix.into(),
        }
    }
}

/// Whether `line` is meant as the Quốc hiệu (whatever its spelling).
pub fn is_national_name(line: &str) -> bool {
    line.trim().to_uppercase().contains("XÃ HỘI CHỦ NGHĨA")
}

/// The Quốc hiệu as printed; `HOÀ` is accepted beside `HÒA`.
pub fn judge_national_name(line: &str) -> Option<Verdict> {
    let line = line.trim();
    let accepted = line == NATIONAL_NAME || line == NATIONAL_NAME.replace("HÒA", "HOÀ");
    (!accepted).then(|| Verdict::new(NATIONAL_NAME_LINE, line, NATIONAL_NAME))
}

/// Whether `line` is meant as the Tiêu ngữ.
pub fn is_motto(line: &str) -> bool {
    line.trim().starts_with("Độc lập")
}

/// The Tiêu ngữ, with ASCII hyphens and spaces around them.
pub fn judge_motto(line: &str) -> Option<Verdict> {
    let line = line.trim();
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
    let line = line.trim();
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
            let expected = number_line(n, symbol);
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
pub fn title_kind(line: &str) -> Option<&'static super::Kind> {
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

/// The date words of a place-and-date line (`ngày 10 tháng 8 năm 2021`), if `line` is one.
pub fn date_part(line: &str) -> Option<(&str, &str)> {
    let (place, words) = line.trim().rsplit_once(", ")?;
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

/// The place-and-date line: a real date, written as Decree 30 writes it, after a capitalised place.
pub fn judge_date_line(line: &str) -> Vec<Verdict> {
    let Some((place, words)) = date_part(line) else {
        return Vec::new();
    };
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
            let expected = date_words(date);
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

/// A `- …` list: every item but the last ends with `;`, the last with `.`.
pub fn judge_list(rule: Rule, items: &[&str]) -> Option<Verdict> {
    let last = items.len().checked_sub(1)?;
    items.iter().enumerate().find_map(|(i, item)| {
        let end = if i == last { LAST_ITEM_END } else { ITEM_END };
        let item = item.trim();
        (!item.ends_with(end)).then(|| {
            Verdict::new(
                rule,
                item,
                format!("end every item but the last with {ITEM_END:?}, the last with {LAST_ITEM_END:?}"),
            )
        })
    })
}

/// Whether `text` is a Roman numeral as [`roman`](super::roman) writes them (`I` to `C`).
fn is_roman(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 8
        && text.chars().all(|c| "IVXLC".contains(c))
        && (1..=100).any(|n| super::annex::roman(n) == text)
}

/// The structural label a line opens with and its level: `Phần II` and `Chương II` (Roman) and
/// `Mục 1` as lines of their own, `Điều 3.`, a section's `III.`, a clause's `2.`, a point's `đ)`.
pub fn structure_label(line: &str) -> Option<(Level, &str)> {
    let line = line.trim();
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    for (prefix, level) in [
        ("Phần ", Level::Part),
        ("Chương ", Level::Chapter),
        ("Mục ", Level::Division),
    ] {
        if let Some(rest) = line.strip_prefix(prefix) {
            let numbered = match level {
                Level::Division => digits(rest),
                _ => is_roman(rest),
            };
            return numbered.then_some((level, line));
        }
    }
    let head = line.split_once(' ').map_or(line, |(head, _)| head);
    if let Some(rest) = line.strip_prefix("Điều ") {
        let label = &line[.."Điều ".len() + rest.find(' ').unwrap_or(rest.len())];
        let number = rest.split_once(' ').map_or(rest, |(n, _)| n);
        return number
            .strip_suffix('.')
            .is_some_and(digits)
            .then_some((Level::Article, label));
    }
    if !line.contains(' ') {
        return None;
    }
    if let Some(number) = head.strip_suffix('.') {
        if digits(number) {
            return Some((Level::Clause, head));
        }
        if is_roman(number) {
            return Some((Level::Section, head));
        }
    }
    let letter = head.strip_suffix(')')?;
    (letter.chars().count() == 1 && letter.chars().all(char::is_lowercase))
        .then_some((Level::Point, head))
}

/// Numbering that has just written `label` at `level`, if `label` is in that level's sequence.
fn numbering_at(level: Level, label: &str) -> Option<Numbering> {
    let mut numbering = Numbering::default();
    (0..200)
        .any(|_| numbering.label(level) == label)
        .then_some(numbering)
}

/// Labels in sequence, level by level: `Điều` numbers through the document, clauses, points in the
/// order a, b, c, d, đ, e, g, …, sections, chapters and parts. A list (or a document issued with
/// another) may start again from its first label. A label out of sequence is named with the one
/// expected; the count goes on from it when the next label of its level follows it (one left out),
/// and from the expected one otherwise (one mistyped).
pub fn judge_sequence(labels: &[(Level, &str)]) -> Vec<Verdict> {
    let mut counters: Vec<(Level, Numbering)> = Vec::new();
    let mut verdicts = Vec::new();
    for (index, &(level, label)) in labels.iter().enumerate() {
        let at = match counters.iter().position(|(l, _)| *l == level) {
            Some(at) => at,
            None => {
                counters.push((level, Numbering::default()));
                counters.len() - 1
            }
        };
        let expected = counters[at].1.label(level);
        if label == expected {
            continue;
        }
        if label == Numbering::default().label(level) {
            counters[at].1 = Numbering::default();
            counters[at].1.label(level);
            continue;
        }
        verdicts.push(Verdict::new(SEQUENCE, label, expected));
        let next = labels[index + 1..].iter().find(|(l, _)| *l == level);
        if let (Some(numbering), Some(&(_, next))) = (numbering_at(level, label), next) {
            if numbering.clone().label(level) == next {
                counters[at].1 = numbering;
            }
        }
    }
    verdicts
}

/// The content (the lines before the Nơi nhận) ends with [`CONTENT_END_MARK`]: some line must end so,
/// since a second signature (a biên bản's secretary) may stand between the content and the Nơi nhận.
pub fn judge_content_end(content: &[&str]) -> Option<Verdict> {
    if content.iter().any(|l| l.trim().ends_with(CONTENT_END_MARK)) {
        return None;
    }
    let last = content
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())?;
    let tail: String = last
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Some(Verdict::new(
        CONTENT_END,
        tail,
        format!("end the content with {CONTENT_END_MARK}"),
    ))
}

/// The signature block: its position lines (prefixes as Decree 30 writes them) and the signer's name.
pub fn judge_signature(positions: &[String], name: &str) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if let Err(e) = position_lines(positions) {
        verdicts.push(Verdict::new(
            SIGNATURE,
            positions.join(" / "),
            e.to_string(),
        ));
    }
    if let Err(e) = signer_name(name) {
        verdicts.push(Verdict::new(SIGNER_NAME, name, e.to_string()));
    }
    verdicts
}

/// Whether `line` is an annex heading: `Phụ lục`, or `Phụ lục` and one numeral.
pub fn is_annex_label(line: &str) -> bool {
    line.trim().strip_prefix(ANNEX_LABEL).is_some_and(|rest| {
        rest.is_empty() || (rest.starts_with(' ') && rest.split_whitespace().count() == 1)
    })
}

/// The annex headings of a document, in order: numbered in Roman numerals when there are several.
pub fn judge_annex_labels(labels: &[&str]) -> Vec<Verdict> {
    let count = u32::try_from(labels.len()).unwrap_or(u32::MAX);
    (1..=count)
        .zip(labels)
        .filter_map(|(index, label)| {
            let expected = annex_label(index, count);
            (label.trim() != expected).then(|| Verdict::new(ANNEX_HEADING, label.trim(), expected))
        })
        .collect()
}

/// The line under an annex heading's title: `(Kèm theo … số … ngày … tháng … năm … của …)`.
pub fn judge_annex_reference(line: &str) -> Option<Verdict> {
    let line = line.trim();
    let opening = format!("({ANNEX_REFERENCE} ");
    let shaped = line.starts_with(&opening)
        && line.ends_with(')')
        && [" số ", " ngày ", " tháng ", " năm ", " của "]
            .iter()
            .all(|word| line.contains(word));
    (!shaped).then(|| {
        Verdict::new(
            ANNEX_HEADING,
            line,
            format!("{opening}<kind> số <number> ngày … tháng … năm … của <issuer>)"),
        )
    })
}

/// The Nơi nhận items: the last is `- Lưu: VT…` and ends with a full stop.
pub fn judge_distribution(items: &[&str]) -> Option<Verdict> {
    let archive = format!("{LIST_DASH} {ARCHIVE_LABEL} {REGISTRY_CODE}");
    let Some(last) = items.last().map(|s| s.trim()) else {
        return Some(Verdict::new(
            ARCHIVE_LINE,
            "",
            format!("end with {archive}."),
        ));
    };
    let right = last.starts_with(&archive) && last.ends_with('.');
    (!right).then(|| Verdict::new(ARCHIVE_LINE, last, format!("end with {archive}.")))
}

/// Text in Unicode: no `ƣ` from a legacy font converted badly (E5), and NFC (W5).
pub fn judge_text(text: &str) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if text.contains(['ƣ', 'Ƣ']) {
        let at = text
            .split_whitespace()
            .find(|w| w.contains(['ƣ', 'Ƣ']))
            .unwrap_or(text);
        verdicts.push(Verdict::new(
            UNICODE_TEXT,
            at,
            "ư, not ƣ (a legacy-font conversion)",
        ));
    } else if !unicode_normalization::is_nfc(text) {
        let at = text
            .split_whitespace()
            .find(|w| !unicode_normalization::is_nfc(w))
            .unwrap_or(text);
        verdicts.push(Verdict::new(
            UNICODE_TEXT.warning(),
            at,
            at.nfc().collect::<String>(),
        ));
    }
    verdicts
}

/// A font name: Times New Roman, or a metric clone as a warning.
pub fn judge_font(name: &str) -> Option<Verdict> {
    use super::words::FONT;
    if name == FONT {
        None
    } else if METRIC_CLONES.contains(&name) {
        Some(Verdict::new(FONT_FACE.warning(), name, FONT))
    } else {
        Some(Verdict::new(FONT_FACE, name, FONT))
    }
}

/// A font a PDF uses without embedding it: the reader's machine substitutes another.
pub fn unembedded_font(name: &str) -> Verdict {
    Verdict::new(
        FONT_FACE,
        format!("{name} (not embedded)"),
        "embed the fonts in the PDF",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(verdicts: &[Verdict]) -> Vec<String> {
        verdicts.iter().map(|v| v.rule.id()).collect()
    }

    #[test]
    fn number_lines() {
        assert!(judge_number_line("Số: 2402/UBND-NTM").is_empty());
        assert!(judge_number_line("Số: 05/KH-UBND").is_empty());
        assert!(judge_number_line("Số:      /KH-UBND").is_empty());
        let v = judge_number_line("Số: 5/UBND-NTM");
        assert_eq!(ids(&v), ["E12"]);
        assert_eq!(v[0].fix, "Số: 05/UBND-NTM");
        assert_eq!(ids(&judge_number_line("Số: 12/GN-UBND")), ["E17"]);
        assert_eq!(ids(&judge_number_line("Số: 12/UBND NTM")), ["E12"]);
    }

    #[test]
    fn date_lines() {
        assert!(judge_date_line("Cẩm Xuyên, ngày 10 tháng 8 năm 2021").is_empty());
        assert!(judge_date_line("Hà Nội, ngày 05 tháng 02 năm 2021").is_empty());
        let v = judge_date_line("Cẩm Xuyên, ngày 10 tháng 08 năm 2021");
        assert_eq!(
            (ids(&v), v[0].fix.as_str()),
            (vec!["E13".to_string()], "ngày 10 tháng 8 năm 2021")
        );
        assert_eq!(
            ids(&judge_date_line("Cẩm Xuyên, ngày 5 tháng 8 năm 2021")),
            ["E13"]
        );
        assert_eq!(
            ids(&judge_date_line("Cẩm Xuyên, ngày 30 tháng 02 năm 2021")),
            ["E13"]
        );
        assert_eq!(
            ids(&judge_date_line("Cẩm xuyên, ngày 10 tháng 8 năm 2021")),
            ["E13"]
        );
        assert!(date_part("Căn cứ Luật ngày 10 tháng 8 năm 2021 của Quốc hội").is_none());
    }

    #[test]
    fn header_strings() {
        assert!(judge_national_name("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").is_none());
        assert!(judge_national_name("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").is_none());
        assert!(judge_national_name("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.").is_some());
        assert!(judge_motto("Độc lập - Tự do - Hạnh phúc").is_none());
        assert_eq!(
            judge_motto("Độc lập – Tự do – Hạnh phúc").map(|v| v.rule.id()),
            Some("E9".into())
        );
    }

    #[test]
    fn kinds_and_archive() {
        assert!(judge_kind(Some("KẾ HOẠCH"), "KH-UBND").is_none());
        assert!(judge_kind(Some("KẾ HOẠCH"), "QĐ-UBND").is_some());
        assert!(judge_kind(None, "UBND-NTM").is_none());
        assert!(judge_kind(None, "KH-UBND").is_some());
        assert!(judge_distribution(&["- Như trên;", "- Lưu: VT, NTM."]).is_none());
        assert!(judge_distribution(&["- Như trên;", "- Lưu: VT"]).is_some());
        assert!(judge_distribution(&["- Như trên."]).is_some());
        assert!(judge_list(ADDRESSEES, &["- Sở A;", "- Sở B."]).is_none());
        assert!(judge_content_end(&["Nội dung./.", "THƯ KÝ", "Lê Văn C"]).is_none());
        assert!(judge_content_end(&["Nội dung."]).is_some());
        assert!(judge_signature(
            &["TM. ỦY BAN NHÂN DÂN".into(), "CHỦ TỊCH".into()],
            "Nguyễn Văn A"
        )
        .is_empty());
        assert_eq!(
            judge_signature(&["KT. CHỦ TỊCH".into()], "TS. Nguyễn Văn A").len(),
            2
        );
        assert!(judge_list(ADDRESSEES, &["- Sở A", "- Sở B."]).is_some());
        assert!(judge_list(ADDRESSEES, &["- Sở A;", "- Sở B;"]).is_some());
    }

    #[test]
    fn annex_headings() {
        assert!(is_annex_label("Phụ lục II") && is_annex_label("Phụ lục"));
        assert!(!is_annex_label("Phụ lục I kèm theo công văn"));
        assert!(judge_annex_labels(&["Phụ lục I", "Phụ lục II"]).is_empty());
        assert!(judge_annex_labels(&["Phụ lục"]).is_empty());
        assert_eq!(judge_annex_labels(&["Phụ lục I", "Phụ lục 2"]).len(), 1);
        let reference = "(Kèm theo Công văn số 2402/UBND-NTM ngày 10 tháng 8 năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)";
        assert!(judge_annex_reference(reference).is_none());
        assert!(judge_annex_reference("(Kèm theo Công văn 2402)").is_some());
    }

    #[test]
    fn looks() {
        let date = "Cẩm Xuyên, ngày 10 tháng 8 năm 2021";
        assert!(judge_look(DATE_LINE, date, Some(14.0), false, true, DATE_LOOK).is_none());
        assert!(judge_look(DATE_LINE, date, None, false, true, DATE_LOOK).is_none());
        let v = judge_look(DATE_LINE, date, Some(12.0), false, false, DATE_LOOK).expect("wrong");
        assert_eq!(v.fix, "13–14 pt, not bold, italic");
        assert!(judge_look(
            NUMBER_LINE,
            "Số: 05/KH-UBND",
            Some(14.0),
            false,
            false,
            NUMBER_LOOK
        )
        .is_some());
    }

    #[test]
    fn text_and_fonts() {
        assert_eq!(ids(&judge_text("Thƣờng trực")), ["E5"]);
        assert_eq!(ids(&judge_text("Thu\u{301}y")), ["W5"]);
        assert!(judge_text("Thường trực").is_empty());
        assert!(judge_font("Times New Roman").is_none());
        assert_eq!(judge_font("Tinos").map(|v| v.rule.id()), Some("W3".into()));
        assert_eq!(judge_font("Arial").map(|v| v.rule.id()), Some("E3".into()));
    }

    #[test]
    fn structure_labels_are_read_and_their_sequences_judged() {
        let label = |line| structure_label(line);
        assert_eq!(
            label("Điều 12. Hiệu lực"),
            Some((Level::Article, "Điều 12."))
        );
        assert_eq!(label("Điều này quy định"), None);
        assert_eq!(label("Chương IV"), Some((Level::Chapter, "Chương IV")));
        assert_eq!(label("Chương trình OCOP"), None);
        assert_eq!(label("Mục 2"), Some((Level::Division, "Mục 2")));
        assert_eq!(label("Mục tiêu chung"), None);
        assert_eq!(label("II. CHỈ TIÊU"), Some((Level::Section, "II.")));
        assert_eq!(label("3. Văn phòng Điều phối"), Some((Level::Clause, "3.")));
        assert_eq!(label("đ) Hỗ trợ"), Some((Level::Point, "đ)")));
        assert_eq!(label("1.000 đồng"), None);
        assert_eq!(label("2021"), None);

        let judge = |labels: &[(Level, &str)]| -> Vec<(String, String)> {
            judge_sequence(labels)
                .into_iter()
                .map(|v| (v.found, v.fix))
                .collect()
        };
        let (a, c, p) = (Level::Article, Level::Clause, Level::Point);
        assert!(judge(&[
            (a, "Điều 1."),
            (a, "Điều 2."),
            (a, "Điều 1."),
            (a, "Điều 2.")
        ])
        .is_empty());
        assert_eq!(
            judge(&[(a, "Điều 1."), (a, "Điều 3.")]),
            [("Điều 3.".into(), "Điều 2.".into())]
        );
        assert_eq!(
            judge(&[
                (c, "1."),
                (c, "2."),
                (c, "4."),
                (c, "5."),
                (c, "1."),
                (c, "2.")
            ]),
            [("4.".into(), "3.".into())],
            "one skip is one finding; a new list starts again at 1."
        );
        assert_eq!(
            judge(&[
                (p, "a)"),
                (p, "b)"),
                (p, "c)"),
                (p, "d)"),
                (p, "e)"),
                (p, "g)")
            ]),
            [("e)".into(), "đ)".into())],
            "đ comes after d"
        );
        assert_eq!(
            judge(&[(p, "a)"), (p, "b)"), (p, "f)")]),
            [("f)".into(), "c)".into())]
        );
        assert_eq!(
            judge(&[(a, "Điều 1."), (a, "Điều 4."), (a, "Điều 3.")]),
            [("Điều 4.".into(), "Điều 2.".into())],
            "a mistyped number is one finding"
        );
        // Articles and clauses are counted apart: clauses restart under each article.
        assert!(judge(&[
            (a, "Điều 1."),
            (c, "1."),
            (c, "2."),
            (a, "Điều 2."),
            (c, "1.")
        ])
        .is_empty());
    }

    #[test]
    fn positions_are_judged_against_the_limits() {
        assert!(judge_margin_reach("left", 29.0, LIMITS.margin_left_mm, 1).is_none());
        let v = judge_margin_reach("left", 20.0, LIMITS.margin_left_mm, 2).expect("too near");
        assert_eq!(v.found, "text 20 mm from the left edge on page 2");
        assert_eq!(v.fix, "left margin 30–35 mm");
        let past = judge_margin_reach("right", -71.2, LIMITS.margin_right_mm, 14).expect("past");
        assert_eq!(
            past.found,
            "text running 71 mm past the right edge on page 14"
        );
        assert!(judge_offset(MOTTO_LINE, "x", 1.9, 2.0, "here").is_none());
        let v = judge_offset(MOTTO_LINE, "x", -7.4, 2.0, "here").expect("off");
        assert_eq!(v.found, "x (-7.4 mm off here)");
        let centre = text_centre_mm(210.0);
        assert_eq!((centre.min, centre.max), (110.0, 115.0));
    }

    #[test]
    fn body_paragraphs_are_judged_against_the_limits() {
        assert!(judge_body_alignment("x", "both").is_none());
        assert!(judge_body_alignment("x", "left").is_some());
        for indent in [10.0, 10.4, 12.7] {
            assert!(judge_body_indent("x", indent).is_none(), "{indent}");
        }
        assert_eq!(
            judge_body_indent("x", 5.0).map(|v| v.fix),
            Some("first-line indent 10 or 12.7 mm".to_string())
        );
        assert!(judge_paragraph_gap("x", 6.0).is_none());
        assert!(judge_paragraph_gap("x", 5.0).is_some());
        for lines in [1.0, 1.2, 1.5] {
            assert!(judge_line_spacing("x", lines).is_none(), "{lines}");
        }
        assert!(judge_line_spacing("x", 0.83).is_some());
        assert!(judge_line_spacing("x", 2.0).is_some());
        let long = "Thực hiện Chương trình Mỗi xã một sản phẩm, UBND huyện đề nghị UBND các xã";
        assert_eq!(
            excerpt(long),
            "Thực hiện Chương trình Mỗi xã một sản phẩm, UBND huyện đề ng…"
        );
    }

    #[test]
    fn header_lines_belong_to_their_column() {
        assert!(judge_column(MOTTO_LINE, "x", Some(Column::Right), Column::Right).is_none());
        let v = judge_column(DATE_LINE, "x", Some(Column::Left), Column::Right).expect("wrong");
        assert_eq!(
            (v.found.as_str(), v.fix.as_str()),
            ("x (in the left column)", "in the header's right column")
        );
        let v = judge_column(NATIONAL_NAME_LINE, "x", None, Column::Right).expect("wrong");
        assert_eq!(v.found, "x (not in the header's two columns)");
    }

    #[test]
    fn rules_under_lines_are_judged_by_length_and_centring() {
        let third_to_half = LIMITS.agency_rule_ratio;
        let judge = |drawn| judge_underline(AGENCY, "HUYỆN", 60.0, drawn, third_to_half, 0.05);
        assert!(judge(Some((25.0, 0.5))).is_none());
        assert_eq!(
            judge(None).map(|v| (v.found, v.fix)),
            Some((
                "no rule under “HUYỆN”".to_string(),
                "a rule 19–31 mm long, centred under “HUYỆN”".to_string()
            ))
        );
        assert!(judge(Some((45.0, 0.0))).is_some_and(|v| v.found.starts_with("a rule 45 mm")));
        assert!(judge(Some((25.0, 3.0))).is_some_and(|v| v.found.contains("+3.0 mm off")));
    }

    #[test]
    fn urgency_marks_are_known_by_their_words() {
        assert_eq!(urgency_box_mm("HOẢ TỐC"), Some(30.0));
        assert_eq!(urgency_box_mm(" THƯỢNG KHẨN "), Some(40.0));
        assert_eq!(urgency_box_mm("KHẨN CẤP"), None);
    }

    #[test]
    fn bases_and_lengths() {
        assert!(is_basis("Căn cứ Luật Tổ chức chính quyền địa phương;"));
        assert!(is_basis("Xét đề nghị của Trưởng phòng Nông nghiệp."));
        assert!(!is_basis("Xét"));
        assert!(!is_basis("Căn cứvào"));
        assert!(is_enacting("QUYẾT ĐỊNH:"));
        assert!(!is_enacting("QUYẾT ĐỊNH"));
        assert!(judge_length("the number", "2402", LIMITS.number_chars).is_none());
        let long = judge_length("the ký hiệu", &"A".repeat(31), LIMITS.symbol_chars).expect("long");
        assert_eq!(long.rule, LENGTHS);
        assert!(long.found.starts_with("the ký hiệu of 31 characters"));
    }

    #[test]
    fn near_black_is_black() {
        assert!(is_black(0.0, 0.0, 0.04));
        assert!(!is_black(0.0, 0.0, 0.5));
        assert!(judge_colour("KHẨN", "#FF0000").is_none());
        assert!(judge_colour("Xem tại đây", "#0563C1").is_some());
    }
}
