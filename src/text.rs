//! Text hygiene applied once, on the way in: Unicode NFC and the `ƣ` of broken PDF extraction.

use unicode_normalization::UnicodeNormalization;

/// The text in NFC, with `ƣ/Ƣ` (U+01A3/U+01A2, a common mis-encoding) turned into `ư/Ư`.
pub fn clean(text: &str) -> String {
    // Most text arrives clean: told so by a quick scan, it is copied as it is.
    let broken = |c: char| c == 'ƣ' || c == 'Ƣ';
    if !text.contains(broken)
        && unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            'ƣ' => 'ư',
            'Ƣ' => 'Ư',
            c => c,
        })
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn decomposed_text_is_composed() {
        let nfd: String = "Trường Cẩm Xuyên".nfd().collect();
        assert_ne!(nfd, "Trường Cẩm Xuyên");
        assert_eq!(clean(&nfd), "Trường Cẩm Xuyên");
        assert!(is_nfc(&clean(&nfd)));
    }

    #[test]
    fn the_oi_letter_becomes_u_horn() {
        assert_eq!(
            clean("trƣớc ngày 20/8/2021, CHƢƠNG TRÌNH"),
            "trước ngày 20/8/2021, CHƯƠNG TRÌNH"
        );
    }
}
