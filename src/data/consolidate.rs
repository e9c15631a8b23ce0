//! Many files (one per commune, or one district workbook, or earlier plans) into one plan.

use std::collections::HashMap;
use std::path::Path;

use super::diagnostic::{Diagnostics, Place, Severity};
use super::fold::{commune_key, fold};
use super::plan::{Period, Plan};
use super::{communes, products, sheet};

/// The plan read from `paths`, and every problem found on the way. The plan is `None` when an error
/// was found.
pub fn consolidate(paths: &[&Path], period: Period) -> (Option<Plan>, Diagnostics) {
    let (plan, diagnostics) = read_partial(paths, period);
    let plan = (!diagnostics.has_errors()).then_some(plan);
    (plan, diagnostics)
}

/// Everything readable in `paths`, even when some of it has errors (a commune with a bad figure, or met
/// twice, is left out and its error reported), for batches that go on without the broken communes.
pub fn read_partial(paths: &[&Path], period: Period) -> (Plan, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let mut plan = Plan {
        period,
        ..Plan::default()
    };
    let mut seen: HashMap<String, Place> = HashMap::new();
    for path in paths {
        read_file(path, &mut plan, &mut seen, &mut diagnostics);
    }
    // A commune an error is about is left out: a figure of it unreadable, or met twice with no way to
    // tell which entry is right.
    let broken: Vec<String> = diagnostics
        .items()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| d.commune.as_deref().map(commune_key))
        .collect();
    plan.communes
        .retain(|c| !broken.contains(&commune_key(&c.name)));
    let names: HashMap<String, String> = plan
        .communes
        .iter()
        .map(|c| (commune_key(&c.name), c.name.clone()))
        .collect();
    for product in &mut plan.products {
        if let Some(name) = names.get(&commune_key(&product.commune)) {
            product.commune = name.clone();
        }
    }
    (plan, diagnostics)
}

/// A commune met a second time: an error at its second place, naming the first.
fn appears_twice(diagnostics: &mut Diagnostics, name: &str, place: Place, first: &Place) {
    diagnostics.commune_error(
        name,
        place,
        format!("commune {name:?} appears twice (first at {first})"),
    );
}

fn read_file(
    path: &Path,
    plan: &mut Plan,
    seen: &mut HashMap<String, Place>,
    diagnostics: &mut Diagnostics,
) {
    let file = path.display().to_string();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        read_plan_json(path, plan, seen, diagnostics);
        return;
    }
    let Some(book) = sheet::read(path, diagnostics) else {
        return;
    };
    if book
        .sheets
        .iter()
        .all(|s| s.rows.iter().flatten().all(|c| c.is_blank()))
    {
        diagnostics.error(Place::file(&file), "the workbook is empty");
        return;
    }
    let mut found = false;
    let mut file_communes = Vec::new();
    for sheet in &book.sheets {
        if let Some(rows) = communes::read(&file, sheet, plan.period, diagnostics) {
            found = true;
            for row in rows {
                let key = commune_key(&row.commune.name);
                if let Some(first) = seen.get(&key) {
                    appears_twice(diagnostics, &row.commune.name, row.place.clone(), first);
                    continue;
                }
                for (i, (ideas, stars)) in row
                    .commune
                    .ideas_running()
                    .iter()
                    .zip(row.commune.star_products_running())
                    .enumerate()
                {
                    if stars > *ideas {
                        let place = Place {
                            cell: row.stars_cells[i],
                            ..row.place.clone()
                        };
                        diagnostics.warning(
                            place,
                            format!(
                                "{stars} star-rated products by {} but only {ideas} ideas so far",
                                plan.period.first + i as u16
                            ),
                        );
                    }
                }
                seen.insert(key, row.place.clone());
                file_communes.push(row.commune.name.clone());
                plan.communes.push(row.commune);
            }
        }
    }
    let default_commune = match file_communes.as_slice() {
        [one] => Some(one.clone()),
        _ => commune_of_file(path, &book.sheets),
    };
    for sheet in &book.sheets {
        if let Some(rows) = products::read(
            &file,
            sheet,
            plan.period,
            default_commune.as_deref(),
            diagnostics,
        ) {
            found = true;
            plan.products
                .extend(rows.into_iter().map(|(product, _)| product));
        }
    }
    if !found {
        diagnostics.error(
            Place::file(&file),
            "no OCOP form found: expected a header row with “Tên xã” over a row of years, or a header with “Tên sản phẩm”",
        );
    }
}

/// The commune a file is about, from a sheet or file name such as `Xã Cẩm Bình`.
fn commune_of_file(path: &Path, sheets: &[sheet::Sheet]) -> Option<String> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    sheets
        .iter()
        .map(|s| s.name.clone())
        .chain(stem)
        .find(|name| {
            let folded = fold(name);
            folded.starts_with("xa ") || folded.starts_with("thi tran ")
        })
}

fn read_plan_json(
    path: &Path,
    plan: &mut Plan,
    seen: &mut HashMap<String, Place>,
    diagnostics: &mut Diagnostics,
) {
    let file = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return diagnostics.error(Place::file(&file), format!("cannot be read: {e}")),
    };
    let other: Plan = match serde_json::from_str(&text) {
        Ok(other) => other,
        Err(e) => {
            return diagnostics.error(
                Place::file(&file),
                format!("line {}, column {}: not a plan: {e}", e.line(), e.column()),
            )
        }
    };
    if other.period != plan.period {
        return diagnostics.error(
            Place::file(&file),
            format!(
                "its period {}–{} is not {}–{}",
                other.period.first, other.period.last, plan.period.first, plan.period.last
            ),
        );
    }
    for commune in other.communes {
        let place = Place {
            file: file.clone(),
            sheet: None,
            cell: None,
        };
        if commune.ideas.len() != plan.period.len()
            || commune.star_products.len() != plan.period.len()
        {
            diagnostics.commune_error(
                &commune.name,
                place,
                format!(
                    "commune {:?}: expected {} yearly figures",
                    commune.name,
                    plan.period.len()
                ),
            );
            continue;
        }
        let key = commune_key(&commune.name);
        if let Some(first) = seen.get(&key) {
            appears_twice(diagnostics, &commune.name, place, first);
            continue;
        }
        seen.insert(key, place);
        plan.communes.push(commune);
    }
    plan.products.extend(other.products);
}
