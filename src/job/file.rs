//! The job file as written: its keys, and reading it with errors that name the line and the key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The job file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct JobFile {
    pub(super) kind: String,
    pub(super) body: String,
    /// Left out while the number is not given: the Số line keeps its room blank.
    #[serde(default)]
    pub(super) number: Option<u32>,
    #[serde(default)]
    pub(super) unit: Option<String>,
    pub(super) place: String,
    pub(super) date: DateFile,
    #[serde(default)]
    pub(super) subject: String,
    #[serde(default)]
    pub(super) to: Vec<String>,
    #[serde(default)]
    pub(super) authority: Option<String>,
    /// `khan`, `thuong-khan` or `hoa-toc`.
    #[serde(default)]
    pub(super) urgency: Option<String>,
    /// `mat`, `toi-mat` or `tuyet-mat`.
    #[serde(default)]
    pub(super) secrecy: Option<String>,
    /// Drafter's initials, printed with `copies` as `PL.(300)`.
    #[serde(default)]
    pub(super) drafter: Option<String>,
    #[serde(default)]
    pub(super) copies: Option<u32>,
    /// The decision this document is issued with.
    #[serde(default)]
    pub(super) issued_with: Option<IssuedWithFile>,
    /// Issued electronically: the number and the day and month are left for the signing system.
    #[serde(default)]
    pub(super) electronic: bool,
    /// Address, phone, e-mail lines for the foot of page 1.
    #[serde(default)]
    pub(super) footer: Vec<String>,
    /// Circulation notice, e.g. `Lưu hành nội bộ` (printed in capitals, in a box above the header).
    #[serde(default)]
    pub(super) circulation: Option<String>,
    #[serde(default)]
    pub(super) bases: Vec<String>,
    pub(super) issuer: IssuerFile,
    pub(super) signer: SignerFile,
    #[serde(default)]
    pub(super) second_signer: Option<SignerFile>,
    #[serde(default)]
    pub(super) distribution: Option<DistributionFile>,
    #[serde(default)]
    pub(super) vars: toml::Table,
    /// The plan data: a workbook, CSV or plan JSON, relative to the job file.
    #[serde(default)]
    pub(super) data: Option<String>,
    /// The programme's years, e.g. `2021-2025`.
    #[serde(default)]
    pub(super) period: Option<String>,
    #[serde(default)]
    pub(super) annex: Vec<AnnexFile>,
}

/// The date of issue: a TOML date (`2021-08-10`), or a string naming only the month (`"2021-08"`) or
/// the year (`"2021"`) when the day, or the day and month, are left blank for the văn thư.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum DateFile {
    /// A whole date.
    Whole(toml::value::Datetime),
    /// `YYYY-MM` or `YYYY`.
    Partial(String),
}

impl std::fmt::Display for DateFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateFile::Whole(date) => write!(f, "{date}"),
            DateFile::Partial(text) => write!(f, "{text:?}"),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnnexFile {
    pub(super) title: String,
    /// A built-in table (`ocop-communes`) or a declaration file (`my-table.toml`) next to the job,
    /// filled from the data.
    #[serde(default)]
    pub(super) table: Option<String>,
    /// A body template next to the job whose table is the annex's, written out (`phu-luc-i.md.j2`).
    #[serde(default)]
    pub(super) content: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IssuerFile {
    #[serde(default)]
    pub(super) parent: Vec<String>,
    pub(super) name: Vec<String>,
    pub(super) code: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IssuedWithFile {
    pub(super) kind: String,
    #[serde(default)]
    pub(super) number: Option<u32>,
    pub(super) date: DateFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SignerFile {
    pub(super) lines: Vec<String>,
    pub(super) name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DistributionFile {
    #[serde(default)]
    pub(super) to: Vec<String>,
    pub(super) archive: String,
}

/// The job file `path`, whose text is `source`.
pub(super) fn parse(path: &Path, source: &str) -> Result<JobFile> {
    parse_toml(path, source)
}

/// `source`, the text of the TOML file `path`, read into `T`; errors name the line and the key.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, source: &str) -> Result<T> {
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

/// A job file's `table`, its strings already filled in for a commune, read as [`parse`] reads the
/// file; errors name the key (the filled-in text has no lines of the file's).
pub(super) fn from_table(path: &Path, table: toml::Table) -> Result<JobFile> {
    serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| Error::Value {
        path: PathBuf::from(path),
        key: e.path().to_string(),
        message: e.into_inner().message().trim().to_string(),
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
