//! The body markup: a small Markdown subset, read into [`Block`]s.
//!
//! - Paragraphs are separated by blank lines; lines inside a paragraph are joined with a space.
//! - A line opening with a marker starts an item of its own, which vanban numbers in the Decree's order
//!   whatever number was typed: `I.` or `# ` (section), `Điều 1.` (article), `1.` or `## ` (clause, the
//!   latter with a bold title), `a)` (point), `-`, `+`.
//! - `**bold**`, `*italic*`, `^superscript^` (`m^3^`), `~subscript~` (`D~k~`), the last two without
//!   spaces inside; a backslash makes the next character literal (`\*`).
//! - Lines opening with `|` are a table, one row per line, cells between `|`: the first row is its
//!   header; a second row of dashes (`|:---|------:|`) gives each column its share of the width (by
//!   its dashes, one per millimetre as vanban writes them) and its alignment (`:---` left, `:---:` centred, `---:` right; left when not said).

use crate::document::{
    Align, Block, Column, HeaderCell, Level, Row, RowCell, RowKind, Script, Span, Table,
};

/// Characters that mean something in the markup, and are escaped in values put into a template.
pub const SPECIAL: [char; 5] = ['\\', '*', '|', '^', '~'];

/// The body text read into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<(Option<(Level, bool)>, String)> = None;
    let mut rows: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('|') {
            blocks.extend(current.take().map(block));
            rows.push(line);
            continue;
        }
        if !rows.is_empty() {
            blocks.push(table(&std::mem::take(&mut rows)));
        }
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
    if !rows.is_empty() {
        blocks.push(table(&rows));
    }
    blocks
}

/// The cells of a table row: the text between unescaped `|`, trimmed, escapes kept for [`inline`].
fn cells(row: &str) -> Vec<String> {
    let inner = row.strip_prefix('|').unwrap_or(row);
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push(c);
                cell.extend(chars.next());
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    // The text after a closing `|` is not a cell.
    if cells.is_empty() || !cell.trim().is_empty() {
        cells.push(cell);
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// A cell's text as printed: its escapes undone, its emphasis marks dropped.
fn cell_text(cell: &str) -> String {
    inline(cell).into_iter().map(|s| s.text).collect()
}

/// The column a separator cell (`:---:`) describes, or `None` when the cell is not one.
fn separator(cell: &str) -> Option<Column> {
    let dashes = cell.trim_start_matches(':').trim_end_matches(':');
    if dashes.is_empty() || !dashes.chars().all(|c| c == '-') {
        return None;
    }
    let align = match (cell.starts_with(':'), cell.ends_with(':')) {
        (true, true) => Align::Center,
        (false, true) => Align::Right,
        _ => Align::Left,
    };
    Some(Column {
        width_mm: dashes.len() as f32,
        align,
    })
}

/// The table `rows` write: the first is its header, a row of dashes after it its columns.
fn table(rows: &[&str]) -> Block {
    let mut rows: Vec<Vec<String>> = rows.iter().map(|r| cells(r)).collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let described: Option<Vec<Column>> = rows
        .get(1)
        .and_then(|r| r.iter().map(|c| separator(c)).collect());
    let mut columns = described.map_or_else(Vec::new, |columns| {
        rows.remove(1);
        columns
    });
    columns.resize(
        width,
        Column {
            width_mm: 3.0,
            align: Align::Left,
        },
    );
    let mut rows = rows.into_iter();
    let header = rows
        .next()
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(column, text)| HeaderCell {
            text: cell_text(text),
            column,
            colspan: 1,
            rowspan: 1,
        })
        .collect();
    let rows = rows
        .map(|cells| Row {
            kind: RowKind::Body,
            cells: (0..width)
                .map(|i| RowCell {
                    text: cells.get(i).map_or_else(String::new, |c| cell_text(c)),
                    colspan: 1,
                    align: columns[i].align,
                })
                .collect(),
            split: false,
        })
        .collect();
    Block::Table {
        table: Table {
            columns,
            header: vec![header],
            rows,
        },
    }
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
        } else if let Some((script, inner, after)) = scripted(rest) {
            push(out, &mut plain, bold, italic);
            out.push(Span {
                script,
                ..Span::styled(unescaped(inner), bold, italic)
            });
            rest = after;
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

/// A raised or lowered span opening `text` (`^3^`, `~k~`): its place, its text, and what follows.
fn scripted(text: &str) -> Option<(Script, &str, &str)> {
    let (script, mark) = match text.chars().next()? {
        '^' => (Script::Super, '^'),
        '~' => (Script::Sub, '~'),
        _ => return None,
    };
    let body = &text[1..];
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c.is_whitespace() => return None,
            c if c == mark => return (i > 0).then(|| (script, &body[..i], &body[i + 1..])),
            _ => {}
        }
    }
    None
}

/// `text` with its escapes undone.
fn unescaped(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out
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
        out.push(Span::styled(std::mem::take(plain), bold, italic));
    }
}

