//! `vanban serve`: the local web page where a clerk composes, checks and batches documents without
//! writing TOML.
//!
//! One axum router over a workspace folder, which holds the same job files, body templates and data
//! the command line reads. Every request passes [`guard`] first (its Host and Origin must be the
//! server's own; beyond this machine, the access token is needed too). The work of a request (a
//! layout, a check, a consolidation) runs on a blocking thread where a panic is contained and told as
//! an internal error, so one bad request never takes the server down; fonts and layout files are
//! loaded once and shared by every request.

mod batch;
mod check;
mod compose;
mod data;
mod draft;
mod guard;
mod page;
mod reply;
mod samples;
mod upload;
mod workspace;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::error::{Error, Result};
use crate::render::pdf::PdfWriter;

pub use guard::Access;
pub use workspace::Workspace;

/// The most a request may carry: many communes' workbooks at once.
pub const REQUEST_LIMIT: usize = 256 << 20;
/// The most one uploaded file may hold.
pub const FILE_LIMIT: usize = 32 << 20;
/// The most files one request may carry.
pub const FILES_LIMIT: usize = 500;
/// Stack of the threads that lay documents out: typst's layout recurses deeply.
const STACK: usize = 64 << 20;

/// How `vanban serve` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The workspace folder.
    pub dir: PathBuf,
    /// Address and port to listen on (127.0.0.1:8030 unless told otherwise).
    pub listen: SocketAddr,
    /// Whether to open the page in the default browser once listening.
    pub open: bool,
    /// Folder with more fonts for the PDF (e.g. Times New Roman).
    pub font_dir: Option<PathBuf>,
}

/// What every request shares: the workspace, the warm PDF writer, the access rules, and the
/// previews and batches under way.
pub struct Shared {
    workspace: Workspace,
    pdf: PdfWriter,
    access: Access,
    previews: compose::Previews,
    batches: batch::Batches,
}

impl Shared {
    /// The state of a server over `workspace`, writing PDFs with `pdf`, admitting requests by `access`.
    pub fn new(workspace: Workspace, pdf: PdfWriter, access: Access) -> Arc<Shared> {
        Arc::new(Shared {
            workspace,
            pdf,
            access,
            previews: compose::Previews::default(),
            batches: batch::Batches::default(),
        })
    }
}

/// Every route of the page and its API, behind the guard.
pub fn app(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/app.css", get(page::style))
        .route("/api/start", get(compose::start))
        .route("/api/job", get(compose::open_job))
        .route("/api/blank", get(compose::blank))
        .route("/api/sample", post(compose::open_sample))
        .route("/api/preview", post(compose::preview))
        .route("/api/page/{id}/{index}", get(compose::page_image))
        .route("/api/findings", post(compose::findings))
        .route("/api/save", post(compose::save))
        .route("/api/render", post(compose::download))
        .route("/api/import", post(compose::import))
        .route("/api/file", get(data::file))
        .route("/api/consolidate", post(data::consolidate))
        .route("/api/forms", post(data::forms))
        .route("/api/batch", post(batch::start))
        .route("/api/batch/{id}", get(batch::progress))
        .route("/api/batch/{id}/zip", get(batch::zip))
        .route("/api/check", post(check::check))
        .layer(DefaultBodyLimit::max(REQUEST_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            guard::guard,
        ))
        .with_state(shared)
}

/// Serves the page until interrupted (Ctrl-C), printing the address to open.
pub fn run(options: &Options) -> Result<()> {
    let workspace = Workspace::open(&options.dir)?;
    let pdf = PdfWriter::new(options.font_dir.as_deref())?;
    runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .map_err(|e| Error::Input(format!("cannot listen on {}: {e}", options.listen)))?;
        // The port really taken (`--port 0` lets the system choose), which the Host must name.
        let bound = listener
            .local_addr()
            .map_err(|e| Error::Input(format!("cannot listen on {}: {e}", options.listen)))?;
        let shared = Shared::new(workspace, pdf, Access::for_address(bound)?);
        let address = shared.access.address();
        say(&format!(
            "vanban serve: mở {address} trong trình duyệt (open it in a browser)"
        ));
        say(&format!(
            "thư mục làm việc (workspace): {}",
            shared.workspace.root().display()
        ));
        if options.open {
            open_browser(&address);
        }
        axum::serve(listener, app(shared))
            .with_graceful_shutdown(async {
                // Without a Ctrl-C handler the server runs until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await
            .map_err(|e| Error::Input(format!("the server stopped: {e}")))
    })
}

/// The runtime requests are served on: its threads have the stack typst's layout needs.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(STACK)
        .build()
        .map_err(|e| Error::Input(format!("cannot start the server: {e}")))
}

/// Opens `address` in the default browser, or says it could not.
fn open_browser(address: &str) {
    let launched = if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", address])
            .spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(address).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(address).spawn()
    };
    if let Err(e) = launched {
        say(&format!(
            "warning: could not open a browser ({e}): open {address} yourself"
        ));
    }
}

/// Writes `line` to the standard error, where the server says what it does; a closed standard error
/// (the terminal gone) is no reason to stop serving.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// `path` named as from the workspace, for what the page shows.
fn shown(root: &Path, text: &str) -> String {
    let prefix = format!("{}{}", root.display(), std::path::MAIN_SEPARATOR);
    text.replace(&prefix, "")
}
