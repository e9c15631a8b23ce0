//! The check screen: DOCX and PDF files from anywhere, judged as `vanban check` judges them.

use std::path::{Path, PathBuf};

use axum::extract::Multipart;
use axum::Json;
use serde::Serialize;

use super::reply::{blocking, Refusal};
use super::upload;

/// The reports of the files checked, and the summary line the command line prints.
#[derive(Serialize)]
pub struct Checked {
    /// One per file.
    pub reports: Vec<FileReport>,
    /// `2 files checked: 1 error, 0 warnings`.
    pub summary: String,
}

/// What is said of one file.
#[derive(Serialize)]
pub struct FileReport {
    /// Its name.
    pub file: String,
    /// Whether it was judged; a file not judged has not passed.
    pub judged: bool,
    /// Why it was not judged, or why it could not be read.
    pub reason: Option<String>,
    /// Notes that are neither errors nor warnings.
    pub notes: Vec<String>,
    /// The findings, each as `vanban check` prints it and in parts.
    pub findings: Vec<Shown>,
    /// Its digital signatures, each as `vanban check` prints it.
    pub signatures: Vec<String>,
}

/// One finding.
#[derive(Serialize)]
pub struct Shown {
    /// `E13`.
    pub rule: String,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What it is about (`date`).
    pub topic: &'static str,
    /// The page, when known.
    pub page: Option<u32>,
    /// What was found.
    pub found: String,
    /// What fixes it.
    pub fix: String,
    /// Where the Decree says so.
    pub source: &'static str,
    /// The line `vanban check` prints.
    pub line: String,
}

/// `files`, each checked; names shown from `folder`.
pub fn checked(files: &[PathBuf], folder: &Path) -> Checked {
    let mut reports = Vec::new();
    let mut read = Vec::new();
    let mut unreadable = 0;
    let name_of = |p: &Path| super::shown(folder, &p.display().to_string());
    for file in files {
        match crate::check::check_file(file) {
            Ok(report) => {
                reports.push(FileReport {
                    file: name_of(file),
                    judged: report.judged,
                    reason: report.reason.clone(),
                    notes: report.notes.clone(),
                    findings: report
                        .findings
                        .iter()
                        .map(|f| Shown {
                            rule: f.rule.clone(),
                            severity: match f.severity {
                                crate::nd30::Severity::Error => "error",
                                crate::nd30::Severity::Warning => "warning",
                            },
                            topic: f.topic,
                            page: f.page,
                            found: f.found.clone(),
                            fix: f.fix.clone(),
                            source: f.source,
                            line: super::shown(folder, &f.to_string()),
                        })
                        .collect(),
                    signatures: report.signatures.iter().map(ToString::to_string).collect(),
                });
                read.push(report);
            }
            Err(e) => {
                unreadable += 1;
                reports.push(FileReport {
                    file: name_of(file),
                    judged: false,
                    reason: Some(super::shown(folder, &e.to_string())),
                    notes: Vec::new(),
                    findings: Vec::new(),
                    signatures: Vec::new(),
                });
            }
        }
    }
    Checked {
        reports,
        summary: crate::check::summary(files.len(), &read, unreadable),
    }
}

/// Checks the files dropped on the page.
pub async fn check(multipart: Multipart) -> Result<Json<Checked>, Refusal> {
    let uploaded = upload::receive(multipart).await?;
    if uploaded.files.is_empty() {
        return Err(Refusal::bad("chưa có tệp nào (no file given)"));
    }
    blocking(move || Ok(Json(checked(&uploaded.files, uploaded.folder.path())))).await
}
