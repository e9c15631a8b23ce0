//! A commune as a batch job sees it, and the job file's strings rendered for it.

use minijinja::value::Value;

use crate::data;

/// A commune as a batch job sees it: `commune.name`, `commune.title` (`xã Cẩm Bình`), `commune.place`
/// (`Cẩm Bình`), its yearly figures with running totals, and its products.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CommuneView {
    /// Name as in the data (`Cẩm Bình`, `Thị trấn Thiên Cầm`).
    pub name: String,
    /// With its title in lower case, for running text: `xã Cẩm Bình`, `thị trấn Thiên Cầm`.
    pub title: String,
    /// The place name for the date line: `Cẩm Bình`, `Thiên Cầm`.
    pub place: String,
    /// New ideas per year.
    pub ideas: Vec<u32>,
    /// Ideas so far per year.
    pub ideas_running: Vec<u32>,
    /// Newly star-rated products per year.
    pub star_products: Vec<u32>,
    /// Star-rated products so far per year.
    pub star_products_running: Vec<u32>,
    /// Its product ideas.
    pub products: Vec<data::plan::Product>,
}

impl CommuneView {
    /// The view of `commune` with its `products` (those [`data::Plan::per_commune`] gives it).
    pub fn new(commune: &data::plan::Commune, products: &[data::plan::Product]) -> CommuneView {
        let trimmed = commune.name.trim();
        let lower = trimmed.to_lowercase();
        let (title, place) = ["thị trấn ", "phường ", "xã "]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map_or_else(
                || (format!("xã {trimmed}"), trimmed.to_string()),
                |p| {
                    let rest = trimmed[p.len()..].trim().to_string();
                    (format!("{}{rest}", p), rest)
                },
            );
        CommuneView {
            name: commune.name.clone(),
            title,
            place,
            ideas: commune.ideas.clone(),
            ideas_running: commune.ideas_running(),
            star_products: commune.star_products.clone(),
            star_products_running: commune.star_products_running(),
            products: products.to_vec(),
        }
    }
}

/// Renders every string in `value` (at `key`) as a template; errors carry the dotted key.
pub(super) fn render_strings(
    env: &minijinja::Environment,
    context: &Value,
    key: &str,
    value: &mut toml::Value,
) -> std::result::Result<(), (String, String)> {
    match value {
        toml::Value::String(text) if is_template(text) => {
            *text = env
                .render_str(text, context)
                .map_err(|e| (key.to_string(), e.to_string()))?;
        }
        toml::Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                render_strings(env, context, &format!("{key}[{i}]"), item)?;
            }
        }
        toml::Value::Table(table) => {
            for (name, item) in table.iter_mut() {
                render_strings(env, context, &format!("{key}.{name}"), item)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether `text` holds a template (`{{ … }}` or `{% … %}`), filled in only for a commune.
fn is_template(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// The key and text of a string in `value` (at `key`) that is a template, the first in key order.
pub(super) fn first_template(key: &str, value: &toml::Value) -> Option<(String, String)> {
    match value {
        toml::Value::String(text) if is_template(text) => Some((key.to_string(), text.clone())),
        toml::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| first_template(&format!("{key}[{i}]"), item)),
        toml::Value::Table(table) => table
            .iter()
            .find_map(|(name, item)| first_template(&format!("{key}.{name}"), item)),
        _ => None,
    }
}
