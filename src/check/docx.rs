//! Reads a DOCX (from Word, LibreOffice, python-docx or vanban) into [`Evidence`].

use std::collections::HashMap;
use std::path::Path;

use super::{Evidence, Layout, LineSpacing, Look, Section};
use crate::error::{Error, Result};
use crate::nd30;
use crate::wordml::{
    number, theme_font, toggled, Attrs, Item, Package, Styles, PARAGRAPH_PROPERTIES, RUN_PROPERTIES,
};

/// Millimetres in one twentieth of a point, the unit of page geometry in WordprocessingML.
const MM_PER_TWIP: f32 = 25.4 / 1440.0;

/// Reads the file at `path`.
pub fn read(path: &Path) -> Result<Evidence> {
    let mut package = Package::open(path)?;
    let zip_names = package.names();
    let mut part = |name: &str| package.part(name);
    let document = part("word/document.xml")?.ok_or_else(|| {
        Error::Input(format!(
            "{}: no word/document.xml: not a Word document",
            path.display()
        ))
    })?;
    let styles = part("word/styles.xml")?.unwrap_or_default();
    let theme = part("word/theme/theme1.xml")?.unwrap_or_default();
    let relations = part("word/_rels/document.xml.rels")?.unwrap_or_default();
    let mut shown_part = |reference: &str, shown: Shown| -> Result<Vec<Item>> {
        Ok(
            match section_part(&document, &relations, reference, shown) {
                Some(target) => part(&format!(
                    "word/{}",
                    target.trim_start_matches('/').trim_start_matches("word/")
                ))?
                .unwrap_or_default(),
                None => Vec::new(),
            },
        )
    };
    let first_header = shown_part("headerReference", Shown::First)?;
    let later_footer = shown_part("footerReference", Shown::Later)?;
    // Word records how many pages the document had when it was last saved.
    let pages_saved = saved_pages(&part("docProps/app.xml")?.unwrap_or_default());
    let mut numbered = false;
    for name in &zip_names {
        let header_or_footer = name.starts_with("word/header") || name.starts_with("word/footer");
        if header_or_footer && !numbered {
            numbered = part(name)?.is_some_and(|items| has_page_field(&items));
        }
    }
    let looks = looks(&document, &styles, &theme);
    let evidence = Evidence {
        lines: lines(&document),
        pages: Vec::new(),
        unembedded: Vec::new(),
        signatures: Vec::new(),
        sections: sections(&document),
        fonts: looks.fonts,
        looks: looks.paragraphs,
        coloured: looks.coloured,
        number_on_first_page: has_page_field(&first_header),
        placed: Vec::new(),
        drawn: Vec::new(),
        layouts: layouts(&document, &styles),
        columns: columns(&document),
        number_in_footer: has_page_field(&later_footer),
        later_footer: lines(&later_footer)
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .collect(),
        pages_read: Vec::new(),
        continues: Vec::new(),
        anchored_rules: anchored_rules(&document),
        saved_pages: pages_saved,
        numbered,
    };
    Ok(in_reading_order(evidence, &layout_tables(&document)))
}

/// A layout table (a header, a closing) has at most this many rows.
const LAYOUT_ROWS: u32 = 12;

/// For each paragraph, the top-level table it stands in (counted from 0) and the column of its cell
/// there, when that table is a layout of two or three columns (a header or a closing set in a table,
/// with a row per line or one row for all, perhaps an empty column between) and a few rows; `None`
/// elsewhere.
fn layout_tables(document: &[Item]) -> Vec<Option<(usize, u32)>> {
    let (mut places, mut depth, mut table, mut column) = (Vec::new(), 0usize, 0usize, 0u32);
    // Per top-level table: its last column and its rows.
    let mut shape: Vec<(u32, u32)> = Vec::new();
    let mut next_column = 0u32;
    for item in document {
        match item {
            Item::Open(name, _) if name == "tbl" => {
                depth += 1;
                if depth == 1 {
                    shape.push((0, 0));
                }
            }
            Item::Close(name) if name == "tbl" => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    table += 1;
                }
            }
            Item::Open(name, _) if name == "tr" && depth == 1 => {
                next_column = 0;
                if let Some((_, rows)) = shape.last_mut() {
                    *rows += 1;
                }
            }
            Item::Open(name, _) if name == "tc" && depth == 1 => {
                column = next_column;
                if let Some((last, _)) = shape.last_mut() {
                    *last = (*last).max(column);
                }
            }
            Item::Open(name, attrs) if name == "gridSpan" && depth == 1 => {
                next_column = column + number(attrs, "val").map_or(1, |n| n.max(1.0) as u32) - 1;
            }
            Item::Close(name) if name == "tc" && depth == 1 => {
                next_column = next_column.max(column) + 1
            }
            Item::Close(name) if name == "p" => {
                places.push((depth > 0).then_some((table, column)));
            }
            _ => {}
        }
    }
    places
        .into_iter()
        .map(|place| {
            place.filter(|(t, _)| {
                shape
                    .get(*t)
                    .is_some_and(|&(last, rows)| (1..=2).contains(&last) && rows <= LAYOUT_ROWS)
            })
        })
        .collect()
}

