//! Tables in DOCX (an annex's, or one in the body): a fixed grid, header rows with `w:gridSpan`/`w:vMerge` repeated on every page,
//! rows that split across pages only where the model lets them, group and totals rows in bold.

use docx_rs::{
    Paragraph, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    VMergeType, WidthType,
};

use super::schema_order::HEADER_ROWS_MARKER;
use super::text::{alignment, line, twips_u};
use crate::document::{HeaderCell, RowKind, Table as Model};
use crate::nd30::Format;

/// Width in twips of `span` columns from `first`.
fn span_width(widths: &[usize], first: usize, span: usize) -> usize {
    widths.iter().skip(first).take(span).sum()
}

fn cell(widths: &[usize], first: usize, span: usize, paragraph: Paragraph) -> TableCell {
    let cell = TableCell::new()
        .width(span_width(widths, first, span), WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(paragraph);
    if span > 1 {
        cell.grid_span(span)
    } else {
        cell
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
pub fn table(table: &Model, f: &Format) -> Table {
    let widths: Vec<usize> = table.columns.iter().map(|c| twips_u(c.width_mm)).collect();
    let style = f.look.table;
    let mut rows = Vec::new();
    for y in 0..table.header.len() {
        let mut cells = Vec::new();
        let mut column = 0;
        while column < widths.len() {
            match header_at(&table.header, y, column) {
                Some((h, true)) => {
                    let text = line(&h.text, f.look.table_heading, 0.0);
                    let c = cell(&widths, column, h.colspan, text);
                    cells.push(if h.rowspan > 1 {
                        c.vertical_merge(VMergeType::Restart)
                    } else {
                        c
                    });
                    column += h.colspan;
                }
                Some((h, false)) => {
                    let c = cell(&widths, column, h.colspan, Paragraph::new());
                    cells.push(c.vertical_merge(VMergeType::Continue));
                    column += h.colspan;
                }
                None => {
                    cells.push(cell(&widths, column, 1, Paragraph::new()));
                    column += 1;
                }
            }
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    for row in &table.rows {
        let mut column = 0;
        let mut cells = Vec::with_capacity(row.cells.len());
        let look = match row.kind {
            RowKind::Body => style,
            RowKind::Group | RowKind::Totals => f.look.table_heading,
        };
        for c in &row.cells {
            cells.push(cell(
                &widths,
                column,
                c.colspan,
                // Each column aligns its cells as the table's model says.
                line(&c.text, look, 0.0).align(alignment(c.align)),
            ));
            column += c.colspan;
        }
        // The row splits across pages where the table's model lets it (a very long cell), as in the PDF.
        let row_of = TableRow::new(cells);
        rows.push(if row.split {
            row_of
        } else {
            row_of.cant_split()
        });
    }
    let padding = twips_u(f.table_padding_mm);
    Table::new(rows)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(padding, padding, padding, padding))
        .style(format!("{HEADER_ROWS_MARKER}{}", table.header.len()))
}
