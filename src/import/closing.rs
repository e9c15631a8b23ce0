//! The closing of a draft: Nơi nhận and its Lưu line on the left, the signature on the right.

use super::draft::Grid;
use super::header::{self, Line, Side};
use super::Noted;
use crate::nd30;

/// What the closing says.
#[derive(Debug, Default)]
pub struct Closing {
    /// Nơi nhận's items, without list marks or end punctuation.
    pub distribution: Vec<String>,
    /// What follows `Lưu:`, without its full stop.
    pub archive: Option<String>,
    /// Position lines.
    pub positions: Vec<String>,
    /// The signer's name.
    pub name: Option<String>,
    /// A second signature on the left, above the Nơi nhận (a biên bản's secretary): its position
    /// lines and name.
    pub second: Option<(Vec<String>, String)>,
}

/// Whether a grid is the closing: a cell opens with `Nơi nhận`, or a line opens with a signature
/// prefix (`KT.`, `TM.` …).
pub fn is_closing(grid: &Grid) -> bool {
    grid.cells().flat_map(|c| &c.paragraphs).any(|p| {
        let text = p.text();
        let text = text.trim();
        text.starts_with(nd30::DISTRIBUTION_LABEL.trim_end_matches(':'))
            || nd30::Authority::of_line(&text.to_uppercase()).is_some()
    })
}

/// Whether a paragraph's text opens the Nơi nhận.
pub fn opens_distribution(text: &str) -> bool {
    text.trim()
        .starts_with(nd30::DISTRIBUTION_LABEL.trim_end_matches(':'))
}

/// Reads the closing's lines: those of the side that opens with `Nơi nhận` are its list, the
/// other side's the signature.
pub fn read(lines: &[Line], notes: &mut Noted) -> Closing {
    let distribution_side = lines
        .iter()
        .find(|l| opens_distribution(&l.text))
        .map(|l| l.side);
    let mut closing = Closing::default();
    let (list, signature): (Vec<&Line>, Vec<&Line>) = lines
        .iter()
        .partition(|l| Some(l.side) == distribution_side);
    // Lines on the list's side above `Nơi nhận` are a second signature.
    let label = list
        .iter()
        .position(|l| opens_distribution(&l.text))
        .unwrap_or(0);
    let (second, list) = list.split_at(label);
    if !second.is_empty() {
        let mut block = Closing::default();
        read_signature(second, &mut block, notes);
        if let (false, Some(name)) = (block.positions.is_empty(), block.name) {
            closing.second = Some((block.positions, name));
        }
    }
    read_distribution(list, &mut closing, notes);
    read_signature(&signature, &mut closing, notes);
    closing
}

/// A list item's text without its mark and end punctuation.
fn item_text(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['-', '–', '+', '•', '*'])
        .trim()
        .trim_end_matches([';', ',', '.'])
        .trim()
}

fn read_distribution(lines: &[&Line], closing: &mut Closing, notes: &mut Noted) {
    for line in lines {
        let mut text = line.text.trim();
        if opens_distribution(text) {
            notes.add(line.paragraph, text, "Nơi nhận");
            text = text
                .trim_start_matches(nd30::DISTRIBUTION_LABEL.trim_end_matches(':'))
                .trim_start_matches(':')
                .trim();
            if text.is_empty() {
                continue;
            }
        }
        // A note set beside an item after a run of spaces (`…Chính phủ;      Để đăng dự thảo`).
        let (text, aside) = match text.split_once(";  ") {
            // An aside ends without the list's punctuation; a second item on the line ends with it.
            Some((item, aside))
                if !aside.trim().is_empty() && !aside.trim().ends_with([';', '.', ',']) =>
            {
                (item, Some(aside.trim()))
            }
            _ => (text, None),
        };
        if let Some(aside) = aside {
            notes.add(
                line.paragraph,
                aside,
                "left out: a note beside a Nơi nhận item",
            );
        }
        let item = item_text(text);
        let archive = item
            .strip_prefix(nd30::ARCHIVE_LABEL.trim_end_matches(':'))
            .map(|rest| rest.trim_start_matches(':').trim());
        if let Some(archive) = archive {
            notes.add(line.paragraph, text, "Lưu line");
            let archive = archive.trim_end_matches('.').split_whitespace();
            closing.archive = Some(archive.collect::<Vec<_>>().join(" "));
        } else if item.is_empty() {
            continue;
        } else if !text.starts_with(['-', '–', '+', '•']) && !closing.distribution.is_empty() {
            notes.add(line.paragraph, text, "Nơi nhận item, continued");
            if let Some(last) = closing.distribution.last_mut() {
                last.push(' ');
                last.push_str(item);
            }
        } else {
            notes.add(line.paragraph, text, "Nơi nhận item");
            closing
                .distribution
                .push(item.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
}

/// Whether a line is in capitals (a position line), counting letters only.
fn in_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| !c.is_lowercase())
}

/// Whether a line stands in for the signature itself (`(Đã ký)`, `(ký, ghi rõ họ tên)`).
fn is_signature_placeholder(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    (lower.starts_with('(') || lower.starts_with('['))
        && (lower.contains("ký") || lower.contains("dấu"))
}

fn read_signature(lines: &[&Line], closing: &mut Closing, notes: &mut Noted) {
    for line in lines {
        let text = line.text.trim();
        if is_signature_placeholder(text) {
            notes.add(
                line.paragraph,
                text,
                "left out: stands in for the signature",
            );
        } else if in_capitals(text) && closing.name.is_none() {
            notes.add(line.paragraph, text, "signature: position line");
            closing.positions.push(text.to_string());
        } else if closing.name.is_none() && !closing.positions.is_empty() {
            notes.add(line.paragraph, text, "signature: name");
            closing.name = Some(text.to_string());
        } else {
            notes.add(line.paragraph, text, "left out: not part of the signature");
        }
    }
}

/// The closing's lines from a table: each cell on its side.
pub fn table_lines(grid: &Grid) -> Vec<Line> {
    header::table_lines(grid)
}

/// A closing set without a table: each paragraph parted at its tabs (Nơi nhận on the left, the
/// signature on the right), a paragraph without tabs on the side of what it says.
pub fn paragraph_lines(text: &str, paragraph: usize, bold: bool) -> Vec<Line> {
    let parts: Vec<&str> = text
        .split('\t')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let line = |text: &str, side| Line {
        text: text.to_string(),
        paragraph,
        bold,
        side,
    };
    match parts.as_slice() {
        [] => Vec::new(),
        [one] => {
            let side = if one.starts_with(['-', '–', '+']) || opens_distribution(one) {
                Side::Left
            } else {
                Side::Right
            };
            vec![line(one, side)]
        }
        [first, rest @ ..] => vec![line(first, Side::Left), line(&rest.join(" "), Side::Right)],
    }
}
