//! Reads a PDF into [`Evidence`]: its printed lines, page sizes and embedded fonts.
//!
//! A PDF declares no margins: where its lines sit on each page is read instead (see
//! [`pdf_layout`](super::pdf_layout)), so that text too near an edge and misplaced page numbers are found.

use std::path::Path;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{pdf_layout, Evidence, Section, MM_PER_POINT};
use crate::error::{Error, Result};
use crate::nd30;

/// Reads the file at `path`.
pub fn read(path: &Path) -> Result<Evidence> {
    let bad = |message: String| Error::Input(format!("{}: {message}", path.display()));
    let document = Document::load(path).map_err(|e| bad(format!("not a readable PDF: {e}")))?;
    let mut evidence = Evidence::default();
    for (number, id) in document.get_pages() {
        let text = document
            .extract_text(&[number])
            .map_err(|e| bad(format!("page {number}: {e}")))?;
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        evidence
            .pages
            .extend(std::iter::repeat_n(number, lines.len()));
        evidence.lines.extend(lines);
        let size = page_size(&document, id);
        let height_pt = size.map_or(0.0, |s| s.height_mm / MM_PER_POINT);
        // A page turned by /Rotate is drawn across its media box: its lines are not placed.
        let content = if turned(&document, id) {
            pdf_layout::PageContent::default()
        } else {
            pdf_layout::lines(&document, id, height_pt)
        };
        // A table draws its rows' rules, three or more; a chart, an image or a form.
        let has_table = content.rules.len() >= 3 || content.figures > 0;
        evidence.placed.push(content.lines);
        evidence.drawn.push(content.rules);
        evidence.sections.extend(size.map(|s| Section {
            has_table: Some(has_table),
            ..s
        }));
        for (font, embedded) in fonts(&document, id) {
            if !embedded && !evidence.unembedded.contains(&font) {
                evidence.unembedded.push(font.clone());
            }
            if !evidence.fonts.contains(&font) {
                evidence.fonts.push(font);
            }
        }
    }
    Ok(evidence)
}

/// A page attribute `key`, looked up through the page tree (MediaBox and Rotate are inherited).
fn inherited<'a>(document: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut dictionary: &Dictionary = document.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Ok(value) = dictionary.get(key) {
            return Some(deref(document, value));
        }
        let parent = dictionary
            .get(b"Parent")
            .and_then(Object::as_reference)
            .ok()?;
        dictionary = document.get_dictionary(parent).ok()?;
    }
    None
}

/// The page's media box.
fn page_size(document: &Document, page: ObjectId) -> Option<Section> {
    let Some(Object::Array(corners)) = inherited(document, page, b"MediaBox") else {
        return None;
    };
    let value = |i: usize| corners.get(i).and_then(|o| o.as_float().ok());
    let (x0, y0, x1, y1) = (value(0)?, value(1)?, value(2)?, value(3)?);
    Some(Section {
        width_mm: (x1 - x0).abs() * MM_PER_POINT,
        height_mm: (y1 - y0).abs() * MM_PER_POINT,
        margins_mm: None,
        has_table: None,
    })
}

/// Whether the page is shown turned a quarter (`/Rotate 90` or `270`).
fn turned(document: &Document, page: ObjectId) -> bool {
    inherited(document, page, b"Rotate")
        .and_then(|r| r.as_i64().ok())
        .is_some_and(|degrees| degrees.rem_euclid(180) == 90)
}

fn deref<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => document.get_object(*id).unwrap_or(object),
        other => other,
    }
}

/// The families of the page's fonts (`ABCDEF+TimesNewRomanPS-BoldMT` is Times New Roman), and
/// whether each is embedded.
fn fonts(document: &Document, page: ObjectId) -> Vec<(String, bool)> {
    let Ok(fonts) = document.get_page_fonts(page) else {
        return Vec::new();
    };
    fonts
        .values()
        .filter_map(|font| {
            let name = font.get(b"BaseFont").and_then(Object::as_name).ok()?;
            Some((
                family(&String::from_utf8_lossy(name)),
                embedded(document, font),
            ))
        })
        .collect()
}

/// Whether a font's program is in the file: its descriptor (a composite font's descendant's) holds a
/// font file; Type 3 fonts are drawn by the file itself.
fn embedded(document: &Document, font: &Dictionary) -> bool {
    let dictionary = |object: &Object| match deref(document, object) {
        Object::Dictionary(d) => Some(d.clone()),
        _ => None,
    };
    if font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type3".as_slice()) {
        return true;
    }
    let described = match font.get(b"DescendantFonts").map(|o| deref(document, o)) {
        Ok(Object::Array(descendants)) => descendants.first().and_then(dictionary),
        _ => Some(font.clone()),
    };
    described
        .and_then(|f| f.get(b"FontDescriptor").ok().and_then(dictionary))
        .is_some_and(|d| {
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|key| d.has(key))
        })
}

/// The family a PostScript font name belongs to, named as the rules name it when they do.
fn family(base_font: &str) -> String {
    let name = base_font
        .split_once('+')
        .map_or(base_font, |(_, name)| name);
    let compact = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase()
    };
    let name_key = compact(name);
    std::iter::once(nd30::FONT)
        .chain(nd30::METRIC_CLONES)
        .find(|family| name_key.starts_with(&compact(family)))
        .map_or_else(|| name.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::family;

    #[test]
    fn font_families() {
        assert_eq!(family("ABCDEF+TimesNewRomanPS-BoldMT"), "Times New Roman");
        assert_eq!(family("TimesNewRoman,Bold"), "Times New Roman");
        assert_eq!(family("YKOISH+LiberationSerif-Bold"), "Liberation Serif");
        assert_eq!(family("ArialMT"), "ArialMT");
    }
}
