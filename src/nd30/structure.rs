//! One grammar for the labels that open the parts of a document's structure (Phụ lục I §II.6):
//! `Phần I`, `Chương II`, `Mục 1` headings, `I.` sections, `Điều 1.` articles, `1.` clauses, `a)`
//! points, `-` and `+` items. The markup reader, the numbering and the checker all read labels with
//! [`parse`]; [`Numbering`](super::Numbering) prints them.

use super::annex::roman;
use super::numbering::Level;

/// A label read at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label<'a> {
    /// Its level.
    pub level: Level,
    /// The label as written, without the punctuation a heading's number may carry (`Chương II`,
    /// `Điều 3.`, `2.`, `đ)`, `-`).
    pub label: &'a str,
    /// What follows it on the line.
    pub rest: &'a str,
}

/// The words that open a heading, with the numerals each takes.
const HEADINGS: [(&str, Level, Numeral); 3] = [
    ("Phần", Level::Part, Numeral::Roman),
    ("Chương", Level::Chapter, Numeral::Roman),
    ("Mục", Level::Division, Numeral::Arabic),
];

/// How a level's numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numeral {
    Roman,
    Arabic,
}

impl Numeral {
    fn reads(self, text: &str) -> bool {
        match self {
            Numeral::Arabic => !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()),
            Numeral::Roman => is_roman(text),
        }
    }
}

/// Whether `text` is a Roman numeral as [`roman`] writes them (`I` to `C`).
pub fn is_roman(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 8
        && text.chars().all(|c| "IVXLC".contains(c))
        && (1..=100).any(|n| roman(n) == text)
}

/// Where `part`, a slice of `line`, ends in it.
fn end_of(line: &str, part: &str) -> usize {
    part.as_ptr() as usize - line.as_ptr() as usize + part.len()
}

/// The label `line` opens with, if any. A heading's number may stand alone on its line or be
/// followed by its title; every other label is followed by text.
pub fn parse(line: &str) -> Option<Label<'_>> {
    // A label quoted from another text (`“a) …`) is read as a label all the same.
    let line = line.trim().trim_start_matches(['“', '"', '‘']);
    // Any space may follow a label, a no-break space too.
    let (head, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim_start();
    for (word, level, numeral) in HEADINGS {
        if head == word {
            let (number, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let bare = number.trim_end_matches(['.', ':']);
            return numeral.reads(bare).then(|| Label {
                level,
                label: &line[..end_of(line, bare)],
                rest: title.trim_start(),
            });
        }
    }
    if head == "Điều" {
        let (number, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let numbered = number
            .strip_suffix('.')
            .is_some_and(|n| Numeral::Arabic.reads(n));
        return numbered.then(|| Label {
            level: Level::Article,
            label: &line[..end_of(line, number)],
            rest: title.trim_start(),
        });
    }
    if rest.is_empty() {
        return None;
    }
    let level = match head {
        "-" => Level::Dash,
        "+" => Level::Plus,
        _ => match (head.strip_suffix('.'), head.strip_suffix(')')) {
            (Some(body), _) if Numeral::Arabic.reads(body) => Level::Clause,
            (Some(body), _) if Numeral::Roman.reads(body) => Level::Section,
            (_, Some(body)) => {
                let mut chars = body.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_lowercase() || c == 'đ' => Level::Point,
                    _ => return None,
                }
            }
            _ => return None,
        },
    };
    Some(Label {
        level,
        label: head,
        rest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nd30::Numbering;

    #[test]
    fn every_label_the_numbering_prints_reads_back() {
        let levels = [
            Level::Part,
            Level::Chapter,
            Level::Division,
            Level::Section,
            Level::Article,
            Level::Clause,
            Level::Point,
            Level::Dash,
            Level::Plus,
        ];
        let mut numbering = Numbering::default();
        for round in 0..30 {
            for level in levels {
                let printed = numbering.label(level);
                let line = format!("{printed} Nội dung {round}");
                let read = parse(&line).unwrap_or_else(|| panic!("{line:?} reads as no label"));
                assert_eq!(
                    (read.level, read.label),
                    (level, printed.as_str()),
                    "{line}"
                );
                assert_eq!(read.rest, format!("Nội dung {round}"));
            }
        }
    }

    #[test]
    fn words_that_look_like_labels_are_not() {
        for line in [
            "Điều này quy định",
            "Điều kiện cần",
            "Chương trình OCOP",
            "Mục tiêu chung",
            "Mục đích của kế hoạch",
            "1.000 đồng",
            "2021",
            "2021-2025 là giai đoạn",
            "V/v đẩy mạnh",
            "Xã. Cẩm",
            "ab) không",
            "IIII. sai",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
        let heading = |line| parse(line).map(|l| (l.level, l.label, l.rest));
        assert_eq!(
            heading("Chương IV"),
            Some((Level::Chapter, "Chương IV", ""))
        );
        assert_eq!(
            heading("Chương II. Quy định chung"),
            Some((Level::Chapter, "Chương II", "Quy định chung"))
        );
        assert_eq!(
            heading("Mục 1 Phạm vi"),
            Some((Level::Division, "Mục 1", "Phạm vi"))
        );
        assert_eq!(heading("“a) Trích"), Some((Level::Point, "a)", "Trích")));
        assert_eq!(
            heading("2.\u{a0}Khoản"),
            Some((Level::Clause, "2.", "Khoản"))
        );
        assert_eq!(
            heading("Điều\u{a0}4.\u{a0}Hiệu lực"),
            Some((Level::Article, "Điều\u{a0}4.", "Hiệu lực"))
        );
    }
}
