//! Building blocks of the DOCX writer: units, one-line paragraphs, rules, borderless frames.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::wml::{Border, Borders, Cell, Indent, Paragraph, Row, Run, Spacing, Table};

use crate::nd30::{self, Align, Format, Look};

/// Twentieths of a point per millimetre.
pub(super) fn twips(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// Twips of a margin, rounded up so that the margin is never narrower than asked.
pub(super) fn margin_twips(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).ceil() as i32
}

pub(super) fn twips_u(mm: f32) -> usize {
    twips(mm).max(0) as usize
}

pub(super) fn pt_twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

/// Half-points, the unit of font sizes.
pub(super) fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

pub(super) fn pt_to_mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

/// The id of a component's paragraph style: its name without marks, spaces or punctuation
/// (`Quốc hiệu` → `QuocHieu`).
pub(super) fn style_id(look: Look) -> Cow<'static, str> {
    /// The ids of the presentation table's components, worked out once.
    static IDS: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
        nd30::STANDARD
            .look
            .all()
            .iter()
            .map(|look| (look.name, id_of(look.name)))
            .collect()
    });
    IDS.get(look.name)
        .map_or_else(|| id_of(look.name).into(), |id| id.as_str().into())
}

fn id_of(name: &str) -> String {
    crate::data::fold::fold(name)
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The paragraph style of a component, named as a clerk knows it, in the component's look: picking
/// it in Word gives a paragraph the Decree's format.
pub(super) fn paragraph_style(look: Look) -> docx_rs::Style {
    let mut style = docx_rs::Style::new(style_id(look).into_owned(), docx_rs::StyleType::Paragraph)
        .name(look.name)
        .size(half_points(look.size_pt))
        .align(
            alignment(look.align)
                .parse()
                .unwrap_or(docx_rs::AlignmentType::Left),
        )
        .q_format(true);
    if look.bold {
        style = style.bold();
    }
    if look.italic {
        style = style.italic();
    }
    // A justified component's indent is its first line's; a block's (Kính gửi) is its frame's.
    if look.align == Align::Justify && look.indent_mm > 0.0 {
        style = style.indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(twips(look.indent_mm))),
            None,
            None,
        );
    }
    style
}

/// A run of `text` in `look`, in a paragraph of the style `paragraph`: only what differs from the
/// style is set on the run.
pub(super) fn run<'a>(text: impl Into<Cow<'a, str>>, look: Look, paragraph: Look) -> Run<'a> {
    let differs = |own: bool, style: bool| (own != style).then_some(own);
    Run {
        text: Some(text.into()),
        bold: differs(look.bold, paragraph.bold),
        italic: differs(look.italic, paragraph.italic),
        size: (look.size_pt != paragraph.size_pt).then(|| half_points(look.size_pt)),
        vertical: None,
    }
}

/// Single line spacing with `before` points above.
pub(super) fn single(before_pt: f32) -> Spacing {
    Spacing {
        before: pt_twips(before_pt),
        line: 240,
    }
}

/// Word's alignment for a component's.
pub(super) fn alignment(align: Align) -> &'static str {
    match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

/// A paragraph of one line of text in the component's style (its look and alignment), with single
/// spacing and `before_pt` above.
pub(super) fn line<'a>(text: impl Into<Cow<'a, str>>, look: Look, before_pt: f32) -> Paragraph<'a> {
    Paragraph {
        style: Some(style_id(look)),
        spacing: Some(single(before_pt)),
        runs: vec![run(text, look, look)],
        ..Paragraph::default()
    }
}

/// Lines of a component, one paragraph each, in its style.
pub(super) fn lines(texts: &[String], look: Look) -> Vec<Paragraph<'_>> {
    texts.iter().map(|t| line(t.as_str(), look, 0.0)).collect()
}

/// The width of a rule or a box's line, in eighths of a point.
pub(super) fn rule_size(f: &Format) -> usize {
    (f.rule_pt * 8.0).round() as usize
}

/// An empty paragraph whose bottom border is a rule `length_mm` long, centred in `width_mm`.
pub(super) fn rule(length_mm: f32, width_mm: f32, f: &Format) -> Paragraph<'static> {
    let side = twips(((width_mm - length_mm) / 2.0).max(0.0));
    Paragraph {
        borders: Some(Borders::Bottom(Border {
            size: rule_size(f),
            space: 0,
        })),
        indent: Some(Indent {
            left: side,
            right: side,
            first_line: None,
        }),
        ..spacer(f.rule_gap_pt)
    }
}

/// An empty, one-point-high paragraph that keeps `before_pt` of space; Word needs one between tables.
pub(super) fn spacer(before_pt: f32) -> Paragraph<'static> {
    Paragraph {
        spacing: Some(single(before_pt)),
        mark_size: Some(2),
        runs: vec![Run {
            size: Some(2),
            ..Run::default()
        }],
        ..Paragraph::default()
    }
}

/// A cell of a frame: `width_mm` wide, holding `paragraphs`.
pub(super) fn cell(width_mm: f32, paragraphs: Vec<Paragraph<'_>>) -> Cell<'_> {
    Cell {
        width: twips_u(width_mm),
        span: 1,
        paragraphs,
        ..Cell::default()
    }
}

/// A borderless, fixed-layout table with no cell padding.
pub(super) fn frame<'a>(widths_mm: &[f32], rows: Vec<Row<'a>>) -> Table<'a> {
    Table {
        grid: widths_mm.iter().map(|w| twips_u(*w)).collect(),
        ruled: None,
        padding: 0,
        rows,
    }
}