/// The evidence with each layout table read column by column, left first, as its
/// columns print side by side (a header or closing with a row per line interleaves them otherwise).
fn in_reading_order(evidence: Evidence, places: &[Option<(usize, u32)>]) -> Evidence {
    let count = evidence.lines.len();
    if places.len() != count || places.iter().all(Option::is_none) {
        return evidence;
    }
    let mut order: Vec<usize> = Vec::with_capacity(count);
    let mut i = 0;
    while i < count {
        match places[i] {
            Some((table, _)) => {
                let end = (i..count)
                    .find(|&j| places[j].map(|(t, _)| t) != Some(table))
                    .unwrap_or(count);
                let mut run: Vec<usize> = (i..end).collect();
                run.sort_by_key(|&j| places[j].map_or(0, |(_, c)| c));
                order.extend(run);
                i = end;
            }
            None => {
                order.push(i);
                i += 1;
            }
        }
    }
    let mut moved_to = vec![0; count];
    for (new, &old) in order.iter().enumerate() {
        moved_to[old] = new;
    }
    let pick = |values: &[Option<Layout>]| {
        order
            .iter()
            .map(|&o| values.get(o).cloned().flatten())
            .collect()
    };
    Evidence {
        lines: order.iter().map(|&o| evidence.lines[o].clone()).collect(),
        looks: order
            .iter()
            .map(|&o| evidence.looks.get(o).copied().flatten())
            .collect(),
        layouts: pick(&evidence.layouts),
        columns: order
            .iter()
            .map(|&o| evidence.columns.get(o).copied().flatten())
            .collect(),
        coloured: evidence
            .coloured
            .iter()
            .map(|(i, colour)| (moved_to.get(*i).copied().unwrap_or(*i), colour.clone()))
            .collect(),
        anchored_rules: evidence
            .anchored_rules
            .iter()
            .map(|&(i, length)| (moved_to.get(i).copied().unwrap_or(i), length))
            .collect(),
        ..evidence
    }
}

/// Paragraph texts in document order; tabs kept (a header may be set with them), breaks read as
/// spaces. A run set in subscript or
/// superscript (a drafter's initials after the Lưu line, a footnote's mark) is not part of the line.
fn lines(document: &[Item]) -> Vec<String> {
    let (mut lines, mut current, mut in_text) = (Vec::new(), String::new(), false);
    let mut run = String::new();
    let mut script = false;
    for item in document {
        match item {
            Item::Open(name, _) if name == "r" => (run, script) = (String::new(), false),
            Item::Open(name, attrs) if name == "vertAlign" => {
                script = attrs
                    .get("val")
                    .is_some_and(|v| v == "subscript" || v == "superscript")
            }
            Item::Close(name) if name == "r" => {
                if !script {
                    current.push_str(&run);
                }
                run.clear();
            }
            Item::Open(name, _) if name == "t" => in_text = true,
            Item::Close(name) if name == "t" => in_text = false,
            Item::Open(name, _) if name == "tab" => run.push('\t'),
            Item::Open(name, _) if name == "br" => run.push(' '),
            // A no-break space prints as a space.
            Item::Text(text) if in_text => run.push_str(&text.replace('\u{a0}', " ")),
            Item::Close(name) if name == "p" => {
                current.push_str(&std::mem::take(&mut run));
                lines.push(std::mem::take(&mut current));
            }
            _ => {}
        }
    }
    lines
}

