//! The plan as body templates and annex tables see it, with running and district totals: the same
//! view a plan file holds (`docs/plan-json.md`).

use serde::Serialize;

use crate::data::plan::{Period, Plan, Product, Totals};

/// Schema name and version written into every plan file.
pub const SCHEMA: &str = "vanban-plan/1";

/// The plan with running and district totals: what plan files hold and body templates see as `plan`.
#[derive(Serialize)]
pub struct PlanView<'a> {
    schema: &'static str,
    period: Period,
    communes: Vec<CommuneView<'a>>,
    totals: Totals,
    products: &'a [Product],
}

/// A commune with its running totals, as plan files and annex tables show it.
#[derive(Serialize)]
pub struct CommuneView<'a> {
    name: &'a str,
    ideas: &'a [u32],
    ideas_running: Vec<u32>,
    star_products: &'a [u32],
    star_products_running: Vec<u32>,
}

/// Every commune of the plan with its running totals.
pub fn commune_views(plan: &Plan) -> Vec<CommuneView<'_>> {
    plan.communes
        .iter()
        .map(|c| CommuneView {
            name: &c.name,
            ideas: &c.ideas,
            ideas_running: c.ideas_running(),
            star_products: &c.star_products,
            star_products_running: c.star_products_running(),
        })
        .collect()
}

/// The plan with its totals.
pub fn view(plan: &Plan) -> PlanView<'_> {
    PlanView {
        schema: SCHEMA,
        period: plan.period,
        communes: commune_views(plan),
        totals: plan.totals(),
        products: &plan.products,
    }
}
