//! Writers: the printed document to PDF and DOCX bytes, and atomic writing of output files.

pub mod docx;
pub mod pdf;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum OutputFormat {
    /// PDF, laid out by typst.
    Pdf,
    /// DOCX, for last edits in Word or LibreOffice.
    Docx,
}

impl OutputFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Pdf => "pdf",
            OutputFormat::Docx => "docx",
        }
    }
}

/// The start of the name of a file being written, before it is renamed to its own: what a process
/// killed while writing leaves behind, removed by [`remove_unfinished`].
const UNFINISHED: &str = ".vanban-";

/// Writes `bytes` to `path` through a temporary file in the same folder, so that `path` is either
/// complete or untouched, and on disk (synced) before this returns.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_through(path, true, |file| file.write_all(bytes)).map(drop)
}

/// As [`write_atomic`], the file written by `write` as it goes, so that it need not be held whole.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<()> {
    write_through(path, true, write).map(drop)
}

/// As [`write_atomic`], without waiting for the disk: `path` is complete or untouched; the file is
/// returned open, for the caller to make it durable later ([`File::sync_all`](std::fs::File::sync_all)),
/// with others, then the folder with [`sync_folder`].
pub fn write_complete(path: &Path, bytes: &[u8]) -> Result<std::fs::File> {
    write_through(path, false, |file| file.write_all(bytes))
}

/// `path` written by `write` through a temporary file in its folder, synced when `sync`, then renamed.
fn write_through(
    path: &Path,
    sync: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<std::fs::File> {
    let mut file = Unfinished::begin(path)?;
    write(file.temp.as_file_mut()).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    file.finish(sync)
}

/// A file being written under a temporary name in the folder of its own name, which it takes only
/// when [`finish`](Unfinished::finish)ed: until then, and if dropped, its own name is untouched
/// (dropped, the temporary file is removed; left by a killed process, [`remove_unfinished`] removes it).
pub struct Unfinished {
    path: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl Unfinished {
    /// Starts writing the file that is to be `path`, making its folder if need be.
    pub fn begin(path: &Path) -> Result<Unfinished> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        builder.prefix(UNFINISHED);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // An ordinary file (0666 less the umask), not the temporary file's private 0600.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        // The folder is made only when it is not there (a batch writes thousands of files into one).
        let temp = match builder.tempfile_in(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(dir).map_err(io)?;
                builder.tempfile_in(dir)
            }
            made => made,
        }
        .map_err(|e| io(without_temporary_name(e)))?;
        Ok(Unfinished {
            path: path.to_path_buf(),
            temp,
        })
    }

    /// The name the file takes when finished.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Gives the file its own name, synced first when `sync`; the file, still open.
    pub fn finish(self, sync: bool) -> Result<std::fs::File> {
        let io = |source| Error::Io {
            path: self.path.clone(),
            source,
        };
        if sync {
            self.temp.as_file().sync_all().map_err(io)?;
        }
        self.temp.persist(&self.path).map_err(|e| io(e.error))
    }
}

impl Write for Unfinished {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.temp.as_file_mut().write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.as_file_mut().flush()
    }
}

/// `e` without the name of the temporary file the tempfile crate adds to it (`… at path "…"`): the
/// error names the file being written, not its temporary name.
fn without_temporary_name(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.rsplit_once(" at path ") {
        Some((cause, _)) => std::io::Error::new(e.kind(), cause.to_owned()),
        None => e,
    }
}

/// Makes the names of the files renamed into the folder `dir` durable.
pub fn sync_folder(dir: &Path) -> Result<()> {
    // A folder is synced through a handle to it where the system allows one (not on Windows, where
    // a renamed file's entry is durable with the file).
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes from `dir` what a process killed while writing left there (files named `.vanban-…`).
pub fn remove_unfinished(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let unfinished = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(UNFINISHED));
        if unfinished && entry.path().is_file() {
            std::fs::remove_file(entry.path()).map_err(|source| Error::Io {
                path: entry.path(),
                source,
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file that cannot be written (its folder is a file) is named in the error, its temporary
    /// name is not, and nothing is left behind.
    #[test]
    fn a_file_that_cannot_be_written_is_named_without_its_temporary_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocking = dir.path().join("a-file");
        std::fs::write(&blocking, b"x").expect("file");
        let path = blocking.join("document.pdf");
        let error = write_atomic(&path, b"%PDF").expect_err("a file is not a folder");
        let text = error.to_string();
        assert!(text.starts_with(&format!("{}: ", path.display())), "{text}");
        assert!(
            !text.contains(UNFINISHED) && !text.contains("at path"),
            "{text}"
        );
        let missing = dir.path().join("new/folder/document.pdf");
        write_atomic(&missing, b"%PDF").expect("its folders are made");
        assert_eq!(std::fs::read(&missing).expect("written"), b"%PDF");
    }
}
