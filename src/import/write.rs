//! An imported draft written as a job (`<stem>.toml`), its body template (`<stem>.md.j2`) and one
//! template per annex holding its table (`<stem>-phu-luc-1.md.j2`), in the form `vanban render` reads.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Fields, Imported};
use crate::document::{Align, Block, Column, HeaderCell, Row, RowCell, RowKind, Table};
use crate::error::{Error, Result};
use crate::{markup, template};

/// The job and the body template of an imported draft.
#[derive(Debug, Clone)]
pub struct Written {
    /// The files' stem.
    pub stem: String,
    /// The job file's text.
    pub job: String,
    /// The body template's text.
    pub body: String,
    /// Each annex's template: its file name and text.
    pub annexes: Vec<(String, String)>,
}

impl Written {
    /// The job and body of `imported`, named after `stem`. An error when the draft's kind or its
    /// ký hiệu could not be read: without them there is no job.
    pub fn of(imported: &Imported, stem: &str) -> Result<Written> {
        let f = &imported.fields;
        let missing = |what: &str| {
            Error::Input(format!(
                "{}: {what}: nothing written (see the lines above for what was read)",
                imported.path.display()
            ))
        };
        if let Some(title) = &f.unknown_title {
            return Err(missing(&format!(
                "{title:?} is not the title of any of the 29 kinds of Decree 30 (Điều 7), which vanban writes"
            )));
        }
        let kind = f
            .kind
            .ok_or_else(|| missing("no title of a Decree-30 kind and no ký hiệu that names one"))?;
        if f.code.is_empty() {
            return Err(missing("no Số line with a ký hiệu (e.g. Số: 12/UBND-VP)"));
        }
        let body_file = format!("{stem}.md.j2");
        let annexes: Vec<(String, String, String)> = f
            .annexes
            .iter()
            .filter_map(|a| Some((a.title.join(" "), a.table.as_ref()?)))
            .enumerate()
            .map(|(i, (title, table))| {
                let file = format!("{stem}-phu-luc-{}.md.j2", i + 1);
                let text = template::literal(&markup::write(&[Block::Table {
                    table: table.clone(),
                }]));
                (title, file, text)
            })
            .collect();
        let mut job = job(f, kind.slug, &body_file);
        for (title, file, _) in &annexes {
            let _ = write!(
                job,
                "\n[[annex]]\ntitle = {}\ncontent = {}\n",
                quoted(title),
                quoted(file)
            );
        }
        Ok(Written {
            stem: stem.to_string(),
            job,
            body: template::literal(&markup::write(&f.body)),
            annexes: annexes
                .into_iter()
                .map(|(_, file, text)| (file, text))
                .collect(),
        })
    }

    /// Writes both files into `dir` (made when missing), each whole or not at all; returns their
    /// paths.
    pub fn write_to(&self, dir: &Path) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let job = dir.join(format!("{}.toml", self.stem));
        let body = dir.join(format!("{}.md.j2", self.stem));
        crate::render::write_atomic(&job, self.job.as_bytes())?;
        crate::render::write_atomic(&body, self.body.as_bytes())?;
        let mut paths = vec![job, body];
        for (file, text) in &self.annexes {
            let path = dir.join(file);
            crate::render::write_atomic(&path, text.as_bytes())?;
            paths.push(path);
        }
        Ok(paths)
    }
}

/// A TOML string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A TOML array of strings, one per line when there are several.
fn list(items: &[String]) -> String {
    match items {
        [] => "[]".into(),
        [one] => format!("[{}]", quoted(one)),
        many => {
            let mut out = String::from("[\n");
            for item in many {
                let _ = writeln!(out, "  {},", quoted(item));
            }
            out.push(']');
            out
        }
    }
}

/// A date as the job writes it: a TOML date, or `"YYYY-MM"` / `"YYYY"` where day or month are
/// blank.
fn date((year, month, day): (Option<u16>, Option<u8>, Option<u8>)) -> String {
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("\"{y:04}-{m:02}\""),
        (Some(y), None, _) => format!("\"{y:04}\""),
        (None, _, _) => "\"\"".into(),
    }
}

