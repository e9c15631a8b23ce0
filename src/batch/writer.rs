//! The batch's files written on a thread of their own, one after another: the workers hand over each
//! file and go on rendering, and never wait on the disk or on each other for the output folder.
//!
//! Each file is complete or absent ([`render::write_complete`]); written files are made durable in
//! groups while the batch goes on, and the rest, with the folder, when it ends.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use crate::error::{Error, Result};
use crate::render;

/// Files handed over and not yet written, at most: what the workers may run ahead of the disk.
const QUEUE: usize = 32;

/// Written files made durable together.
const SYNC_GROUP: usize = 64;

/// The writing thread, and the way to hand it files.
pub struct Writer {
    files: SyncSender<(PathBuf, Vec<u8>)>,
    thread: JoinHandle<Result<Failed>>,
}

/// The files the writing thread could not write or make durable, each with why.
pub type Failed = Vec<(PathBuf, String)>;

impl Writer {
    /// Starts the thread writing into the folder `out`.
    pub fn start(out: &Path) -> Result<Writer> {
        std::fs::create_dir_all(out).map_err(|source| Error::Io {
            path: out.to_path_buf(),
            source,
        })?;
        let (files, queue) = sync_channel::<(PathBuf, Vec<u8>)>(QUEUE);
        let out = out.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("vanban-writer".into())
            .spawn(move || {
                let mut failed = Failed::new();
                let mut unsynced = Vec::with_capacity(SYNC_GROUP);
                for (path, bytes) in queue {
                    match render::write_complete(&path, &bytes) {
                        Ok(file) => unsynced.push((path, file)),
                        Err(e) => failed.push((path, e.to_string())),
                    }
                    if unsynced.len() >= SYNC_GROUP {
                        sync(&mut unsynced, &mut failed);
                    }
                }
                sync(&mut unsynced, &mut failed);
                render::sync_folder(&out)?;
                Ok(failed)
            })
            .map_err(|e| Error::Input(format!("cannot start the writing thread: {e}")))?;
        Ok(Writer { files, thread })
    }

    /// A handle for a worker to hand files over with.
    pub fn sender(&self) -> SyncSender<(PathBuf, Vec<u8>)> {
        self.files.clone()
    }

    /// Waits until every file handed over is written and durable; the files that are not.
    pub fn finish(self) -> Result<Failed> {
        drop(self.files);
        self.thread.join().unwrap_or_else(|_| {
            Err(Error::Input(
                "the batch's writing thread stopped (internal error)".into(),
            ))
        })
    }
}

/// Makes the files of `unsynced` durable; those that cannot be are failures.
fn sync(unsynced: &mut Vec<(PathBuf, std::fs::File)>, failed: &mut Failed) {
    for (path, file) in unsynced.drain(..) {
        if let Err(e) = file.sync_all() {
            failed.push((path, e.to_string()));
        }
    }
}
