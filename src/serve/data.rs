//! The data screen: the communes' workbooks consolidated (every problem by file › sheet › cell), the
//! blank forms for a list of communes, and the workspace's files to download.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use axum::extract::{Multipart, Query, State};
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::compose::Named;
use super::reply::{attachment, blocking, mime_of, Refusal};
use super::{upload, Shared};
use crate::data::{self, Period};

/// The plan consolidated from the dropped workbooks is saved under this name (`.json` for jobs to
/// read, `.xlsx` for Excel).
const PLAN: &str = "tong-hop";

/// One problem found in the data.
#[derive(Serialize)]
pub struct Problem {
    /// `error` or `warning`.
    severity: &'static str,
    /// The file, as dropped.
    file: String,
    /// The sheet, when known.
    sheet: Option<String>,
    /// The cell (`E12`), when known.
    cell: Option<String>,
    /// What was expected and what was found.
    message: String,
    /// The line the command line prints.
    line: String,
}

/// What a consolidation found, and the files saved when it found no error.
#[derive(Serialize)]
pub struct Consolidated {
    problems: Vec<Problem>,
    communes: usize,
    saved: Vec<String>,
}

/// Consolidates the dropped workbooks (field `period`: `2021-2025` unless given); with no error, the
/// plan is saved into the workspace as `tong-hop.json` and `tong-hop.xlsx`.
pub async fn consolidate(
    State(shared): State<Arc<Shared>>,
    multipart: Multipart,
) -> Result<Json<Consolidated>, Refusal> {
    let uploaded = upload::receive(multipart).await?;
    if uploaded.files.is_empty() {
        return Err(Refusal::bad("chưa có tệp nào (no file given)"));
    }
    let period = period(uploaded.fields.get("period"))?;
    blocking(move || {
        let folder = uploaded.folder.path();
        let paths: Vec<&Path> = uploaded.files.iter().map(|p| p.as_path()).collect();
        let (plan, diagnostics) = data::consolidate(&paths, period);
        let problems = diagnostics
            .items()
            .iter()
            .map(|d| Problem {
                severity: match d.severity {
                    data::Severity::Error => "error",
                    data::Severity::Warning => "warning",
                },
                file: super::shown(folder, &d.place.file),
                sheet: d.place.sheet.clone(),
                cell: d
                    .place
                    .cell
                    .map(|(row, column)| data::diagnostic::a1(row, column)),
                message: super::shown(folder, &d.message),
                line: super::shown(folder, &d.to_string()),
            })
            .collect();
        let mut saved = Vec::new();
        let communes = plan.as_ref().map_or(0, |p| p.communes.len());
        if let Some(plan) = plan {
            let xlsx = data::xlsx::plan(&plan)
                .map_err(|e| Refusal::unusable(format!("{PLAN}.xlsx: {e}")))?;
            for (name, bytes) in [
                (
                    format!("{PLAN}.json"),
                    data::write::json(&plan).into_bytes(),
                ),
                (format!("{PLAN}.xlsx"), xlsx),
            ] {
                crate::render::write_atomic(&shared.workspace.file(&name)?, &bytes)?;
                saved.push(name);
            }
        }
        Ok(Json(Consolidated {
            problems,
            communes,
            saved,
        }))
    })
    .await
}

/// The programme's years from the form, 2021–2025 when not given.
fn period(given: Option<&String>) -> Result<Period, Refusal> {
    match given.map(|p| p.trim()).filter(|p| !p.is_empty()) {
        None => Ok(Period::default()),
        Some(text) => Period::parse(text).ok_or_else(|| {
            Refusal::bad(format!(
                "giai đoạn {text:?}: viết hai năm như 2021-2025 (two years such as 2021-2025)"
            ))
        }),
    }
}

/// The communes to write blank forms for.
#[derive(Deserialize)]
pub struct FormsRequest {
    /// Names, one per line or separated by commas.
    communes: String,
    /// The programme's years.
    #[serde(default)]
    period: Option<String>,
}

/// One blank workbook per commune, all in one .zip.
pub async fn forms(Json(request): Json<FormsRequest>) -> Result<Response, Refusal> {
    let period = period(request.period.as_ref())?;
    blocking(move || {
        let names: Vec<String> = request
            .communes
            .split(['\n', ',', ';'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(crate::text::clean)
            .collect();
        let forms = data::xlsx::forms(&names, period).map_err(|e| Refusal::bad(e.to_string()))?;
        let fail = |e: &dyn std::fmt::Display| Refusal::unusable(format!("bieu-mau.zip: {e}"));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in forms {
            zip.start_file(name, options).map_err(|e| fail(&e))?;
            zip.write_all(&bytes).map_err(|e| fail(&e))?;
        }
        let bytes = zip.finish().map_err(|e| fail(&e))?.into_inner();
        Ok(attachment(bytes, "bieu-mau.zip", "application/zip"))
    })
    .await
}

/// A file of the workspace, to download.
pub async fn file(
    State(shared): State<Arc<Shared>>,
    Query(named): Query<Named>,
) -> Result<Response, Refusal> {
    let path = shared.workspace.file(&named.name)?;
    blocking(move || {
        let bytes =
            std::fs::read(&path).map_err(|e| Refusal::missing(format!("{}: {e}", named.name)))?;
        let name = path
            .file_name()
            .map_or_else(|| named.name.clone(), |n| n.to_string_lossy().into_owned());
        Ok(attachment(bytes, &name, mime_of(&name)))
    })
    .await
}
