//! Where text sits on a PDF page: the page's content walked with its graphics and text state, each
//! shown string placed by where it starts, how far it advances and at what size, then gathered into
//! printed lines; and the horizontal rules the page draws.
//!
//! Form XObjects are entered with their own resources, as a viewer draws them.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::{Drawn, Placed, MM_PER_POINT};
use crate::nd30;

/// What a page prints: its lines, its horizontal rules, and how many images or forms it draws.
#[derive(Default)]
pub struct PageContent {
    /// The printed lines, top to bottom.
    pub lines: Vec<Placed>,
    /// The horizontal rules.
    pub rules: Vec<Drawn>,
    /// Images drawn.
    pub figures: usize,
    /// Letters printed visibly.
    pub visible_letters: usize,
    /// Letters drawn invisible (text rendering mode 3 or 7: an OCR layer over a scan).
    pub invisible_letters: usize,
    /// The names (`BaseFont`) of the fonts that print a letter or a digit.
    pub fonts_shown: Vec<String>,
}

/// Pieces further apart than this many ems on one baseline are separate lines (two columns). Office
/// programs and typst show a line in one piece per font, so pieces of one line touch or are a
/// space apart, while the header's two columns may stand little more than an em apart.
const COLUMN_GAP_EM: f32 = 0.8;
/// A blank left after `Số:` or `ngày` for the registry may be this many ems wide.
const BLANK_GAP_EM: f32 = 10.0;
/// A gap wider than this many ems between two pieces of a line is a space.
const SPACE_GAP_EM: f32 = 0.15;

/// An affine matrix `[a b c d e f]`, as PDF writes them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translation(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` applied first, then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How much the matrix scales vertical distances.
    fn vertical_scale(self) -> f32 {
        let [_, _, c, d, _, _] = self.0;
        (c * c + d * d).sqrt()
    }
}

/// A font as the page uses it: how its codes read as text and how wide they are.
struct PageFont<'a> {
    /// Its `BaseFont`, subset tag removed.
    name: String,
    /// Whether its face is bold, by its name or its descriptor.
    bold: bool,
    /// Whether its face is italic, by its name or its descriptor.
    italic: bool,
    encoding: Option<Encoding<'a>>,
    /// Bytes per character code: 2 for a composite (Type 0) font, 1 otherwise.
    code_bytes: usize,
    widths: BTreeMap<u32, f32>,
    default_width: f32,
}

impl PageFont<'_> {
    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => document.get_object(*id).unwrap_or(object),
        other => other,
    }
}

fn number(object: &Object) -> Option<f32> {
    object.as_float().ok()
}