/// Blocks written back as markup, one paragraph, item or table after another with a blank line
/// between: what [`parse`] reads into the same blocks.
pub fn write(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Paragraph { spans } => {
                let text = write_spans(spans);
                // A paragraph that would read as an item or a table keeps its first character literal.
                let literal = marker(&text).is_some() || text.starts_with(['#', '|']);
                if literal {
                    out.push('\\');
                }
                out.push_str(&text);
                out.push('\n');
            }
            Block::Item { level, spans } => {
                out.push_str(label(*level));
                out.push(' ');
                out.push_str(&write_spans(spans));
                out.push('\n');
            }
            Block::Table { table } => write_table(table, &mut out),
        }
    }
    out
}

/// A label that opens an item of `level` (vanban numbers items itself, whatever number is written).
fn label(level: Level) -> &'static str {
    match level {
        Level::Part => "Phần I",
        Level::Chapter => "Chương I",
        Level::Division => "Mục 1",
        Level::Section => "I.",
        Level::Article => "Điều 1.",
        Level::Clause => "1.",
        Level::Point => "a)",
        Level::Dash => "-",
        Level::Plus => "+",
    }
}

/// Spans as markup: bold in `**`, italics in `*`, markup characters escaped, spaces at a span's
/// edges kept outside its marks.
pub fn write_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let text = escape(&span.text);
        let core = text.trim();
        if core.is_empty() {
            out.push_str(&text);
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let tail = &text[text.trim_end().len()..];
        let mark = match (span.bold, span.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let place = match span.script {
            Script::Baseline => "",
            Script::Super => "^",
            Script::Sub => "~",
        };
        // A raised or lowered span holds no space: its spaces are written outside it.
        let core = if place.is_empty() {
            core.to_string()
        } else {
            core.split_whitespace()
                .map(|word| format!("{place}{word}{place}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.push_str(lead);
        out.push_str(mark);
        out.push_str(&core);
        out.push_str(&mark.chars().rev().collect::<String>());
        out.push_str(tail);
    }
    out
}

/// A table as markup rows: its header, a row of dashes giving each column its share and alignment,
/// its rows.
fn write_table(table: &Table, out: &mut String) {
    let row = |cells: Vec<String>, out: &mut String| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(&escape(&cell));
            out.push_str(" |");
        }
        out.push('\n');
    };
    let width = table.columns.len();
    for header in &table.header {
        let mut cells = vec![String::new(); width];
        for cell in header {
            if let Some(slot) = cells.get_mut(cell.column) {
                slot.clone_from(&cell.text);
            }
        }
        row(cells, out);
    }
    out.push('|');
    for column in &table.columns {
        // One dash per millimetre: the table's width is kept, which an annex's pages follow.
        let dashes = "-".repeat((column.width_mm.round() as usize).max(3));
        let (open, close) = match column.align {
            Align::Left => (":", ""),
            Align::Center => (":", ":"),
            Align::Right => ("", ":"),
            Align::Justify => ("", ""),
        };
        out.push_str(&format!("{open}{dashes}{close}|"));
    }
    out.push('\n');
    for r in &table.rows {
        row(r.cells.iter().map(|c| c.text.clone()).collect(), out);
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
        Span::styled(text, bold, italic)
    }

    #[test]
    fn raised_and_lowered_spans() {
        assert_eq!(
            inline("D~k~ = 2 kg/m^3^, 5 ~ 7 and a^b"),
            vec![
                span("D", false, false),
                Span {
                    script: Script::Sub,
                    ..span("k", false, false)
                },
                span(" = 2 kg/m", false, false),
                Span {
                    script: Script::Super,
                    ..span("3", false, false)
                },
                span(", 5 ~ 7 and a^b", false, false),
            ]
        );
        assert_eq!(
            write(&[Block::Paragraph {
                spans: inline("D~k~ = 2 kg/m^3^")
            }]),
            "D~k~ = 2 kg/m^3^\n"
        );
    }

    #[test]
    fn tables_keep_their_cells_columns_and_header() {
        let blocks = parse(
            "Trước bảng.\n| TT | Nội dung \\| ghi chú | Số |\n|:-:|------|--:|\n| 1 | **Xã** A | 12 |\n| 2 | Xã B |\nSau bảng.",
        );
        let Block::Table { table } = &blocks[1] else {
            panic!("no table: {blocks:?}");
        };
        let widths: Vec<f32> = table.columns.iter().map(|c| c.width_mm).collect();
        assert_eq!(widths, [1.0, 6.0, 2.0]);
        let aligns: Vec<Align> = table.columns.iter().map(|c| c.align).collect();
        assert_eq!(aligns, [Align::Center, Align::Left, Align::Right]);
        let header: Vec<&str> = table.header[0].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(header, ["TT", "Nội dung | ghi chú", "Số"]);
        let rows: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(rows, [vec!["1", "Xã A", "12"], vec!["2", "Xã B", ""]]);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
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
