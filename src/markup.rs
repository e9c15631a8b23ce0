//! The body markup: a small Markdown subset, read into [`Block`]s.
//!
//! - Paragraphs are separated by blank lines; lines inside a paragraph are joined with a space.
//! - A line opening with a marker starts an item of its own, which vanban numbers in the Decree's order
//!   whatever number was typed: `I.` or `# ` (section), `Điều 1.` (article), `1.` or `## ` (clause, the
//!   latter with a bold title), `a)` (point), `-`, `+`.
//! - `**bold**`, `*italic*`; a backslash makes the next character literal (`\*`).

use crate::document::{Block, Level, Span};

/// Characters that mean something in the markup, and are escaped in values put into a template.
pub const SPECIAL: [char; 2] = ['\\', '*'];

/// The body text read into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<(Option<(Level, bool)>, String)> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blocks.extend(current.take().map(block));
            continue;
        }
        match marker(line) {
            Some((level, bold, rest)) => {
                blocks.extend(current.take().map(block));
                current = Some((Some((level, bold)), rest.to_string()));
            }
            None => match current.as_mut() {
                Some((_, text)) => {
                    text.push(' ');
                    text.push_str(line);
                }
                None => current = Some((None, line.to_string())),
            },
        }
    }
    blocks.extend(current.map(block));
    blocks
}

fn block((marker, text): (Option<(Level, bool)>, String)) -> Block {
    let mut spans = inline(&text);
    match marker {
        Some((level, bold)) => {
            if bold {
                spans.iter_mut().for_each(|s| s.bold = true);
            }
            Block::Item { level, spans }
        }
        None => Block::Paragraph { spans },
    }
}

/// The item `line` opens, whether its title is bold by its marker (`## `), and the text after it:
/// the markup's own `# ` and `## `, or a label of the Decree's structure as
/// [`nd30::structure`](crate::nd30::structure) reads it.
fn marker(line: &str) -> Option<(Level, bool, &str)> {
    if let Some(rest) = line.strip_prefix("## ") {
        return Some((Level::Clause, true, rest.trim_start()));
    }
    if let Some(rest) = line.strip_prefix("# ") {
        return Some((Level::Section, false, rest.trim_start()));
    }
    crate::nd30::structure::parse(line).map(|label| (label.level, false, label.rest))
}

/// The inline styles of one paragraph.
pub fn inline(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    styled(text, false, false, &mut spans);
    spans
}

