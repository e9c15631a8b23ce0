//! Job files: a TOML file with the header fields, the signer and the distribution, plus a body template.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use minijinja::value::Value;

use crate::data::{self, Period, Plan};
use crate::document::{Annex, Block, Distribution, Document, IssuedWith, Issuer, Marks, Signature};
use crate::error::{Error, Result};
use crate::nd30::{self, Addressees, Date, Kind};
use crate::printed::Printed;
use crate::{markup, tables, template, text};

mod commune;
mod file;

pub use commune::CommuneView;
use commune::{first_template, render_strings};
use file::parse_toml;
use file::{parse, JobFile};

fn clean_all(items: &[String]) -> Vec<String> {
    items.iter().map(|s| text::clean(s)).collect()
}

/// A document built from a job, and every string of it in its printed form: the Decree's rules that
/// [`Printed::of`] checks have passed once, when the document was built.
#[derive(Debug, Clone)]
pub struct Built {
    /// The document.
    pub document: Document,
    /// Its printed strings, which both writers place.
    pub printed: Printed,
}

/// Reads the job file at `path`, renders its body template and builds the document.
pub fn load(path: &Path) -> Result<Built> {
    load_with(path, None)
}

/// As [`load`], with the plan data read from `data` instead of the job's own `data` key.
pub fn load_with(path: &Path, data: Option<&Path>) -> Result<Built> {
    let job = Job::read(path)?;
    let plan = job.plan(data)?;
    job.build(plan.as_ref())
}

/// An annex table's declaration, and the file it is read from.
type Declared = (PathBuf, tables::Declaration);

/// A job file read and checked for its shape, ready to make documents.
pub struct Job {
    path: PathBuf,
    /// The job file as a TOML table, as written: each commune's copy is made from it.
    table: Arc<toml::Table>,
    file: JobFile,
    /// The commune a batch renders this copy of the job for.
    commune: Option<CommuneView>,
    /// The body template's text, when given instead of read from the job's folder.
    body: Option<String>,
    /// Issued electronically whatever the job file says (`--electronic`).
    electronic: bool,
    /// The annex table declarations read so far, by their name in the job: shared with the copies a
    /// batch makes for each commune, so that each is read and parsed once.
    declarations: Arc<Mutex<HashMap<String, Arc<Declared>>>>,
}

impl Job {
    /// Reads the job file at `path`.
    pub fn read(path: &Path) -> Result<Job> {
        let source = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
        Job::from_source(path, source)
    }

    /// The job written as `source`, read as if it were the file `path` (whose folder holds its body
    /// template and data); nothing is read from `path` itself.
    pub fn from_source(path: &Path, source: String) -> Result<Job> {
        let file = parse(path, &source)?;
        let table = toml::from_str(&source).map_err(|e| Error::Value {
            path: path.into(),
            key: String::new(),
            message: e.message().to_string(),
        })?;
        Ok(Job {
            path: path.into(),
            table: Arc::new(table),
            file,
            commune: None,
            body: None,
            electronic: false,
            declarations: Arc::default(),
        })
    }

    /// This job with its body template's text given, instead of read from the job's folder.
    pub fn with_body(self, body: String) -> Job {
        Job {
            body: Some(body),
            ..self
        }
    }

    /// This job issued electronically, whatever its file says: its number and the day and month of
    /// its date are left for the signing system.
    pub fn electronic(self) -> Job {
        Job {
            electronic: true,
            ..self
        }
    }

    /// The name of the job's body template (`body = "…"`).
    pub fn body_name(&self) -> &str {
        &self.file.body
    }

