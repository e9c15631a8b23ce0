//! Annex headings (Phụ lục I §III.1, Mẫu 2.1): the label, and the reference line to the main document.

use super::date::{date_words, Blank, Date};
use super::words::{ANNEX_LABEL, ANNEX_REFERENCE};

/// `n` (from 1) in Roman numerals.
pub fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The label of annex `index` (from 1) of `count`: `Phụ lục` alone, or `Phụ lục I`, `Phụ lục II`, …
pub fn annex_label(index: u32, count: u32) -> String {
    if count < 2 {
        ANNEX_LABEL.to_string()
    } else {
        format!("{ANNEX_LABEL} {}", roman(index))
    }
}

/// `(Kèm theo Công văn số 2402/UBND-NTM ngày 10 tháng 8 năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)`.
/// What `blank` says of the date is left blank, as on the document itself.
pub fn annex_reference(
    kind_name: &str,
    number: &str,
    (date, blank): (Date, Blank),
    issuer: &str,
) -> String {
    format!(
        "({ANNEX_REFERENCE} {kind_name} số {number} {} của {issuer})",
        date_words(date, blank)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 9, 14, 40, 1999]
            .into_iter()
            .map(roman)
            .collect();
        assert_eq!(got, ["I", "II", "III", "IV", "IX", "XIV", "XL", "MCMXCIX"]);
    }

    #[test]
    fn labels_and_reference_lines() {
        assert_eq!(annex_label(1, 1), "Phụ lục");
        assert_eq!(annex_label(2, 2), "Phụ lục II");
        let date = Date::new(2021, 8, 10).expect("date");
        assert_eq!(
            annex_reference("Công văn", "2402/UBND-NTM", (date, Blank::Nothing), "Ủy ban nhân dân huyện Cẩm Xuyên"),
            "(Kèm theo Công văn số 2402/UBND-NTM ngày 10 tháng 8 năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)"
        );
    }
}