/// The pages `docProps/app.xml` says the document had when last saved.
fn saved_pages(app: &[Item]) -> Option<u32> {
    let at = app
        .iter()
        .position(|item| matches!(item, Item::Open(name, _) if name == "Pages"))?;
    match app.get(at + 1) {
        Some(Item::Text(text)) => text.trim().parse().ok(),
        _ => None,
    }
}

/// EMUs in a millimetre, DrawingML's unit.
const EMU_PER_MM: f32 = 36_000.0;

/// The horizontal lines drawn as shapes (DrawingML lines and connectors; VML lines where there is
/// no DrawingML choice beside them) and the paragraph each is anchored in.
fn anchored_rules(document: &[Item]) -> Vec<(usize, f32)> {
    let (mut out, mut paragraph, mut fallback) = (Vec::new(), 0, 0);
    let (mut extent, mut line) = (None::<(f32, f32)>, false);
    let points = |value: &str| -> Option<(f32, f32)> {
        let (x, y) = value.split_once(',')?;
        let pt = |v: &str| v.trim().trim_end_matches("pt").parse::<f32>().ok();
        Some((pt(x)?, pt(y)?))
    };
    for item in document {
        match item {
            Item::Close(name) if name == "p" => paragraph += 1,
            Item::Open(name, _) if name == "Fallback" => fallback += 1,
            Item::Close(name) if name == "Fallback" => fallback -= 1,
            Item::Open(name, _) if name == "drawing" => (extent, line) = (None, false),
            Item::Open(name, attrs) if name == "extent" => {
                extent = number(attrs, "cx").zip(number(attrs, "cy"));
            }
            Item::Open(name, attrs) if name == "prstGeom" => {
                line = attrs
                    .get("prst")
                    .is_some_and(|p| p == "line" || p.starts_with("straightConnector"));
            }
            Item::Close(name) if name == "drawing" => {
                if let (true, Some((cx, cy))) = (line, extent) {
                    if cy < EMU_PER_MM {
                        out.push((paragraph, cx / EMU_PER_MM));
                    }
                }
            }
            Item::Open(name, attrs) if name == "line" && fallback == 0 => {
                let ends = attrs
                    .get("from")
                    .and_then(|f| points(f))
                    .zip(attrs.get("to").and_then(|t| points(t)));
                if let Some(((x0, y0), (x1, y1))) = ends {
                    if (y1 - y0).abs() < 1.0 {
                        out.push((paragraph, (x1 - x0).abs() * 25.4 / 72.0));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// For each paragraph, the column of the table cell it stands in (counting merged columns), or `None`
/// outside tables; in a nested table, the inner table's column.
fn columns(document: &[Item]) -> Vec<Option<u32>> {
    // Per open table: the next cell's first column, and the current cell's first column and span.
    let mut tables: Vec<(u32, u32, u32)> = Vec::new();
    let mut out = Vec::new();
    for item in document {
        match item {
            Item::Open(name, _) if name == "tbl" => tables.push((0, 0, 1)),
            Item::Close(name) if name == "tbl" => {
                tables.pop();
            }
            Item::Open(name, _) if name == "tr" => {
                if let Some(table) = tables.last_mut() {
                    *table = (0, 0, 1);
                }
            }
            Item::Open(name, _) if name == "tc" => {
                if let Some(table) = tables.last_mut() {
                    *table = (table.0, table.0, 1);
                }
            }
            Item::Open(name, attrs) if name == "gridSpan" => {
                if let Some(table) = tables.last_mut() {
                    table.2 = number(attrs, "val").map_or(1, |n| n.max(1.0) as u32);
                }
            }
            Item::Close(name) if name == "tc" => {
                if let Some(table) = tables.last_mut() {
                    table.0 = table.1 + table.2;
                }
            }
            Item::Close(name) if name == "p" => out.push(tables.last().map(|t| t.1)),
            _ => {}
        }
    }
    out
}

/// Every section's paper and margins.
fn sections(document: &[Item]) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut current: Option<Section> = None;
    // A section's properties close it: the tables since the last ones are its own.
    let mut tables = 0;
    for item in document {
        match item {
            // A table, or a drawing or picture (a chart).
            Item::Open(name, _)
                if ["tbl", "drawing", "pict", "object"].contains(&name.as_str()) =>
            {
                tables += 1
            }
            Item::Open(name, _) if name == "sectPr" => {
                current = Some(Section {
                    has_table: Some(tables > 0),
                    ..Section::unset()
                });
                tables = 0;
            }
            Item::Open(name, attrs) if name == "pgSz" => {
                if let Some(s) = current.as_mut() {
                    s.width_mm = number(attrs, "w").map_or(0.0, |v| v * MM_PER_TWIP);
                    s.height_mm = number(attrs, "h").map_or(0.0, |v| v * MM_PER_TWIP);
                }
            }
            Item::Open(name, attrs) if name == "pgMar" => {
                if let Some(s) = current.as_mut() {
                    // Word writes a negative top or bottom margin to mean "exactly this".
                    let side = |key| number(attrs, key).map_or(0.0, |v: f32| v.abs() * MM_PER_TWIP);
                    s.margins_mm = Some([side("top"), side("bottom"), side("left"), side("right")]);
                }
            }
            Item::Close(name) if name == "sectPr" => sections.extend(current.take()),
            _ => {}
        }
    }
    sections
}

impl Section {
    /// A section that has not said its size yet: a size never given reads as 0 and is reported.
    fn unset() -> Section {
        Section {
            width_mm: 0.0,
            height_mm: 0.0,
            margins_mm: Some([0.0; 4]),
            has_table: None,
        }
    }
}

/// What the document's text looks like: for each run with text, its properties as Word resolves
/// them (the run, its character style, its paragraph style, the document defaults; each style through
/// the styles it is based on; theme fonts through the theme).
struct Looks {
    /// Every `w:ascii`/`w:hAnsi` font of a run with text, once each.
    fonts: Vec<String>,
    /// For each paragraph, the look of most of its letters.
    paragraphs: Vec<Option<Look>>,
    /// Paragraphs with text in a colour other than black or automatic, and that colour (hex).
    coloured: Vec<(usize, String)>,
}

fn looks(document: &[Item], styles: &[Item], theme: &[Item]) -> Looks {
    let styles = Styles::read(styles);
    let font = |key: &'static str| {
        move |attrs: &Attrs| {
            let themed = attrs
                .get(&format!("{key}Theme"))
                .and_then(|t| theme_font(theme, t.starts_with("major")));
            themed
                .or_else(|| attrs.get(key).cloned())
                .filter(|f| !f.is_empty())
        }
    };
    let value = |attrs: &Attrs| attrs.get("val").cloned();
    let toggle = |attrs: &Attrs| Some(toggled(attrs).to_string());
    let mut out = Looks {
        fonts: Vec::new(),
        paragraphs: Vec::new(),
        coloured: Vec::new(),
    };
    let (mut paragraph_style, mut run, mut tally) = (None, Run::default(), Tally::default());
    let (mut in_paragraph_props, mut in_run, mut in_text) = (false, false, false);
    // An equation's runs are set in Word's math font, not the text's.
    let mut in_math = 0usize;
    for item in document {
        match item {
            Item::Open(name, _) if name == "oMath" => in_math += 1,
            Item::Close(name) if name == "oMath" => in_math = in_math.saturating_sub(1),
            Item::Open(name, _) | Item::Close(name) if in_math > 0 && name == "r" => {}
            Item::Open(name, _) if name == "p" => {
                (paragraph_style, tally) = (None, Tally::default())
            }
            Item::Close(name) if name == "p" => {
                out.paragraphs.push(std::mem::take(&mut tally).look())
            }
            Item::Open(name, _) if name == "pPr" => in_paragraph_props = true,
            Item::Close(name) if name == "pPr" => in_paragraph_props = false,
            Item::Open(name, attrs) if name == "pStyle" => {
                paragraph_style = attrs.get("val").cloned()
            }
            Item::Open(name, _) if name == "r" => (in_run, run) = (true, Run::default()),
            Item::Open(name, attrs) if in_run && name == "rStyle" => {
                run.style = attrs.get("val").cloned()
            }
            Item::Open(name, attrs)
                if in_run && !in_paragraph_props && RUN_PROPERTIES.contains(&name.as_str()) =>
            {
                run.properties.insert(name.clone(), attrs.clone());
            }
            Item::Open(name, _) if name == "t" => in_text = true,
            Item::Close(name) if name == "t" => in_text = false,
            // Only a run's `w:t` is text: a drawing's offsets and ids are not.
            Item::Text(text) if in_run && in_text => {
                run.letters += text.chars().filter(|c| c.is_alphanumeric()).count()
            }
            Item::Close(name) if name == "r" => {
                in_run = false;
                if run.letters == 0 {
                    continue;
                }
                let resolve = |element: &str, read: &dyn Fn(&Attrs) -> Option<String>| {
                    styles.run_property(
                        &run.properties,
                        (run.style.as_deref(), paragraph_style.as_deref()),
                        element,
                        read,
                    )
                };
                for key in ["ascii", "hAnsi"] {
                    if let Some(name) = resolve("rFonts", &font(key)) {
                        if !out.fonts.contains(&name) {
                            out.fonts.push(name);
                        }
                    }
                }
                let colour = resolve("color", &value).filter(|hex| !prints_black(hex));
                let paragraph = out.paragraphs.len();
                if let Some(colour) = colour {
                    if out.coloured.last().is_none_or(|(p, _)| *p != paragraph) {
                        out.coloured.push((paragraph, format!("#{colour}")));
                    }
                }
                tally.add(
                    run.letters,
                    resolve("sz", &value)
                        .and_then(|v| v.parse::<f32>().ok())
                        .map(|half| half / 2.0),
                    resolve("b", &toggle).is_some_and(|v| v == "true"),
                    resolve("i", &toggle).is_some_and(|v| v == "true"),
                );
            }
            _ => {}
        }
    }
    out
}

/// A paragraph's letters counted by size, weight and slant, for the look most of them have.
#[derive(Default)]
struct Tally {
    letters: usize,
    bold: usize,
    italic: usize,
    /// Letters per size, in half-points (`None`: no size declared).
    sizes: Vec<(Option<u32>, usize)>,
}

impl Tally {
    fn add(&mut self, letters: usize, size_pt: Option<f32>, bold: bool, italic: bool) {
        self.letters += letters;
        self.bold += if bold { letters } else { 0 };
        self.italic += if italic { letters } else { 0 };
        let half = size_pt.map(|s| (s * 2.0).round() as u32);
        match self.sizes.iter_mut().find(|(s, _)| *s == half) {
            Some((_, n)) => *n += letters,
            None => self.sizes.push((half, letters)),
        }
    }

    /// The look of most letters (bold or italic when two thirds are); `None` for a paragraph
    /// without any.
    fn look(self) -> Option<Look> {
        let size = self.sizes.iter().max_by_key(|(_, n)| *n)?.0;
        Some(Look {
            size_pt: size.map(|half| half as f32 / 2.0),
            bold: self.bold * 3 > self.letters * 2,
            italic: self.italic * 3 > self.letters * 2,
        })
    }
}

/// Whether a `w:color` value (`auto`, or six hex digits) prints as black.
fn prints_black(hex: &str) -> bool {
    let channel = |at: usize| {
        hex.get(at..at + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .map(|v| f32::from(v) / 255.0)
    };
    match (channel(0), channel(2), channel(4)) {
        (Some(r), Some(g), Some(b)) if hex.len() == 6 => nd30::is_black(r, g, b),
        _ => true, // `auto`, or a value Word would not read as a colour
    }
}

/// How each paragraph is set, resolved through its style, the default paragraph style and the
/// document defaults attribute by attribute as Word does; `None` for a paragraph in a table.
fn layouts(document: &[Item], styles: &[Item]) -> Vec<Option<Layout>> {
    let styles = Styles::read(styles);
    let mut out = Vec::new();
    let (mut own, mut style, mut tables, mut in_props, mut in_run_props) = (
        HashMap::<String, Attrs>::new(),
        None::<String>,
        0,
        false,
        false,
    );
    for item in document {
        match item {
            Item::Open(name, _) if name == "tbl" => tables += 1,
            Item::Close(name) if name == "tbl" => tables -= 1,
            Item::Open(name, _) if name == "p" => (own, style) = (HashMap::new(), None),
            Item::Open(name, _) if name == "pPr" => in_props = true,
            Item::Close(name) if name == "pPr" => in_props = false,
            Item::Open(name, _) if in_props && name == "rPr" => in_run_props = true,
            Item::Close(name) if in_props && name == "rPr" => in_run_props = false,
            Item::Open(name, attrs) if in_props && name == "pStyle" => {
                style = attrs.get("val").cloned()
            }
            Item::Open(name, attrs)
                if in_props && !in_run_props && PARAGRAPH_PROPERTIES.contains(&name.as_str()) =>
            {
                own.insert(name.clone(), attrs.clone());
            }
            Item::Close(name) if name == "p" => {
                let style = style.as_deref().or(styles.default_paragraph.as_deref());
                let resolve = |element: &str, key: &str| {
                    let read = |attrs: &Attrs| attrs.get(key).cloned();
                    own.get(element)
                        .and_then(read)
                        .or_else(|| styles.lookup_paragraph(style, element, &read))
                        .or_else(|| styles.paragraph_defaults.get(element).and_then(read))
                };
                let twips = |element: &str, key: &str| {
                    resolve(element, key).and_then(|v| v.parse::<f32>().ok())
                };
                let first_line = twips("ind", "firstLine")
                    .or_else(|| twips("ind", "hanging").map(|h| -h))
                    .unwrap_or(0.0);
                let line = twips("spacing", "line").unwrap_or(240.0);
                let line = match resolve("spacing", "lineRule").as_deref() {
                    Some("exact") => LineSpacing::Exactly(line / 20.0),
                    Some("atLeast") => LineSpacing::AtLeast(line / 20.0),
                    _ => LineSpacing::Multiple(line / 240.0),
                };
                out.push((tables == 0).then(|| Layout {
                    alignment: resolve("jc", "val").unwrap_or_else(|| "left".into()),
                    first_line_mm: first_line * MM_PER_TWIP,
                    before_pt: twips("spacing", "before").unwrap_or(0.0) / 20.0,
                    after_pt: twips("spacing", "after").unwrap_or(0.0) / 20.0,
                    line,
                }));
            }
            _ => {}
        }
    }
    out
}

/// What a run says about its look.
#[derive(Default)]
struct Run {
    style: Option<String>,
    properties: HashMap<String, Attrs>,
    /// Letters and digits in its `w:t` text.
    letters: usize,
}

/// Which page of the first section a header or footer part is looked up for.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    /// Page 1.
    First,
    /// The pages after it.
    Later,
}

/// The target of the header (`reference` = `headerReference`) or footer (`footerReference`) part the
/// first section shows on `shown` pages: on page 1 its `first` part when it has a different first
/// page, its `default` part otherwise; on later pages its `default` part.
fn section_part(
    document: &[Item],
    relations: &[Item],
    reference: &str,
    shown: Shown,
) -> Option<String> {
    let (mut references, mut title_page, mut depth) = (HashMap::new(), false, 0);
    for item in document {
        match item {
            Item::Open(name, _) if name == "sectPr" => depth += 1,
            Item::Open(name, attrs) if depth > 0 && name == reference => {
                if let (Some(kind), Some(id)) = (attrs.get("type"), attrs.get("id")) {
                    references.insert(kind.clone(), id.clone());
                }
            }
            Item::Open(name, attrs) if depth > 0 && name == "titlePg" => {
                title_page = attrs.get("val").is_none_or(|v| v != "0" && v != "false");
            }
            Item::Close(name) if name == "sectPr" => break,
            _ => {}
        }
    }
    let kind = if shown == Shown::First && title_page {
        "first"
    } else {
        "default"
    };
    let id = references.get(kind)?;
    relations.iter().find_map(|item| match item {
        Item::Open(name, attrs) if name == "Relationship" && attrs.get("Id") == Some(id) => {
            attrs.get("Target").cloned()
        }
        _ => None,
    })
}

/// Whether a part holds a PAGE field, simple or complex.
fn has_page_field(part: &[Item]) -> bool {
    let is_page = |instruction: &str| instruction.split_whitespace().next() == Some("PAGE");
    let mut in_instruction = false;
    part.iter().any(|item| match item {
        Item::Open(name, attrs) if name == "fldSimple" => {
            attrs.get("instr").is_some_and(|i| is_page(i))
        }
        Item::Open(name, _) if name == "instrText" => {
            in_instruction = true;
            false
        }
        Item::Close(name) if name == "instrText" => {
            in_instruction = false;
            false
        }
        Item::Text(text) => in_instruction && is_page(text),
        _ => false,
    })
}
