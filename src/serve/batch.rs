//! The batch screen: a per-commune job rendered for every commune of its data, its progress told as
//! it runs, then the files written, the communes that failed, and one .zip with the manifest.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::reply::{attachment, blocking, Refusal};
use super::workspace::slug;
use super::Shared;
use crate::batch::{BatchOptions, Tally};
use crate::render::OutputFormat;

/// The folder of the workspace batches write into, one sub-folder per job.
const OUT: &str = "hang-loat";

/// The batches started, by id.
#[derive(Default)]
pub struct Batches {
    next: AtomicU64,
    runs: Mutex<HashMap<u64, Arc<Run>>>,
}

/// One batch: its tally while it runs, then its manifest (as `manifest.json` has it) or its error.
struct Run {
    job: String,
    tally: Arc<Tally>,
    ended: Mutex<Option<Result<serde_json::Value, String>>>,
}

/// A batch to start.
#[derive(Deserialize)]
pub struct Start {
    /// The per-commune job of the workspace (`cong-van-2402-xa`).
    job: String,
    /// Plan data of the workspace instead of the job's own `data`.
    #[serde(default)]
    data: Option<String>,
    /// `pdf`, `docx`, or both (the default).
    #[serde(default)]
    formats: Vec<String>,
}

/// Starts a batch; its progress is asked by the id returned.
pub async fn start(
    State(shared): State<Arc<Shared>>,
    Json(start): Json<Start>,
) -> Result<Json<serde_json::Value>, Refusal> {
    let job = slug(&start.job)?.to_owned();
    let job_path = shared.workspace.file(&format!("{job}.toml"))?;
    if !job_path.is_file() {
        return Err(Refusal::missing(format!(
            "{job}.toml: không có trong thư mục làm việc (not in the workspace)"
        )));
    }
    let data = match start.data.as_deref().filter(|d| !d.is_empty()) {
        Some(name) => Some(shared.workspace.file(name)?),
        None => None,
    };
    let formats = if start.formats.is_empty() {
        vec![OutputFormat::Pdf, OutputFormat::Docx]
    } else {
        start
            .formats
            .iter()
            .map(|f| match f.as_str() {
                "pdf" => Ok(OutputFormat::Pdf),
                "docx" => Ok(OutputFormat::Docx),
                other => Err(Refusal::bad(format!("{other:?}: chỉ có pdf hoặc docx"))),
            })
            .collect::<Result<_, _>>()?
    };
    let out = shared.workspace.file(OUT)?.join(&job);
    let tally = Arc::new(Tally::default());
    let run = Arc::new(Run {
        job: job.clone(),
        tally: tally.clone(),
        ended: Mutex::new(None),
    });
    let id = shared.batches.next.fetch_add(1, Ordering::Relaxed) + 1;
    shared
        .batches
        .runs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, run.clone());
    let options = BatchOptions {
        formats,
        data,
        jobs: std::thread::available_parallelism().map_or(1, usize::from),
        pattern: "{number}-{commune}".into(),
        progress: false,
        tally: Some(tally),
    };
    let worker = shared.clone();
    // A thread of its own, not a request's: the batch goes on after the request that started it.
    let work = move || {
        let root = worker.workspace.root();
        let shown = |e: crate::Error| super::shown(root, &e.to_string());
        let done = crate::contain::contain(|| {
            std::fs::create_dir_all(&out).map_err(|source| {
                shown(crate::Error::Io {
                    path: out.clone(),
                    source,
                })
            })?;
            crate::batch::run(&job_path, &out, &options, &worker.pdf).map_err(shown)?;
            crate::batch::zip(&out, &out.join(format!("{job}.zip"))).map_err(shown)?;
            let listed = out.join("manifest.json");
            let mut manifest: serde_json::Value = std::fs::read(&listed)
                .map_err(|source| crate::Error::Io {
                    path: listed.clone(),
                    source,
                })
                .and_then(|bytes| {
                    serde_json::from_slice(&bytes)
                        .map_err(|e| crate::Error::Input(format!("{}: {e}", listed.display())))
                })
                .map_err(shown)?;
            let failures = manifest["failures"].as_array_mut().into_iter().flatten();
            for error in failures.filter_map(|f| f.get_mut("error")) {
                if let Some(text) = error.as_str() {
                    *error = super::shown(root, text).into();
                }
            }
            Ok(manifest)
        });
        let ended = done.unwrap_or_else(|_| {
            Err("lỗi nội bộ: lô này dừng giữa chừng (internal error; the batch stopped)".into())
        });
        *run.ended.lock().unwrap_or_else(|e| e.into_inner()) = Some(ended);
    };
    std::thread::Builder::new()
        .name(format!("batch {id}"))
        .stack_size(super::STACK)
        .spawn(work)
        .map_err(|e| Refusal::unusable(format!("cannot start the batch: {e}")))?;
    Ok(Json(serde_json::json!({ "id": id })))
}

/// How far a batch is.
#[derive(Serialize)]
pub struct Progress {
    total: usize,
    done: usize,
    finished: bool,
    error: Option<String>,
    manifest: Option<serde_json::Value>,
}

/// How far batch `id` is; once finished, its manifest (or its error).
pub async fn progress(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<u64>,
) -> Result<Json<Progress>, Refusal> {
    let run = find(&shared, id)?;
    let ended = run.ended.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let (finished, error, manifest) = match ended {
        None => (false, None, None),
        Some(Ok(manifest)) => (true, None, Some(manifest)),
        Some(Err(error)) => (true, Some(error), None),
    };
    Ok(Json(Progress {
        total: run.tally.total.load(Ordering::Relaxed),
        done: run.tally.done.load(Ordering::Relaxed),
        finished,
        error,
        manifest,
    }))
}

/// The .zip of a finished batch: every file written and the manifest.
pub async fn zip(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<u64>,
) -> Result<Response, Refusal> {
    let run = find(&shared, id)?;
    let name = format!("{}.zip", run.job);
    let path = shared.workspace.file(OUT)?.join(&run.job).join(&name);
    blocking(move || {
        let bytes = std::fs::read(&path)
            .map_err(|_| Refusal::missing("lô này chưa xong (the batch has not finished)"))?;
        Ok(attachment(bytes, &name, "application/zip"))
    })
    .await
}

fn find(shared: &Shared, id: u64) -> Result<Arc<Run>, Refusal> {
    shared
        .batches
        .runs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&id)
        .cloned()
        .ok_or_else(|| Refusal::missing(format!("không có lô {id} (no such batch)")))
}