    /// The document's number, if given.
    pub fn number(&self) -> Option<u32> {
        self.file.number
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    fn value_error(&self, key: &str, message: String) -> Error {
        Error::Value {
            path: self.path.clone(),
            key: key.into(),
            message,
        }
    }

    /// The programme's years (`period`, 2021–2025 when not given).
    pub fn period(&self) -> Result<Period> {
        match &self.file.period {
            Some(text) => Period::parse(text).ok_or_else(|| {
                self.value_error(
                    "period",
                    format!("expected two years such as 2021-2025, found {text:?}"),
                )
            }),
            None => Ok(Period::default()),
        }
    }

    /// Where the plan data is: `data` if given, else the job's own `data` key.
    pub fn data_path(&self, data: Option<&Path>) -> Option<PathBuf> {
        data.map(Path::to_path_buf)
            .or_else(|| self.file.data.as_ref().map(|d| self.dir().join(d)))
    }

    /// The plan data, read from `data` or the job's own `data` key; `None` when the job has none.
    pub fn plan(&self, data: Option<&Path>) -> Result<Option<Plan>> {
        Ok(self.plan_and_warnings(data)?.0)
    }

    /// As [`Job::plan`], with the warnings found in the data (`FILE › SHEET › CELL: …`).
    pub fn plan_and_warnings(&self, data: Option<&Path>) -> Result<(Option<Plan>, Vec<String>)> {
        match self.data_path(data) {
            Some(path) => {
                read_plan(&path, self.period()?).map(|(plan, warnings)| (Some(plan), warnings))
            }
            None => Ok((None, Vec::new())),
        }
    }

    /// This job for one commune: every string of the job file is rendered as a template with
    /// `commune` (e.g. `to = ["Ủy ban nhân dân {{ commune.title }}"]`), and the body sees it too.
    pub fn for_commune(&self, commune: CommuneView) -> Result<Job> {
        let mut table = (*self.table).clone();
        let context = minijinja::context! { commune => Value::from_serialize(&commune) };
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (key, value) in table.iter_mut() {
            render_strings(&env, &context, key, value)
                .map_err(|(key, message)| self.value_error(&key, message))?;
        }
        // Read as a job file is, so that dates and every check read alike.
        let file: JobFile = file::from_table(&self.path, table)?;
        Ok(Job {
            path: self.path.clone(),
            table: self.table.clone(),
            file,
            commune: Some(commune),
            body: self.body.clone(),
            electronic: self.electronic,
            declarations: self.declarations.clone(),
        })
    }

    /// The declaration of the annex table `table` (see [`declaration`]), read and parsed the first
    /// time this job, or a commune's copy of it, names it.
    fn declaration(&self, dir: &Path, table: &str) -> Result<Arc<Declared>> {
        let lost = |_| Error::Input("the annex tables read so far were lost to a panic".into());
        if let Some(read) = self.declarations.lock().map_err(lost)?.get(table) {
            return Ok(read.clone());
        }
        let read = Arc::new(declaration(dir, table)?);
        self.declarations
            .lock()
            .map_err(lost)?
            .insert(table.to_string(), read.clone());
        Ok(read)
    }

    /// A job whose strings are templates (`{{ commune.title }}`) is made for one commune at a time: made
    /// whole, it would print the braces.
    fn refuse_templates(&self) -> Result<()> {
        match self
            .table
            .iter()
            .find_map(|(key, value)| first_template(key, value))
        {
            Some((key, text)) => Err(self.value_error(
                &key,
                format!(
                    "{text:?} is filled in for each commune: make this job with \
                     `vanban batch {} --per commune`",
                    self.path.display()
                ),
            )),
            None => Ok(()),
        }
    }

    /// The secrecy and urgency marks and the drafter's line, checked against the Decree's words.
    fn marks(&self) -> Result<Marks> {
        let file = &self.file;
        let pick = |key: &str,
                    value: &Option<String>,
                    words: &[&'static str]|
         -> Result<Option<usize>> {
            value
                .as_deref()
                .map(|v| {
                    words.iter().position(|w| *w == v.trim()).ok_or_else(|| {
                        self.value_error(key, format!("{v:?} is not one of {}", words.join(", ")))
                    })
                })
                .transpose()
        };
        let urgency_slugs: Vec<&'static str> = nd30::URGENCY.iter().map(|u| u.0).collect();
        let secrecy_slugs: Vec<&'static str> = nd30::SECRECY.iter().map(|s| s.0).collect();
        let urgency = pick("urgency", &file.urgency, &urgency_slugs)?
            .map(|i| (nd30::URGENCY[i].1, nd30::URGENCY[i].2));
        let secrecy = pick("secrecy", &file.secrecy, &secrecy_slugs)?.map(|i| nd30::SECRECY[i].1);
        let drafter = match (&file.drafter, file.copies) {
            (Some(initials), copies) => Some(nd30::drafter_line(initials, copies)),
            (None, Some(_)) => {
                return Err(self.value_error(
                    "copies",
                    "the number of copies goes with the drafter's initials: add `drafter`".into(),
                ))
            }
            (None, None) => None,
        };
        let circulation = file
            .circulation
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| text::clean(c).to_uppercase());
        Ok(Marks {
            secrecy,
            urgency,
            drafter,
            circulation,
        })
    }

    /// The decision this document is issued with, if the job names one.
    fn issued_with(&self) -> Result<Option<IssuedWith>> {
        let Some(with) = &self.file.issued_with else {
            return Ok(None);
        };
        let kind = Kind::from_slug(with.kind.trim()).ok_or_else(|| {
            self.value_error("issued_with.kind", format!("unknown kind {:?}", with.kind))
        })?;
        let (date, date_blank) = issue_date(&with.date).ok_or_else(|| {
            self.value_error(
                "issued_with.date",
                format!("{} is not a calendar date", with.date),
            )
        })?;
        let symbol = nd30::symbol(
            kind,
            self.file.issuer.code.trim(),
            self.file.unit.as_deref().map(str::trim),
        )
        .map_err(|e| self.value_error("issued_with.kind", e.to_string()))?;
        Ok(Some(IssuedWith {
            kind,
            number: with.number,
            symbol,
            date,
            date_blank,
        }))
    }

    /// The document, with its annex tables filled from `plan`, and its printed strings.
    pub fn build(&self, plan: Option<&Plan>) -> Result<Built> {
        let file = &self.file;
        let value_error = |key: &str, message: String| self.value_error(key, message);
        if self.commune.is_none() {
            self.refuse_templates()?;
        }
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
        if file.number == Some(0) {
            return Err(value_error("number", "numbers start at 1 each year".into()));
        }
        let electronic = self.electronic || file.electronic;
        let (date, date_blank) = issue_date(&file.date).ok_or_else(|| {
            value_error(
                "date",
                format!(
                    "{} is not a calendar date (write e.g. 2021-08-10, or \"2021-08\" to leave the day blank)",
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
        match (kind.addressees, file.to.is_empty()) {
            (Addressees::Required, true) => {
                return Err(value_error(
                    "to",
                    format!("a {} needs at least one addressee (Kính gửi)", kind.name),
                ));
            }
            (Addressees::None, false) => {
                return Err(value_error(
                    "to",
                    format!(
                        "a {} has no Kính gửi (only {} have one); list the recipients under [distribution]",
                        kind.name,
                        nd30::KINDS
                            .iter()
                            .filter(|k| k.addressees != Addressees::None)
                            .map(|k| k.name.to_lowercase())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            _ => {}
        }
        match (kind.subject, file.subject.trim().is_empty()) {
            (true, true) => {
                return Err(value_error(
                    "subject",
                    format!("a {} needs its trích yếu (subject)", kind.name),
                ));
            }
            (false, false) => {
                return Err(value_error(
                    "subject",
                    format!("a {} prints no trích yếu; leave `subject` out", kind.name),
                ));
            }
            _ => {}
        }

        let marks = self.marks()?;
        let mut issued_with = self.issued_with()?;
        // Issued electronically, the signing system gives the number and the day and month.
        let (number, date_blank) = if electronic {
            if let Some(with) = issued_with.as_mut() {
                with.number = None;
                with.date_blank = nd30::Blank::DayAndMonth;
            }
            (None, nd30::Blank::DayAndMonth)
        } else {
            (file.number, date_blank)
        };
        if file.distribution.is_none() && issued_with.is_none() {
            return Err(value_error(
                "distribution",
                "missing: the Nơi nhận, e.g. [distribution] with `archive = \"VT\"`".into(),
            ));
        }
        let dir = self.dir();
        if file.annex.iter().any(|a| a.table.is_some()) && plan.is_none() {
            return Err(value_error(
                "annex",
                "annex tables are filled from data: add `data = \"…\"` or give --data".into(),
            ));
        }
        let context = Value::from_serialize(&TemplateContext {
            vars: &file.vars,
            number: file.number,
            symbol: &symbol,
            date,
            place: &file.place,
            plan: plan.map(crate::template::views::view),
            commune: self.commune.as_ref(),
        });
        let annexes = file
            .annex
            .iter()
            .map(|a| match (&a.table, &a.content, plan) {
                (Some(table), None, Some(plan)) => {
                    annex(&*self.declaration(dir, table)?, &a.title, plan)
                }
                (None, Some(content), _) => written_annex(dir, &a.title, content, context.clone()),
                _ => Err(value_error(
                    "annex",
                    "give each annex either `table` (a table over the data) or `content` (a template holding its table)".into(),
                )),
            })
            .collect::<Result<Vec<_>>>()?;
        let body_text = template::render_given(dir, &file.body, self.body.as_deref(), context)?;
        let body = markup::parse(&text::clean(&body_text));

        let document = Document {
            kind,
            issuer: Issuer {
                parent: clean_all(&file.issuer.parent),
                name: clean_all(&file.issuer.name),
            },
            number,
            symbol,
            place: text::clean(&file.place),
            date,
            date_blank,
            subject: text::clean(&file.subject),
            recipients: clean_all(&file.to),
            authority: file.authority.as_deref().map(text::clean),
            bases: clean_all(&file.bases),
            body,
            signature: Signature {
                lines: clean_all(&file.signer.lines),
                name: text::clean(&file.signer.name),
            },
            second_signature: file.second_signer.as_ref().map(|s| Signature {
                lines: clean_all(&s.lines),
                name: text::clean(&s.name),
            }),
            distribution: file.distribution.as_ref().map(|d| Distribution {
                to: clean_all(&d.to),
                archive: text::clean(&d.archive),
            }),
            annexes,
            marks,
            footer: clean_all(&file.footer),
            issued_with,
            electronic,
        };
        let printed = Printed::of(&document).map_err(|e| value_error(e.field, e.message))?;
        Ok(Built { document, printed })
    }
}

/// What a body template sees: the job's `[vars]` at the top level, and the header fields.
#[derive(serde::Serialize)]
struct TemplateContext<'a> {
    #[serde(flatten)]
    vars: &'a toml::Table,
    number: Option<u32>,
    symbol: &'a str,
    date: Date,
    place: &'a str,
    /// The plan with its totals, when the job has data.
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<crate::template::views::PlanView<'a>>,
    /// The commune a batch renders for.
    #[serde(skip_serializing_if = "Option::is_none")]
    commune: Option<&'a CommuneView>,
}

/// The plan in `path` and its warnings, or every error found in it.
fn read_plan(path: &Path, period: Period) -> Result<(Plan, Vec<String>)> {
    if !path.exists() {
        let missing =
            std::io::Error::new(std::io::ErrorKind::NotFound, "the data file does not exist");
        return Err(Error::Io {
            path: path.into(),
            source: missing,
        });
    }
    let (plan, diagnostics) = data::consolidate(&[path], period);
    let warnings = diagnostics
        .items()
        .iter()
        .filter(|d| d.severity == data::Severity::Warning)
        .map(ToString::to_string)
        .collect();
    plan.map(|plan| (plan, warnings))
        .ok_or_else(|| Error::Data {
            path: path.into(),
            problems: diagnostics
                .items()
                .iter()
                .filter(|d| d.severity == data::Severity::Error)
                .map(ToString::to_string)
                .collect(),
        })
}

/// An annex whose table is written out in the template `content`: its first table.
fn written_annex(dir: &Path, title: &str, content: &str, context: Value) -> Result<Annex> {
    let text = template::render(dir, content, context)?;
    let table = markup::parse(&text::clean(&text))
        .into_iter()
        .find_map(|block| match block {
            Block::Table { table } => Some(table),
            _ => None,
        })
        .ok_or_else(|| Error::Value {
            path: dir.join(content),
            key: "annex.content".into(),
            message: "holds no table (a table's rows open with `|`)".into(),
        })?;
    Ok(Annex {
        title: text::clean(title),
        table,
    })
}

/// An annex: its title, and its table declared by `table`, filled from `plan`.
/// An annex over the plan: its table, built from `declared` (the declaration, and the file it is
/// read from).
fn annex(declared: &Declared, title: &str, plan: &Plan) -> Result<Annex> {
    let (source, declaration) = declared;
    let table = tables::build(declaration, plan).map_err(|e| Error::Value {
        path: source.clone(),
        key: e.key,
        message: e.message,
    })?;
    Ok(Annex {
        title: text::clean(title),
        table,
    })
}

/// The declaration of the annex table `table` (a built-in's name, or a `.toml` file in `dir`), and
/// the file it comes from.
fn declaration(dir: &Path, table: &str) -> Result<Declared> {
    let (source, text) = if table.ends_with(".toml") {
        let path = dir.join(table);
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        (path, text)
    } else {
        let text = tables::declaration::built_in(table).ok_or_else(|| Error::Value {
            path: dir.join("(job)"),
            key: "table".into(),
            message: format!(
                "no built-in table {:?}; the built-in tables are {}, or name a .toml declaration next to the job",
                table,
                tables::declaration::BUILT_IN.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            ),
        })?;
        (
            PathBuf::from(format!("templates/tables/{}.toml", table)),
            text.to_string(),
        )
    };
    let declaration = parse_toml(&source, &text)?;
    Ok((source, declaration))
}

/// The date a job gives and what of it is left blank: a whole date (a TOML date, or one in quotes, as a
/// commune's copy of the job reads it), `"2021-08"` (the day blank) or `"2021"` (day and month blank);
/// `None` when it is not a date.
fn issue_date(date: &file::DateFile) -> Option<(Date, nd30::Blank)> {
    let whole = |whole: &toml::value::Datetime| {
        let d = whole.date?;
        (whole.time.is_none())
            .then(|| Date::new(d.year, d.month, d.day))
            .flatten()
            .map(|date| (date, nd30::Blank::Nothing))
    };
    match date {
        file::DateFile::Whole(date) => whole(date),
        file::DateFile::Partial(text) if text.trim().len() > "2021-08".len() => {
            whole(&text.trim().parse().ok()?)
        }
        file::DateFile::Partial(text) => {
            let mut parts = text.trim().split('-');
            let year: u16 = parts.next()?.parse().ok()?;
            let month: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
            if parts.next().is_some() || year < 1000 {
                return None;
            }
            match month {
                Some(month) => Date::new(year, month, 1).map(|d| (d, nd30::Blank::Day)),
                None => Date::new(year, 1, 1).map(|d| (d, nd30::Blank::DayAndMonth)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A commune's copy of a job reads its date from the filled-in table, where a TOML date comes as
    /// its text: both read as the same whole date; a month or a year alone leaves the rest blank.
    #[test]
    fn a_date_reads_alike_in_the_job_file_and_in_a_communes_copy() {
        let whole = Date::new(2021, 8, 10).map(|d| (d, nd30::Blank::Nothing));
        let written = file::DateFile::Whole("2021-08-10".parse().expect("a TOML date"));
        assert_eq!(issue_date(&written), whole);
        assert_eq!(
            issue_date(&file::DateFile::Partial("2021-08-10".into())),
            whole
        );
        assert_eq!(
            issue_date(&file::DateFile::Partial("2021-08".into())),
            Date::new(2021, 8, 1).map(|d| (d, nd30::Blank::Day))
        );
        for wrong in ["2021-02-30", "2021-08-10T10:00:00", "10/8/2021", "21"] {
            assert_eq!(
                issue_date(&file::DateFile::Partial(wrong.into())),
                None,
                "{wrong}"
            );
        }
    }
}
