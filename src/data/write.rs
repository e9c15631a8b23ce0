//! The consolidated plan written out: JSON with running and district totals (schema in
//! `docs/plan-json.md`).

use serde::Serialize;

use super::plan::{Period, Plan, Product, Totals};

/// Schema name and version written into every plan file.
pub const SCHEMA: &str = "vanban-plan/1";

#[derive(Serialize)]
struct PlanFile<'a> {
    schema: &'static str,
    period: Period,
    communes: Vec<CommuneFile<'a>>,
    totals: Totals,
    products: &'a [Product],
}

#[derive(Serialize)]
struct CommuneFile<'a> {
    name: &'a str,
    ideas: &'a [u32],
    ideas_running: Vec<u32>,
    star_products: &'a [u32],
    star_products_running: Vec<u32>,
}

/// The plan as pretty-printed JSON.
pub fn json(plan: &Plan) -> String {
    let file = PlanFile {
        schema: SCHEMA,
        period: plan.period,
        communes: plan
            .communes
            .iter()
            .map(|c| CommuneFile {
                name: &c.name,
                ideas: &c.ideas,
                ideas_running: c.ideas_running(),
                star_products: &c.star_products,
                star_products_running: c.star_products_running(),
            })
            .collect(),
        totals: plan.totals(),
        products: &plan.products,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}
