//! Fixed words of the national layout, spelled as Decree 30 prints them.

/// Quốc hiệu, in capitals, with `HÒA` as the rule text spells it.
pub const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ, with ASCII hyphens and a space on each side.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// Label in front of the number and ký hiệu.
pub const NUMBER_LABEL: &str = "Số:";
/// Prefix of a công văn's subject line.
pub const SUBJECT_PREFIX: &str = "V/v";
/// Label in front of the addressees.
pub const RECIPIENTS_LABEL: &str = "Kính gửi:";
/// Label over the distribution list.
pub const DISTRIBUTION_LABEL: &str = "Nơi nhận:";
/// First distribution item when the document has addressees (Kính gửi).
pub const AS_ADDRESSED: &str = "Như trên";
/// First distribution item of a decision, before the number of the article that names who carries it out.
pub const AS_ARTICLE: &str = "Như Điều";
/// Label of the archive item, the last of the distribution list.
pub const ARCHIVE_LABEL: &str = "Lưu:";
/// Code of the registry office (Văn thư) that every archive item starts with.
pub const REGISTRY_CODE: &str = "VT";
/// Marker put before each item of a list of addressees or of the distribution list.
pub const LIST_DASH: &str = "-";
/// End of every list item but the last.
pub const ITEM_END: &str = ";";
/// End of the last list item.
pub const LAST_ITEM_END: &str = ".";
/// The one typeface of every administrative document.
pub const FONT: &str = "Times New Roman";
/// Label of an annex.
pub const ANNEX_LABEL: &str = "Phụ lục";
/// Opening words of an annex's reference line.
pub const ANNEX_REFERENCE: &str = "Kèm theo";
/// Label of a table's totals row.
pub const TOTALS_LABEL: &str = "Tổng cộng";

/// Urgency marks (dấu khẩn) and the width of their box in millimetres; the box is 8 mm high.
pub const URGENCY: [(&str, &str, f32); 3] = [
    ("hoa-toc", "HỎA TỐC", 30.0),
    ("thuong-khan", "THƯỢNG KHẨN", 40.0),
    ("khan", "KHẨN", 20.0),
];
/// Height of the urgency box, in millimetres.
pub const URGENCY_BOX_HEIGHT_MM: f32 = 8.0;
/// Secrecy marks (dấu độ mật).
pub const SECRECY: [(&str, &str); 3] = [
    ("tuyet-mat", "TUYỆT MẬT"),
    ("toi-mat", "TỐI MẬT"),
    ("mat", "MẬT"),
];

/// Words of the contact lines in the footer of page 1 (ô 13): address, telephone, fax, e-mail, website.
pub const CONTACT_WORDS: [&str; 7] = [
    "địa chỉ",
    "điện thoại",
    "đt:",
    "fax",
    "e-mail",
    "email",
    "website",
];

/// How page numbers are printed by programs that write them in words (`Page 2`, `Trang 2`).
pub const PAGE_WORDS: [&str; 2] = ["page", "trang"];

/// The mark a draft carries at the top of its first page.
pub const DRAFT_MARK: &str = "DỰ THẢO";

/// How the lines of a decision's legal bases begin (căn cứ ban hành).
pub const BASIS_OPENINGS: [&str; 3] = ["Căn cứ", "Theo đề nghị", "Xét"];

/// The mark that ends a document's content.
pub const CONTENT_END_MARK: &str = "./.";

/// Units of a legal text written with a capital when a specific one is cited (`Điều 5`, `Chương II`;
/// Phụ lục II), as written and in lower case. `Mục` and `Phần` are left out: in plans and reports they
/// also name a document's own sections, where either case is seen.
pub const CITED_CAPITALISED: [(&str, &str); 2] = [("Điều", "điều"), ("Chương", "chương")];

/// Units cited in lower case inside a sentence (`khoản 2`, `điểm a`; Phụ lục II), as written and
/// capitalised.
pub const CITED_LOWER_CASE: [(&str, &str); 2] = [("khoản", "Khoản"), ("điểm", "Điểm")];

/// Words that show a unit and its number are a citation when they follow it: the larger unit it
/// belongs to, or the text it is in (`khoản 2 Điều 5`, `Điều 5 của Luật`, `Điều 5 Nghị định`).
pub const CITATION_FOLLOWERS: [&str; 12] = [
    "Điều", "điều", "khoản", "Khoản", "Chương", "Luật", "Nghị", "Thông", "Quyết", "Bộ", "của",
    "này",
];

/// Words that show a unit and its number are a citation when they come before it (`tại Điều 5`,
/// `theo Điều 5`, `và Điều 6`).
pub const CITATION_LEADERS: [&str; 5] = ["tại", "theo", "và", "hoặc", "các"];
