//! The compose screen: open a job (blank, sample, from the workspace, or a Word draft), see its pages
//! as images and the checker's findings after each edit, save it, download it.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value as Json_};
use typst_layout::PagedDocument;

use super::draft::Draft;
use super::reply::{attachment, blocking, mime_of, Refusal};
use super::workspace::{slug, slug_of, DATA_EXTENSIONS};
use super::{check, samples, upload, Shared};
use crate::nd30::{self, Kind};
use crate::render::OutputFormat;

/// How many laid-out previews are kept for their page images.
const KEPT: usize = 32;
/// Pixels per point of a page image: an A4 page 744 pixels wide.
const PIXELS_PER_PT: f32 = 1.25;

/// The previews laid out lately, by id, for their page images.
#[derive(Default)]
pub struct Previews {
    next: AtomicU64,
    kept: Mutex<VecDeque<(u64, Arc<PagedDocument>)>>,
}

impl Previews {
    fn keep(&self, document: PagedDocument) -> u64 {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.push_back((id, Arc::new(document)));
        while kept.len() > KEPT {
            kept.pop_front();
        }
        id
    }

    fn get(&self, id: u64) -> Option<Arc<PagedDocument>> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.iter().find(|(i, _)| *i == id).map(|(_, d)| d.clone())
    }
}

/// What the page starts with: the 29 kinds, the signers' prefixes, the samples, and the workspace's
/// jobs and data.
pub async fn start(State(shared): State<Arc<Shared>>) -> Json<Json_> {
    let kinds: Vec<Json_> = nd30::KINDS
        .iter()
        .map(|k| {
            json!({
                "slug": k.slug,
                "name": k.name,
                "subject": k.subject,
                "addressees": !matches!(k.addressees, nd30::Addressees::None),
                "enacting": k.enacting.is_some(),
            })
        })
        .collect();
    let prefixes: Vec<&str> = nd30::Authority::ALL.iter().map(|a| a.prefix()).collect();
    let jobs: Vec<String> = shared
        .workspace
        .list(&["toml"])
        .into_iter()
        .filter_map(|n| n.strip_suffix(".toml").map(str::to_owned))
        .collect();
    Json(json!({
        "kinds": kinds,
        "prefixes": prefixes,
        "samples": samples::jobs(),
        "jobs": jobs,
        "data": shared.workspace.list(&DATA_EXTENSIONS),
        "tables": crate::tables::declaration::BUILT_IN.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
        "workspace": shared.workspace.root().display().to_string(),
    }))
}

/// `?name=…`: a job's or a workspace file's name.
#[derive(Deserialize)]
pub struct Named {
    /// The name.
    pub name: String,
}

/// A job of the workspace, as the form edits it.
pub async fn open_job(
    State(shared): State<Arc<Shared>>,
    Query(named): Query<Named>,
) -> Result<Json<Draft>, Refusal> {
    Draft::read(&shared.workspace, &named.name).map(Json)
}

/// `?kind=…`: a kind's slug.
#[derive(Deserialize)]
pub struct OfKind {
    kind: String,
}

/// A blank job of a kind: its keys, empty, for the form; named after the kind with a name no file of
/// the workspace has.
pub async fn blank(
    State(shared): State<Arc<Shared>>,
    Query(of): Query<OfKind>,
) -> Result<Json<Draft>, Refusal> {
    let kind = Kind::from_slug(&of.kind).ok_or_else(|| {
        Refusal::bad(format!(
            "{:?}: không có loại văn bản này (unknown kind)",
            of.kind
        ))
    })?;
    let mut job = json!({
        "kind": kind.slug,
        "place": "",
        "issuer": { "parent": [], "name": [], "code": "" },
        "signer": { "lines": [], "name": "" },
        "distribution": { "to": [], "archive": "VT" },
    });
    if kind.subject {
        job["subject"] = json!("");
    }
    if !matches!(kind.addressees, nd30::Addressees::None) {
        job["to"] = json!([]);
    }
    Ok(Json(Draft {
        name: shared.workspace.free_name(kind.slug),
        job,
        body: String::new(),
    }))
}

/// Copies a sample job and the files it names into the workspace (keeping any file already there),
/// then opens it.
pub async fn open_sample(
    State(shared): State<Arc<Shared>>,
    Query(named): Query<Named>,
) -> Result<Json<Draft>, Refusal> {
    let files = samples::of_job(&named.name).ok_or_else(|| {
        Refusal::missing(format!(
            "{:?}: không có mẫu này (no such sample)",
            named.name
        ))
    })?;
    blocking(move || {
        for (name, text) in files {
            let path = shared.workspace.file(name)?;
            if !path.exists() {
                crate::render::write_atomic(&path, text.as_bytes())?;
            }
        }
        Draft::read(&shared.workspace, &named.name).map(Json)
    })
    .await
}

/// A draft laid out: its pages' count and sizes, and the id their images are asked by.
#[derive(Serialize)]
pub struct Preview {
    id: u64,
    /// Width and height of each page, in points.
    pages: Vec<(f64, f64)>,
    /// Warnings about the data (`FILE › SHEET › CELL: …`).
    warnings: Vec<String>,
}

/// Lays a draft out for its page images; a job that cannot be made gives its error.
pub async fn preview(
    State(shared): State<Arc<Shared>>,
    Json(draft): Json<Draft>,
) -> Result<Json<Preview>, Refusal> {
    blocking(move || {
        let (built, warnings) = built(&shared, &draft)?;
        let document = shared
            .pdf
            .layout(&built.printed, built.document.date)
            .map_err(|e| Refusal::unusable(e.to_string()))?;
        let pages = document
            .pages()
            .iter()
            .map(|p| (p.frame.width().to_pt(), p.frame.height().to_pt()))
            .collect();
        let id = shared.previews.keep(document);
        Ok(Json(Preview {
            id,
            pages,
            warnings,
        }))
    })
    .await
}

