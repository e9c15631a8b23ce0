//! The closing: Kính gửi and Nơi nhận lists, the signature, and the contact lines.

use super::*;

/// Contact lines printed after page 1 (on `page`, when known).
pub fn contact_lines_repeated(line: &str, page: Option<u32>) -> Verdict {
    let place = page.map_or_else(
        || "on the pages after the first".to_string(),
        |p| format!("on page {p}"),
    );
    Verdict::new(
        CONTACT_LINES,
        format!("{} ({place})", excerpt(line)),
        "contact lines on page 1 only (a different first-page footer)",
    )
}

/// Whether a line of the footer is a contact line: it names an address, a telephone, a fax, an
/// e-mail or a website.
pub fn is_contact_line(line: &str) -> bool {
    let line = line.to_lowercase();
    crate::nd30::CONTACT_WORDS.iter().any(|w| line.contains(w))
}

/// The number a line holds when it reads as a page number: digits alone (`2`, `- 2 -`), or
/// `Page 2`, `Trang 2`, `2/5`.
pub fn page_number_text(line: &str) -> Option<u32> {
    let line = line
        .trim()
        .trim_matches(|c: char| c == '-' || c.is_whitespace());
    let lower = line.to_lowercase();
    let line = crate::nd30::PAGE_WORDS
        .iter()
        .find_map(|w| lower.strip_prefix(w))
        .unwrap_or(&lower)
        .trim();
    let line = line.split_once('/').map_or(line, |(n, _)| n).trim();
    let digits = (1..=4).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| line.parse().ok()).flatten()
}

/// A `- …` list: every item but the last ends with `;`, the last with `.`.
pub fn judge_list(rule: Rule, items: &[&str]) -> Option<Verdict> {
    let last = items.len().checked_sub(1)?;
    items.iter().enumerate().find_map(|(i, item)| {
        let end = if i == last { LAST_ITEM_END } else { ITEM_END };
        let item = item.trim();
        (!item.ends_with(end)).then(|| {
            Verdict::new(
                rule,
                item,
                format!("end every item but the last with {ITEM_END:?}, the last with {LAST_ITEM_END:?}"),
            )
        })
    })
}

/// The signature block: its position lines (prefixes as Decree 30 writes them) and the signer's name.
pub fn judge_signature(positions: &[String], name: &str) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if let Err(e) = position_lines(positions) {
        verdicts.push(Verdict::new(
            SIGNATURE,
            positions.join(" / "),
            e.to_string(),
        ));
    }
    if let Err(e) = signer_name(name) {
        verdicts.push(Verdict::new(SIGNER_NAME, name, e.to_string()));
    }
    verdicts
}

/// The Nơi nhận items: the last is `- Lưu: VT…` and ends with a full stop.
pub fn judge_distribution(items: &[&str]) -> Option<Verdict> {
    let archive = format!("{LIST_DASH} {ARCHIVE_LABEL} {REGISTRY_CODE}");
    let Some(last) = items.last().map(|s| s.trim()) else {
        return Some(Verdict::new(
            ARCHIVE_LINE,
            "",
            format!("end with {archive}."),
        ));
    };
    let right = last.starts_with(&archive) && last.ends_with('.');
    (!right).then(|| Verdict::new(ARCHIVE_LINE, last, format!("end with {archive}.")))
}
