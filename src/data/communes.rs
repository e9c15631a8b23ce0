//! The communes' yearly figures (Phụ lục 1 of the letter): found by their header text, not by address.
//!
//! The table has a `Tên xã` column (with or without a `TT` column), a row of years under group
//! headers (`Số ý tưởng tham gia`, `Lũy kế ý tưởng tham gia`, `Số sản phẩm đạt sao`, `Lũy kế sản phẩm
//! đạt sao`), any title or note rows above, blank rows, and perhaps a totals row, which is checked.

use super::diagnostic::{a1, Diagnostics, Place};
use super::fold::fold;
use super::plan::{running, Commune, Period};
use super::sheet::{Cell, Sheet};
use super::value::{whole, year};

/// What a group of year columns counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// New ideas in the year.
    Ideas,
    /// Ideas so far.
    IdeasRunning,
    /// Products newly star-rated in the year.
    Stars,
    /// Star-rated products so far.
    StarsRunning,
}

impl Measure {
    const ALL: [Measure; 4] = [
        Measure::Ideas,
        Measure::IdeasRunning,
        Measure::Stars,
        Measure::StarsRunning,
    ];

    /// Words for messages.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Ideas => "ideas",
            Measure::IdeasRunning => "ideas so far",
            Measure::Stars => "star-rated products",
            Measure::StarsRunning => "star-rated products so far",
        }
    }

    /// The measure a group header names, if any.
    fn of_header(folded: &str) -> Option<Measure> {
        let running = folded.contains("luy ke");
        let stars = folded.contains("sao");
        let ideas = folded.contains("y tuong");
        match (running, stars, ideas) {
            (false, true, _) => Some(Measure::Stars),
            (true, true, _) => Some(Measure::StarsRunning),
            (false, false, true) => Some(Measure::Ideas),
            (true, false, true) => Some(Measure::IdeasRunning),
            _ => None,
        }
    }
}

const NAME_HEADERS: [&str; 8] = [
    "ten xa",
    "xa",
    "ten don vi",
    "don vi",
    "xa thi tran",
    "ten xa thi tran",
    "dia phuong",
    "ten dia phuong",
];
const TOTALS: [&str; 4] = ["tong cong", "tong", "cong", "toan huyen"];
const FOOTERS: [&str; 4] = ["ghi chu", "nguoi lap", "noi nhan", "luu y"];

/// Where the table is in its sheet.
#[derive(Debug)]
struct Layout {
    name_column: u32,
    tt_column: Option<u32>,
    year_row: u32,
    /// (measure, year, column) for each recognised column.
    columns: Vec<(Measure, u16, u32)>,
}

/// Whether a folded cell text names the totals row.
pub fn is_totals(folded: &str) -> bool {
    TOTALS
        .iter()
        .any(|t| folded == *t || folded.starts_with(&format!("{t} ")))
}

fn is_name_header(folded: &str) -> bool {
    NAME_HEADERS.contains(&folded)
        || folded.starts_with("ten xa ")
        || (folded.starts_with("don vi ") && !folded.starts_with("don vi tinh"))
}

/// For each column, the measure named by the nearest group header above `year_row`, at or left of it.
fn measures(sheet: &Sheet, year_row: u32) -> Vec<Option<Measure>> {
    let rows: Vec<u32> = (year_row.saturating_sub(3)..year_row).rev().collect();
    let mut current: Vec<Option<String>> = vec![None; rows.len()];
    (0..sheet.width())
        .map(|c| {
            for (k, &r) in rows.iter().enumerate() {
                let text = fold(&sheet.cell(r, c).text());
                if !text.is_empty() && !text.chars().all(|ch| ch.is_ascii_digit()) {
                    current[k] = Some(text);
                }
            }
            current.iter().flatten().find_map(|t| Measure::of_header(t))
        })
        .collect()
}

/// The table's layout, or the cell and reason why a table with years has no commune column.
fn find(sheet: &Sheet) -> Option<Result<Layout, Missing>> {
    for year_row in 0..sheet.height().min(45) {
        let years: Vec<(u16, u32)> = (0..sheet.width())
            .filter_map(|c| Some((year(sheet.cell(year_row, c))?, c)))
            .collect();
        if years.len() < 2 {
            continue;
        }
        let measures = measures(sheet, year_row);
        let columns: Vec<(Measure, u16, u32)> = years
            .into_iter()
            .filter_map(|(y, c)| Some((measures[c as usize]?, y, c)))
            .collect();
        let only_years = (0..sheet.width()).all(|c| {
            let cell = sheet.cell(year_row, c);
            let folded = fold(&cell.text());
            cell.is_blank()
                || year(cell).is_some()
                || is_name_header(&folded)
                || folded == "tt"
                || folded == "stt"
        });
        if columns.len() < 2 || !only_years {
            continue;
        }
        let header_rows = year_row.saturating_sub(3)..year_row;
        let column_with = |test: &dyn Fn(&str) -> bool| {
            (0..sheet.width()).find(|&c| {
                header_rows
                    .clone()
                    .any(|r| test(&fold(&sheet.cell(r, c).text())))
            })
        };
        let Some(name_column) = column_with(&is_name_header) else {
            let first = columns.first().map_or(0, |&(_, _, c)| c);
            return Some(Err(Missing {
                cell: (year_row, first),
                message: format!(
                    "no commune column: expected a header “Tên xã” in rows {}–{}, left of the years",
                    header_rows.start + 1,
                    year_row + 1
                ),
            }));
        };
        let tt_column = column_with(&|t| t == "tt" || t == "stt");
        return Some(Ok(Layout {
            name_column,
            tt_column,
            year_row,
            columns,
        }));
    }
    None
}