/// The document a draft makes, and the warnings about its data.
fn built(shared: &Shared, draft: &Draft) -> Result<(crate::job::Built, Vec<String>), Refusal> {
    let root = shared.workspace.root();
    let shown = |e: crate::Error| Refusal::unusable(super::shown(root, &e.to_string()));
    let made = draft.make(&shared.workspace)?;
    let (plan, warnings) = made.job.plan_and_warnings(None).map_err(shown)?;
    let built = made.job.build(plan.as_ref()).map_err(shown)?;
    let warnings = warnings.iter().map(|w| super::shown(root, w)).collect();
    Ok((built, warnings))
}

/// One page of a preview as a PNG image.
pub async fn page_image(
    State(shared): State<Arc<Shared>>,
    Path((id, index)): Path<(u64, usize)>,
) -> Result<Response, Refusal> {
    let document = shared
        .previews
        .get(id)
        .ok_or_else(|| Refusal::missing("bản xem trước này đã cũ (this preview is gone)"))?;
    blocking(move || {
        let png =
            crate::render::pdf::page_png(&document, index, PIXELS_PER_PT).ok_or_else(|| {
                Refusal::missing(format!("không có trang {} (no such page)", index + 1))
            })?;
        Ok((
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "image/png"),
                (header::CACHE_CONTROL, "private, max-age=600"),
            ],
            png,
        )
            .into_response())
    })
    .await
}

/// The checker's findings on a draft's PDF, as `vanban check` gives them for the file.
pub async fn findings(
    State(shared): State<Arc<Shared>>,
    Json(draft): Json<Draft>,
) -> Result<Json<check::Checked>, Refusal> {
    blocking(move || {
        let name = slug(&draft.name)?.to_owned();
        let (built, _) = built(&shared, &draft)?;
        let pdf = crate::render(&built, OutputFormat::Pdf, &shared.pdf)?;
        let folder = crate::import::temporary_folder()?;
        let path = folder.path().join(format!("{name}.pdf"));
        crate::render::write_atomic(&path, &pdf)?;
        Ok(Json(check::checked(&[path], folder.path())))
    })
    .await
}

/// Writes a draft's job file and body template into the workspace.
pub async fn save(
    State(shared): State<Arc<Shared>>,
    Json(draft): Json<Draft>,
) -> Result<Json<Json_>, Refusal> {
    blocking(move || {
        let made = draft.make(&shared.workspace)?;
        let job_name = format!("{}.toml", draft.name);
        let job_path = shared.workspace.file(&job_name)?;
        let body_path = shared.workspace.file(&made.body_name)?;
        let text = format!("# {} — vanban\n{}", job_name, made.toml);
        crate::render::write_atomic(&body_path, draft.body.as_bytes())?;
        crate::render::write_atomic(&job_path, text.as_bytes())?;
        Ok(Json(json!({ "saved": [job_name, made.body_name] })))
    })
    .await
}

/// `?format=pdf|docx`.
#[derive(Deserialize)]
pub struct Format {
    format: String,
}

/// A draft rendered, as a file to download.
pub async fn download(
    State(shared): State<Arc<Shared>>,
    Query(format): Query<Format>,
    Json(draft): Json<Draft>,
) -> Result<Response, Refusal> {
    let format = match format.format.as_str() {
        "pdf" => OutputFormat::Pdf,
        "docx" => OutputFormat::Docx,
        other => return Err(Refusal::bad(format!("{other:?}: chỉ có pdf hoặc docx"))),
    };
    blocking(move || {
        let (built, _) = built(&shared, &draft)?;
        let bytes = crate::render(&built, format, &shared.pdf)?;
        let name = format!("{}.{}", slug(&draft.name)?, format.extension());
        Ok(attachment(bytes, &name, mime_of(&name)))
    })
    .await
}

/// A Word draft dropped on the page: imported into the workspace as a job (a name of its own, never
/// over an existing job), then opened; with what became of each paragraph.
pub async fn import(
    State(shared): State<Arc<Shared>>,
    multipart: Multipart,
) -> Result<Json<Json_>, Refusal> {
    let uploaded = upload::receive(multipart).await?;
    blocking(move || {
        let [file] = uploaded.files.as_slice() else {
            return Err(Refusal::bad(
                "thả một tệp Word (.docx) mỗi lần (one Word file at a time)",
            ));
        };
        // The job is named after the draft, as a slug, and never over a job already there.
        let name = shared
            .workspace
            .free_name(&slug_of(&crate::import::stem_of(file)));
        let extension = file
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
        let renamed = uploaded.folder.path().join(format!("{name}.{extension}"));
        std::fs::rename(file, &renamed).map_err(|source| crate::Error::Io {
            path: renamed.clone(),
            source,
        })?;
        let original = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let in_words = |text: &str| {
            super::shown(uploaded.folder.path(), text)
                .replace(&format!("{name}.{extension}"), &original)
        };
        let imported = crate::import::import(&renamed)
            .map_err(|e| Refusal::unusable(in_words(&e.to_string())))?;
        let report: Vec<String> = imported.report().iter().map(|l| in_words(l)).collect();
        // A job the Decree refuses (no signer's name) is still written, for the clerk to finish here.
        let error = crate::import::write_job(&imported, shared.workspace.root())
            .err()
            .map(|e| super::shown(shared.workspace.root(), &e.to_string()));
        let draft = Draft::read(&shared.workspace, &name)?;
        Ok(Json(
            json!({ "draft": draft, "report": report, "error": error }),
        ))
    })
    .await
}
