//! A job as the page edits it: the job file's keys as JSON, its body template's text, and the name it
//! is saved under. Turned into the job file's TOML the way the command line reads it, so that a job
//! saved from the page renders to the same bytes with `vanban render`.

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::reply::Refusal;
use super::workspace::{slug, Workspace};
use crate::job::Job;

/// A job being edited.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    /// The name it is saved under (`cong-van-2402` → `cong-van-2402.toml`), a slug.
    pub name: String,
    /// The job file's keys.
    pub job: Json,
    /// The body template's text.
    pub body: String,
}

/// A draft made into a job, with the job file's text.
pub struct Made {
    /// The job, its body template given.
    pub job: Job,
    /// The job file's text, as saved.
    pub toml: String,
    /// The body template's file name, from the workspace.
    pub body_name: String,
}

impl Draft {
    /// The draft of the job file `name` of the workspace, its body read from there.
    pub fn read(workspace: &Workspace, name: &str) -> Result<Draft, Refusal> {
        let path = workspace.file(&format!("{}.toml", slug(name)?))?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Refusal::missing(format!("{name}.toml: không đọc được (cannot be read): {e}"))
        })?;
        let table: toml::Table = toml::from_str(&text)
            .map_err(|e| Refusal::unusable(format!("{name}.toml: {}", e.message())))?;
        let body = match table.get("body").and_then(toml::Value::as_str) {
            Some(body_name) => {
                let body_path = workspace.file(body_name)?;
                std::fs::read_to_string(&body_path).map_err(|e| {
                    Refusal::missing(format!("{body_name}: không đọc được (cannot be read): {e}"))
                })?
            }
            None => String::new(),
        };
        Ok(Draft {
            name: name.to_owned(),
            job: json_of(&toml::Value::Table(table)),
            body,
        })
    }

    /// The job this draft makes, read as the file `<name>.toml` of the workspace; the files it names
    /// (body, data, annex templates) must be inside the workspace.
    pub fn make(&self, workspace: &Workspace) -> Result<Made, Refusal> {
        let name = slug(&self.name)?;
        let Json::Object(keys) = &self.job else {
            return Err(Refusal::bad(
                "job: expected an object of the job file's keys",
            ));
        };
        let mut table = toml::Table::new();
        for (key, value) in keys {
            if let Some(value) = toml_of(key, value) {
                table.insert(key.clone(), value);
            }
        }
        // The body is the job's own file, named after it: a job saved under a new name never writes
        // over the body of the job it was made from.
        let body_name = format!("{name}.md.j2");
        table.insert("body".into(), toml::Value::String(body_name.clone()));
        if let Some(data) = table.get("data").and_then(toml::Value::as_str) {
            workspace.file(data)?;
        }
        let annexes = table.get("annex").and_then(toml::Value::as_array);
        for content in annexes
            .into_iter()
            .flatten()
            .filter_map(|a| a.get("content").and_then(toml::Value::as_str))
        {
            workspace.file(content)?;
        }
        let toml = toml::to_string(&table).map_err(|e| Refusal::bad(format!("job: {e}")))?;
        let path = workspace.root().join(format!("{name}.toml"));
        let job = Job::from_source(&path, toml.clone())
            .map_err(|e| Refusal::unusable(unfilled(workspace, e)))?
            .with_body(self.body.clone());
        Ok(Made {
            job,
            toml,
            body_name,
        })
    }
}

/// The error of a job made from the form, as the page shows it: a key the form left empty is named by
/// its field's label (the job file is written by the page, so its lines and columns mean nothing).
fn unfilled(workspace: &Workspace, error: crate::Error) -> String {
    let crate::Error::Syntax { path, message, .. } = &error else {
        return super::shown(workspace.root(), &error.to_string());
    };
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let label = LABELS
        .iter()
        .find(|(key, _)| message == &format!("missing field `{key}`"))
        .map(|(_, label)| *label);
    match label {
        Some(label) => format!("{file}: chưa điền {label} ({message})"),
        None => format!("{file}: {message}"),
    }
}

/// The form's label of each key a job must have.
const LABELS: [(&str, &str); 8] = [
    ("kind", "Loại văn bản"),
    ("place", "Địa danh"),
    ("date", "Ngày ban hành"),
    ("issuer", "Cơ quan ban hành"),
    ("name", "tên (cơ quan ban hành hoặc người ký)"),
    ("code", "Chữ viết tắt tên cơ quan"),
    ("signer", "Người ký"),
    ("lines", "Quyền hạn, chức vụ người ký"),
];

/// A TOML value as JSON; dates as `YYYY-MM-DD` strings.
pub fn json_of(value: &toml::Value) -> Json {
    match value {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::from(*i),
        toml::Value::Float(f) => Json::from(*f),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.iter().map(json_of).collect()),
        toml::Value::Table(table) => {
            Json::Object(table.iter().map(|(k, v)| (k.clone(), json_of(v))).collect())
        }
    }
}

/// A JSON value from the page as the job file's TOML: nulls, empty strings, lists and tables are
/// left out (as the form's unfilled fields), and a `date` written `YYYY-MM-DD` is a TOML date.
fn toml_of(key: &str, value: &Json) -> Option<toml::Value> {
    match value {
        Json::Null => None,
        Json::Bool(b) => Some(toml::Value::Boolean(*b)),
        Json::Number(n) => n
            .as_i64()
            .map(toml::Value::Integer)
            .or_else(|| n.as_f64().map(toml::Value::Float)),
        Json::String(s) if s.trim().is_empty() => None,
        Json::String(s) => {
            let date = (key == "date")
                .then(|| whole_date(s))
                .flatten()
                .and_then(|d| d.parse::<toml::value::Datetime>().ok());
            Some(date.map_or_else(|| toml::Value::String(s.clone()), toml::Value::Datetime))
        }
        Json::Array(items) => {
            let items: Vec<toml::Value> = items.iter().filter_map(|v| toml_of("", v)).collect();
            (!items.is_empty()).then_some(toml::Value::Array(items))
        }
        Json::Object(keys) => {
            let table: toml::Table = keys
                .iter()
                .filter_map(|(k, v)| toml_of(k, v).map(|v| (k.clone(), v)))
                .collect();
            (!table.is_empty()).then_some(toml::Value::Table(table))
        }
    }
}

/// `text` when it is a whole date `YYYY-MM-DD`.
fn whole_date(text: &str) -> Option<&str> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    shape.then_some(text)
}
