//! One job rendered once per commune of its data, in parallel, with a manifest of what was written.
//!
//! A commune that fails (bad figures in the data, a template that does not fit it) is listed with its
//! error and never stops the others. Fonts and layout are loaded once and shared by every worker.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::data::{self, fold, Plan};
use crate::error::{Error, Result};
use crate::job::{CommuneView, Job};
use crate::render::pdf::PdfWriter;
use crate::render::{self, OutputFormat};
use manifest::Manifest;
use writer::Writer;

mod manifest;
mod writer;

/// Stack of each worker thread: typst's layout recurses deeply, more than the 2 MiB threads get by default.
const WORKER_STACK: usize = 64 << 20;

/// `task(0..count)` on `jobs` threads, each taking the next index when done with its last; the results
/// in index order.
///
/// typst spreads its own work over rayon. In one shared pool a worker waiting for that work would start
/// another commune's document on top of its unfinished one, so that documents pile up on its stack and
/// in memory. So several workers are each a rayon pool of one thread, where typst's work runs in turn;
/// a single worker is a plain thread that lends typst rayon's global pool, and with it every core.
fn in_workers<T: Send>(
    jobs: usize,
    count: usize,
    task: impl Fn(usize) -> T + Sync,
) -> Result<Vec<T>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return done;
            }
            done.push((i, task(i)));
        }
    };
    let cannot_start =
        |e: &dyn std::fmt::Display| Error::Input(format!("cannot start {jobs} workers: {e}"));
    let workers = jobs.clamp(1, count.max(1));
    let pools = (0..workers)
        .filter(|_| workers > 1)
        .map(|_| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .stack_size(WORKER_STACK)
                .build()
        })
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| cannot_start(&e))?;
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers = if pools.is_empty() {
            vec![std::thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, work)]
        } else {
            pools
                .iter()
                .map(|pool| std::thread::Builder::new().spawn_scoped(scope, || pool.install(work)))
                .collect()
        };
        let workers = workers
            .into_iter()
            .collect::<std::io::Result<Vec<_>>>()
            .map_err(|e| cannot_start(&e))?;
        let mut results = Vec::with_capacity(count);
        for worker in workers {
            match worker.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok::<_, Error>(results)
    })?;
    results.sort_by_key(|(i, _)| *i);
    Ok(results.into_iter().map(|(_, result)| result).collect())
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Formats to write for each commune.
    pub formats: Vec<OutputFormat>,
    /// Plan data instead of the job's own `data`.
    pub data: Option<PathBuf>,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// File name pattern: `{number}`, `{commune}` (a slug such as `cam-binh`), `{stem}`.
    pub pattern: String,
    /// Whether to show a progress bar (only ever on a terminal).
    pub progress: bool,
    /// How far the batch is, for a caller that shows the progress itself.
    pub tally: Option<std::sync::Arc<Tally>>,
}

/// How far a batch is: its communes, and how many are done.
#[derive(Debug, Default)]
pub struct Tally {
    /// The communes of the data, once read.
    pub total: AtomicUsize,
    /// The communes rendered or failed so far.
    pub done: AtomicUsize,
}

/// One file written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    /// The commune it is for.
    pub commune: String,
    /// Its path, relative to the output folder.
    pub path: String,
    /// `pdf` or `docx`.
    pub format: &'static str,
    /// Number of pages (PDF only).
    pub pages: Option<usize>,
    /// Size in bytes.
    pub bytes: usize,
    /// SHA-256 of the file, in hex.
    pub sha256: String,
}

/// One commune that could not be rendered.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The commune, when known.
    pub commune: Option<String>,
    /// What went wrong.
    pub error: String,
}

/// What a batch did; each file it wrote is listed in its `manifest.json` and `manifest.csv`.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Files written.
    pub written: usize,
    /// Communes with at least one file written.
    pub communes: usize,
    /// Communes that failed, and files the disk refused, in the data's order.
    pub failures: Vec<Failure>,
    /// Warnings about the data (`FILE › SHEET › CELL: …`), e.g. legacy-font text converted.
    pub warnings: Vec<String>,
}

