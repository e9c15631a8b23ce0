//! Workbooks as grids of cells: `.xlsx`, `.xlsm`, `.xls`, `.ods` through calamine, `.csv` through csv.
//!
//! Formulas are read by their stored values. Text is cleaned once, here (see [`crate::text`]).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::diagnostic::{a1, Diagnostics, Place};
use crate::{legacy, text};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// A number (dates and times as Excel serial numbers).
    Number(f64),
    /// Text, cleaned.
    Text(String),
    /// TRUE or FALSE.
    Bool(bool),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, the way a person reads it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// One sheet: rows of cells from A1.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Rows from row 1, each from column A.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The cell at zero-based (row, column), empty outside the used area.
    pub fn cell(&self, row: u32, column: u32) -> &Cell {
        const EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(column as usize))
            .unwrap_or(&EMPTY)
    }

    /// Number of rows.
    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Number of columns of the widest row.
    pub fn width(&self) -> u32 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }
}

/// A file read as sheets.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// The file as named by the user.
    pub file: String,
    /// Its sheets, in order.
    pub sheets: Vec<Sheet>,
}

/// Reads `path`. Problems that stop the reading are returned as errors in `diagnostics`, together
/// with a warning for each cell whose legacy encoding was converted.
pub fn read(path: &Path, diagnostics: &mut Diagnostics) -> Option<Workbook> {
    let file = path.display().to_string();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let sheets = match extension.as_deref() {
        Some("xlsx" | "xlsm" | "xls" | "ods") => read_spreadsheet(path, &file, diagnostics)?,
        Some("csv") => vec![read_csv(path, &file, diagnostics)?],
        _ => {
            diagnostics.error(
                Place::file(&file),
                "expected a spreadsheet (.xlsx, .xlsm, .xls, .ods), a .csv or a plan .json file",
            );
            return None;
        }
    };
    let mut workbook = Workbook { file, sheets };
    clean_text(&mut workbook, diagnostics);
    Some(workbook)
}

/// Reads every sheet with calamine. calamine asserts on some damaged files; such a panic is caught
/// here and reported as a damaged file, never passed on.
fn read_spreadsheet(path: &Path, file: &str, diagnostics: &mut Diagnostics) -> Option<Vec<Sheet>> {
    let mut found = Diagnostics::default();
    let sheets = crate::contain::contain(|| read_sheets(path, file, &mut found));
    match sheets {
        Ok(sheets) => {
            diagnostics.extend(found);
            sheets
        }
        Err(_) => {
            diagnostics.error(
                Place::file(file),
                "cannot be read as a spreadsheet: the file is damaged",
            );
            None
        }
    }
}

fn read_sheets(path: &Path, file: &str, diagnostics: &mut Diagnostics) -> Option<Vec<Sheet>> {
    let mut book = match open_workbook_auto(path) {
        Ok(book) => book,
        Err(e) => {
            diagnostics.error(
                Place::file(file),
                format!("cannot be read as a spreadsheet: {e}"),
            );
            return None;
        }
    };
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        match book.worksheet_range(&name) {
            Ok(range) => {
                let mut rows: Vec<Vec<Cell>> = Vec::new();
                if let Some((top, left)) = range.start() {
                    rows.resize(top as usize, Vec::new());
                    for row in range.rows() {
                        let mut cells = vec![Cell::Empty; left as usize];
                        cells.extend(row.iter().map(cell));
                        while cells.last().is_some_and(Cell::is_blank) {
                            cells.pop();
                        }
                        rows.push(cells);
                    }
                }
                sheets.push(Sheet { name, rows });
            }
            Err(e) => {
                let place = Place {
                    file: file.into(),
                    sheet: Some(name.clone()),
                    cell: None,
                };
                diagnostics.error(place, format!("the sheet cannot be read: {e}"));
            }
        }
    }
    Some(sheets)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn read_csv(path: &Path, file: &str, diagnostics: &mut Diagnostics) -> Option<Sheet> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.error(Place::file(file), format!("cannot be read: {e}"));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            diagnostics.error(
                Place::file(file),
                format!("is not UTF-8 text (save it as “CSV UTF-8”): {e}"),
            );
            return None;
        }
    };
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if text
        .lines()
        .next()
        .is_some_and(|l| l.matches(';').count() > l.matches(',').count())
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => rows.push(
                record
                    .iter()
                    .map(|field| {
                        if field.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(field.to_string())
                        }
                    })
                    .collect(),
            ),
            Err(e) => {
                diagnostics.error(Place::file(file), format!("is not valid CSV: {e}"));
                return None;
            }
        }
    }
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Some(Sheet { name, rows })
}

/// Cleans every text cell (see [`crate::text::clean`]) and converts a sheet typed in a legacy font,
/// with one warning per sheet naming the converted cells.
fn clean_text(workbook: &mut Workbook, diagnostics: &mut Diagnostics) {
    for sheet in &mut workbook.sheets {
        let texts = sheet.rows.iter().flatten().filter_map(|cell| match cell {
            Cell::Text(t) => Some(t.as_str()),
            _ => None,
        });
        let encoding = legacy::detect(texts);
        let mut converted = Vec::new();
        for (r, row) in sheet.rows.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().enumerate() {
                let Cell::Text(t) = cell else { continue };
                match encoding.filter(|_| legacy::is_candidate(t)) {
                    Some(encoding) => {
                        let unicode = legacy::decode(t, encoding);
                        let unicode = if legacy::capitals_face(&unicode) {
                            unicode.to_uppercase()
                        } else {
                            unicode
                        };
                        *t = text::clean(&unicode);
                        converted.push(a1(r as u32, c as u32));
                    }
                    None => *t = text::clean(t),
                }
            }
        }
        if let (Some(encoding), false) = (encoding, converted.is_empty()) {
            let place = Place {
                file: workbook.file.clone(),
                sheet: Some(sheet.name.clone()),
                cell: None,
            };
            diagnostics.warning(
                place,
                format!(
                    "converted {} text to Unicode in {} cell(s): {}",
                    encoding.name(),
                    converted.len(),
                    converted.join(", ")
                ),
            );
        }
    }
}
