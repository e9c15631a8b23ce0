//! Building blocks of the DOCX writer: units, one-line paragraphs, rules, borderless frames.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, Table, TableCell, TableCellMargins,
    TableLayoutType, TableRow, WidthType,
};

use std::collections::HashMap;
use std::sync::LazyLock;

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
pub(super) fn style_id(look: Look) -> String {
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
        .cloned()
        .unwrap_or_else(|| id_of(look.name))
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
    let mut style = docx_rs::Style::new(style_id(look), docx_rs::StyleType::Paragraph)
        .name(look.name)
        .size(half_points(look.size_pt))
        .align(alignment(look.align))
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
pub(super) fn run(text: &str, look: Look, paragraph: Look) -> Run {
    let mut run = Run::new().add_text(text);
    if look.size_pt != paragraph.size_pt {
        run = run.size(half_points(look.size_pt));
    }
    match (look.bold, paragraph.bold) {
        (true, false) => run = run.bold(),
        (false, true) => run = run.disable_bold(),
        _ => {}
    }
    match (look.italic, paragraph.italic) {
        (true, false) => run = run.italic(),
        (false, true) => run = run.disable_italic(),
        _ => {}
    }
    run
}

/// Single line spacing with `before` points above.
pub(super) fn single(before_pt: f32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(pt_twips(before_pt))
        .after(0)
}

/// Word's alignment for a component's.
pub(super) fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// A paragraph of one line of text in the component's style (its look and alignment), with single
/// spacing and `before_pt` above.
pub(super) fn line(text: &str, look: Look, before_pt: f32) -> Paragraph {
    Paragraph::new()
        .style(&style_id(look))
        .add_run(run(text, look, look))
        .line_spacing(single(before_pt))
}

/// Lines of a component, one paragraph each, in its style.
pub(super) fn lines(texts: &[String], look: Look) -> Vec<Paragraph> {
    texts.iter().map(|t| line(t, look, 0.0)).collect()
}

/// An empty paragraph whose bottom border is a rule `length_mm` long, centred in `width_mm`.
pub(super) fn rule(length_mm: f32, width_mm: f32, f: &Format) -> Paragraph {
    let side = twips(((width_mm - length_mm) / 2.0).max(0.0));
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size((f.rule_pt * 8.0).round() as usize)
        .space(0);
    Paragraph::new()
        .add_run(Run::new().size(2))
        .size(2)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(single(f.rule_gap_pt))
        .set_borders(ParagraphBorders::with_empty().set(border))
}

/// An empty, one-point-high paragraph that keeps `before_pt` of space; Word needs one between tables.
pub(super) fn spacer(before_pt: f32) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().size(2))
        .size(2)
        .line_spacing(single(before_pt))
}

pub(super) fn cell(width_mm: f32, paragraphs: Vec<Paragraph>) -> TableCell {
    let cell = TableCell::new().width(twips_u(width_mm), WidthType::Dxa);
    let cell = paragraphs.into_iter().fold(cell, TableCell::add_paragraph);
    if cell.children.is_empty() {
        cell.add_paragraph(Paragraph::new())
    } else {
        cell
    }
}

/// A borderless, fixed-layout table with no cell padding.
pub(super) fn frame(widths_mm: &[f32], rows: Vec<TableRow>) -> Table {
    let total: f32 = widths_mm.iter().sum();
    Table::without_borders(rows)
        .set_grid(widths_mm.iter().map(|w| twips_u(*w)).collect())
        .width(twips_u(total), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}
