//! Tables in DOCX (an annex's, or one in the body): a fixed grid, header rows with `w:gridSpan`/`w:vMerge` repeated on every page,
//! rows that split across pages only where the model lets them, group and totals rows in bold.

use super::text::{alignment, line, twips_u};
use super::wml::{Cell, Paragraph, Row, Table};
use crate::document::{HeaderCell, RowKind, Table as Model};
use crate::nd30::Format;

/// Width in twips of `span` columns from `first`.
fn span_width(widths: &[usize], first: usize, span: usize) -> usize {
    widths.iter().skip(first).take(span).sum()
}

/// A cell centred vertically, `span` columns from `first`, holding `paragraph` (an empty one when none).
fn cell<'a>(widths: &[usize], first: usize, span: usize, paragraph: Paragraph<'a>) -> Cell<'a> {
    Cell {
        width: span_width(widths, first, span),
        span,
        merge: None,
        centred: true,
        paragraphs: vec![paragraph],
    }
}

/// The header cell that starts at `column` in row `y`, or the one from a row above that covers it.
fn header_at(header: &[Vec<HeaderCell>], y: usize, column: usize) -> Option<(&HeaderCell, bool)> {
    if let Some(own) = header[y].iter().find(|h| h.column == column) {
        return Some((own, true));
    }
    header[..y]
        .iter()
        .enumerate()
        .flat_map(|(above, row)| row.iter().map(move |h| (above, h)))
        .find(|(above, h)| h.column == column && above + h.rowspan > y)
        .map(|(_, h)| (h, false))
}

/// The DOCX table of `table`.
pub fn table<'a>(table: &'a Model, f: &Format) -> Table<'a> {
    let widths: Vec<usize> = table.columns.iter().map(|c| twips_u(c.width_mm)).collect();
    let style = f.look.table;
    let mut rows = Vec::with_capacity(table.header.len() + table.rows.len());
    for y in 0..table.header.len() {
        let mut cells = Vec::new();
        let mut column = 0;
        while column < widths.len() {
            match header_at(&table.header, y, column) {
                Some((h, true)) => {
                    let text = line(h.text.as_str(), f.look.table_heading, 0.0);
                    let mut c = cell(&widths, column, h.colspan, text);
                    c.merge = (h.rowspan > 1).then_some(true);
                    cells.push(c);
                    column += h.colspan;
                }
                Some((h, false)) => {
                    let mut c = cell(&widths, column, h.colspan, Paragraph::default());
                    c.merge = Some(false);
                    cells.push(c);
                    column += h.colspan;
                }
                None => {
                    cells.push(cell(&widths, column, 1, Paragraph::default()));
                    column += 1;
                }
            }
        }
        rows.push(Row {
            cant_split: true,
            header: true,
            cells,
        });
    }
    for row in &table.rows {
        let mut column = 0;
        let mut cells = Vec::with_capacity(row.cells.len());
        let look = match row.kind {
            RowKind::Body => style,
            RowKind::Group | RowKind::Totals => f.look.table_heading,
        };
        for c in &row.cells {
            // Each column aligns its cells as the table's model says.
            let mut text = line(c.text.as_str(), look, 0.0);
            text.align = Some(alignment(c.align));
            cells.push(cell(&widths, column, c.colspan, text));
            column += c.colspan;
        }
        // The row splits across pages where the table's model lets it (a very long cell), as in the PDF.
        rows.push(Row {
            cant_split: !row.split,
            header: false,
            cells,
        });
    }
    Table {
        grid: widths,
        // A quarter of a point: at the PDF's half point, LibreOffice counts the lines into the rows'
        // heights and lays a long table onto one more page than the PDF takes.
        ruled: Some(2),
        padding: twips_u(f.table_padding_mm),
        rows,
    }
}
