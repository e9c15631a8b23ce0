//! Where text sits on a PDF page: the page's content walked with its graphics and text state, each
//! shown string placed by where it starts, how far it advances and at what size, then gathered into
//! printed lines; and the horizontal rules the page draws.
//!
//! Form XObjects are not entered, so text drawn inside them is not placed.

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
    /// Images and forms drawn.
    pub figures: usize,
}

/// Pieces further apart than this many ems on one baseline are separate lines (two columns). Office
/// programs and typst show a line in one piece per font, so pieces of one line touch or are a
/// space apart, while the header's two columns may stand little more than an em apart.
const COLUMN_GAP_EM: f32 = 0.8;
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

fn page_font<'a>(document: &'a Document, font: &'a Dictionary) -> PageFont<'a> {
    let encoding = font.get_font_encoding(document).ok();
    let mut widths = BTreeMap::new();
    let descendant = match font.get(b"DescendantFonts").map(|o| resolve(document, o)) {
        Ok(Object::Array(fonts)) => fonts.first().map(|f| resolve(document, f)),
        _ => None,
    };
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

/// Walks the content of `page` and returns every shown string placed, every horizontal line drawn,
/// and how many images or forms it draws.
fn walk(document: &Document, page: ObjectId) -> (Vec<Piece>, Vec<Segment>, usize) {
    let fonts: BTreeMap<Vec<u8>, PageFont> = document
        .get_page_fonts(page)
        .map(|fonts| {
            fonts
                .into_iter()
                .map(|(name, font)| (name, page_font(document, font)))
                .collect()
        })
        .unwrap_or_default();
    let Ok(content) = document
        .get_page_content(page)
        .and_then(|data| Content::decode(&data))
    else {
        return (Vec::new(), Vec::new(), 0);
    };
    let mut state = State {
        ctm: Matrix::IDENTITY,
        font: Vec::new(),
        size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        horizontal_scale: 1.0,
        leading: 0.0,
        colour: None,
    };
    let mut saved: Vec<State> = Vec::new();
    let (mut text_matrix, mut line_matrix) = (Matrix::IDENTITY, Matrix::IDENTITY);
    let mut pieces = Vec::new();
    // The path being built: its current point, and its straight edges in page space.
    let (mut current, mut edges) = ((0.0, 0.0), Vec::<((f32, f32), (f32, f32))>::new());
    let mut segments = Vec::new();
    let mut figures = 0;
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
                    let shown = string.map(|s| vec![Object::string_literal(s.to_vec())]);
                    if let (Some(shown), Some(font)) = (shown, fonts.get(&state.font)) {
                        pieces.extend(show(&mut text_matrix, &state, font, &shown));
                    }
                }
            }
            "Tj" | "TJ" => {
                let shown = match op.operands.first() {
                    Some(Object::Array(items)) => items.clone(),
                    Some(other) => vec![other.clone()],
                    None => Vec::new(),
                };
                if let Some(font) = fonts.get(&state.font) {
                    pieces.extend(show(&mut text_matrix, &state, font, &shown));
                }
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
            "re" => {
                let (x, y, w, h) = (operand(0), operand(1), operand(2), operand(3));
                let corner = |dx: f32, dy: f32| state.ctm.apply(x + dx, y + dy);
                edges.push((corner(0.0, 0.0), corner(w, 0.0)));
                edges.push((corner(0.0, h), corner(w, h)));
                current = corner(0.0, 0.0);
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                segments.extend(edges.drain(..).filter_map(|((x0, y0), (x1, y1))| {
                    let flat = (y0 - y1).abs() < 0.3 && (x1 - x0).abs() >= SHORTEST_RULE_PT;
                    flat.then(|| Segment {
                        x0: x0.min(x1),
                        x1: x0.max(x1),
                        y: (y0 + y1) / 2.0,
                    })
                }));
            }
            "n" => edges.clear(),
            "Do" => figures += 1,
            _ => {}
        }
    }
    (pieces, segments, figures)
}

/// Shows `items` (strings and, in a TJ array, adjustments) from the text matrix, which it advances.
/// The piece spans its visible glyphs: spaces at either end do not count.
fn show(
    text_matrix: &mut Matrix,
    state: &State,
    font: &PageFont,
    items: &[Object],
) -> Option<Piece> {
    let start = text_matrix.then(state.ctm);
    let x_now = |m: &Matrix| m.then(state.ctm).apply(0.0, 0.0).0;
    let mut text = String::new();
    let mut visible: Option<(f32, f32)> = None;
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
                    if !glyph.trim().is_empty() {
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
    let (x0, x1) = visible?;
    let (_, y) = start.apply(0.0, 0.0);
    Some(Piece {
        text,
        x0: x0.min(x1),
        x1: x0.max(x1),
        y,
        size: state.size * start.vertical_scale(),
        colour: state.colour.clone(),
    })
}

/// The printed lines of `page` (of `height_pt`), top to bottom and left to right, and the horizontal
/// rules it draws. Lines are pieces on one
/// baseline, split where a gap wider than most of an em parts two columns.
pub fn lines(document: &Document, page: ObjectId, height_pt: f32) -> PageContent {
    let (mut pieces, segments, figures) = walk(document, page);
    let mut drawn: Vec<Drawn> = Vec::new();
    for segment in segments {
        let new = Drawn {
            x0_mm: segment.x0 * MM_PER_POINT,
            x1_mm: segment.x1 * MM_PER_POINT,
            y_mm: (height_pt - segment.y) * MM_PER_POINT,
        };
        // A thin rectangle's two long edges are one rule.
        let same = drawn.iter().any(|d| {
            (d.y_mm - new.y_mm).abs() < 0.5
                && (d.x0_mm - new.x0_mm).abs() < 0.5
                && (d.x1_mm - new.x1_mm).abs() < 0.5
        });
        if !same {
            drawn.push(new);
        }
    }
    // Top to bottom by baseline (to half a point), then left to right.
    pieces.sort_by(|a, b| {
        (b.y * 2.0)
            .round()
            .total_cmp(&(a.y * 2.0).round())
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut lines: Vec<(Piece, f32)> = Vec::new();
    for piece in pieces {
        match lines.last_mut() {
            Some((line, _))
                if (line.y - piece.y).abs() < 0.3 * line.size.max(piece.size)
                    && piece.x0 - line.x1 < COLUMN_GAP_EM * line.size.max(piece.size)
                    && piece.x0 >= line.x0 =>
            {
                let gap = piece.x0 - line.x1;
                let spaced = line.text.ends_with(' ') || piece.text.starts_with(' ');
                if gap > SPACE_GAP_EM * line.size && !spaced {
                    line.text.push(' ');
                }
                line.text.push_str(&piece.text);
                line.x1 = line.x1.max(piece.x1);
                line.size = line.size.max(piece.size);
                line.colour = line.colour.take().or(piece.colour);
            }
            _ => {
                let y = piece.y;
                lines.push((piece, y));
            }
        }
    }
    let placed = lines
        .into_iter()
        .map(|(line, _)| Placed {
            text: line.text.split_whitespace().collect::<Vec<_>>().join(" "),
            x0_mm: line.x0 * MM_PER_POINT,
            x1_mm: line.x1 * MM_PER_POINT,
            baseline_mm: (height_pt - line.y) * MM_PER_POINT,
            size_pt: line.size,
            colour: line.colour,
        })
        .collect();
    PageContent {
        lines: placed,
        rules: drawn,
        figures,
    }
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
