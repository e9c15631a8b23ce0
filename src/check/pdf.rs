//! Reads a PDF into [`Evidence`]: its printed lines, page sizes and embedded fonts.
//!
//! A PDF declares no margins: where its lines sit on each page is read instead (see
//! [`pdf_layout`](super::pdf_layout)), so that text too near an edge and misplaced page numbers are found.

use std::path::Path;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{pdf_layout, Evidence, Look, PageRead, Placed, Section, MM_PER_POINT};
use crate::error::{Error, Result};
use crate::nd30;

/// Reads the file at `path`.
pub fn read(path: &Path) -> Result<Evidence> {
    let bad = |message: String| Error::Input(format!("{}: {message}", path.display()));
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let document =
        Document::load_mem(&bytes).map_err(|e| bad(format!("not a readable PDF: {e}")))?;
    let mut evidence = Evidence {
        signatures: super::signatures::read(&document, &bytes),
        ..Evidence::default()
    };
    for (number, id) in document.get_pages() {
        let size = page_size(&document, id);
        let (width_mm, height_mm) = size.map_or((0.0, 0.0), |s| (s.width_mm, s.height_mm));
        // A page turned by /Rotate is drawn across its media box: its lines are read but not placed.
        let turned = turned(&document, id);
        let mut content = pdf_layout::lines(&document, id, height_mm / MM_PER_POINT);
        let scale = size.and_then(|s| nd30::a4_scale(s.width_mm, s.height_mm));
        if number == 1 {
            split_national_name(&mut content.lines);
        }
        let right_mm = content.lines.iter().map(|l| l.x1_mm).fold(0.0, f32::max);
        let ordered = reading_order(&content.lines, width_mm, number == 1);
        let mut previous: Option<&Placed> = None;
        for line in ordered {
            // A page number is judged where it stands (placement), not read as text.
            let margin = line.baseline_mm < nd30::LIMITS.margin_top_mm.max + 5.0
                || line.baseline_mm > height_mm - nd30::LIMITS.margin_bottom_mm.min;
            if margin && nd30::page_number_text(&line.text).is_some() {
                continue;
            }
            // Type this small is a drafter's initials or a signing stamp's note, not the document's.
            if line.size_pt < SMALLEST_TEXT_PT {
                continue;
            }
            evidence
                .continues
                .push(previous.is_some_and(|p| continues(p, line, right_mm)));
            previous = Some(line);
            evidence.lines.push(line.text.clone());
            evidence.pages.push(number);
            // A page printed on other paper than A4 was scaled to fit it.
            evidence.looks.push(Some(Look {
                size_pt: scale.and_then(|scale| nd30::set_size(line.size_pt, scale)),
                bold: line.bold,
                italic: line.italic,
            }));
        }
        evidence.pages_read.push(PageRead {
            number,
            images: content.figures,
            visible_letters: content.visible_letters,
            invisible_letters: content.invisible_letters,
        });
        // A table draws its rows' rules, three or more; a chart, an image or a form.
        let has_table = content.rules.len() >= 3 || content.figures > 0;
        let fonts = fonts(&document, id);
        for shown in &content.fonts_shown {
            let Some((font, embedded)) = fonts
                .iter()
                .find(|(name, _, _)| name == shown)
                .map(|(_, f, e)| (f, *e))
            else {
                continue;
            };
            if !embedded && !nd30::is_font(font) && !evidence.unembedded.contains(font) {
                evidence.unembedded.push(font.clone());
            }
            if !evidence.fonts.contains(font) {
                evidence.fonts.push(font.clone());
            }
        }
        if turned {
            evidence.placed.push(Vec::new());
            evidence.drawn.push(Vec::new());
        } else {
            evidence.placed.push(content.lines);
            evidence.drawn.push(content.rules);
        }
        evidence.sections.extend(size.map(|s| Section {
            has_table: Some(has_table),
            ..s
        }));
    }
    Ok(evidence)
}