/// A commune read from a sheet, with the place of its row (the name cell).
#[derive(Debug, Clone)]
pub struct CommuneRow {
    /// The figures.
    pub commune: Commune,
    /// The name cell.
    pub place: Place,
    /// Where each year's star-rated products are, for messages: one cell per year.
    pub stars_cells: Vec<Option<(u32, u32)>>,
    /// Zero-based row in the sheet.
    pub row: u32,
}

/// A located table being read.
struct Table<'a> {
    file: &'a str,
    sheet: &'a Sheet,
    period: Period,
    layout: Layout,
    /// (measure, index of the year in the period, column).
    columns: Vec<(Measure, usize, u32)>,
    /// Columns with a cell that could not be read: their totals are not checked.
    unreadable: Vec<u32>,
}

/// The communes of the table in `sheet`, or `None` when the sheet holds no such table.
pub fn read(
    file: &str,
    sheet: &Sheet,
    period: Period,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<CommuneRow>> {
    let place = |cell| Place {
        file: file.into(),
        sheet: Some(sheet.name.clone()),
        cell: Some(cell),
    };
    let layout = match find(sheet)? {
        Ok(layout) => layout,
        Err(missing) => {
            diagnostics.error(place(missing.cell), missing.message);
            return Some(Vec::new());
        }
    };
    let mut columns = Vec::new();
    for &(measure, y, column) in &layout.columns {
        match period.index(y) {
            Some(i) => columns.push((measure, i, column)),
            None => diagnostics.error(
                place((layout.year_row, column)),
                format!(
                    "year {y} is outside the programme period {}–{}",
                    period.first, period.last
                ),
            ),
        }
    }
    let mut table = Table {
        file,
        sheet,
        period,
        layout,
        columns,
        unreadable: Vec::new(),
    };
    table.check_columns(diagnostics);
    let mut rows = Vec::new();
    for r in table.layout.year_row + 1..sheet.height() {
        let name = sheet.cell(r, table.layout.name_column).text();
        let tt = table
            .layout
            .tt_column
            .map(|c| sheet.cell(r, c).text())
            .unwrap_or_default();
        let (folded_name, folded_tt) = (fold(&name), fold(&tt));
        if (0..sheet.width()).all(|c| sheet.cell(r, c).is_blank()) {
            continue;
        }
        if is_totals(&folded_name) || is_totals(&folded_tt) {
            table.check_totals(r, &rows, diagnostics);
            break;
        }
        if FOOTERS
            .iter()
            .any(|f| folded_name.starts_with(f) || folded_tt.starts_with(f))
        {
            break;
        }
        if name.is_empty() || folded_name.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            continue;
        }
        rows.push(table.read_row(r, name, diagnostics));
    }
    Some(rows)
}

/// Why a table with years cannot be read.
struct Missing {
    cell: (u32, u32),
    message: String,
}