/// A font's name and whether its face is bold and italic: from its name (`TimesNewRomanPS-BoldMT`,
/// `Times New Roman,BoldItalic`) or, where the name says nothing (`F1`), its descriptor's weight,
/// flags and italic angle.
fn face(
    document: &Document,
    font: &Dictionary,
    descendant: Option<&Object>,
) -> (String, bool, bool) {
    let base = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    let name = base
        .split_once('+')
        .map_or(base.as_str(), |(_, n)| n)
        .to_string();
    let lower = name.to_lowercase();
    let described = match descendant {
        Some(Object::Dictionary(d)) => d,
        _ => font,
    };
    let descriptor = match described
        .get(b"FontDescriptor")
        .map(|o| resolve(document, o))
    {
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let value = |key: &[u8]| descriptor.and_then(|d| d.get(key).ok()).and_then(number);
    let flags = value(b"Flags").unwrap_or(0.0) as u32;
    let program = descriptor.and_then(|d| program_face(document, d));
    let bold = lower.contains("bold")
        || lower.contains("black")
        || lower.contains("heavy")
        || value(b"FontWeight").is_some_and(|w| w >= 600.0)
        || flags & (1 << 18) != 0
        || program.is_some_and(|(bold, _)| bold);
    let italic = lower.contains("italic")
        || lower.contains("oblique")
        || value(b"ItalicAngle").is_some_and(|a| a.abs() > 1.0)
        || flags & (1 << 6) != 0
        || program.is_some_and(|(_, italic)| italic);
    (name, bold, italic)
}

/// The keys of a font descriptor that hold a font program.
pub(super) const FONT_FILES: [&[u8]; 3] = [b"FontFile", b"FontFile2", b"FontFile3"];

/// The font program a descriptor holds, decompressed, read as a face.
pub(super) fn font_program(document: &Document, descriptor: &Dictionary) -> Option<Vec<u8>> {
    let program = FONT_FILES
        .iter()
        .find_map(|key| descriptor.get(key).ok())
        .map(|o| resolve(document, o))?;
    let Object::Stream(stream) = program else {
        return None;
    };
    let data = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    ttf_parser::Face::parse(&data, 0).is_ok().then_some(data)
}

/// Whether the font program a descriptor holds says its face is bold and italic (its OS/2 and
/// head tables), for fonts renamed by a printer's driver.
fn program_face(document: &Document, descriptor: &Dictionary) -> Option<(bool, bool)> {
    let data = font_program(document, descriptor)?;
    let face = ttf_parser::Face::parse(&data, 0).ok()?;
    Some((
        face.is_bold() || face.weight().to_number() >= 600,
        face.is_italic(),
    ))
}

fn page_font<'a>(document: &'a Document, font: &'a Dictionary) -> PageFont<'a> {
    let encoding = font.get_font_encoding(document).ok();
    let mut widths = BTreeMap::new();
    let descendant = match font.get(b"DescendantFonts").map(|o| resolve(document, o)) {
        Ok(Object::Array(fonts)) => fonts.first().map(|f| resolve(document, f)),
        _ => None,
    };
    let (name, bold, italic) = face(document, font, descendant);
    if let Some(Object::Dictionary(cid_font)) = descendant {
        // W: `c [w1 w2 …]` or `c_first c_last w`.
        if let Ok(Object::Array(w)) = cid_font.get(b"W").map(|o| resolve(document, o)) {
            let mut i = 0;
            while i + 1 < w.len() {
                let first = number(&w[i]).unwrap_or(0.0) as u32;
                match resolve(document, &w[i + 1]) {
                    Object::Array(list) => {
                        for (k, width) in list.iter().enumerate() {
                            widths.insert(first + k as u32, number(width).unwrap_or(0.0));
                        }
                        i += 2;
                    }
                    last => {
                        let last = number(last).unwrap_or(0.0) as u32;
                        let width = w.get(i + 2).and_then(number).unwrap_or(0.0);
                        for code in first..=last.min(first + 0xFFFF) {
                            widths.insert(code, width);
                        }
                        i += 3;
                    }
                }
            }
        }
        let default_width = cid_font.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
        return PageFont {
            name,
            bold,
            italic,
            encoding,
            code_bytes: 2,
            widths,
            default_width,
        };
    }
    let first = font.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
    if let Ok(Object::Array(list)) = font.get(b"Widths").map(|o| resolve(document, o)) {
        for (k, width) in list.iter().enumerate() {
            widths.insert(first + k as u32, number(width).unwrap_or(0.0));
        }
    }
    PageFont {
        name,
        bold,
        italic,
        encoding,
        code_bytes: 1,
        widths,
        // A standard font without widths: half an em is near the average.
        default_width: 500.0,
    }
}

/// The graphics and text state the content stream changes.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Vec<u8>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    /// The fill colour when not black, as the operator set it.
    colour: Option<String>,
    /// Text drawn invisible (rendering mode 3 or 7).
    invisible: bool,
    /// Text stroked as well as filled: a word processor's bold for a face without a bold style.
    stroked: bool,
}

impl State {
    /// The state a content stream starts in, drawn with `ctm`.
    fn at(ctm: Matrix) -> State {
        State {
            ctm,
            font: Vec::new(),
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            colour: None,
            invisible: false,
            stroked: false,
        }
    }
}

/// The fill colour an operator's components give, `None` when black: one gray, three RGB or four
/// CMYK components (a pattern's name reads as black).
fn fill_colour(operator: &str, components: &[f32]) -> Option<String> {
    let black = match *components {
        [gray] => nd30::is_black(gray, gray, gray),
        [r, g, b] => nd30::is_black(r, g, b),
        [c, m, y, k] => {
            let rgb = |ink: f32| (1.0 - ink) * (1.0 - k);
            nd30::is_black(rgb(c), rgb(m), rgb(y))
        }
        _ => true,
    };
    let list = components
        .iter()
        .map(|c| format!("{c}"))
        .collect::<Vec<_>>()
        .join(" ");
    (!black).then(|| format!("{list} {operator}"))
}

/// A shown string: where it starts and ends on the baseline, in points from the page's bottom left.
struct Piece {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    colour: Option<String>,
    bold: bool,
    italic: bool,
    /// Stamped by an annotation's appearance (a signing system's number and date).
    stamped: bool,
}

/// A horizontal line the page draws (stroked, or a thin filled rectangle's edge), in points from
/// the page's bottom left.
struct Segment {
    x0: f32,
    x1: f32,
    y: f32,
}