/// A line that ends this near the page's right text edge is full, mm: the paragraph wraps on.
const FULL_LINE_MM: f32 = 8.0;

/// Whether `line` goes on with the paragraph `previous` printed: the next line down, no further in
/// than it, after a line that runs to the right edge (`right_mm`) without a sentence's end (a wrapped line starting `2025.` is not
/// a label).
fn continues(previous: &Placed, line: &Placed, right_mm: f32) -> bool {
    let step = line.baseline_mm - previous.baseline_mm;
    let ended = previous.text.ends_with(['.', ':', ';', '!', '?']);
    let full = previous.x1_mm >= right_mm - FULL_LINE_MM;
    // A heading in capitals, or in another weight, is a paragraph of its own.
    let heading = super::is_capitals(&previous.text) || previous.bold != line.bold;
    step > 0.0
        && !heading
        && step < 2.5 * line.size_pt * MM_PER_POINT
        && line.x0_mm <= previous.x0_mm + 1.0
        && full
        && !ended
}

/// A line that runs from the agency's name into the Quốc hiệu (the two columns stand less than an
/// em apart) split in two where the Quốc hiệu begins, each part given its share of the width.
fn split_national_name(lines: &mut Vec<Placed>) {
    let Some(at) = lines.iter().position(|l| {
        nd30::is_national_name(&l.text) && !nd30::before_national_name(&l.text).is_empty()
    }) else {
        return;
    };
    let line = lines[at].clone();
    let before = nd30::before_national_name(&line.text).to_string();
    let Some(start) = line.text.find(&before).map(|i| i + before.len()) else {
        return;
    };
    let after = line.text[start..].trim().to_string();
    let share = before.chars().count() as f32 / line.text.chars().count().max(1) as f32;
    let middle = line.x0_mm + (line.x1_mm - line.x0_mm) * share;
    lines[at] = Placed {
        text: before,
        x1_mm: middle,
        ..line.clone()
    };
    lines.insert(
        at + 1,
        Placed {
            text: after,
            x0_mm: middle,
            ..line
        },
    );
}

/// The lines of a page in reading order: top to bottom, except that page 1's header, when it has a
/// Quốc hiệu, is read column by column (the agency's side, then the Quốc hiệu's), as a header
/// table is.
fn reading_order(lines: &[Placed], width_mm: f32, first_page: bool) -> Vec<&Placed> {
    let national = lines.iter().find(|l| nd30::is_national_name(&l.text));
    let Some(national) = national.filter(|_| first_page) else {
        return closing_order(lines.iter().collect(), width_mm);
    };
    let boundary = national.x0_mm.min(width_mm / 2.0);
    let header_end = lines
        .iter()
        .filter(|l| {
            nd30::is_national_name(&l.text)
                || nd30::is_motto(&l.text)
                || nd30::is_number_line(&l.text)
                || nd30::date_part(&l.text).is_some()
                || nd30::date_left_blank(&l.text)
        })
        .map(|l| l.baseline_mm)
        .fold(national.baseline_mm, f32::max)
        + 1.0;
    let in_header = |l: &&Placed| l.baseline_mm <= header_end;
    let left = lines
        .iter()
        .filter(in_header)
        .filter(|l| l.x1_mm <= boundary + 1.0);
    let right = lines
        .iter()
        .filter(in_header)
        .filter(|l| l.x1_mm > boundary + 1.0);
    let rest: Vec<&Placed> = lines.iter().filter(|l| !in_header(l)).collect();
    left.chain(right)
        .chain(closing_order(rest, width_mm))
        .collect()
}

/// Lines set smaller than this are not read as the document's text, points.
const SMALLEST_TEXT_PT: f32 = 9.0;

/// How far right of the `Nơi nhận:` label a line of the signature's side starts at least, mm.
const SIDE_MM: f32 = 50.0;

