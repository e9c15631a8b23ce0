//! The body markup: a small Markdown subset, read into [`Block`]s.
//!
//! - Paragraphs are separated by blank lines; lines inside a paragraph are joined with a space.
//! - A line opening with a marker starts an item of its own: `1.`, `a)`, `đ)`, `I.`, `-`, `+`.
//! - `**bold**`, `*italic*`; a backslash makes the next character literal (`\*`).

use crate::document::{Block, Span};

/// Characters that mean something in the markup, and are escaped in values put into a template.
pub const SPECIAL: [char; 2] = ['\\', '*'];

/// The body text read into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<(Option<String>, String)> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blocks.extend(current.take().map(block));
            continue;
        }
        match marker(line) {
            Some((m, rest)) => {
                blocks.extend(current.take().map(block));
                current = Some((Some(m.to_string()), rest.to_string()));
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

fn block((marker, text): (Option<String>, String)) -> Block {
    let spans = inline(&text);
    match marker {
        Some(marker) => Block::Item { marker, spans },
        None => Block::Paragraph { spans },
    }
}

/// The marker opening `line`, and the text after it.
fn marker(line: &str) -> Option<(&str, &str)> {
    let (head, rest) = line.split_once(' ')?;
    let numeral =
        |body: &str, digits: &str| !body.is_empty() && body.chars().all(|c| digits.contains(c));
    let is_marker = match head {
        "-" | "+" => true,
        _ => match (head.strip_suffix('.'), head.strip_suffix(')')) {
            (Some(body), _) => numeral(body, "0123456789") || numeral(body, "IVXLC"),
            (_, Some(body)) => {
                let mut chars = body.chars();
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_lowercase() || c == 'đ')
            }
            _ => false,
        },
    };
    is_marker.then(|| (head, rest.trim_start()))
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
                    marker: "1.".into(),
                    spans: vec![Span::plain("UBND các xã:")]
                },
                Block::Item {
                    marker: "-".into(),
                    spans: vec![Span::plain("Huy động sự vào cuộc;")]
                },
                Block::Item {
                    marker: "-".into(),
                    spans: vec![Span::plain("Xây dựng.")]
                },
                Block::Item {
                    marker: "a)".into(),
                    spans: vec![Span::plain("Điểm a")]
                },
            ]
        );
    }

    #[test]
    fn only_a_leading_marker_opens_an_item() {
        assert_eq!(marker("1. UBND các xã"), Some(("1.", "UBND các xã")));
        assert_eq!(marker("II. NHIỆM VỤ"), Some(("II.", "NHIỆM VỤ")));
        assert_eq!(marker("đ) Điểm đ"), Some(("đ)", "Điểm đ")));
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