/// Segments shorter than this are not rules (a hyphen, a tick), points.
const SHORTEST_RULE_PT: f32 = 8.0;

/// What walking a page's content gathers.
#[derive(Default)]
struct Walked {
    pieces: Vec<Piece>,
    segments: Vec<Segment>,
    images: usize,
    invisible_letters: usize,
    fonts_shown: Vec<String>,
}

/// Forms inside forms are entered this deep at most.
const FORM_DEPTH: usize = 6;

/// The fonts a resource dictionary names.
fn resource_fonts<'a>(
    document: &'a Document,
    resources: &'a Dictionary,
) -> BTreeMap<Vec<u8>, PageFont<'a>> {
    let Ok(Object::Dictionary(fonts)) = resources.get(b"Font").map(|o| resolve(document, o)) else {
        return BTreeMap::new();
    };
    fonts
        .iter()
        .filter_map(|(name, font)| match resolve(document, font) {
            Object::Dictionary(font) => Some((name.clone(), page_font(document, font))),
            _ => None,
        })
        .collect()
}

/// The XObjects a resource dictionary names.
fn resource_objects<'a>(
    document: &'a Document,
    resources: Option<&'a Dictionary>,
) -> Option<&'a Dictionary> {
    match resources?.get(b"XObject").map(|o| resolve(document, o)) {
        Ok(Object::Dictionary(objects)) => Some(objects),
        _ => None,
    }
}

/// Walks the content of `page`: every shown string placed, every horizontal line drawn, the images.
fn walk(document: &Document, page: ObjectId) -> Walked {
    let fonts: BTreeMap<Vec<u8>, PageFont> = document
        .get_page_fonts(page)
        .map(|fonts| {
            fonts
                .into_iter()
                .map(|(name, font)| (name, page_font(document, font)))
                .collect()
        })
        .unwrap_or_default();
    let resources = document
        .get_page_resources(page)
        .ok()
        .and_then(|(own, inherited)| {
            own.or_else(|| {
                inherited
                    .first()
                    .and_then(|id| document.get_dictionary(*id).ok())
            })
        });
    let mut walked = Walked::default();
    walk_annotations(document, page, &fonts, &mut walked);
    if let Ok(data) = document.get_page_content(page) {
        let objects = resource_objects(document, resources);
        walk_content(
            document,
            &data,
            &fonts,
            objects,
            Matrix::IDENTITY,
            0,
            &mut walked,
        );
    }
    walked
}

/// Annotation flags that keep an annotation off the page: Hidden, NoView.
const UNSEEN: u32 = 1 << 1 | 1 << 5;

/// The text of the appearances of the page's annotations that show (a signing system's number and
/// date, stamped in signature fields at the Số and date lines; a form's filled fields): the page's
/// text, though the fonts, colours and frames are the stamp's and not judged.
fn walk_annotations(
    document: &Document,
    page: ObjectId,
    fonts: &BTreeMap<Vec<u8>, PageFont>,
    walked: &mut Walked,
) {
    let annotations = document
        .get_dictionary(page)
        .ok()
        .and_then(|p| p.get(b"Annots").ok())
        .map(|o| resolve(document, o));
    let Some(Object::Array(annotations)) = annotations else {
        return;
    };
    for annotation in annotations {
        let Object::Dictionary(annotation) = resolve(document, annotation) else {
            continue;
        };
        let flags = annotation.get(b"F").ok().and_then(number).unwrap_or(0.0) as u32;
        if flags & UNSEEN != 0 {
            continue;
        }
        let Some((form, placed)) = appearance(document, annotation) else {
            continue;
        };
        let mut stamped = Walked::default();
        walk_form(document, form, fonts, &State::at(placed), 0, &mut stamped);
        walked
            .pieces
            .extend(stamped.pieces.into_iter().map(|piece| Piece {
                colour: None,
                stamped: true,
                ..piece
            }));
    }
}