/// File name of a commune's documents (without extension), from `pattern`.
pub fn file_name(pattern: &str, number: &str, commune: &str, stem: &str) -> String {
    pattern
        .replace("{number}", number)
        .replace("{commune}", &fold::fold(commune).replace(' ', "-"))
        .replace("{stem}", stem)
}

/// Renders `job` once per commune into `out`; writes `manifest.json` and `manifest.csv` there as it
/// goes, giving them their names last, once every file they list is on disk.
///
/// Errors of the whole batch (the job file, the data file missing, two communes with one file name)
/// stop it before anything is written; a commune's own failure is recorded in the manifest.
pub fn run(
    job_path: &Path,
    out: &Path,
    options: &BatchOptions,
    pdf: &PdfWriter,
) -> Result<Summary> {
    let job = Job::read(job_path)?;
    let data_path = job.data_path(options.data.as_deref()).ok_or_else(|| Error::Value {
        path: job_path.into(),
        key: "data".into(),
        message: "a batch renders one document per commune of the data: add `data = \"…\"` or give --data".into(),
    })?;
    if !data_path.exists() {
        let missing =
            std::io::Error::new(std::io::ErrorKind::NotFound, "the data file does not exist");
        return Err(Error::Io {
            path: data_path,
            source: missing,
        });
    }
    let (plan, diagnostics) = data::read_partial(&[&data_path], job.period()?);
    let (mut failures, mut warnings) = (Vec::new(), Vec::new());
    for diagnostic in diagnostics.items() {
        match diagnostic.severity {
            data::Severity::Error => failures.push(Failure {
                commune: diagnostic.commune.clone(),
                error: diagnostic.to_string(),
            }),
            data::Severity::Warning => warnings.push(diagnostic.to_string()),
        }
    }
    let stem = job_path
        .file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    // A number not yet given names no file: `{number}` then reads as nothing.
    let number = job.number().map_or(String::new(), |n| format!("{n:02}"));
    let names = unique_names(&plan, options, &number, &stem)?;

    // What an earlier batch killed while writing left behind goes, and so does an earlier manifest,
    // until this batch's is written; complete files are written again.
    render::remove_unfinished(out)?;
    for old in ["manifest.json", "manifest.csv"] {
        let path = out.join(old);
        if path.is_file() {
            std::fs::remove_file(&path).map_err(|source| Error::Io { path, source })?;
        }
    }
    let bar = progress_bar(plan.communes.len(), options.progress);
    if let Some(tally) = &options.tally {
        tally.total.store(plan.communes.len(), Ordering::Relaxed);
    }
    let own = plan.per_commune();
    std::fs::create_dir_all(out).map_err(|source| Error::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let writer = Writer::start(out, Manifest::begin(out, failures, warnings)?)?;
    let handed = in_workers(options.jobs, plan.communes.len(), |i| {
        let commune = &plan.communes[i];
        // A panic in one commune's rendering is that commune's failure; the others go on.
        let rendered = crate::contain::contain(|| {
            render_commune(&job, &own[i], commune, &names[i], options, pdf)
        })
        .unwrap_or_else(|_| {
            Err(Error::Input(format!(
                "{}: could not be rendered (internal error in the layout engine)",
                commune.name
            )))
        })
        .map_err(|e| Failure {
            commune: Some(commune.name.clone()),
            error: e.to_string(),
        });
        bar.inc(1);
        if let Some(tally) = &options.tally {
            tally.done.fetch_add(1, Ordering::Relaxed);
        }
        writer.sender().send((i, rendered)).is_ok()
    })?;
    bar.finish_and_clear();
    // Every file durable first, then the manifest given its names, last: a batch stopped before
    // leaves complete files and no manifest that names a file it does not have.
    let manifest = writer.finish()?;
    if handed.contains(&false) {
        return Err(Error::Input("the batch's writing thread stopped".into()));
    }
    manifest.finish(out)
}

/// One file name per commune, or an error naming two communes that would share one.
fn unique_names(
    plan: &Plan,
    options: &BatchOptions,
    number: &str,
    stem: &str,
) -> Result<Vec<String>> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    plan.communes
        .iter()
        .map(|c| {
            let name = file_name(&options.pattern, number, &c.name, stem);
            match seen.insert(name.clone(), &c.name) {
                Some(other) => Err(Error::Input(format!(
                    "communes {other:?} and {:?} would both be written as {name}; change --name",
                    c.name
                ))),
                None => Ok(name),
            }
        })
        .collect()
}

