//! vanban: Vietnamese administrative documents in the national format of Decree 30/2020/NĐ-CP,
//! as PDF and DOCX, from a job file and a body template.
//!
//! The pipeline: [`job`] reads a job file and its body template into a [`document::Document`];
//! [`printed::Printed`] gives every string its Decree-30 form using [`nd30`]; the writers in
//! [`render`] turn that into PDF (typst) and DOCX (docx-rs).

pub mod batch;
pub mod check;
pub mod contain;
pub mod data;
pub mod document;
pub mod error;
pub mod fonts;
pub mod import;
pub mod job;
pub mod legacy;
pub mod markup;
pub mod nd30;
pub mod printed;
pub mod render;
pub mod serve;
pub mod sign;
pub mod tables;
pub mod template;
pub mod text;
pub mod wordml;

use std::path::{Path, PathBuf};

pub use error::{Error, Result};
use printed::Printed;
use render::pdf::PdfWriter;
use render::OutputFormat;

/// The bytes of a built document in `format`.
pub fn render(built: &job::Built, format: OutputFormat, pdf: &PdfWriter) -> Result<Vec<u8>> {
    write(&built.printed, built.document.date, format, pdf)
}

/// The bytes of a printed document in `format`.
fn write(
    printed: &Printed,
    date: nd30::Date,
    format: OutputFormat,
    pdf: &PdfWriter,
) -> Result<Vec<u8>> {
    match format {
        OutputFormat::Pdf => pdf.render(printed, date),
        OutputFormat::Docx => render::docx::render(printed, date),
    }
}

/// What to render from a job.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// The formats to write.
    pub formats: Vec<OutputFormat>,
    /// Plan data to use instead of the job's own `data`.
    pub data: Option<PathBuf>,
    /// Also write each annex as a file of its own (`<stem>-phu-luc-ii.pdf`).
    pub annex_separate: bool,
    /// Issue electronically, whatever the job says: number and day and month left for the signing
    /// system, signature fields in the PDF.
    pub electronic: bool,
}

/// What a render wrote, and what it noticed in the data on the way.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The files written.
    pub paths: Vec<PathBuf>,
    /// Warnings about the data (`FILE › SHEET › CELL: …`), e.g. legacy-font text converted.
    pub warnings: Vec<String>,
}

/// An imported draft rendered: the files written and each output's findings.
#[derive(Debug)]
pub struct Fixed {
    /// The job, its body template and the outputs, in that order.
    pub paths: Vec<PathBuf>,
    /// The outputs' reports, one per output.
    pub after: Vec<check::Report>,
}

/// Writes the job and body template of an imported draft into `out_dir`, renders the job there in
/// `formats`, and checks each output.
pub fn fix(
    imported: &import::Imported,
    out_dir: &Path,
    formats: &[OutputFormat],
    pdf: &PdfWriter,
) -> Result<Fixed> {
    let mut paths = import::write_job(imported, out_dir)?;
    let options = RenderOptions {
        formats: formats.to_vec(),
        ..RenderOptions::default()
    };
    let rendered = render_job(&paths[0], out_dir, &options, pdf)?;
    let after = rendered
        .paths
        .iter()
        .map(|p| check::check_file(p))
        .collect::<Result<Vec<_>>>()?;
    paths.extend(rendered.paths);
    Ok(Fixed { paths, after })
}

/// Renders the job file `job` into `out_dir` as `<stem>.<ext>` for each format.
///
/// Every output is rendered before any is written, so a failure leaves no file behind.
pub fn render_job(
    job: &Path,
    out_dir: &Path,
    options: &RenderOptions,
    pdf: &PdfWriter,
) -> Result<Rendered> {
    let mut file = job::Job::read(job)?;
    if options.electronic {
        file = file.electronic();
    }
    let (plan, warnings) = file.plan_and_warnings(options.data.as_deref())?;
    let job::Built {
        document: doc,
        printed,
    } = file.build(plan.as_ref())?;
    let stem = job
        .file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    let mut documents = vec![(stem.clone(), printed.clone())];
    if options.annex_separate {
        for (i, annex) in printed.annexes.iter().enumerate() {
            let name = format!(
                "{stem}-{}",
                data::fold::fold(&annex.label).replace(' ', "-")
            );
            documents.extend(printed.annex_alone(i).map(|alone| (name, alone)));
        }
    }
    let mut outputs = Vec::new();
    for (name, document) in &documents {
        for &format in &options.formats {
            let path = out_dir.join(format!("{name}.{}", format.extension()));
            outputs.push((path, write(document, doc.date, format, pdf)?));
        }
    }
    let paths = outputs
        .into_iter()
        .map(|(path, bytes)| render::write_atomic(&path, &bytes).map(|()| path))
        .collect::<Result<Vec<_>>>()?;
    Ok(Rendered { paths, warnings })
}
