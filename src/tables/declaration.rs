//! Table declarations: TOML files that say which rows a table shows and how each column gets its value,
//! so that a new annex table needs no Rust. The letter's two annexes are built in (`templates/tables/`).

use serde::Deserialize;

use super::number::NumberFormat;
use crate::document::Align;

/// The built-in declarations, by name.
pub const BUILT_IN: [(&str, &str); 2] = [
    (
        "ocop-communes",
        include_str!("../../templates/tables/ocop-communes.toml"),
    ),
    (
        "ocop-products",
        include_str!("../../templates/tables/ocop-products.toml"),
    ),
];

/// Which rows of the plan a table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// One row per commune, with `ideas`, `ideas_running`, `star_products`, `star_products_running`.
    Communes,
    /// One row per product idea.
    Products,
}

/// A declared table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// The rows.
    pub rows: Source,
    /// An expression whose change starts a group row (e.g. `row.commune`).
    #[serde(default)]
    pub group_by: Option<String>,
    /// Whether a `Tổng cộng` row sums the columns marked `total`.
    #[serde(default)]
    pub totals: bool,
    /// The columns, left to right.
    pub columns: Vec<ColumnDeclaration>,
}

/// A declared column, or a run of columns, one per year, when `each_year` is set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnDeclaration {
    /// Header text (the year, for `each_year` columns).
    #[serde(default)]
    pub header: Option<String>,
    /// A header over this and the neighbouring columns of the same group.
    #[serde(default)]
    pub group: Option<String>,
    /// A minijinja expression over `row`, `index` (from 1), and for `each_year` columns `year` and `i`.
    pub value: String,
    /// Width hint in millimetres.
    #[serde(default = "default_width")]
    pub width: f32,
    /// Alignment of the body cells.
    #[serde(default)]
    pub align: Align,
    /// How numbers are written.
    #[serde(default)]
    pub number: NumberFormat,
    /// Whether the totals row sums this column.
    #[serde(default)]
    pub total: bool,
    /// One column per year of the programme.
    #[serde(default)]
    pub each_year: bool,
}

fn default_width() -> f32 {
    15.0
}

/// The declaration named `name` (built in), if there is one.
pub fn built_in(name: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_declarations_parse() {
        for (name, text) in BUILT_IN {
            let declaration: Declaration =
                toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!declaration.columns.is_empty(), "{name}");
        }
    }
}
