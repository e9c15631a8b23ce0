//! Whether a document can be judged at all: a scan has no text to judge, a text layer that does not
//! read as Vietnamese says nothing of the document, and Decree 30 does not govern every paper that
//! looks official ([`nd30::outside_scope`]). And what is said of a draft that is not a fault.

use unicode_normalization::UnicodeNormalization;

use super::header::agency_lines;
use super::{Evidence, HEADER_LINES};
use crate::nd30;

/// Fewer letters than this on a page that draws an image: a scan (a signature stamp's words at most).
const SCAN_LETTERS: usize = 200;
/// Fewer letters than this in a whole text: too little to tell whether it reads.
const LEAST_LETTERS: usize = 200;

/// Why the document cannot be judged, if it cannot.
pub(super) fn not_judged(evidence: &Evidence) -> Option<String> {
    scanned(evidence)
        .or_else(|| unreadable(&evidence.lines))
        .or_else(|| outside(evidence))
}

/// Pages that are images with no text of their own, when page 1 is one.
fn scanned(evidence: &Evidence) -> Option<String> {
    let scans: Vec<u32> = evidence
        .pages_read
        .iter()
        .filter(|p| p.images > 0 && p.visible_letters < SCAN_LETTERS)
        .map(|p| p.number)
        .collect();
    if scans.first() != Some(&1) {
        return None;
    }
    let what = match scans.as_slice() {
        [one] => format!("page {one} is a scanned image"),
        [first, .., last] if scans.len() as u32 == last - first + 1 => {
            format!("pages {first}–{last} are scanned images")
        }
        many => format!(
            "pages {} are scanned images",
            many.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let ocr = evidence.pages_read.iter().any(|p| p.invisible_letters > 0);
    Some(if ocr {
        format!("{what} (their only text is an invisible OCR layer)")
    } else {
        format!("{what} (no text layer)")
    })
}

/// Whether a letter belongs to the Vietnamese alphabet: a Latin letter or đ, with Vietnamese marks.
fn vietnamese(c: char) -> bool {
    let mut parts = c.to_lowercase().nfd();
    let base = parts.next();
    let Some(base) = base else { return false };
    if base == 'đ' || base.is_ascii_lowercase() && !"aeiouy".contains(base) {
        return parts.next().is_none();
    }
    "aeiouy".contains(base)
        && parts.all(|m| {
            matches!(
                m,
                '\u{300}'
                    | '\u{301}'
                    | '\u{303}'
                    | '\u{309}'
                    | '\u{323}'
                    | '\u{302}'
                    | '\u{306}'
                    | '\u{31B}'
            )
        })
}

/// A text layer that does not read as Vietnamese: letters of other alphabets, or too few marked
/// letters for the language (an OCR layer read with the wrong alphabet, a font without its map).
fn unreadable(lines: &[String]) -> Option<String> {
    let letters: Vec<char> = lines
        .iter()
        .flat_map(|l| l.chars())
        .filter(|c| c.is_alphabetic())
        .collect();
    if letters.is_empty() {
        return Some("no text to read".to_string());
    }
    if letters.len() < LEAST_LETTERS {
        return None;
    }
    let foreign = letters.iter().filter(|c| !vietnamese(**c)).count();
    let marked = letters.iter().filter(|c| !c.is_ascii()).count() - foreign;
    let share = |n: usize| n as f32 / letters.len() as f32;
    // Vietnamese prose marks about a third of its letters; a stray foreign name or symbol is rare.
    (share(foreign) > 0.02 || share(marked) < 0.08).then(|| {
        let sample: String = lines
            .iter()
            .find(|l| l.chars().filter(|c| c.is_alphabetic()).count() > 12)
            .map(|l| l.chars().take(40).collect())
            .unwrap_or_default();
        format!("text layer unreadable (it does not read as Vietnamese: “{sample}”)")
    })
}

/// A document Decree 30 does not govern.
fn outside(evidence: &Evidence) -> Option<String> {
    let lines = &evidence.lines;
    let template = lines.iter().filter(|l| has_blank(l)).count() >= TEMPLATE_BLANKS;
    let reason = if super::is_annex_file(lines) {
        annex_of_normative(lines)
    } else {
        governed(evidence)
    };
    match (reason, template) {
        (Some(reason), true) => Some(format!(
            "{reason}; it holds templates with blanks (……) to fill"
        )),
        (None, true)
            if lines
                .iter()
                .take(HEADER_LINES)
                .filter(|l| has_blank(l))
                .count()
                >= 2 =>
        {
            Some(
                "a template: its header has blanks (……) to fill; judge a document made from it"
                    .to_string(),
            )
        }
        (reason, _) => reason,
    }
}

/// Lines with dotted blanks that make a file a template to fill.
const TEMPLATE_BLANKS: usize = 5;

/// Whether a line has a dotted blank to fill (`……`, `.....`).
fn has_blank(line: &str) -> bool {
    line.contains("……") || line.contains("…..") || line.contains(".....")
}

/// Why Decree 30 does not govern a document that is not an annex, if it does not.
fn governed(evidence: &Evidence) -> Option<String> {
    let lines = &evidence.lines;
    let header: Vec<&str> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(HEADER_LINES)
        .map(String::as_str)
        .collect();
    let national = lines.iter().position(|l| nd30::is_national_name(l));
    let mut agency: Vec<&str> = national
        .and_then(|n| agency_lines(lines, n))
        .map(|range| lines[range].iter().map(String::as_str).collect())
        .unwrap_or_default();
    // A header set with tabs in one paragraph: the agency before the Quốc hiệu on its line.
    if let Some(n) = national {
        let before = nd30::before_national_name(&lines[n]);
        if !before.is_empty() {
            agency.push(before);
        }
    }
    nd30::outside_scope(&header, &agency)
}

/// An annex file whose `(Kèm theo …)` line names a legal normative document (`Nghị định số
/// 30/2020/NĐ-CP`): the annex is part of that document, which Decree 30 does not govern.
fn annex_of_normative(lines: &[String]) -> Option<String> {
    let reference = lines
        .iter()
        .take(HEADER_LINES)
        .find(|l| l.trim_start().starts_with('(') && l.contains(nd30::ANNEX_REFERENCE))?;
    let cited = reference
        .split_whitespace()
        .find(|word| nd30::is_normative_number(word))?;
    Some(format!(
        "an annex of a legal normative document ({}): its format is set by the law on legal documents, not by Decree 30",
        cited.trim_matches(|c: char| !c.is_alphanumeric())
    ))
}

/// What is said of a draft: its number and date left blank for the registry.
pub(super) fn notes(evidence: &Evidence) -> Vec<String> {
    let lines = &evidence.lines;
    let number = lines
        .iter()
        .find(|l| nd30::is_number_line(l))
        .is_some_and(|l| nd30::number_left_blank(l));
    let date = lines.iter().take(40).any(|l| nd30::date_left_blank(l));
    match (number, date) {
        (true, true) => vec!["draft: number and date left blank".to_string()],
        (true, false) => vec!["draft: number left blank".to_string()],
        (false, true) => vec!["draft: date left blank".to_string()],
        (false, false) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_text_reads_and_garbled_text_does_not() {
        let prose = "Thực hiện Kế hoạch số 125/KH-UBND ngày 05 tháng 3 năm 2021 của Ủy ban nhân dân huyện về việc đẩy mạnh công tác tuyên truyền chương trình mỗi xã một sản phẩm trên địa bàn huyện, Ủy ban nhân dân huyện đề nghị các xã, thị trấn triển khai thực hiện tốt các nội dung sau đây.";
        assert_eq!(unreadable(&[prose.to_string()]), None);
        let ocr = "ceNG HoA xA ugr cuu xcuia vrET NAM Doc lap Tu do Hanh phuc ".repeat(6);
        assert!(unreadable(&[ocr]).is_some());
        let mapped = "UBND 7ӌ1+ LÀO CAI SỞ CÔNG THƯƠNG ".repeat(10);
        assert!(unreadable(&[mapped]).is_some());
        assert!(vietnamese('ệ') && vietnamese('Đ') && vietnamese('ư'));
        assert!(!vietnamese('ӌ') && !vietnamese('ñ'));
    }
}
