//! Vietnamese text typed in the legacy TCVN3 (ABC, `.VnTime`) and VNI-Windows fonts, as it reaches a
//! spreadsheet reader: Latin-1 characters that only look Vietnamese in those fonts. Detected per text
//! and converted to Unicode.

use unicode_normalization::UnicodeNormalization;

/// A legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712:1993 (TCVN3, the `.VnTime` fonts).
    Tcvn3,
    /// VNI-Windows (the `VNI-Times` fonts).
    Vni,
}

impl Legacy {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI-Windows",
        }
    }
}

/// Unicode for the TCVN3 bytes 0xA1–0xFF (one text character each, read as Latin-1).
const TCVN3_HIGH: [char; 95] = [
    'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', // A1–AF
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ',
    'ẵ', 'ắ', 'Ẵ', // B0–BF
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', // C0–CF
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', // D0–DF
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', // E0–EF
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố', // F0–FF
];

/// Latin-1 characters that stand for the commonest Vietnamese letters in TCVN3 (ă â ê ô ơ ư đ, à ả ã á
/// ạ, ằ ẳ ẵ ắ) and that neither Unicode Vietnamese nor VNI uses.
const TCVN3_SIGNS: &str = "¨©ª«¬\u{ad}®µ¶·¸¹»¼½¾";

/// VNI marks that are no Vietnamese letter of their own: a vowel followed by one is VNI.
const VNI_SIGNS: &str = "øûïåäëüØÛÏÅÄËÜ";

/// VNI marks that follow a vowel, as the combining marks they stand for.
fn vni_mark(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next()? {
        'ù' => "\u{301}",
        'ø' => "\u{300}",
        'û' => "\u{309}",
        'õ' => "\u{303}",
        'ï' => "\u{323}",
        'â' => "\u{302}",
        'á' => "\u{302}\u{301}",
        'à' => "\u{302}\u{300}",
        'å' => "\u{302}\u{309}",
        'ã' => "\u{302}\u{303}",
        'ä' => "\u{302}\u{323}",
        'ê' => "\u{306}",
        'é' => "\u{306}\u{301}",
        'è' => "\u{306}\u{300}",
        'ú' => "\u{306}\u{309}",
        'ü' => "\u{306}\u{303}",
        'ë' => "\u{306}\u{323}",
        _ => return None,
    })
}

