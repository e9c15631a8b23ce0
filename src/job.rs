//! Job files: a TOML file with the header fields, the signer and the distribution, plus a body template.

use std::path::{Path, PathBuf};

use minijinja::value::Value;
use serde::Deserialize;

use crate::data::{self, Period, Plan};
use crate::document::{Annex, Distribution, Document, Issuer, Signature};
use crate::error::{Error, Result};
use crate::nd30::{self, Date, Kind};
use crate::printed::Printed;
use crate::{markup, tables, template, text};

/// The job file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobFile {
    kind: String,
    body: String,
    number: u32,
    #[serde(default)]
    unit: Option<String>,
    place: String,
    date: toml::value::Datetime,
    subject: String,
    #[serde(default)]
    to: Vec<String>,
    issuer: IssuerFile,
    signer: SignerFile,
    distribution: DistributionFile,
    #[serde(default)]
    vars: toml::Table,
    /// The plan data: a workbook, CSV or plan JSON, relative to the job file.
    #[serde(default)]
    data: Option<String>,
    /// The programme's years, e.g. `2021-2025`.
    #[serde(default)]
    period: Option<String>,
    #[serde(default)]
    annex: Vec<AnnexFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnexFile {
    title: String,
    /// A built-in table (`ocop-communes`) or a declaration file (`my-table.toml`) next to the job.
    table: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IssuerFile {
    #[serde(default)]
    parent: Vec<String>,
    name: Vec<String>,
    code: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignerFile {
    lines: Vec<String>,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DistributionFile {
    #[serde(default)]
    to: Vec<String>,
    archive: String,
}

fn clean_all(items: &[String]) -> Vec<String> {
    items.iter().map(|s| text::clean(s)).collect()
}

/// Reads the job file at `path`, renders its body template and returns the document.
pub fn load(path: &Path) -> Result<Document> {
    load_with(path, None)
}

/// As [`load`], with the plan data read from `data` instead of the job's own `data` key.
pub fn load_with(path: &Path, data: Option<&Path>) -> Result<Document> {
    let source = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let file = parse(path, &source)?;
    let value_error = |key: &str, message: String| Error::Value {
        path: path.into(),
        key: key.into(),
        message,
    };

    let kind = Kind::from_slug(file.kind.trim()).ok_or_else(|| {
        value_error(
            "kind",
            format!(
                "unknown kind {:?}; expected one of: {}",
                file.kind,
                Kind::slugs().join(", ")
            ),
        )
    })?;
    if file.number == 0 {
        return Err(value_error("number", "numbers start at 1 each year".into()));
    }
    let date = file
        .date
        .date
        .and_then(|d| Date::new(d.year, d.month, d.day))
        .ok_or_else(|| {
            value_error(
                "date",
                format!(
                    "{} is not a calendar date (write e.g. 2021-08-10)",
                    file.date
                ),
            )
        })?;
    let symbol = nd30::symbol(
        kind,
        file.issuer.code.trim(),
        file.unit.as_deref().map(str::trim),
    )
    .map_err(|e| {
        let key = if matches!(e, nd30::SymbolError::MissingUnit { .. }) {
            "unit"
        } else {
            "issuer.code / unit"
        };
        value_error(key, e.to_string())
    })?;
    if kind.is_letter() && file.to.is_empty() {
        return Err(value_error(
            "to",
            format!("a {} needs at least one addressee (Kính gửi)", kind.name),
        ));
    }

    let dir = path.parent().unwrap_or(Path::new("."));
    let period = match &file.period {
        Some(text) => Period::parse(text).ok_or_else(|| {
            value_error(
                "period",
                format!("expected two years such as 2021-2025, found {text:?}"),
            )
        })?,
        None => Period::default(),
    };
    let data_path = data
        .map(Path::to_path_buf)
        .or_else(|| file.data.as_ref().map(|d| dir.join(d)));
    let plan = data_path
        .as_deref()
        .map(|p| read_plan(p, period))
        .transpose()?;
    if !file.annex.is_empty() && plan.is_none() {
        return Err(value_error(
            "annex",
            "annex tables are filled from data: add `data = \"…\"` or give --data".into(),
        ));
    }
    let annexes = match &plan {
        Some(plan) => file
            .annex
            .iter()
            .map(|a| annex(dir, a, plan))
            .collect::<Result<Vec<_>>>()?,
        None => Vec::new(),
    };
    let context = Value::from_serialize(&TemplateContext {
        vars: &file.vars,
        number: file.number,
        symbol: &symbol,
        date,
        place: &file.place,
        plan: plan.as_ref().map(data::write::view),
    });
    let body_text = template::render(dir, &file.body, context)?;
    let body = markup::parse(&text::clean(&body_text));

    let document = Document {
        kind,
        issuer: Issuer {
            parent: clean_all(&file.issuer.parent),
            name: clean_all(&file.issuer.name),
        },
        number: file.number,
        symbol,
        place: text::clean(&file.place),
        date,
        subject: text::clean(&file.subject),
        recipients: clean_all(&file.to),
        body,
        signature: Signature {
            lines: clean_all(&file.signer.lines),
            name: text::clean(&file.signer.name),
        },
        distribution: Distribution {
            to: clean_all(&file.distribution.to),
            archive: text::clean(&file.distribution.archive),
        },
        annexes,
    };
    Printed::of(&document).map_err(|e| value_error(e.field, e.message))?;
    Ok(document)
}

/// What a body template sees: the job's `[vars]` at the top level, and the header fields.
#[derive(serde::Serialize)]
struct TemplateContext<'a> {
    #[serde(flatten)]
    vars: &'a toml::Table,
    number: u32,
    symbol: &'a str,
    date: Date,
    place: &'a str,
    /// The plan with its totals, when the job has data.
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<data::write::PlanView<'a>>,
}

/// The plan in `path`, or every problem found in it.
fn read_plan(path: &Path, period: Period) -> Result<Plan> {
    if !path.exists() {
        let missing =
            std::io::Error::new(std::io::ErrorKind::NotFound, "the data file does not exist");
        return Err(Error::Io {
            path: path.into(),
            source: missing,
        });
    }
    let (plan, diagnostics) = data::consolidate(&[path], period);
    plan.ok_or_else(|| Error::Data {
        path: path.into(),
        problems: diagnostics
            .items()
            .iter()
            .filter(|d| d.severity == data::Severity::Error)
            .map(ToString::to_string)
            .collect(),
    })
}

/// An annex: its title, and its table declared by `annex.table`, filled from `plan`.
fn annex(dir: &Path, annex: &AnnexFile, plan: &Plan) -> Result<Annex> {
    let (source, text) = if annex.table.ends_with(".toml") {
        let path = dir.join(&annex.table);
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        (path, text)
    } else {
        let text = tables::declaration::built_in(&annex.table).ok_or_else(|| Error::Value {
            path: dir.join("(job)"),
            key: "annex.table".into(),
            message: format!(
                "no built-in table {:?}; the built-in tables are {}, or name a .toml declaration next to the job",
                annex.table,
                tables::declaration::BUILT_IN.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            ),
        })?;
        (
            PathBuf::from(format!("templates/tables/{}.toml", annex.table)),
            text.to_string(),
        )
    };
    let declaration: tables::Declaration = parse_toml(&source, &text)?;
    let table = tables::build(&declaration, plan).map_err(|e| Error::Value {
        path: source.clone(),
        key: e.key,
        message: e.message,
    })?;
    Ok(Annex {
        title: text::clean(&annex.title),
        table,
    })
}

fn parse(path: &Path, source: &str) -> Result<JobFile> {
    parse_toml(path, source)
}

/// `source`, the text of the TOML file `path`, read into `T`; errors name the line and the key.
fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, source: &str) -> Result<T> {
    let deserializer = toml::Deserializer::new(source);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let key = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = inner
            .span()
            .map_or((0, 0), |span| line_column(source, span.start));
        let message = inner
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(": ");
        let message = if key.is_empty() || key == "." {
            message
        } else {
            format!("`{key}`: {message}")
        };
        Error::Syntax {
            path: PathBuf::from(path),
            line,
            column,
            message,
        }
    })
}

/// One-based line and column of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(before.chars().count(), |nl| {
        before[nl + 1..].chars().count()
    }) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 10), (2, 4));
    }
}
