//! Errors, each naming the file and the place in it.

use std::path::PathBuf;

/// Everything that can go wrong between a job file and the written documents.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not well-formed (TOML syntax, a wrong type, a missing key).
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A key holds a value that breaks a rule.
    #[error("{}: `{key}`: {message}", path.display())]
    Value {
        /// The file.
        path: PathBuf,
        /// The key, dotted (`signer.lines`).
        key: String,
        /// What is wrong.
        message: String,
    },
    /// A document built in code breaks a Decree-30 rule.
    #[error("document: {0}")]
    Document(#[from] crate::printed::Invalid),
    /// A body template failed to render.
    #[error("{}:{line}: {message}", path.display())]
    Template {
        /// The template file.
        path: PathBuf,
        /// Line in the template, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A data file has errors; each line names its file, sheet and cell.
    #[error("{}: the data has errors:\n{}", path.display(), problems.join("\n"))]
    Data {
        /// The data file.
        path: PathBuf,
        /// Every problem found, one per line.
        problems: Vec<String>,
    },
    /// Input data had errors, already reported one by one.
    #[error("{0}")]
    Input(String),
    /// The layout engine failed; this is a fault in vanban's own layout, not in the input.
    #[error("layout failed: {0}")]
    Layout(String),
    /// The DOCX package could not be assembled.
    #[error("DOCX assembly failed: {0}")]
    Docx(String),
}

/// Result with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
