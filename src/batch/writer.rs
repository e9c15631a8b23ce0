//! The batch's files written on a thread of their own, one after another: the workers hand over each
//! commune's files and go on rendering, and never wait on the disk or on each other for the output
//! folder.
//!
//! Each file is complete or absent ([`render::write_complete`]); written files are made durable in
//! groups while the batch goes on, and the rest, with the folder, when it ends. Once durable, a
//! commune's files are recorded in the manifest.

use std::path::Path;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use super::manifest::{Manifest, Settled};
use super::{Failure, Written};
use crate::error::{Error, Result};
use crate::render;

/// Communes handed over and not yet written, at most: what the workers may run ahead of the disk.
const QUEUE: usize = 16;

/// Written files made durable together.
const SYNC_GROUP: usize = 64;

/// A commune's index in the data and what rendering it gave: its files with their entries, or why not.
pub type Rendered = (usize, std::result::Result<Vec<(Written, Vec<u8>)>, Failure>);

/// The writing thread, and the way to hand it communes.
pub struct Writer {
    communes: SyncSender<Rendered>,
    thread: JoinHandle<Result<Manifest>>,
}

/// A commune whose files are written, not yet durable.
struct Unsynced {
    index: usize,
    files: Vec<(Written, std::fs::File)>,
    failures: Vec<Failure>,
}

impl Writer {
    /// Starts the thread writing into the folder `out` and recording in `manifest`.
    pub fn start(out: &Path, mut manifest: Manifest) -> Result<Writer> {
        let (communes, queue) = sync_channel::<Rendered>(QUEUE);
        let out = out.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("vanban-writer".into())
            .spawn(move || {
                let mut unsynced = Vec::new();
                let mut files = 0;
                for (index, rendered) in queue {
                    let commune = write(&out, index, rendered);
                    files += commune.files.len();
                    unsynced.push(commune);
                    if files >= SYNC_GROUP {
                        settle(&out, &mut unsynced, &mut manifest)?;
                        files = 0;
                    }
                }
                settle(&out, &mut unsynced, &mut manifest)?;
                render::sync_folder(&out)?;
                Ok(manifest)
            })
            .map_err(|e| Error::Input(format!("cannot start the writing thread: {e}")))?;
        Ok(Writer { communes, thread })
    }

    /// A handle for a worker to hand communes over with.
    pub fn sender(&self) -> SyncSender<Rendered> {
        self.communes.clone()
    }

    /// Waits until every file handed over is written and durable, and recorded in the manifest.
    pub fn finish(self) -> Result<Manifest> {
        drop(self.communes);
        self.thread.join().unwrap_or_else(|_| {
            Err(Error::Input(
                "the batch's writing thread stopped (internal error)".into(),
            ))
        })
    }
}

/// Writes a commune's files into `out`; a file the disk refuses is the commune's failure.
fn write(
    out: &Path,
    index: usize,
    rendered: std::result::Result<Vec<(Written, Vec<u8>)>, Failure>,
) -> Unsynced {
    let mut commune = Unsynced {
        index,
        files: Vec::new(),
        failures: Vec::new(),
    };
    match rendered {
        Ok(rendered) => {
            for (written, bytes) in rendered {
                match render::write_complete(&out.join(&written.path), &bytes) {
                    Ok(file) => commune.files.push((written, file)),
                    Err(e) => commune.failures.push(Failure {
                        commune: Some(written.commune),
                        error: e.to_string(),
                    }),
                }
            }
        }
        Err(failure) => commune.failures.push(failure),
    }
    commune
}

/// Makes the files of `unsynced` durable and records each commune in `manifest`; a file that cannot
/// be made durable is its commune's failure.
fn settle(out: &Path, unsynced: &mut Vec<Unsynced>, manifest: &mut Manifest) -> Result<()> {
    for commune in unsynced.drain(..) {
        let mut settled = Settled {
            outputs: Vec::with_capacity(commune.files.len()),
            failures: commune.failures,
        };
        for (written, file) in commune.files {
            match file.sync_all() {
                Ok(()) => settled.outputs.push(written),
                Err(e) => settled.failures.push(Failure {
                    error: format!("{}: {e}", out.join(&written.path).display()),
                    commune: Some(written.commune),
                }),
            }
        }
        manifest.record(commune.index, settled)?;
    }
    Ok(())
}
