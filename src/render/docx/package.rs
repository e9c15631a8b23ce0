//! The last step of every DOCX: docx-rs's package made schema-valid, compressed and reproducible.
//!
//! docx-rs stores its parts uncompressed, writes some property elements out of schema order (see
//! [`schema_order`](super::schema_order)) and leaves out the theme part Word expects. Here each XML
//! part is put in schema order, a theme naming the Decree's font is added, and the package is written
//! again with deflate and a fixed time on every entry.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::schema_order;
use crate::error::{Error, Result};
use crate::nd30;

const THEME_PART: &str = "word/theme/theme1.xml";
const THEME_RELATIONSHIP: &str = r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml" />"#;
const THEME_CONTENT_TYPE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml" />"#;

fn theme() -> String {
    include_str!("theme.xml")
        .trim_end()
        .replace("{FONT}", nd30::FONT)
}

/// `xml` with `item` inserted before its closing `</tag>`.
fn insert_before_end(xml: &[u8], tag: &str, item: &str) -> Result<Vec<u8>> {
    let text = std::str::from_utf8(xml).map_err(|e| Error::Docx(e.to_string()))?;
    let end = format!("</{tag}>");
    let at = text
        .rfind(&end)
        .ok_or_else(|| Error::Docx(format!("no {end} in the package")))?;
    Ok(format!("{}{item}{}", &text[..at], &text[at..]).into_bytes())
}

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
        let data = match name.as_str() {
            "[Content_Types].xml" => insert_before_end(&data, "Types", THEME_CONTENT_TYPE)?,
            "word/_rels/document.xml.rels" => {
                insert_before_end(&data, "Relationships", THEME_RELATIONSHIP)?
            }
            n if n.starts_with("word/") && n.ends_with(".xml") => {
                schema_order::normalise(&data).map_err(|e| fail(&e))?
            }
            _ => data,
        };
        out.start_file(name, options).map_err(|e| fail(&e))?;
        out.write_all(&data).map_err(|e| fail(&e))?;
    }
    out.start_file(THEME_PART, options).map_err(|e| fail(&e))?;
    out.write_all(theme().as_bytes()).map_err(|e| fail(&e))?;
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}
