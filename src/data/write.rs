//! The consolidated plan written out: JSON with running and district totals (schema in
//! `docs/plan-json.md`), the same view of it the body templates and annex tables read.

use super::plan::Plan;
use crate::template::views::view;

/// The plan as pretty-printed JSON.
pub fn json(plan: &Plan) -> String {
    let mut text = serde_json::to_string_pretty(&view(plan)).unwrap_or_default();
    text.push('\n');
    text
}
