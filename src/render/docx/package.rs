//! The last step of every DOCX: vanban's main document part in docx-rs's package, made schema-valid,
//! compressed and reproducible.
//!
//! docx-rs writes some property elements out of schema order (see
//! [`schema_order`](super::schema_order)) and leaves out the theme part Word expects. Here each XML
//! part of docx-rs's is put in schema order, its main document part replaced by vanban's, a theme
//! naming the Decree's font and the letter's contact footer are added, and the package is written by
//! [`archive`](super::archive), with the parts every document of a batch shares compressed once.

use docx_rs::XMLDocx;

use super::archive::{self, Archive, Entry};
use super::schema_order;
use crate::error::{Error, Result};
use crate::nd30;

const DOCUMENT_PART: &str = "word/document.xml";
const STYLES_PART: &str = "word/styles.xml";
const THEME_PART: &str = "word/theme/theme1.xml";
const FIRST_FOOTER_PART: &str = "word/footerFirst.xml";
const FIRST_FOOTER_RELATIONSHIP: &str = r#"<Relationship Id="rIdFooterFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footerFirst.xml" />"#;
const FIRST_FOOTER_CONTENT_TYPE: &str = r#"<Override PartName="/word/footerFirst.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" />"#;
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

/// docx-rs's parts by name, in the order its own packer writes them. The writer adds no images, web
/// extensions or custom XML, so those are not among them.
fn parts(xml: XMLDocx) -> Vec<(String, Vec<u8>)> {
    let mut parts = vec![
        ("[Content_Types].xml".to_string(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        (DOCUMENT_PART.into(), xml.document),
        (STYLES_PART.into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    for (kind, bodies, rels) in [
        ("header", xml.headers, xml.header_rels),
        ("footer", xml.footers, xml.footer_rels),
    ] {
        let mut rels = rels.into_iter();
        for (i, body) in bodies.into_iter().enumerate() {
            parts.push((format!("word/{kind}{}.xml", i + 1), body));
            if let Some(rels) = rels.next() {
                parts.push((format!("word/_rels/{kind}{}.xml.rels", i + 1), rels));
            }
        }
    }
    parts
}

/// `part` in schema order when it is WordprocessingML, as it is otherwise.
fn ordered(name: &str, part: &[u8]) -> Result<Vec<u8>> {
    if name.starts_with("word/") && name.ends_with(".xml") {
        schema_order::normalise(part).map_err(|e| Error::Docx(format!("{name}: {e}")))
    } else {
        Ok(part.to_vec())
    }
}

/// The entry of the styles part whose XML docx-rs wrote as `xml`.
pub fn styles(xml: &[u8]) -> Result<Entry> {
    Entry::new(STYLES_PART, &ordered(STYLES_PART, xml)?)
}

/// The finished package from docx-rs's parts, with the main document part `document` and the styles
/// part `styles` (see [`styles`]) in place of docx-rs's, and `first_footer` (a footer part's XML, which
/// `document`'s first section names) when given.
pub fn finish(
    xml: XMLDocx,
    styles: &Entry,
    document: &str,
    first_footer: Option<&str>,
) -> Result<Vec<u8>> {
    let footer = first_footer.is_some();
    let mut archive = Archive::default();
    for (name, data) in parts(xml) {
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
            _ => data,
        };
        // The document is the one part that differs from one document of a batch to the next.
        if name == STYLES_PART {
            archive.add(styles)?;
        } else if name == DOCUMENT_PART {
            archive.add(&Entry::new(&name, document.as_bytes())?)?;
        } else {
            archive.add(&*archive::shared(&name, &data, |d| ordered(&name, d))?)?;
        }
    }
    archive.add(&*archive::shared(THEME_PART, b"", |_| {
        Ok(theme().into_bytes())
    })?)?;
    if let Some(footer) = first_footer {
        archive.add(&*archive::shared(
            FIRST_FOOTER_PART,
            footer.as_bytes(),
            |f| Ok(f.to_vec()),
        )?)?;
    }
    archive.finish()
}
