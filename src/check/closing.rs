//! The closing block: Kính gửi and Nơi nhận lists and the signature.

use super::{first_look, is_capitals, item_lines, items_after, look, Evidence, List};
use crate::nd30::{self, Rule, Verdict};

/// The Nơi nhận list (punctuation, the archive line, its items' size), the signature after it, and
/// the content's end mark before it.
pub(super) fn distribution(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let Some(list) = items_after(lines, nd30::DISTRIBUTION_LABEL) else {
        return Vec::new();
    };
    let items: Vec<&str> = list.items.iter().map(String::as_str).collect();
    let mut verdicts: Vec<Verdict> = nd30::judge_distribution(&items).into_iter().collect();
    if verdicts.is_empty() {
        verdicts.extend(nd30::judge_list(nd30::ARCHIVE_LINE, &items));
    }
    verdicts.extend(list_look(
        evidence,
        &list,
        false,
        nd30::ARCHIVE_LINE,
        nd30::DISTRIBUTION_ITEM_LOOK,
    ));
    verdicts.extend(signature(evidence, list.next));
    let content: Vec<&str> = lines[..list.label].iter().map(String::as_str).collect();
    verdicts.extend(nd30::judge_content_end(&content));
    verdicts
}

/// The signature block from line `from` (after the Nơi nhận list): position lines in capitals, then
/// the signer's name.
fn signature(evidence: &Evidence, from: usize) -> Vec<Verdict> {
    let lines = &evidence.lines;
    // The drafter's line, and the bracketed placeholder where the signature goes (over one line or
    // more), are neither.
    let mut in_brackets = false;
    let mut filled = (from..lines.len()).filter(|&i| {
        let line = lines[i].trim();
        let bracketed = in_brackets || line.starts_with('(');
        in_brackets = bracketed && !line.ends_with(')');
        !line.is_empty() && !nd30::is_drafter_line(line) && !bracketed
    });
    let mut positions = Vec::new();
    let mut name = None;
    for i in filled.by_ref() {
        if is_capitals(lines[i].trim()) {
            positions.push(i);
        } else {
            name = Some(i);
            break;
        }
    }
    let Some(name) = name.filter(|_| !positions.is_empty()) else {
        return Vec::new();
    };
    let texts: Vec<String> = positions
        .iter()
        .map(|&i| lines[i].trim().to_string())
        .collect();
    let mut verdicts = nd30::judge_signature(&texts, lines[name].trim());
    verdicts.extend(first_look(
        evidence,
        positions.into_iter().chain([name]),
        nd30::SIGNATURE,
        |_| nd30::SIGNATURE_LOOK,
    ));
    verdicts
}

/// The Kính gửi label and its addressees: one on the label's line, or a `- …;` list; their size.
pub(super) fn addressees(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let Some(list) = items_after(lines, nd30::RECIPIENTS_LABEL) else {
        return match lines
            .iter()
            .position(|l| l.starts_with(nd30::RECIPIENTS_LABEL))
        {
            // One addressee, on the label's line.
            Some(i) => look(evidence, i, nd30::ADDRESSEES, nd30::RECIPIENTS_LOOK)
                .into_iter()
                .collect(),
            None => Vec::new(),
        };
    };
    let items: Vec<&str> = list.items.iter().map(String::as_str).collect();
    let mut verdicts: Vec<Verdict> = nd30::judge_list(nd30::ADDRESSEES, &items)
        .into_iter()
        .collect();
    verdicts.extend(list_look(
        evidence,
        &list,
        true,
        nd30::ADDRESSEES,
        nd30::RECIPIENTS_LOOK,
    ));
    verdicts
}

/// The first of a list's item lines (after its label's, when `with_label`) whose look departs from
/// `expected`.
fn list_look(
    evidence: &Evidence,
    list: &List,
    with_label: bool,
    rule: Rule,
    expected: nd30::Appearance,
) -> Option<Verdict> {
    let label = with_label.then_some(list.label);
    let items = item_lines(&evidence.lines, list.label + 1, list.next);
    first_look(evidence, label.into_iter().chain(items), rule, |_| expected)
}