/// Appends the spans of `text`, whose outer style is `bold`/`italic`.
fn styled(text: &str, bold: bool, italic: bool, out: &mut Vec<Span>) {
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let delimiter = if rest.starts_with("**") { "**" } else { "*" };
        if c == '\\' {
            let mut chars = rest[1..].chars();
            match chars.next() {
                Some(next) => {
                    plain.push(next);
                    rest = chars.as_str();
                }
                None => {
                    plain.push('\\');
                    rest = "";
                }
            }
        } else if c == '*' {
            match closing(&rest[delimiter.len()..], delimiter) {
                Some(end) if end > 0 => {
                    push(out, &mut plain, bold, italic);
                    let inner = &rest[delimiter.len()..delimiter.len() + end];
                    let (b, i) = if delimiter == "**" {
                        (true, italic)
                    } else {
                        (bold, true)
                    };
                    styled(inner, b, i, out);
                    rest = &rest[2 * delimiter.len() + end..];
                }
                _ => {
                    plain.push_str(delimiter);
                    rest = &rest[delimiter.len()..];
                }
            }
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    push(out, &mut plain, bold, italic);
}

/// Byte offset of the unescaped `delimiter` that closes a span opened just before `text`.
fn closing(text: &str, delimiter: &str) -> Option<usize> {
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(after) = rest.strip_prefix('\\') {
            i += 1 + after.chars().next().map_or(0, char::len_utf8);
        } else if delimiter == "**" && rest.starts_with("***") {
            return Some(i + 1);
        } else if rest.starts_with(delimiter) && (delimiter == "**" || !rest.starts_with("**")) {
            return Some(i);
        } else if delimiter == "*" && rest.starts_with("**") {
            i += 2 + closing(&rest[2..], "**").map_or(0, |end| end + 2);
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

fn push(out: &mut Vec<Span>, plain: &mut String, bold: bool, italic: bool) {
    if !plain.is_empty() {
        out.push(Span {
            text: std::mem::take(plain),
            bold,
            italic,
        });
    }
}

/// `value` with every markup character escaped, so that data is printed as written.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, bold: bool, italic: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn paragraphs_and_items() {
        let blocks = parse("Theo dự thảo\nbộ tiêu chí.\n\n1. UBND các xã:\n- Huy động\nsự vào cuộc;\n- Xây dựng.\na) Điểm a\n");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    spans: vec![Span::plain("Theo dự thảo bộ tiêu chí.")]
                },
                Block::Item {
                    level: Level::Clause,
                    spans: vec![Span::plain("UBND các xã:")]
                },
                Block::Item {
                    level: Level::Dash,
                    spans: vec![Span::plain("Huy động sự vào cuộc;")]
                },
                Block::Item {
                    level: Level::Dash,
                    spans: vec![Span::plain("Xây dựng.")]
                },
                Block::Item {
                    level: Level::Point,
                    spans: vec![Span::plain("Điểm a")]
                },
            ]
        );
    }

    #[test]
    fn only_a_leading_marker_opens_an_item() {
        assert_eq!(
            marker("1. UBND các xã"),
            Some((Level::Clause, false, "UBND các xã"))
        );
        assert_eq!(
            marker("II. NHIỆM VỤ"),
            Some((Level::Section, false, "NHIỆM VỤ"))
        );
        assert_eq!(marker("đ) Điểm đ"), Some((Level::Point, false, "Điểm đ")));
        assert_eq!(
            marker("Điều 7. Hiệu lực"),
            Some((Level::Article, false, "Hiệu lực"))
        );
        assert_eq!(
            marker("## Mục đích"),
            Some((Level::Clause, true, "Mục đích"))
        );
        assert_eq!(
            marker("# Mục đích, yêu cầu"),
            Some((Level::Section, false, "Mục đích, yêu cầu"))
        );
        assert!(marker("Điều kiện cần").is_none());
        assert_eq!(
            marker("Chương II. Quy định chung"),
            Some((Level::Chapter, false, "Quy định chung"))
        );
        assert_eq!(
            marker("Mục 1 Phạm vi"),
            Some((Level::Division, false, "Phạm vi"))
        );
        assert!(marker("Mục đích của kế hoạch").is_none());
        assert!(marker("V/v đẩy mạnh").is_none());
        assert!(marker("Xã. Cẩm").is_none());
        assert!(marker("2021-2025 là giai đoạn").is_none());
        assert!(marker("ab) không").is_none());
    }

    #[test]
    fn bold_and_italic() {
        assert_eq!(
            inline("a **đậm** và *nghiêng* và ***cả hai***"),
            vec![
                span("a ", false, false),
                span("đậm", true, false),
                span(" và ", false, false),
                span("nghiêng", false, true),
                span(" và ", false, false),
                span("cả hai", true, true),
            ]
        );
    }

    #[test]
    fn unmatched_and_escaped_stars_are_text() {
        assert_eq!(inline("5 * 3 = 15"), vec![span("5 * 3 = 15", false, false)]);
        assert_eq!(
            inline(r"\*b\* và \\"),
            vec![span(r"*b* và \", false, false)]
        );
        assert_eq!(
            inline(&escape("*b* \\ #read(\"/etc/passwd\")")),
            vec![span("*b* \\ #read(\"/etc/passwd\")", false, false)]
        );
    }
}
