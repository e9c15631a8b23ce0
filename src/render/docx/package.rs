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
const FIRST_FOOTER_PART: &str = "word/footerFirst.xml";
const FIRST_FOOTER_RELATIONSHIP: &str = r#"<Relationship Id="rIdFooterFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footerFirst.xml" />"#;
const FIRST_FOOTER_CONTENT_TYPE: &str = r#"<Override PartName="/word/footerFirst.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" />"#;
const FIRST_FOOTER_REFERENCE: &str =
    r#"<w:footerReference w:type="first" r:id="rIdFooterFirst" />"#;
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

/// `document` with `FIRST_FOOTER_REFERENCE` in its first section's properties (the letter's).
fn reference_first_footer(document: &[u8]) -> Result<Vec<u8>> {
    let text = std::str::from_utf8(document).map_err(|e| Error::Docx(e.to_string()))?;
    let start = text
        .find("<w:sectPr")
        .ok_or_else(|| Error::Docx("no section properties".into()))?;
    let end = start
        + text[start..]
            .find('>')
            .ok_or_else(|| Error::Docx("unclosed w:sectPr".into()))?;
    if text[..end].ends_with('/') {
        let open = &text[start..end - 1];
        return Ok(format!(
            "{}{open}>{FIRST_FOOTER_REFERENCE}</w:sectPr>{}",
            &text[..start],
            &text[end + 1..]
        )
        .into_bytes());
    }
    Ok(format!(
        "{}{FIRST_FOOTER_REFERENCE}{}",
        &text[..=end],
        &text[end + 1..]
    )
    .into_bytes())
}

/// The finished package from docx-rs's raw one, with `first_footer` (a footer part's XML) on the first
/// page of the first section when given: docx-rs cannot give an earlier section a first-page footer.
pub fn finish(raw: &[u8], first_footer: Option<&[u8]>) -> Result<Vec<u8>> {
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
        let footer = first_footer.is_some();
        let data = match name.as_str() {
            "[Content_Types].xml" => {
                let data = insert_before_end(&data, "Types", THEME_CONTENT_TYPE)?;
                if footer {
                    insert_before_end(&data, "Types", FIRST_FOOTER_CONTENT_TYPE)?
                } else {
                    data
                }
            }
            "word/_rels/document.xml.rels" => {
                let data = insert_before_end(&data, "Relationships", THEME_RELATIONSHIP)?;
                if footer {
                    insert_before_end(&data, "Relationships", FIRST_FOOTER_RELATIONSHIP)?
                } else {
                    data
                }
            }
            "word/document.xml" if footer => {
                schema_order::normalise(&reference_first_footer(&data)?).map_err(|e| fail(&e))?
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
    if let Some(footer) = first_footer {
        out.start_file(FIRST_FOOTER_PART, options)
            .map_err(|e| fail(&e))?;
        out.write_all(&schema_order::normalise(footer).map_err(|e| fail(&e))?)
            .map_err(|e| fail(&e))?;
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_section_gets_the_first_page_footer() {
        let document = br#"<w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="1" /></w:sectPr></w:pPr></w:p><w:sectPr><w:pgSz w:w="2" /></w:sectPr></w:body>"#;
        let fixed =
            String::from_utf8(reference_first_footer(document).expect("fixed")).expect("utf-8");
        assert_eq!(fixed.matches("footerReference").count(), 1);
        assert!(fixed.contains(r#"<w:sectPr><w:footerReference w:type="first" r:id="rIdFooterFirst" /><w:pgSz w:w="1" />"#), "{fixed}");
        let empty = String::from_utf8(
            reference_first_footer(b"<w:body><w:sectPr/></w:body>").expect("fixed"),
        )
        .expect("utf-8");
        assert_eq!(
            empty,
            r#"<w:body><w:sectPr>"#.to_string() + FIRST_FOOTER_REFERENCE + "</w:sectPr></w:body>"
        );
    }
}
