//! The checkable rules (nd30.md §6) and the judgements of printed strings against them.
//!
//! A reader of documents finds the strings and measures; these functions say whether they are right,
//! asking the rest of `nd30` for the expected form instead of restating it. Here: the rules and the
//! verdict; the judgements by part of the document in `header`, `content`, `closing`, `page`, and
//! how components are set in `looks`.

mod capitals;
mod closing;
mod content;
mod header;
mod looks;
mod page;

pub use capitals::*;
pub use closing::*;
pub use content::*;
pub use header::*;
pub use looks::*;
pub use page::*;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::annex::annex_label;
use super::date::{date_words, Blank, Date};
use super::format::{Range, LIMITS};
use super::kind::{KINDS, OBSOLETE_CODES};
use super::numbering::{Level, Numbering};
use super::signature::{position_lines, signer_name};
use super::symbol::{number_line, symbol_parts, SymbolError};
use super::words::{
    ANNEX_LABEL, ANNEX_REFERENCE, ARCHIVE_LABEL, BASIS_OPENINGS, CITATION_FOLLOWERS,
    CITATION_LEADERS, CITED_CAPITALISED, CITED_LOWER_CASE, CONTENT_END_MARK, DRAFT_MARK, ITEM_END,
    LAST_ITEM_END, LIST_DASH, MOTTO, NATIONAL_NAME, NUMBER_LABEL, REGISTRY_CODE, SECRECY, URGENCY,
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
    pub(crate) const fn error(number: u8, topic: &'static str, source: &'static str) -> Rule {
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

/// Headings: `Điều N.` with its full stop, the enacting word with its colon.
pub const HEADING: Rule = Rule::error(20, "heading", "Decree 30, Phụ lục I, II.6");

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

/// Capital letters where Phụ lục II asks for them.
pub const CAPITALS: Rule = Rule::error(36, "capitals", "Decree 30, Phụ lục II").warning();

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

/// The first words of a long line, to name it in a finding.
fn excerpt(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

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
        assert!(judge_annex_labels(&["Phụ lục I", "Phụ lục II"], false).is_empty());
        assert!(judge_annex_labels(&["Phụ lục"], false).is_empty());
        assert_eq!(
            judge_annex_labels(&["Phụ lục I", "Phụ lục 2"], false).len(),
            1
        );
        assert_eq!(judge_annex_labels(&["Phụ lục II"], false).len(), 1);
        assert!(judge_annex_labels(&["Phụ lục II"], true).is_empty());
        assert_eq!(judge_annex_labels(&["Phụ lục 2"], true)[0].fix, "Phụ lục");
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