impl Table<'_> {
    fn place(&self, cell: (u32, u32)) -> Place {
        Place {
            file: self.file.into(),
            sheet: Some(self.sheet.name.clone()),
            cell: Some(cell),
        }
    }

    fn year(&self, index: usize) -> u16 {
        self.period.first + index as u16
    }

    /// Every year needs its new figures or its running totals, for ideas and for stars.
    fn check_columns(&self, diagnostics: &mut Diagnostics) {
        let has = |m: Measure, i: usize| self.columns.iter().any(|&(cm, ci, _)| cm == m && ci == i);
        for i in 0..self.period.len() {
            for (new, so_far) in [
                (Measure::Ideas, Measure::IdeasRunning),
                (Measure::Stars, Measure::StarsRunning),
            ] {
                if !has(new, i) && !has(so_far, i) {
                    diagnostics.error(
                        self.place((self.layout.year_row, self.layout.name_column)),
                        format!(
                            "no column for {} in {}: expected a group header such as “Số ý tưởng tham gia” or “Số sản phẩm đạt sao” over a row of years",
                            new.label(),
                            self.year(i)
                        ),
                    );
                }
            }
        }
    }

    /// Whether a running-total column is only a check, its year having a column of new figures too.
    fn derived(&self, measure: Measure, index: usize) -> bool {
        let new = match measure {
            Measure::IdeasRunning => Measure::Ideas,
            Measure::StarsRunning => Measure::Stars,
            _ => return false,
        };
        self.columns.iter().any(|&(m, i, _)| m == new && i == index)
    }

    fn read_row(&mut self, r: u32, name: String, diagnostics: &mut Diagnostics) -> CommuneRow {
        let years = self.period.len();
        let mut values: [Vec<Option<u32>>; 4] = std::array::from_fn(|_| vec![None; years]);
        let mut cells: [Vec<Option<(u32, u32)>>; 4] = std::array::from_fn(|_| vec![None; years]);
        for &(measure, i, column) in &self.columns {
            let m = Measure::ALL.iter().position(|&x| x == measure).unwrap_or(0);
            cells[m][i] = Some((r, column));
            let cell = self.sheet.cell(r, column);
            let is_running = matches!(measure, Measure::IdeasRunning | Measure::StarsRunning);
            if is_running && cell.is_blank() {
                continue;
            }
            match whole(cell) {
                Ok(n) => values[m][i] = Some(n),
                // A running total computed from a bad cell is that cell's fault, already reported.
                Err(_) if matches!(cell, Cell::Error(_)) && self.derived(measure, i) => {}
                Err(found) => {
                    self.unreadable.push(column);
                    diagnostics.commune_error(
                        &name,
                        self.place((r, column)),
                        format!(
                            "expected a whole number ({}, {}), found {found}",
                            measure.label(),
                            self.year(i)
                        ),
                    );
                }
            }
        }
        let ideas = yearly(&values[0], &values[1]);
        let stars = yearly(&values[2], &values[3]);
        self.check_running(
            &ideas,
            &values[1],
            &cells[1],
            Measure::IdeasRunning,
            diagnostics,
        );
        self.check_running(
            &stars,
            &values[3],
            &cells[3],
            Measure::StarsRunning,
            diagnostics,
        );
        CommuneRow {
            commune: Commune {
                name,
                ideas,
                star_products: stars,
            },
            place: self.place((r, self.layout.name_column)),
            stars_cells: (0..years).map(|i| cells[2][i].or(cells[3][i])).collect(),
            row: r,
        }
    }

    fn check_running(
        &self,
        yearly: &[u32],
        written: &[Option<u32>],
        cells: &[Option<(u32, u32)>],
        measure: Measure,
        diagnostics: &mut Diagnostics,
    ) {
        for (i, expected) in running(yearly).into_iter().enumerate() {
            if let (Some(found), Some(cell)) = (written[i], cells[i]) {
                if found != expected {
                    diagnostics.warning(
                        self.place(cell),
                        format!(
                            "{} in {} should be {expected} (the running total), found {found}; {expected} is used",
                            measure.label(),
                            self.year(i)
                        ),
                    );
                }
            }
        }
    }

    /// Checks the totals row against the sums of the communes read.
    fn check_totals(&self, row: u32, rows: &[CommuneRow], diagnostics: &mut Diagnostics) {
        for &(measure, i, column) in self
            .columns
            .iter()
            .filter(|(_, _, c)| !self.unreadable.contains(c))
        {
            let cell = self.sheet.cell(row, column);
            if cell.is_blank() || matches!(cell, Cell::Error(_)) && self.derived(measure, i) {
                continue;
            }
            let value = |r: &CommuneRow| match measure {
                Measure::Ideas => r.commune.ideas[i],
                Measure::IdeasRunning => r.commune.ideas_running()[i],
                Measure::Stars => r.commune.star_products[i],
                Measure::StarsRunning => r.commune.star_products_running()[i],
            };
            let expected: u32 = rows.iter().map(value).sum();
            let (label, year) = (measure.label(), self.year(i));
            match whole(cell) {
                Ok(found) if found == expected => {}
                Ok(found) => {
                    // Excel's SUM skips numbers typed as text: say so rather than blame the total.
                    let as_text: Vec<&CommuneRow> =
                        rows.iter().filter(|r| matches!(self.sheet.cell(r.row, column), Cell::Text(_))).collect();
                    let without_text = expected - as_text.iter().map(|r| value(r)).sum::<u32>();
                    if !as_text.is_empty() && found == without_text {
                        let cells: Vec<String> = as_text.iter().map(|r| a1(r.row, column)).collect();
                        diagnostics.warning(
                            self.place((row, column)),
                            format!(
                                "the totals row says {found} for {label} in {year}, but the communes add up to {expected}: the sheet's sum skips {}, typed as text; {expected} is used",
                                cells.join(", ")
                            ),
                        );
                    } else {
                        diagnostics.error(
                            self.place((row, column)),
                            format!("the totals row does not add up: {label} in {year} should be {expected} (the sum of the communes), found {found}"),
                        );
                    }
                }
                Err(found) => diagnostics.error(
                    self.place((row, column)),
                    format!("expected a whole number in the totals row ({label}, {year}), found {found}"),
                ),
            }
        }
    }
}

/// Yearly figures from the new-per-year columns, or, where a year has none, from the running ones.
fn yearly(new: &[Option<u32>], so_far: &[Option<u32>]) -> Vec<u32> {
    let mut previous = 0u32;
    new.iter()
        .zip(so_far)
        .map(|(n, s)| {
            let value = n.unwrap_or_else(|| s.map_or(0, |s| s.saturating_sub(previous)));
            previous = s.unwrap_or(previous.saturating_add(value));
            value
        })
        .collect()
}