/// VNI letters that stand alone.
fn vni_letter(c: char) -> Option<char> {
    Some(match c {
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

fn is_vowel(c: char) -> bool {
    "aeiouyAEIOUYơưƠƯ".contains(c)
}

/// Punctuation of Windows-1252 beyond Latin-1, which a keyboard types the same in any font.
const CP1252_PUNCTUATION: &str = "€‚„…†‡‰‹›‘’“”•–—™";

/// Whether `text` may be legacy-encoded: only Latin-1 and Windows punctuation, with at least one
/// character past ASCII.
pub fn is_candidate(text: &str) -> bool {
    text.chars()
        .all(|c| (c as u32) <= 0xFF || CP1252_PUNCTUATION.contains(c))
        && text.chars().any(|c| (c as u32) >= 0xA1)
}

fn tcvn3_signs(text: &str) -> usize {
    text.chars().filter(|&c| TCVN3_SIGNS.contains(c)).count()
}

fn vni_signs(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| is_vowel(w[0]) && VNI_SIGNS.contains(w[1]))
        .count()
}

/// The legacy encoding the candidate texts of one sheet are in, if they show one.
///
/// Fonts are chosen per sheet or per column, rarely per cell, so the sheet is judged as a whole.
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Legacy> {
    let (mut tcvn, mut vni) = (0, 0);
    for text in texts.into_iter().filter(|t| is_candidate(t)) {
        tcvn += tcvn3_signs(text);
        vni += vni_signs(text);
    }
    match (tcvn, vni) {
        (0, 0) => None,
        (t, v) if t > v => Some(Legacy::Tcvn3),
        _ => Some(Legacy::Vni),
    }
}

/// `text` in `legacy` converted to Unicode (NFC).
pub fn decode(text: &str, legacy: Legacy) -> String {
    match legacy {
        Legacy::Tcvn3 => text
            .chars()
            .map(|c| match c as u32 {
                code @ 0xA1..=0xFF => TCVN3_HIGH[(code - 0xA1) as usize],
                _ => c,
            })
            .nfc()
            .collect(),
        Legacy::Vni => {
            let mut out = String::with_capacity(text.len());
            let mut previous = ' ';
            for c in text.chars() {
                let after_vowel = is_vowel(previous);
                let breve_ok = !"êÊéÉèÈúÚüÜëË".contains(c) || "aAăĂ".contains(previous);
                match (after_vowel && breve_ok).then(|| vni_mark(c)).flatten() {
                    Some(marks) => out.push_str(marks),
                    None => out.push(vni_letter(c).unwrap_or(c)),
                }
                previous = vni_letter(c).unwrap_or(c);
            }
            out.nfc().collect()
        }
    }
}

/// Capitals-only faces (`.VnTimeH`) show their lower-case codes as capitals: a text whose plain
/// letters are all capitals is taken as written in one, and put in capitals throughout.
pub fn capitals_face(converted: &str) -> bool {
    let ascii_letters: Vec<char> = converted
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let has_lower_vietnamese = converted.chars().any(|c| !c.is_ascii() && c.is_lowercase());
    ascii_letters.len() >= 2
        && ascii_letters.iter().all(char::is_ascii_uppercase)
        && has_lower_vietnamese
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unicode to TCVN3, for the tests.
    fn tcvn3(text: &str) -> String {
        text.nfc()
            .map(|c| match TCVN3_HIGH.iter().position(|&t| t == c) {
                Some(i) => char::from_u32(0xA1 + i as u32).unwrap_or(c),
                None => c,
            })
            .collect()
    }

    #[test]
    fn known_tcvn3_samples_decode() {
        assert_eq!(decode("B¶o Th¾ng", Legacy::Tcvn3), "Bảo Thắng");
        assert_eq!(
            decode("M\u{AD}êng Kh\u{AD}¬ng", Legacy::Tcvn3),
            "Mường Khương"
        );
        assert_eq!(detect(["Cµ Mau"]), Some(Legacy::Tcvn3));
        assert_eq!(detect(["Tæng céng", "Cµ Mau"]), Some(Legacy::Tcvn3));
    }

    #[test]
    fn tcvn3_round_trips() {
        for text in [
            "Ủy ban nhân dân huyện Cẩm Xuyên",
            "Số ý tưởng tham gia",
            "Lũy kế sản phẩm đạt sao",
            "Thị trấn Thiên Cầm",
        ] {
            let legacy = tcvn3(&text.to_lowercase());
            assert_eq!(detect([legacy.as_str()]), Some(Legacy::Tcvn3), "{legacy}");
            assert_eq!(decode(&legacy, Legacy::Tcvn3), text.to_lowercase());
        }
    }

    #[test]
    fn known_vni_samples_decode() {
        assert_eq!(detect(["Xin chaøo caùc baïn"]), Some(Legacy::Vni));
        assert_eq!(
            decode("Xin chaøo caùc baïn", Legacy::Vni),
            "Xin chào các bạn"
        );
        assert_eq!(decode("Vieät Nam", Legacy::Vni), "Việt Nam");
        assert_eq!(
            decode("Caåm Xuyeân, Thò traán", Legacy::Vni),
            "Cẩm Xuyên, Thị trấn"
        );
        assert_eq!(decode("ÑOÄC LAÄP", Legacy::Vni), "ĐỘC LẬP");
        assert_eq!(decode("Ñöôïc", Legacy::Vni), "Được");
        assert_eq!(decode("ngöôøi", Legacy::Vni), "người");
        assert_eq!(decode("naêm", Legacy::Vni), "năm");
    }

    #[test]
    fn windows_punctuation_does_not_hide_a_legacy_text() {
        let header = "Hi\u{d6}n tr\u{b9}ng s\u{b6}n ph\u{c8}m (\u{ae}\u{b7} c\u{e3} ch\u{ad}a, quy m\u{ab}\u{2026})";
        assert!(is_candidate(header));
        assert_eq!(
            decode(header, Legacy::Tcvn3),
            "Hiện trạng sản phẩm (đã có chưa, quy mô…)"
        );
    }

    #[test]
    fn unicode_text_is_left_alone() {
        let texts = [
            "Cẩm Xuyên",
            "Cà Mau",
            "Hà Nội",
            "TT",
            "Tên xã",
            "café",
            "2021",
            "Tổng cộng",
            "Hoà Bình",
        ];
        assert_eq!(detect(texts), None);
    }

    #[test]
    fn capitals_faces_are_recognised() {
        assert!(capitals_face("UBND HUYệN CẩM XUYÊN"));
        assert!(!capitals_face("Ủy ban nhân dân"));
    }
}
