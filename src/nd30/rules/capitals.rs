//! Capitalisation (Phụ lục II), the part a machine can judge: cited units and paragraph openings.
//!
//! A unit counts as cited only in a citation's company (`tại điều 5`, `khoản 2 Điều 5`, `Điều 5 của
//! Luật`): `điều 02 xe` (to send two vehicles) and a budget line's `Loại 340, Khoản 341` are not
//! citations.

use super::*;
use crate::nd30::POINT_LETTERS;

/// `word` without the punctuation that may follow it in running text.
fn bare(word: &str) -> &str {
    word.trim_end_matches([',', '.', ';', ':', ')'])
}

/// Whether `number` (with any punctuation after it) numbers `unit`: Arabic digits for an article or a
/// clause, a Roman numeral for a chapter, a letter for a point.
fn numbers(unit: &str, number: &str) -> bool {
    let number = bare(number);
    match unit.to_lowercase().as_str() {
        "chương" => crate::nd30::structure::is_roman(number),
        "điểm" => POINT_LETTERS.contains(&number),
        _ => !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
    }
}

/// Whether the unit at `at` in `words`, numbered by the next word, stands in a citation.
fn in_citation(words: &[&str], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| words[i]);
    let after = words.get(at + 2).copied();
    before.is_some_and(|w| CITATION_LEADERS.contains(&w))
        || after.is_some_and(|w| CITATION_FOLLOWERS.contains(&w))
}

/// Whether the word before `at` leaves `at` inside a sentence (a word or a comma, not a full stop,
/// colon or semicolon, nor a line's start).
fn inside_sentence(words: &[&str], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|i| words[i].chars().last())
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// The first citation in `text` written in the wrong case: an article or chapter in lower case
/// (`tại điều 5` for `tại Điều 5`), or a clause or point capitalised inside a sentence (`theo Khoản 2
/// Điều 3` for `theo khoản 2 Điều 3`).
pub fn judge_citations(text: &str) -> Option<Verdict> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len().saturating_sub(1)).find_map(|at| {
        let (word, number) = (words[at], words[at + 1]);
        let wrong = CITED_CAPITALISED
            .iter()
            .find(|(_, small)| *small == word)
            .map(|(capital, _)| *capital)
            .or_else(|| {
                CITED_LOWER_CASE
                    .iter()
                    .find(|(_, capital)| *capital == word && inside_sentence(&words, at))
                    .map(|(small, _)| *small)
            })?;
        (numbers(word, number) && in_citation(&words, at)).then(|| {
            Verdict::new(
                CAPITALS,
                format!("{word} {number}"),
                format!("{wrong} {number}"),
            )
        })
    })
}

/// A label that opens a paragraph: a structure label (`1.`, `a)`, `Điều 3.`), a dash or plus, or a
/// short mark such as `i)`, `ii)`, `a.`.
fn without_label(line: &str) -> &str {
    if let Some(label) = crate::nd30::structure::parse(line) {
        return label.rest;
    }
    let line = line.trim_start_matches(LIST_DASH).trim_start_matches('+');
    match line.trim_start().split_once(' ') {
        Some((mark, rest))
            if mark.chars().count() <= 5
                && (mark.ends_with(')') || mark.ends_with('.'))
                && mark.chars().filter(|c| c.is_alphanumeric()).count() <= 4 =>
        {
            rest
        }
        _ => line,
    }
}

/// A paragraph that opens, after its label (`1.`, `a)`, `i)`, `-`, `+`), with a small letter; a
/// first word written with a capital inside or a digit (`iOffice`, `m2`), or an address, is left
/// alone.
pub fn judge_paragraph_opening(line: &str) -> Option<Verdict> {
    let line = line.trim();
    let first = without_label(line).split_whitespace().next()?;
    let plain = !first.contains("://")
        && !first.contains('@')
        && !first
            .chars()
            .skip(1)
            .any(|c| c.is_uppercase() || c.is_ascii_digit());
    (plain && first.chars().next()?.is_lowercase()).then(|| {
        Verdict::new(
            CAPITALS,
            excerpt(line),
            "open the paragraph with a capital letter",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> Option<(String, String)> {
        judge_citations(text).map(|v| (v.found, v.fix))
    }

    fn pair(found: &str, fix: &str) -> Option<(String, String)> {
        Some((found.to_string(), fix.to_string()))
    }

    #[test]
    fn cited_articles_and_chapters_are_capitalised() {
        assert_eq!(
            fix("theo quy định tại điều 5 của Luật"),
            pair("điều 5", "Điều 5")
        );
        assert_eq!(
            fix("quy định tại chương II, mục 1"),
            pair("chương II,", "Chương II,")
        );
        assert_eq!(
            fix("khoản 2 điều 103 Luật này"),
            pair("điều 103", "Điều 103")
        );
        assert_eq!(fix("theo điểm a khoản 2 Điều 103 Luật này"), None);
    }

    #[test]
    fn words_that_only_look_like_citations_are_left_alone() {
        assert_eq!(fix("các điều kiện cần thiết"), None);
        assert_eq!(fix("chương trình OCOP giai đoạn 2021-2025"), None);
        assert_eq!(fix("điều 02 xe chữa cháy đến hiện trường"), None);
        assert_eq!(fix("Chương 599, Loại 340, Khoản 341"), None);
        assert_eq!(fix("bố trí Điểm 3 tại nhà văn hóa thôn"), None);
        assert_eq!(fix("Điểm y tế xã"), None);
    }

    #[test]
    fn cited_clauses_and_points_are_small_inside_a_sentence() {
        assert_eq!(fix("theo Khoản 2 Điều 3"), pair("Khoản 2", "khoản 2"));
        assert_eq!(fix("quy định tại Điểm đ khoản 1"), pair("Điểm đ", "điểm đ"));
        assert_eq!(fix("Khoản 2 Điều 3 được sửa đổi"), None);
        assert_eq!(fix("như sau: Khoản 2 Điều 3 được sửa đổi"), None);
    }

    #[test]
    fn paragraphs_open_with_a_capital_after_their_label() {
        for small in [
            "- huy động sự vào cuộc",
            "a) các xã rà soát",
            "ii) các xã rà soát",
            "a. các xã",
        ] {
            assert!(judge_paragraph_opening(small).is_some(), "{small}");
        }
        for fine in [
            "1. UBND các xã, thị trấn:",
            "- Huy động sự vào cuộc",
            "i) Các xã rà soát",
            "2021-2025 là giai đoạn",
            "iOffice được dùng để gửi văn bản",
            "https://camxuyen.hatinh.gov.vn",
        ] {
            assert!(judge_paragraph_opening(fine).is_none(), "{fine}");
        }
    }
}
