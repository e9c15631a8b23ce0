//! Capitalisation (Phụ lục II), the part a machine can judge: cited units and paragraph openings.

use super::*;
use crate::nd30::POINT_LETTERS;

/// A cited unit's number: Arabic digits or a Roman numeral, with any punctuation after it.
fn is_unit_number(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';', ':', ')']);
    !word.is_empty()
        && (word.chars().all(|c| c.is_ascii_digit()) || word.chars().all(|c| "IVXLC".contains(c)))
}

/// A point's letter (`a`, `đ`), with any punctuation after it.
fn is_point_letter(word: &str) -> bool {
    POINT_LETTERS.contains(&word.trim_end_matches([',', '.', ';', ':', ')']))
}

/// `word` with its first letter in capitals, or in lower case.
fn with_first(word: &str, capital: bool) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        let first: String = if capital {
            first.to_uppercase().collect()
        } else {
            first.to_lowercase().collect()
        };
        first + chars.as_str()
    })
}

/// The first citation in `text` written in the wrong case: an article or chapter in lower case
/// (`điều 5` for `Điều 5`), or a clause or point capitalised inside a sentence (`theo Khoản 2` for
/// `theo khoản 2`).
pub fn judge_citations(text: &str) -> Option<Verdict> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).enumerate().find_map(|(at, pair)| {
        let (word, number) = (pair[0], pair[1]);
        let capital = CITED_CAPITALISED
            .iter()
            .any(|unit| with_first(unit, false) == word && is_unit_number(number));
        let in_sentence = at > 0
            && words[at - 1]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',');
        let lower = in_sentence
            && CITED_LOWER_CASE.iter().any(|unit| {
                with_first(unit, true) == word
                    && (is_unit_number(number) || (*unit == "điểm" && is_point_letter(number)))
            });
        (capital || lower).then(|| {
            Verdict::new(
                CAPITALS,
                format!("{word} {number}"),
                format!("{} {number}", with_first(word, capital)),
            )
        })
    })
}

/// A paragraph that opens, after its label (`1.`, `a)`, `-`, `+`), with a small letter.
pub fn judge_paragraph_opening(line: &str) -> Option<Verdict> {
    let line = line.trim();
    let rest = match structure_label(line) {
        Some((_, label)) => line.strip_prefix(label).unwrap_or_default(),
        None => line.trim_start_matches(['-', '+']),
    };
    let first = rest.trim_start().chars().next()?;
    first.is_lowercase().then(|| {
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

    #[test]
    fn cited_articles_and_chapters_are_capitalised() {
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            fix("theo quy định tại điều 5 của Luật"),
            pair("điều 5", "Điều 5")
        );
        assert_eq!(
            fix("quy định tại chương II,"),
            pair("chương II,", "Chương II,")
        );
        assert_eq!(fix("theo điểm a khoản 2 Điều 103 Luật này"), None);
        assert_eq!(fix("các điều kiện cần thiết"), None);
        assert_eq!(fix("chương trình OCOP"), None);
    }

    #[test]
    fn cited_clauses_and_points_are_small_inside_a_sentence() {
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(fix("theo Khoản 2 Điều 3"), pair("Khoản 2", "khoản 2"));
        assert_eq!(fix("quy định tại Điểm đ khoản 1"), pair("Điểm đ", "điểm đ"));
        assert_eq!(fix("Khoản 2 Điều 3 được sửa đổi"), None);
        assert_eq!(fix("Điểm mới của kế hoạch"), None);
    }

    #[test]
    fn paragraphs_open_with_a_capital_after_their_label() {
        assert!(judge_paragraph_opening("- huy động sự vào cuộc").is_some());
        assert!(judge_paragraph_opening("a) các xã rà soát").is_some());
        assert!(judge_paragraph_opening("1. UBND các xã, thị trấn:").is_none());
        assert!(judge_paragraph_opening("- Huy động sự vào cuộc").is_none());
        assert!(judge_paragraph_opening("2021-2025 là giai đoạn").is_none());
    }
}
