//! vanban: Vietnamese administrative documents in the national format of Decree 30/2020/NĐ-CP,
//! as PDF and DOCX, from a job file and a body template.
//!
//! The pipeline: [`job`] reads a job file and its body template into a [`document::Document`];
//! [`printed::Printed`] gives every string its Decree-30 form using [`nd30`]; the writers in
//! [`render`] turn that into PDF (typst) and DOCX (docx-rs).

pub mod data;
pub mod document;
pub mod error;
pub mod fonts;
pub mod job;
pub mod legacy;
pub mod markup;
pub mod nd30;
pub mod printed;
pub mod render;
pub mod tables;
pub mod template;
pub mod text;

use std::path::{Path, PathBuf};

pub use error::{Error, Result};
use printed::Printed;
use render::pdf::PdfWriter;
use render::OutputFormat;

/// The bytes of `doc` in `format`.
pub fn render(doc: &document::Document, format: OutputFormat, pdf: &PdfWriter) -> Result<Vec<u8>> {
    let printed = Printed::of(doc)?;
    match format {
        OutputFormat::Pdf => pdf.render(&printed, doc.date),
        OutputFormat::Docx => render::docx::render(&printed, doc.date),
    }
}

/// Renders the job file `job` into `out_dir` as `<stem>.<ext>` for each format; returns the paths written.
///
/// Every output is rendered before any is written, so a failure leaves no file behind.
pub fn render_job(
    job: &Path,
    out_dir: &Path,
    formats: &[OutputFormat],
    pdf: &PdfWriter,
) -> Result<Vec<PathBuf>> {
    let doc = job::load(job)?;
    let stem = job
        .file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    let outputs = formats
        .iter()
        .map(|&format| {
            let path = out_dir.join(format!("{stem}.{}", format.extension()));
            render(&doc, format, pdf).map(|bytes| (path, bytes))
        })
        .collect::<Result<Vec<_>>>()?;
    outputs
        .into_iter()
        .map(|(path, bytes)| render::write_atomic(&path, &bytes).map(|()| path))
        .collect()
}