/// An annotation's normal appearance (in its current state) and the matrix that places the
/// appearance's box on the annotation's rectangle.
fn appearance<'a>(
    document: &'a Document,
    annotation: &'a Dictionary,
) -> Option<(&'a lopdf::Stream, Matrix)> {
    let normal = match annotation.get(b"AP").map(|o| resolve(document, o)) {
        Ok(Object::Dictionary(ap)) => ap.get(b"N").ok().map(|o| resolve(document, o))?,
        _ => return None,
    };
    let form = match normal {
        Object::Stream(form) => form,
        Object::Dictionary(states) => {
            let state = annotation.get(b"AS").and_then(Object::as_name).ok()?;
            match states.get(state).map(|o| resolve(document, o)) {
                Ok(Object::Stream(form)) => form,
                _ => return None,
            }
        }
        _ => return None,
    };
    let four = |key: &[u8], dictionary: &Dictionary| -> Option<[f32; 4]> {
        match dictionary.get(key).map(|o| resolve(document, o)) {
            Ok(Object::Array(a)) if a.len() == 4 => {
                let v = |i: usize| number(resolve(document, &a[i]));
                Some([v(0)?, v(1)?, v(2)?, v(3)?])
            }
            _ => None,
        }
    };
    let [rx0, ry0, rx1, ry1] = four(b"Rect", annotation)?;
    let [bx0, by0, bx1, by1] = four(b"BBox", &form.dict)?;
    let matrix = form_matrix(document, form);
    let corners = [(bx0, by0), (bx1, by1), (bx0, by1), (bx1, by0)].map(|(x, y)| matrix.apply(x, y));
    let (min_x, max_x) = corners
        .iter()
        .fold((f32::MAX, f32::MIN), |(a, b), c| (a.min(c.0), b.max(c.0)));
    let (min_y, max_y) = corners
        .iter()
        .fold((f32::MAX, f32::MIN), |(a, b), c| (a.min(c.1), b.max(c.1)));
    let (width, height) = (max_x - min_x, max_y - min_y);
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    let (sx, sy) = ((rx1 - rx0).abs() / width, (ry1 - ry0).abs() / height);
    let placed = Matrix([
        sx,
        0.0,
        0.0,
        sy,
        rx0.min(rx1) - min_x * sx,
        ry0.min(ry1) - min_y * sy,
    ]);
    Some((form, placed))
}

/// A form XObject's matrix (identity when it has none).
fn form_matrix(document: &Document, form: &lopdf::Stream) -> Matrix {
    match form.dict.get(b"Matrix").map(|o| resolve(document, o)) {
        Ok(Object::Array(m)) if m.len() == 6 => {
            let v = |i: usize| number(resolve(document, &m[i])).unwrap_or(0.0);
            Matrix([v(0), v(1), v(2), v(3), v(4), v(5)])
        }
        _ => Matrix::IDENTITY,
    }
}

