//! Header text folded for matching: no diacritics (so `Lũy`/`Luỹ` and `Luy` agree), `đ` as `d`,
//! lower case, punctuation and line breaks as single spaces.

use unicode_normalization::UnicodeNormalization;

/// `text` folded.
pub fn fold(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .flat_map(char::to_lowercase)
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A commune's name reduced to what identifies it: folded, without `xã`, `thị trấn` or `phường`.
pub fn commune_key(name: &str) -> String {
    let folded = fold(name);
    for prefix in ["ubnd xa ", "ubnd thi tran ", "xa ", "thi tran ", "phuong "] {
        if let Some(rest) = folded.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_placement_case_and_breaks_do_not_matter() {
        assert_eq!(fold("Lũy kế ý tưởng\ntham gia"), "luy ke y tuong tham gia");
        assert_eq!(fold("LUỸ KẾ  Ý TƯỞNG THAM GIA"), "luy ke y tuong tham gia");
        assert_eq!(fold("Tên xã"), fold("TEN XA"));
        assert_eq!(fold("Đơn vị (xã, thị trấn)"), "don vi xa thi tran");
    }

    #[test]
    fn communes_are_known_with_or_without_their_title() {
        assert_eq!(commune_key("Xã Cẩm Bình"), commune_key("Cẩm Bình"));
        assert_eq!(commune_key("Thị trấn Thiên Cầm"), "thien cam");
    }
}
