//! Which documents Decree 30 governs (Điều 1–2): the administrative documents of State agencies,
//! organisations and State enterprises. Party documents, legal normative documents and the papers of
//! companies and citizens have formats of their own.

use super::rules::{is_national_name, is_number_line};

/// The name that heads a Party document in place of the Quốc hiệu.
pub const PARTY_NAME: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

/// Titles of legal normative documents (Luật Ban hành văn bản quy phạm pháp luật), whose format
/// Decree 30 does not set.
pub const NORMATIVE_TITLES: [&str; 5] = [
    "LUẬT",
    "PHÁP LỆNH",
    "NGHỊ ĐỊNH",
    "THÔNG TƯ",
    "THÔNG TƯ LIÊN TỊCH",
];

/// How a private company's name begins.
pub const COMPANY_OPENINGS: [&str; 3] = ["CÔNG TY TNHH", "CÔNG TY CỔ PHẦN", "CÔNG TY CP"];

/// Whether `word` is a legal normative document's number, which carries its year: `30/2020/NĐ-CP`.
pub fn is_normative_number(word: &str) -> bool {
    let mut parts = word.trim_matches(|c: char| !c.is_alphanumeric()).split('/');
    let (number, year, code) = (parts.next(), parts.next(), parts.next());
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    number.is_some_and(digits)
        && year.is_some_and(|y| y.len() == 4 && digits(y))
        && code.is_some_and(|c| c.chars().next().is_some_and(char::is_alphabetic))
}

/// Why Decree 30 does not govern a document whose first lines are `header` and whose issuing
/// agency's lines are `agency` (empty when it names none), if it does not.
pub fn outside_scope(header: &[&str], agency: &[&str]) -> Option<String> {
    let upper = |line: &str| line.trim().to_uppercase();
    if header.iter().any(|l| upper(l).starts_with(PARTY_NAME)) {
        return Some(format!(
            "a Party document ({PARTY_NAME}): its format is the Party's own, not Decree 30's"
        ));
    }
    let normative_number = header
        .iter()
        .filter(|l| is_number_line(l))
        .find_map(|l| l.split_whitespace().find(|w| is_normative_number(w)));
    let normative_title = header.iter().find(|l| NORMATIVE_TITLES.contains(&l.trim()));
    if let Some(what) = normative_number.or(normative_title.map(|t| t.trim())) {
        return Some(format!(
            "a legal normative document ({what}): its format is set by the law on legal documents, not by Decree 30"
        ));
    }
    let company = agency
        .iter()
        .find(|l| COMPANY_OPENINGS.iter().any(|o| upper(l).starts_with(o)));
    if let Some(company) = company {
        return Some(format!(
            "a company's paper ({}): Decree 30 governs State agencies, organisations and enterprises",
            company.trim()
        ));
    }
    if agency.is_empty() {
        let what = if header.iter().any(|l| is_national_name(l)) {
            "no issuing agency beside the Quốc hiệu: a citizen's or a private paper"
        } else {
            "no Quốc hiệu and no issuing agency: not an administrative document"
        };
        return Some(what.to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::outside_scope;

    #[test]
    fn documents_outside_the_decree() {
        let agency = ["ỦY BAN NHÂN DÂN", "HUYỆN CẨM XUYÊN"];
        let letter = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 2402/UBND-NTM"];
        assert_eq!(outside_scope(&letter, &agency), None);
        let party = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số: 36-HD/VPTW"];
        assert!(outside_scope(&party, &["BAN CHẤP HÀNH TRUNG ƯƠNG"])
            .is_some_and(|r| r.contains("Party")));
        let decree = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 30/2020/NĐ-CP"];
        assert!(outside_scope(&decree, &["CHÍNH PHỦ"]).is_some_and(|r| r.contains("normative")));
        let company = ["CÔNG TY TNHH THƯƠNG MẠI AN PHÚ"];
        assert!(outside_scope(&letter, &company).is_some_and(|r| r.contains("company")));
        assert!(outside_scope(&letter, &[]).is_some_and(|r| r.contains("citizen")));
        assert!(super::is_normative_number("30/2020/NĐ-CP"));
        assert!(super::is_normative_number("(30/2020/NĐ-CP)"));
        assert!(!super::is_normative_number("2402/UBND-NTM"));
        assert!(!super::is_normative_number("12/2021"));
    }
}