/// Walks one content stream (a page's, or a form's) drawn with `ctm`, entering the forms it draws.
fn walk_content(
    document: &Document,
    data: &[u8],
    fonts: &BTreeMap<Vec<u8>, PageFont>,
    objects: Option<&Dictionary>,
    ctm: Matrix,
    depth: usize,
    walked: &mut Walked,
) {
    let Ok(content) = Content::decode(&without_comments(data)) else {
        return;
    };
    let mut state = State::at(ctm);
    let mut saved: Vec<State> = Vec::new();
    let (mut text_matrix, mut line_matrix) = (Matrix::IDENTITY, Matrix::IDENTITY);
    // The path being built: its current point, and its straight edges in page space.
    let (mut current, mut edges) = ((0.0, 0.0), Vec::<((f32, f32), (f32, f32))>::new());
    let shown = |walked: &mut Walked, text_matrix: &mut Matrix, state: &State, items: &[Object]| {
        let Some(font) = fonts.get(&state.font) else {
            return;
        };
        for piece in show(text_matrix, state, font, items) {
            let letters = piece.text.chars().filter(|c| c.is_alphanumeric()).count();
            if state.invisible {
                walked.invisible_letters += letters;
                continue;
            }
            // A font that prints no letter or digit (a bullet's Symbol, spaces) sets no text.
            if letters > 0 && !walked.fonts_shown.contains(&font.name) {
                walked.fonts_shown.push(font.name.clone());
            }
            walked.pieces.push(piece);
        }
    };
    for op in &content.operations {
        let operand = |i: usize| op.operands.get(i).and_then(number).unwrap_or(0.0);
        match op.operator.as_str() {
            "q" => saved.push(state.clone()),
            "Q" => {
                if let Some(previous) = saved.pop() {
                    state = previous;
                }
            }
            "cm" => {
                let m = Matrix([
                    operand(0),
                    operand(1),
                    operand(2),
                    operand(3),
                    operand(4),
                    operand(5),
                ]);
                state.ctm = m.then(state.ctm);
            }
            "BT" => (text_matrix, line_matrix) = (Matrix::IDENTITY, Matrix::IDENTITY),
            "Tf" => {
                state.font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec)
                    .unwrap_or_default();
                state.size = operand(1);
            }
            "Tc" => state.char_spacing = operand(0),
            "Tw" => state.word_spacing = operand(0),
            "Tz" => state.horizontal_scale = operand(0) / 100.0,
            "TL" => state.leading = operand(0),
            "Tr" => {
                state.invisible = matches!(operand(0) as i64, 3 | 7);
                state.stroked = matches!(operand(0) as i64, 1 | 2 | 5 | 6);
            }
            "Td" | "TD" => {
                if op.operator == "TD" {
                    state.leading = -operand(1);
                }
                line_matrix = Matrix::translation(operand(0), operand(1)).then(line_matrix);
                text_matrix = line_matrix;
            }
            "Tm" => {
                line_matrix = Matrix([
                    operand(0),
                    operand(1),
                    operand(2),
                    operand(3),
                    operand(4),
                    operand(5),
                ]);
                text_matrix = line_matrix;
            }
            "T*" | "'" | "\"" => {
                if op.operator == "\"" {
                    state.word_spacing = operand(0);
                    state.char_spacing = operand(1);
                }
                line_matrix = Matrix::translation(0.0, -state.leading).then(line_matrix);
                text_matrix = line_matrix;
                if op.operator != "T*" {
                    let string = op.operands.last().and_then(|o| o.as_str().ok());
                    if let Some(string) = string {
                        let items = [Object::string_literal(string.to_vec())];
                        shown(walked, &mut text_matrix, &state, &items);
                    }
                }
            }
            "Tj" | "TJ" => {
                let items = match op.operands.first() {
                    Some(Object::Array(items)) => items.clone(),
                    Some(other) => vec![other.clone()],
                    None => Vec::new(),
                };
                shown(walked, &mut text_matrix, &state, &items);
            }
            "g" | "rg" | "k" | "sc" | "scn" => {
                let components: Vec<f32> = op.operands.iter().filter_map(number).collect();
                state.colour = fill_colour(&op.operator, &components);
            }
            "m" => current = state.ctm.apply(operand(0), operand(1)),
            "l" => {
                let to = state.ctm.apply(operand(0), operand(1));
                edges.push((current, to));
                current = to;
            }
            "c" | "v" | "y" => {
                // A curve's end: a path drawn as a rule may be made of short curves.
                let (x, y) = (
                    operand(op.operands.len().saturating_sub(2)),
                    operand(op.operands.len().saturating_sub(1)),
                );
                let to = state.ctm.apply(x, y);
                edges.push((current, to));
                current = to;
            }
            "re" => {
                let (x, y, w, h) = (operand(0), operand(1), operand(2), operand(3));
                let corner = |dx: f32, dy: f32| state.ctm.apply(x + dx, y + dy);
                edges.push((corner(0.0, 0.0), corner(w, 0.0)));
                edges.push((corner(0.0, h), corner(w, h)));
                current = corner(0.0, 0.0);
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                walked.segments.extend(flat_segments(edges.drain(..)));
            }
            "n" => edges.clear(),
            "Do" => {
                let name = op.operands.first().and_then(|o| o.as_name().ok());
                let object = name
                    .and_then(|n| objects?.get(n).ok())
                    .map(|o| resolve(document, o));
                match object {
                    Some(Object::Stream(form))
                        if form.dict.get(b"Subtype").and_then(Object::as_name).ok()
                            == Some(b"Form".as_slice()) =>
                    {
                        if depth < FORM_DEPTH {
                            walk_form(document, form, fonts, &state, depth, walked);
                        }
                    }
                    _ => walked.images += 1,
                }
            }
            _ => {}
        }
    }
}

/// A content stream without the comment lines some producers open it with (`% CANON_…`), which the
/// content parser does not read past.
fn without_comments(data: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !data
        .split(|&b| b == b'\n')
        .any(|line| line.starts_with(b"%"))
    {
        return std::borrow::Cow::Borrowed(data);
    }
    let kept: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|line| !line.starts_with(b"%"))
        .collect();
    std::borrow::Cow::Owned(kept.join(&b'\n'))
}