/// The lines of a page's closing read column by column, when it has one: from the `Nơi nhận:` line
/// down, the recipients' side (left) first, then the signature's.
fn closing_order(lines: Vec<&Placed>, width_mm: f32) -> Vec<&Placed> {
    let Some(label) = lines
        .iter()
        .position(|l| l.text.trim() == nd30::DISTRIBUTION_LABEL)
    else {
        return lines;
    };
    let top = lines[label].baseline_mm - 1.0;
    // The signature's lines are centred in the right half; the recipients' start at the label.
    let split = (lines[label].x0_mm + SIDE_MM).min(width_mm / 2.0);
    let (above, below): (Vec<&Placed>, Vec<&Placed>) =
        lines.into_iter().partition(|l| l.baseline_mm < top);
    let (left, right): (Vec<&Placed>, Vec<&Placed>) =
        below.into_iter().partition(|l| l.x0_mm < split);
    above.into_iter().chain(left).chain(right).collect()
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

/// The page's fonts: each one's name as the page's content knows it, its family
/// (`ABCDEF+TimesNewRomanPS-BoldMT` is Times New Roman), and whether it is embedded.
fn fonts(document: &Document, page: ObjectId) -> Vec<(String, String, bool)> {
    let Ok(fonts) = document.get_page_fonts(page) else {
        return Vec::new();
    };
    fonts
        .values()
        .filter_map(|font| {
            let base =
                String::from_utf8_lossy(font.get(b"BaseFont").and_then(Object::as_name).ok()?)
                    .into_owned();
            let name = base
                .split_once('+')
                .map_or(base.as_str(), |(_, n)| n)
                .to_string();
            let family = program_family(document, font)
                .filter(|_| renamed(&name))
                .unwrap_or_else(|| family(&base));
            Some((name, family, embedded(document, font)))
        })
        .collect()
}

/// A font's descriptor (a composite font's descendant's).
fn descriptor(document: &Document, font: &Dictionary) -> Option<Dictionary> {
    let dictionary = |object: &Object| match deref(document, object) {
        Object::Dictionary(d) => Some(d.clone()),
        _ => None,
    };
    let described = match font.get(b"DescendantFonts").map(|o| deref(document, o)) {
        Ok(Object::Array(descendants)) => descendants.first().and_then(dictionary),
        _ => Some(font.clone()),
    };
    described.and_then(|f| f.get(b"FontDescriptor").ok().and_then(dictionary))
}

/// Whether a font's program is in the file: its descriptor holds a font file; Type 3 fonts are
/// drawn by the file itself.
fn embedded(document: &Document, font: &Dictionary) -> bool {
    if font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type3".as_slice()) {
        return true;
    }
    descriptor(document, font).is_some_and(|d| pdf_layout::FONT_FILES.iter().any(|key| d.has(key)))
}

/// Whether a font's name says nothing of its face: printers' drivers rename the fonts they embed
/// `F1`, `F2`, … ("Microsoft Print to PDF").
fn renamed(name: &str) -> bool {
    let name = name.trim_start_matches("CIDFont+");
    name.len() <= 4
        && name.starts_with(['F', 'T', 'R'])
        && name[1..].chars().all(|c| c.is_ascii_digit() || c == '_')
}

/// The family the embedded font program names itself (its `name` table), when it does.
fn program_family(document: &Document, font: &Dictionary) -> Option<String> {
    let data = pdf_layout::font_program(document, &descriptor(document, font)?)?;
    let face = ttf_parser::Face::parse(&data, 0).ok()?;
    let names = face.names();
    [
        ttf_parser::name_id::FAMILY,
        ttf_parser::name_id::FULL_NAME,
        ttf_parser::name_id::POST_SCRIPT_NAME,
    ]
    .iter()
    .find_map(|id| {
        names
            .into_iter()
            .filter(|n| n.name_id == *id)
            .find_map(|n| n.to_string())
    })
    .map(|name| family(&name))
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
