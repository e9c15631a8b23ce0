//! The 29 kinds of administrative document (Điều 7, Phụ lục III).

use serde::Serialize;

/// Whether a kind carries a `Kính gửi:` block (Phụ lục I §II.9a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Addressees {
    /// Always: công văn, công điện.
    Required,
    /// When sent to a higher body: tờ trình, báo cáo; and thư công.
    Optional,
    /// Never.
    None,
}

/// One kind of document: its name, printed title and ký hiệu abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Kind {
    /// Name used in job files, without diacritics: `cong-van`, `ke-hoach`.
    pub slug: &'static str,
    /// Vietnamese name: `Công văn`.
    pub name: &'static str,
    /// Title printed above the trích yếu; `None` for công văn and thư công.
    pub title: Option<&'static str>,
    /// Abbreviation that opens the ký hiệu (`KH` in `KH-UBND`); `None` when the ký hiệu is agency-unit.
    pub code: Option<&'static str>,
    /// Whether it has addressees after `Kính gửi:`.
    pub addressees: Addressees,
    /// Whether a trích yếu (subject) is printed: not on giấy giới thiệu and giấy nghỉ phép.
    pub subject: bool,
    /// Whether the header carries the place and date: not on a biên bản, whose time is in its text.
    pub dated: bool,
    /// The word that opens the operative part after the legal bases: `QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`.
    pub enacting: Option<&'static str>,
}

const fn kind(
    slug: &'static str,
    name: &'static str,
    title: &'static str,
    code: &'static str,
) -> Kind {
    Kind {
        slug,
        name,
        title: Some(title),
        code: Some(code),
        addressees: Addressees::None,
        subject: true,
        dated: true,
        enacting: None,
    }
}

const fn enacting(kind: Kind, word: &'static str) -> Kind {
    Kind {
        enacting: Some(word),
        ..kind
    }
}

const fn addressed(kind: Kind, addressees: Addressees) -> Kind {
    Kind { addressees, ..kind }
}

const fn without_subject(kind: Kind) -> Kind {
    Kind {
        subject: false,
        ..kind
    }
}

const fn undated(kind: Kind) -> Kind {
    Kind {
        dated: false,
        ..kind
    }
}

/// A kind with no title of its own, whose ký hiệu is agency-unit.
const fn untitled(slug: &'static str, name: &'static str, addressees: Addressees) -> Kind {
    Kind {
        slug,
        name,
        title: None,
        code: None,
        addressees,
        subject: true,
        dated: true,
        enacting: None,
    }
}

/// Every kind, in the Decree's order.
pub const KINDS: [Kind; 29] = [
    enacting(
        kind("nghi-quyet", "Nghị quyết", "NGHỊ QUYẾT", "NQ"),
        "QUYẾT NGHỊ:",
    ),
    enacting(
        kind("quyet-dinh", "Quyết định", "QUYẾT ĐỊNH", "QĐ"),
        "QUYẾT ĐỊNH:",
    ),
    kind("chi-thi", "Chỉ thị", "CHỈ THỊ", "CT"),
    kind("quy-che", "Quy chế", "QUY CHẾ", "QC"),
    kind("quy-dinh", "Quy định", "QUY ĐỊNH", "QyĐ"),
    kind("thong-cao", "Thông cáo", "THÔNG CÁO", "TC"),
    kind("thong-bao", "Thông báo", "THÔNG BÁO", "TB"),
    kind("huong-dan", "Hướng dẫn", "HƯỚNG DẪN", "HD"),
    kind("chuong-trinh", "Chương trình", "CHƯƠNG TRÌNH", "CTr"),
    kind("ke-hoach", "Kế hoạch", "KẾ HOẠCH", "KH"),
    kind("phuong-an", "Phương án", "PHƯƠNG ÁN", "PA"),
    kind("de-an", "Đề án", "ĐỀ ÁN", "ĐA"),
    kind("du-an", "Dự án", "DỰ ÁN", "DA"),
    addressed(
        kind("bao-cao", "Báo cáo", "BÁO CÁO", "BC"),
        Addressees::Optional,
    ),
    undated(kind("bien-ban", "Biên bản", "BIÊN BẢN", "BB")),
    addressed(
        kind("to-trinh", "Tờ trình", "TỜ TRÌNH", "TTr"),
        Addressees::Optional,
    ),
    kind("hop-dong", "Hợp đồng", "HỢP ĐỒNG", "HĐ"),
    untitled("cong-van", "Công văn", Addressees::Required),
    addressed(
        kind("cong-dien", "Công điện", "CÔNG ĐIỆN", "CĐ"),
        Addressees::Required,
    ),
    kind("ban-ghi-nho", "Bản ghi nhớ", "BẢN GHI NHỚ", "BGN"),
    kind("ban-thoa-thuan", "Bản thỏa thuận", "BẢN THỎA THUẬN", "BTT"),
    kind("giay-uy-quyen", "Giấy ủy quyền", "GIẤY ỦY QUYỀN", "GUQ"),
    kind("giay-moi", "Giấy mời", "GIẤY MỜI", "GM"),
    without_subject(kind(
        "giay-gioi-thieu",
        "Giấy giới thiệu",
        "GIẤY GIỚI THIỆU",
        "GGT",
    )),
    without_subject(kind(
        "giay-nghi-phep",
        "Giấy nghỉ phép",
        "GIẤY NGHỈ PHÉP",
        "GNP",
    )),
    kind("phieu-gui", "Phiếu gửi", "PHIẾU GỬI", "PG"),
    kind("phieu-chuyen", "Phiếu chuyển", "PHIẾU CHUYỂN", "PC"),
    kind("phieu-bao", "Phiếu báo", "PHIẾU BÁO", "PB"),
    untitled("thu-cong", "Thư công", Addressees::Optional),
];

/// Abbreviations of Circular 01/2011 that Decree 30 replaced; never valid in a ký hiệu.
pub const OBSOLETE_CODES: [&str; 6] = ["GN", "TTh", "UQ", "GT", "NP", "TS"];

impl Kind {
    /// The kind named `slug` in a job file.
    pub fn from_slug(slug: &str) -> Option<Kind> {
        KINDS.iter().copied().find(|k| k.slug == slug)
    }

    /// The slugs of all kinds, for error messages.
    pub fn slugs() -> Vec<&'static str> {
        KINDS.iter().map(|k| k.slug).collect()
    }

    /// Whether this is a letter: no title, a `V/v` subject under the number, addressees after `Kính gửi:`.
    pub fn is_letter(&self) -> bool {
        self.title.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_titled_kind_has_a_current_code() {
        for k in KINDS {
            assert_eq!(k.title.is_some(), k.code.is_some(), "{}", k.slug);
            if let Some(code) = k.code {
                assert!(!OBSOLETE_CODES.contains(&code), "{}", k.slug);
            }
        }
        let codes: Vec<_> = KINDS.iter().filter_map(|k| k.code).collect();
        assert_eq!(codes.len(), 27);
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
    }

    #[test]
    fn slugs_find_their_kind() {
        assert_eq!(Kind::from_slug("ke-hoach").and_then(|k| k.code), Some("KH"));
        assert!(Kind::from_slug("cong-van").is_some_and(|k| k.is_letter()));
        assert!(Kind::from_slug("cong van").is_none());
    }
}