/// Walks a form XObject drawn in `state`: its matrix, its own resources (or the page's fonts).
fn walk_form(
    document: &Document,
    form: &lopdf::Stream,
    page_fonts: &BTreeMap<Vec<u8>, PageFont>,
    state: &State,
    depth: usize,
    walked: &mut Walked,
) {
    let matrix = form_matrix(document, form);
    let resources = match form.dict.get(b"Resources").map(|o| resolve(document, o)) {
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let own_fonts = resources.map(|r| resource_fonts(document, r));
    let fonts = match &own_fonts {
        Some(f) if !f.is_empty() => f,
        _ => page_fonts,
    };
    let Ok(data) = form.decompressed_content() else {
        return;
    };
    let objects = resource_objects(document, resources);
    walk_content(
        document,
        &data,
        fonts,
        objects,
        matrix.then(state.ctm),
        depth + 1,
        walked,
    );
}

/// The horizontal edges among `edges` long enough to be rules.
fn flat_segments(
    edges: impl Iterator<Item = ((f32, f32), (f32, f32))>,
) -> impl Iterator<Item = Segment> {
    edges.filter_map(|((x0, y0), (x1, y1))| {
        let flat = (y0 - y1).abs() < 0.3 && (x1 - x0).abs() >= SHORTEST_RULE_PT;
        flat.then(|| Segment {
            x0: x0.min(x1),
            x1: x0.max(x1),
            y: (y0 + y1) / 2.0,
        })
    })
}

/// Shows `items` (strings and, in a TJ array, adjustments) from the text matrix, which it advances.
/// Each piece spans its visible glyphs: spaces at either end do not count, and a run of spaces (a
/// blank left for a number or a day) parts two pieces, so that what is written into it later finds
/// its place.
fn show(text_matrix: &mut Matrix, state: &State, font: &PageFont, items: &[Object]) -> Vec<Piece> {
    let start = text_matrix.then(state.ctm);
    let x_now = |m: &Matrix| m.then(state.ctm).apply(0.0, 0.0).0;
    let (_, y) = start.apply(0.0, 0.0);
    let piece = |text: String, (x0, x1): (f32, f32)| Piece {
        text,
        x0: x0.min(x1),
        x1: x0.max(x1),
        y,
        size: state.size * start.vertical_scale(),
        colour: state.colour.clone(),
        bold: font.bold || state.stroked,
        italic: font.italic,
        stamped: false,
    };
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut visible: Option<(f32, f32)> = None;
    let mut spaces = 0;
    for item in items {
        match item {
            Object::String(bytes, _) => {
                for code_bytes in bytes.chunks(font.code_bytes) {
                    let glyph = font
                        .encoding
                        .as_ref()
                        .and_then(|e| Document::decode_text(e, code_bytes).ok())
                        .unwrap_or_default();
                    let code = code_bytes.iter().fold(0u32, |c, b| c << 8 | u32::from(*b));
                    let space = font.code_bytes == 1 && code == 32;
                    let advance = (font.width(code) / 1000.0 * state.size
                        + state.char_spacing
                        + if space { state.word_spacing } else { 0.0 })
                        * state.horizontal_scale;
                    let x_start = x_now(text_matrix);
                    *text_matrix = Matrix::translation(advance, 0.0).then(*text_matrix);
                    if glyph.trim().is_empty() {
                        spaces += 1;
                    } else {
                        if spaces >= 2 {
                            if let Some(extent) = visible.take() {
                                pieces.push(piece(std::mem::take(&mut text), extent));
                            }
                        }
                        spaces = 0;
                        let x_end = x_now(text_matrix);
                        visible = Some(visible.map_or((x_start, x_end), |(x0, _)| (x0, x_end)));
                    }
                    text.push_str(&glyph);
                }
            }
            adjustment => {
                let shift = -number(adjustment).unwrap_or(0.0) / 1000.0
                    * state.size
                    * state.horizontal_scale;
                *text_matrix = Matrix::translation(shift, 0.0).then(*text_matrix);
            }
        }
    }
    if let Some(extent) = visible {
        pieces.push(piece(text, extent));
    }
    pieces
}

/// A printed line being gathered from its pieces: their text and extent, the line's baseline and
/// size, and how many of its letters are bold and italic.
struct Gathered {
    /// Each piece's left and right ends, text, and whether a stamp wrote it, as met.
    parts: Vec<(f32, f32, String, bool)>,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    colour: Option<String>,
    letters: usize,
    bold: usize,
    italic: usize,
    /// Whether a stamp wrote into it.
    stamped: bool,
    /// Letters of its printed text per size, points.
    sizes: Vec<(f32, usize)>,
}

/// Adds `letters` set at `size` to a tally of letters per size.
fn tally(sizes: &mut Vec<(f32, usize)>, size: f32, letters: usize) {
    match sizes.iter_mut().find(|(s, _)| (*s - size).abs() < 0.05) {
        Some((_, count)) => *count += letters,
        None => sizes.push((size, letters)),
    }
}

impl Gathered {
    fn new(piece: Piece) -> Gathered {
        let mut line = Gathered {
            parts: Vec::new(),
            x0: piece.x0,
            x1: piece.x1,
            y: piece.y,
            size: piece.size,
            colour: None,
            letters: 0,
            bold: 0,
            italic: 0,
            stamped: false,
            sizes: Vec::new(),
        };
        line.push(piece);
        line
    }

    /// Whether `piece` goes on with this line: on its baseline, after it, not a column's gap away,
    /// and not a sub- or superscript (a drafter's initials after the Lưu line).
    fn takes(&self, piece: &Piece) -> bool {
        let em = self.size.max(piece.size);
        (self.y - piece.y).abs() < 0.3 * em
            && piece.x0 - self.x1 < self.gap_after() * em
            && piece.x0 >= self.x0
            && piece.size >= SCRIPT_SIZE * self.size
            && self.size >= SCRIPT_SIZE * piece.size
    }

    /// How many ems may part the next piece from this line: the blank left after `Số:` or `ngày`
    /// for a number or a day written in at issuance is wider than a column's gap.
    fn gap_after(&self) -> f32 {
        let last = self
            .parts
            .last()
            .map_or("", |(_, _, text, _)| text.trim_end());
        if ["Số:", "ngày", "tháng"].iter().any(|w| last.ends_with(w)) {
            BLANK_GAP_EM
        } else {
            COLUMN_GAP_EM
        }
    }

    /// Whether a stamp's `piece` (a number or a day stamped at issuance) fills a blank of this line:
    /// level with it within most of an em, and inside its reach.
    fn stamped_by(&self, piece: &Piece) -> bool {
        let em = self.size.max(piece.size);
        (self.y - piece.y).abs() < STAMP_REACH_EM * em
            && piece.x0 < self.x1 + BLANK_GAP_EM * em
            && piece.x1 > self.x0 - em
    }

    fn push(&mut self, piece: Piece) {
        let letters = piece.text.chars().filter(|c| c.is_alphanumeric()).count();
        self.letters += letters;
        self.bold += if piece.bold { letters } else { 0 };
        self.italic += if piece.italic { letters } else { 0 };
        self.x0 = self.x0.min(piece.x0);
        self.x1 = self.x1.max(piece.x1);
        // The line's size is its printed text's: a stamp is set in the signing system's size.
        if !piece.stamped || self.parts.iter().all(|part| part.3) {
            self.size = if self.parts.iter().all(|part| part.3) {
                piece.size
            } else {
                self.size.max(piece.size)
            };
            self.y = if piece.stamped { self.y } else { piece.y };
        }
        self.colour = self.colour.take().or(piece.colour);
        self.stamped |= piece.stamped;
        if !piece.stamped && letters > 0 {
            tally(&mut self.sizes, piece.size, letters);
        }
        self.parts
            .push((piece.x0, piece.x1, piece.text, piece.stamped));
    }

    /// Whether `next`, the line after this one on its baseline, goes on with it: it starts no
    /// further from this line's end than a word processor sets words apart, or than the blank a
    /// stamp wrote into.
    fn joins(&self, next: &Gathered) -> bool {
        let em = self.size.max(next.size);
        let gap = if self.stamped || next.stamped {
            STAMP_GAP_EM
        } else {
            COLUMN_GAP_EM
        };
        (self.y - next.y).abs() < 0.3 * em
            && next.x0 >= self.x0
            && next.x0 - self.x1 < gap * em
            && next.size >= SCRIPT_SIZE * self.size
            && self.size >= SCRIPT_SIZE * next.size
    }

    /// Takes in the pieces of `other`.
    fn absorb(&mut self, other: Gathered) {
        self.x0 = self.x0.min(other.x0);
        self.x1 = self.x1.max(other.x1);
        self.size = self.size.max(other.size);
        self.colour = self.colour.take().or(other.colour);
        self.letters += other.letters;
        self.bold += other.bold;
        self.italic += other.italic;
        self.stamped |= other.stamped;
        for (size, letters) in other.sizes {
            tally(&mut self.sizes, size, letters);
        }
        self.parts.extend(other.parts);
    }

    /// The size most of its printed letters are set in (a colon or a stamp in another size does not
    /// count), or its largest when it prints no letter.
    fn letters_size(&self) -> f32 {
        self.sizes
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
            .map_or(self.size, |&(size, _)| size)
    }

    /// The line's text: its pieces left to right, a space where they stand apart.
    fn text(&self) -> String {
        let mut parts: Vec<&(f32, f32, String, bool)> = self.parts.iter().collect();
        parts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut text = String::new();
        let mut right: Option<f32> = None;
        let mut after_stamp = false;
        for (x0, x1, part, stamped) in parts {
            // What a stamp writes into a blank stands apart from the words around it.
            let apart = right.is_some_and(|r| x0 - r > SPACE_GAP_EM * self.size)
                || (!text.is_empty() && (*stamped || after_stamp));
            if apart && !text.ends_with(' ') && !part.starts_with(' ') {
                text.push(' ');
            }
            text.push_str(part);
            right = Some(right.map_or(*x1, |r| r.max(*x1)));
            after_stamp = *stamped;
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A stamp is centred in its field: the printed text beside it may stand this many ems away.
const STAMP_GAP_EM: f32 = 2.0;

/// How far above or below a line a stamp's text may stand and fill its blank, in ems: a signing
/// system centres it in its field, not on the line's baseline.
const STAMP_REACH_EM: f32 = 0.8;

/// A piece smaller than this share of its neighbour's size is a sub- or superscript.
const SCRIPT_SIZE: f32 = 0.75;

/// The printed lines of `page` (of `height_pt`), top to bottom and left to right, and the horizontal
/// rules it draws. Lines are pieces on one baseline, split where a gap wider than most of an em parts
/// two columns. A line of underscores is a rule typed as text, as the Government's own templates
/// type them.
pub fn lines(document: &Document, page: ObjectId, height_pt: f32) -> PageContent {
    let walked = walk(document, page);
    let mut segments = walked.segments;
    let (stamps, mut pieces): (Vec<Piece>, Vec<Piece>) =
        walked.pieces.into_iter().partition(|p| p.stamped);
    // Top to bottom by baseline (to half a point), then left to right.
    pieces.sort_by(|a, b| {
        (b.y * 2.0)
            .round()
            .total_cmp(&(a.y * 2.0).round())
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut gathered: Vec<Gathered> = Vec::new();
    for piece in pieces {
        match gathered.last_mut() {
            Some(line) if line.takes(&piece) => line.push(piece),
            _ => gathered.push(Gathered::new(piece)),
        }
    }
    for stamp in stamps {
        match gathered.iter_mut().find(|line| line.stamped_by(&stamp)) {
            Some(line) => line.push(stamp),
            None => gathered.push(Gathered::new(stamp)),
        }
    }
    gathered.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    // A stamp written into a blank joins the two halves of its line.
    let mut joined: Vec<Gathered> = Vec::new();
    for line in gathered {
        match joined.last_mut() {
            Some(last) if last.joins(&line) => last.absorb(line),
            _ => joined.push(line),
        }
    }
    let gathered = joined;
    let mut placed = Vec::new();
    let mut visible_letters = 0;
    for line in gathered {
        let text = line.text();
        if !text.is_empty() && text.chars().all(|c| c == '_') {
            segments.push(Segment {
                x0: line.x0,
                x1: line.x1,
                y: line.y - 0.1 * line.size,
            });
            continue;
        }
        visible_letters += line.letters;
        placed.push(Placed {
            text,
            x0_mm: line.x0 * MM_PER_POINT,
            x1_mm: line.x1 * MM_PER_POINT,
            baseline_mm: (height_pt - line.y) * MM_PER_POINT,
            size_pt: line.letters_size(),
            colour: line.colour,
            bold: line.letters > 0 && line.bold * 3 > line.letters * 2,
            italic: line.letters > 0 && line.italic * 3 > line.letters * 2,
        });
    }
    PageContent {
        lines: placed,
        rules: rules(segments, height_pt),
        figures: walked.images,
        visible_letters,
        invisible_letters: walked.invisible_letters,
        fonts_shown: walked.fonts_shown,
    }
}

/// The rules the segments draw: pieces of one rule (a path of short strokes, a thin rectangle's two
/// edges) joined.
fn rules(mut segments: Vec<Segment>, height_pt: f32) -> Vec<Drawn> {
    segments.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut joined: Vec<Segment> = Vec::new();
    for segment in segments {
        let same = joined.iter_mut().find(|j| {
            (j.y - segment.y).abs() < 1.5 && segment.x0 <= j.x1 + 1.0 && segment.x1 >= j.x0 - 1.0
        });
        match same {
            Some(j) => {
                j.x0 = j.x0.min(segment.x0);
                j.x1 = j.x1.max(segment.x1);
            }
            None => joined.push(segment),
        }
    }
    joined
        .into_iter()
        .map(|segment| Drawn {
            x0_mm: segment.x0 * MM_PER_POINT,
            x1_mm: segment.x1 * MM_PER_POINT,
            y_mm: (height_pt - segment.y) * MM_PER_POINT,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translation(10.0, 5.0);
        assert_eq!(shift.then(scale).apply(1.0, 1.0), (22.0, 12.0));
        assert_eq!(scale.then(shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(scale.vertical_scale(), 2.0);
    }
}
