//! Job files: a TOML file with the header fields, the signer and the distribution, plus a body template.

use std::path::{Path, PathBuf};

use minijinja::value::Value;
use serde::Deserialize;

use crate::document::{Distribution, Document, Issuer, Signature};
use crate::error::{Error, Result};
use crate::nd30::{self, Date, Kind};
use crate::printed::Printed;
use crate::{markup, template, text};

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
    let context = Value::from_serialize(&TemplateContext {
        vars: &file.vars,
        number: file.number,
        symbol: &symbol,
        date,
        place: &file.place,
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
}

fn parse(path: &Path, source: &str) -> Result<JobFile> {
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
