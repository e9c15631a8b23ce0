//! The list of product ideas (Phụ lục 2 of the letter), found by its `Tên sản phẩm` header.
//!
//! Each product's commune comes from a commune column, from the group row above it (a Roman numeral in
//! `TT`, or a row holding only `Xã …`/`Thị trấn …`), or from the file when it holds one commune.

use super::communes::is_totals;
use super::diagnostic::{Diagnostics, Place};
use super::fold::fold;
use super::plan::{Period, Product, Rating};
use super::sheet::Sheet;
use super::value::{whole, year};

#[derive(Debug, Default)]
struct Layout {
    first_row: u32,
    tt: Option<u32>,
    name: u32,
    producer: Option<u32>,
    address: Option<u32>,
    state: Option<u32>,
    year: Option<u32>,
    commune: Option<u32>,
    /// (stars column, year column) of the rating reached.
    rating: Option<(u32, Option<u32>)>,
    /// (stars column, year column) of the upgrade.
    upgrade: Option<(u32, Option<u32>)>,
}

fn find(sheet: &Sheet) -> Option<Layout> {
    let header_row = (0..sheet.height().min(40)).find(|&r| {
        (0..sheet.width()).any(|c| fold(&sheet.cell(r, c).text()).contains("ten san pham"))
    })?;
    let folded: Vec<String> = (0..sheet.width())
        .map(|c| fold(&sheet.cell(header_row, c).text()))
        .collect();
    let sub: Vec<String> = (0..sheet.width())
        .map(|c| fold(&sheet.cell(header_row + 1, c).text()))
        .collect();
    let has_sub = sub.iter().any(|t| t == "hang sao" || t == "nam");
    let find = |test: &dyn Fn(&str) -> bool| folded.iter().position(|t| test(t)).map(|c| c as u32);
    let group = |start: u32| -> (u32, Option<u32>) {
        let end = (start as usize + 1..folded.len())
            .find(|&c| !folded[c].is_empty())
            .unwrap_or(folded.len());
        if !has_sub {
            return (start, None);
        }
        let stars = (start as usize..end)
            .find(|&c| sub[c] == "hang sao")
            .unwrap_or(start as usize);
        let year = (start as usize..end)
            .find(|&c| sub[c].starts_with("nam") || sub[c].starts_with("thoi gian"));
        (stars as u32, year.map(|c| c as u32))
    };
    Some(Layout {
        first_row: header_row + if has_sub { 2 } else { 1 },
        tt: find(&|t| t == "tt" || t == "stt"),
        name: find(&|t| t.contains("ten san pham"))?,
        producer: find(&|t| t.contains("co so") || t.contains("chu the")),
        address: find(&|t| t.starts_with("dia chi")),
        state: find(&|t| t.starts_with("hien trang")),
        year: find(&|t| t.contains("nam tham gia")),
        commune: find(&|t| matches!(t, "xa" | "ten xa" | "don vi" | "dia phuong" | "xa thi tran")),
        rating: find(&|t| t.contains("dat sao") && !t.contains("nang")).map(group),
        upgrade: find(&|t| t.contains("nang hang")).map(group),
    })
}

fn is_roman(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    !t.is_empty() && t.chars().all(|c| "IVXLC".contains(c))
}

fn is_commune_title(folded: &str) -> bool {
    ["xa ", "thi tran ", "phuong ", "ubnd xa ", "ubnd thi tran "]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// The products of the list in `sheet`, or `None` when the sheet holds no list. Products whose
/// commune is not written take `default_commune`.
pub fn read(
    file: &str,
    sheet: &Sheet,
    period: Period,
    default_commune: Option<&str>,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<(Product, Place)>> {
    let layout = find(sheet)?;
    let place = |cell: (u32, u32)| Place {
        file: file.into(),
        sheet: Some(sheet.name.clone()),
        cell: Some(cell),
    };
    let text = |r: u32, c: Option<u32>| c.map(|c| sheet.cell(r, c).text()).unwrap_or_default();
    let mut group: Option<String> = None;
    let mut products = Vec::new();
    for r in layout.first_row..sheet.height() {
        let filled: Vec<u32> = (0..sheet.width())
            .filter(|&c| !sheet.cell(r, c).is_blank())
            .collect();
        if filled.is_empty() {
            continue;
        }
        let name = text(r, Some(layout.name));
        let tt = text(r, layout.tt);
        if is_totals(&fold(&tt)) || is_totals(&fold(&name)) {
            continue;
        }
        let only = (filled.len() == 1).then(|| sheet.cell(r, filled[0]).text());
        if is_roman(&tt) || only.as_deref().is_some_and(|t| is_commune_title(&fold(t))) {
            let label = filled
                .iter()
                .map(|&c| sheet.cell(r, c).text())
                .find(|t| !is_roman(t));
            group = label.map(|t| t.trim_end_matches(':').trim().to_string());
            continue;
        }
        if name.is_empty() || fold(&name).chars().all(|c| c.is_ascii_digit() || c == ' ') {
            continue;
        }
        let commune = Some(text(r, layout.commune))
            .filter(|c| !c.is_empty())
            .or_else(|| group.clone())
            .or_else(|| default_commune.map(str::to_string));
        let Some(commune) = commune else {
            diagnostics.error(
                place((r, layout.name)),
                "no commune for this product: add a commune column, a group row such as “Xã Cẩm Bình” above it, or keep one commune per file",
            );
            continue;
        };
        let year_of =
            |column: Option<u32>, what: &str, diagnostics: &mut Diagnostics| -> Option<u16> {
                let column = column?;
                let cell = sheet.cell(r, column);
                if cell.is_blank() {
                    return None;
                }
                match year(cell).filter(|y| period.contains(*y)) {
                    Some(y) => Some(y),
                    None => {
                        diagnostics.error(
                            place((r, column)),
                            format!(
                                "expected a year from {} to {} ({what}), found {:?}",
                                period.first,
                                period.last,
                                cell.text()
                            ),
                        );
                        None
                    }
                }
            };
        let rating_of =
            |columns: Option<(u32, Option<u32>)>, what: &str, diagnostics: &mut Diagnostics| {
                let (stars_column, year_column) = columns?;
                let cell = sheet.cell(r, stars_column);
                if cell.is_blank() {
                    return None;
                }
                let stars = match whole(cell) {
                    Ok(s @ 3..=5) => s as u8,
                    _ => {
                        diagnostics.error(
                            place((r, stars_column)),
                            format!(
                                "expected a star rating of 3, 4 or 5 ({what}), found {:?}",
                                cell.text()
                            ),
                        );
                        return None;
                    }
                };
                Some(Rating {
                    stars,
                    year: year_of(year_column, what, diagnostics),
                })
            };
        let product = Product {
            year: year_of(layout.year, "year of joining", diagnostics),
            rating: rating_of(layout.rating, "stars reached", diagnostics),
            upgrade: rating_of(layout.upgrade, "stars after upgrading", diagnostics),
            commune,
            name,
            producer: text(r, layout.producer),
            address: text(r, layout.address),
            state: text(r, layout.state),
        };
        products.push((product, place((r, layout.name))));
    }
    Some(products)
}