/// A commune's documents, each with its manifest entry.
fn render_commune(
    job: &Job,
    own: &Plan,
    commune: &data::plan::Commune,
    name: &str,
    options: &BatchOptions,
    pdf: &PdfWriter,
) -> Result<Vec<(Written, Vec<u8>)>> {
    let job = job.for_commune(CommuneView::new(commune, &own.products))?;
    let crate::job::Built { document, printed } = job.build(Some(own))?;
    let mut rendered = Vec::new();
    for &format in &options.formats {
        let (bytes, pages) = match format {
            OutputFormat::Pdf => pdf
                .render_counted(&printed, document.date)
                .map(|(b, p)| (b, Some(p)))?,
            OutputFormat::Docx => (render::docx::render(&printed, document.date)?, None),
        };
        let written = Written {
            commune: commune.name.clone(),
            path: format!("{name}.{}", format.extension()),
            format: format.extension(),
            pages,
            bytes: bytes.len(),
            sha256: hex(&Sha256::digest(&bytes)),
        };
        rendered.push((written, bytes));
    }
    Ok(rendered)
}

/// Packs every file listed in the manifest of the batch written to `out`, and the manifest itself,
/// into the zip file `path`, one file at a time: the zip is written as it is made, never held whole.
pub fn zip(out: &Path, path: &Path) -> Result<()> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let listed = out.join("manifest.csv");
    let mut manifest = csv::Reader::from_path(&listed).map_err(|e| Error::Io {
        path: listed.clone(),
        source: std::io::Error::other(e),
    })?;
    render::write_atomic_with(path, |target| {
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(target));
        let files = manifest.records().filter_map(|row| match row {
            Ok(row) => row
                .get(1)
                .filter(|p| !p.is_empty())
                .map(|p| Ok(p.to_owned())),
            Err(e) => Some(Err(std::io::Error::other(format!(
                "{}: {e}",
                listed.display()
            )))),
        });
        let manifests = ["manifest.json", "manifest.csv"].map(|m| Ok(m.to_owned()));
        for file in files.chain(manifests) {
            let file = file?;
            let source = out.join(&file);
            let named = |e: std::io::Error| {
                std::io::Error::new(e.kind(), format!("{}: {e}", source.display()))
            };
            let mut bytes = std::fs::File::open(&source).map_err(named)?;
            zip.start_file(file.as_str(), options)
                .map_err(std::io::Error::other)?;
            std::io::copy(&mut bytes, &mut zip).map_err(named)?;
        }
        zip.finish().map_err(std::io::Error::other)?.flush()
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn progress_bar(len: usize, wanted: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !wanted || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} xã  {elapsed_precise}")
    {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_return_every_result_in_order_and_run_rayon_work_in_their_own_pool() {
        use rayon::prelude::*;
        let results = in_workers(3, 50, |i| {
            let pool = rayon::current_thread_index().zip(rayon::current_num_threads().into());
            let squares: usize = (0..=i).into_par_iter().map(|k| k * k).sum();
            (i, squares, pool)
        })
        .expect("workers start");
        assert_eq!(results.len(), 50);
        for (k, (i, squares, pool)) in results.into_iter().enumerate() {
            assert_eq!(i, k);
            assert_eq!(squares, (0..=k).map(|k| k * k).sum::<usize>());
            assert_eq!(pool, Some((0, 1)), "each worker is a pool of one thread");
        }
        assert!(in_workers(2, 0, |i| i).expect("no work").is_empty());
        let alone = in_workers(1, 3, |i| (i, rayon::current_thread_index())).expect("one worker");
        assert_eq!(
            alone,
            vec![(0, None), (1, None), (2, None)],
            "one worker is a plain thread"
        );
    }

    #[test]
    fn file_names_use_a_vietnamese_aware_slug() {
        assert_eq!(
            file_name("{number}-{commune}", "2402", "Cẩm Bình", "cv"),
            "2402-cam-binh"
        );
        assert_eq!(
            file_name("{stem}-{commune}", "05", "Thị trấn Đồng Lộc", "ke-hoach"),
            "ke-hoach-thi-tran-dong-loc"
        );
    }
}