/// The job file's text.
fn job(f: &Fields, kind: &str, body: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "kind = {}", quoted(kind));
    let _ = writeln!(out, "body = {}", quoted(body));
    out.push('\n');
    match f.number {
        Some(n) => {
            let _ = writeln!(out, "number = {n}");
        }
        None => out.push_str("# number: left blank for the văn thư to write at issuance\n"),
    }
    if let Some(unit) = &f.unit {
        let _ = writeln!(out, "unit = {}", quoted(unit));
    }
    let _ = writeln!(out, "place = {}", quoted(&f.place));
    let _ = writeln!(out, "date = {}", date(f.date));
    if !f.subject.is_empty() {
        let _ = writeln!(out, "subject = {}", quoted(&f.subject));
    }
    if !f.recipients.is_empty() {
        let _ = writeln!(out, "to = {}", list(&f.recipients));
    }
    if let Some(authority) = &f.authority {
        let _ = writeln!(out, "authority = {}", quoted(authority));
    }
    if !f.bases.is_empty() {
        let _ = writeln!(out, "bases = {}", list(&f.bases));
    }
    if !f.footer.is_empty() {
        let _ = writeln!(out, "footer = {}", list(&f.footer));
    }
    if let Some(reference) = &f.issued_with {
        out.push_str("\n[issued_with]\n");
        let _ = writeln!(out, "kind = {}", quoted(reference.kind.slug));
        if let Some(n) = reference.number.number {
            let _ = writeln!(out, "number = {n}");
        }
        let d = &reference.date;
        let _ = writeln!(out, "date = {}", date((d.year, d.month, d.day)));
    }
    out.push_str("\n[issuer]\n");
    if !f.parent.is_empty() {
        let _ = writeln!(out, "parent = {}", list(&f.parent));
    }
    let _ = writeln!(out, "name = {}", list(&f.agency));
    let _ = writeln!(out, "code = {}", quoted(&f.code));
    out.push_str("\n[signer]\n");
    let _ = writeln!(out, "lines = {}", list(&f.positions));
    let _ = writeln!(out, "name = {}", quoted(&f.name));
    if let Some((lines, name)) = &f.second {
        out.push_str("\n[second_signer]\n");
        let _ = writeln!(out, "lines = {}", list(lines));
        let _ = writeln!(out, "name = {}", quoted(name));
    }
    // A document issued with a decision has no Nơi nhận of its own: the decision distributes it.
    if f.issued_with.is_none() || !f.distribution.is_empty() || f.archive.is_some() {
        out.push_str("\n[distribution]\n");
        let _ = writeln!(out, "to = {}", list(&f.distribution));
        let archive = f.archive.clone();
        let archive = archive.unwrap_or_else(|| crate::nd30::REGISTRY_CODE.into());
        let _ = writeln!(out, "archive = {}", quoted(&archive));
    }
    out
}

/// A table of text rows: the first row its header, each column as wide (in share) as `widths`
/// says, figures flush right.
pub fn table(rows: &[Vec<String>], widths: &[f32]) -> Table {
    let figures = |i: usize| {
        rows.len() > 1
            && rows[1..].iter().all(|r| {
                r.get(i).is_none_or(|t| {
                    t.is_empty() || t.chars().all(|c| c.is_ascii_digit() || ".,%".contains(c))
                })
            })
    };
    let columns: Vec<Column> = widths
        .iter()
        .enumerate()
        .map(|(i, &width_mm)| Column {
            width_mm,
            align: if figures(i) {
                Align::Right
            } else {
                Align::Left
            },
        })
        .collect();
    let header = rows
        .first()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(column, text)| HeaderCell {
                    text: text.clone(),
                    column,
                    colspan: 1,
                    rowspan: 1,
                })
                .collect()
        })
        .unwrap_or_default();
    let body = rows
        .iter()
        .skip(1)
        .map(|r| Row {
            kind: RowKind::Body,
            cells: columns
                .iter()
                .enumerate()
                .map(|(i, c)| RowCell {
                    text: r.get(i).cloned().unwrap_or_default(),
                    colspan: 1,
                    align: c.align,
                })
                .collect(),
            split: false,
        })
        .collect();
    Table {
        columns,
        header: vec![header],
        rows: body,
    }
}
