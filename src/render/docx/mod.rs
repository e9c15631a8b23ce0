//! DOCX writer: the printed document as a Word file, with docx-rs, from the same nd30 numbers as the PDF.
//!
//! The header and the closing block are borderless tables; rules are bottom borders of empty
//! paragraphs, indented so that the border is as long as the text it underlines.

mod annex_table;
mod package;
mod schema_order;

use docx_rs::{
    AlignmentType, BorderType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, PageNumType, PageOrientationType, PageSize, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Section,
    SpecialIndentType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use crate::document::Span;
use crate::error::{Error, Result};
use crate::fonts;
use crate::nd30::{self, Date, Format};
use crate::printed::{Closing, Preamble, Printed, PrintedAnnex, Recipients};

/// Twentieths of a point per millimetre.
fn twips(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// Twips of a margin, rounded up so that the margin is never narrower than asked.
fn margin_twips(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).ceil() as i32
}

fn twips_u(mm: f32) -> usize {
    twips(mm).max(0) as usize
}

fn pt_twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

/// Half-points, the unit of font sizes.
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

fn pt_to_mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

/// A style of text: size and weight.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    italic: bool,
}

impl Style {
    fn new(size: f32) -> Style {
        Style {
            size,
            bold: false,
            italic: false,
        }
    }
    fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
    fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }
}

fn run(text: &str, style: Style) -> Run {
    let mut run = Run::new().add_text(text).size(half_points(style.size));
    if style.bold {
        run = run.bold();
    }
    if style.italic {
        run = run.italic();
    }
    run
}

/// Single line spacing with `before` points above.
fn single(before_pt: f32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(pt_twips(before_pt))
        .after(0)
}

/// A paragraph of one line of text in `style`, with single spacing.
fn line(text: &str, style: Style, align: AlignmentType, before_pt: f32) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, style))
        .align(align)
        .line_spacing(single(before_pt))
}

fn centred(texts: &[String], style: Style) -> Vec<Paragraph> {
    texts
        .iter()
        .map(|t| line(t, style, AlignmentType::Center, 0.0))
        .collect()
}

/// An empty paragraph whose bottom border is a rule `length_mm` long, centred in `width_mm`.
fn rule(length_mm: f32, width_mm: f32, f: &Format) -> Paragraph {
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

/// The secrecy mark, and the urgency mark in a box as wide as the Decree sets it, at the column's left.
fn marks(p: &Printed, column_mm: f32, f: &Format) -> Vec<Paragraph> {
    let style = Style::new(f.size.mark).bold();
    let mut paragraphs: Vec<Paragraph> = p
        .marks
        .secrecy
        .iter()
        .map(|s| line(s, style, AlignmentType::Left, f.paragraph_gap_pt))
        .collect();
    if let Some(urgency) = p.marks.urgency {
        let side = |position| {
            ParagraphBorder::new(position)
                .val(BorderType::Single)
                .size((f.rule_pt * 8.0).round() as usize)
                .space(1)
        };
        let borders = ParagraphBorders::with_empty()
            .set(side(ParagraphBorderPosition::Top))
            .set(side(ParagraphBorderPosition::Bottom))
            .set(side(ParagraphBorderPosition::Left))
            .set(side(ParagraphBorderPosition::Right));
        let right = twips((column_mm - p.marks.urgency_width_mm).max(0.0));
        paragraphs.push(
            line(urgency, style, AlignmentType::Center, f.paragraph_gap_pt)
                .indent(Some(0), None, Some(right), None)
                .set_borders(borders),
        );
    }
    paragraphs
}

/// An empty, one-point-high paragraph that keeps `before_pt` of space; Word needs one between tables.
fn spacer(before_pt: f32) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().size(2))
        .size(2)
        .line_spacing(single(before_pt))
}

fn widest_mm(texts: &[String], style: Style) -> f32 {
    texts
        .iter()
        .map(|t| pt_to_mm(fonts::width_pt(t, style.size, style.bold)))
        .fold(0.0, f32::max)
}

fn cell(width_mm: f32, paragraphs: Vec<Paragraph>) -> TableCell {
    let cell = TableCell::new().width(twips_u(width_mm), WidthType::Dxa);
    let cell = paragraphs.into_iter().fold(cell, TableCell::add_paragraph);
    if cell.children.is_empty() {
        cell.add_paragraph(Paragraph::new())
    } else {
        cell
    }
}

/// A borderless, fixed-layout table with no cell padding.
fn frame(widths_mm: &[f32], rows: Vec<TableRow>) -> Table {
    let total: f32 = widths_mm.iter().sum();
    Table::without_borders(rows)
        .set_grid(widths_mm.iter().map(|w| twips_u(*w)).collect())
        .width(twips_u(total), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

fn header(p: &Printed, f: &Format) -> Table {
    let (left, right) = (f.header.left_mm, f.header.right_mm);
    let agency_style = Style::new(f.size.agency).bold();
    let mut agency = centred(&p.parent, Style::new(f.size.parent));
    agency.extend(centred(&p.agency, agency_style));
    agency.push(rule(
        widest_mm(&p.agency, agency_style) * f.agency_rule_ratio,
        left,
        f,
    ));

    let motto_style = Style::new(f.size.motto).bold();
    let motto = [p.motto.to_string()];
    let mut national = centred(
        &[p.national_name.to_string()],
        Style::new(f.size.national_name).bold(),
    );
    national.extend(centred(&motto, motto_style));
    national.push(rule(widest_mm(&motto, motto_style), right, f));

    let gap = f.paragraph_gap_pt;
    let mut rows = vec![
        TableRow::new(vec![cell(left, agency), cell(right, national)]),
        TableRow::new(vec![
            cell(
                left,
                vec![line(
                    &p.number,
                    Style::new(f.size.number),
                    AlignmentType::Center,
                    gap,
                )],
            ),
            cell(
                right,
                p.place_date
                    .iter()
                    .map(|date| {
                        line(
                            date,
                            Style::new(f.size.place_date).italic(),
                            AlignmentType::Center,
                            gap,
                        )
                    })
                    .collect(),
            ),
        ]),
    ];
    if p.marks.secrecy.is_some() || p.marks.urgency.is_some() {
        rows.push(TableRow::new(vec![
            cell(left, marks(p, left, f)),
            cell(right, vec![]),
        ]));
    }
    if let Some(subject) = &p.letter_subject {
        let subject = line(
            subject,
            Style::new(f.size.letter_subject),
            AlignmentType::Center,
            f.letter_subject_gap_pt,
        );
        rows.push(TableRow::new(vec![
            cell(left, vec![subject]),
            cell(right, vec![]),
        ]));
    }
    if p.marks.secrecy.is_some() || p.marks.urgency.is_some() {
        rows.push(TableRow::new(vec![
            cell(left, marks(p, left, f)),
            cell(right, vec![]),
        ]));
    }
    frame(&[left, right], rows)
}

fn title(p: &Printed, f: &Format) -> Vec<Paragraph> {
    let Some(title) = &p.title else {
        return Vec::new();
    };
    let style = Style::new(f.size.title).bold();
    let width = f.text_width_mm(false);
    let mut lines = vec![title.name.to_string()];
    lines.extend(title.subject.clone());
    let last = lines.last().cloned().into_iter().collect::<Vec<_>>();
    let mut paragraphs: Vec<Paragraph> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            line(
                l,
                style,
                AlignmentType::Center,
                if i == 0 { f.header_gap_pt } else { 0.0 },
            )
        })
        .collect();
    paragraphs.push(rule(
        widest_mm(&last, style).min(width) * f.title_rule_ratio,
        width,
        f,
    ));
    paragraphs
}

/// Adds a decision's authority line, its legal bases in italics, and the enacting word.
fn add_preamble<B: Body>(mut body: B, p: &Preamble, f: &Format) -> B {
    let centred_bold = Style::new(f.size.title).bold();
    if let Some(authority) = &p.authority {
        body = body.paragraph(line(
            authority,
            centred_bold,
            AlignmentType::Center,
            f.header_gap_pt,
        ));
    }
    for base in &p.bases {
        let span = Span {
            text: base.clone(),
            bold: false,
            italic: true,
        };
        body = body.paragraph(body_paragraph(std::slice::from_ref(&span), f));
    }
    if let Some(enacting) = p.enacting {
        body = body.paragraph(line(
            enacting,
            centred_bold,
            AlignmentType::Center,
            f.paragraph_gap_pt,
        ));
    }
    body
}

/// Adds the `Kính gửi:` block: one centred line, or the label beside a dash list.
fn add_recipients<B: Body>(docx: B, r: &Recipients, f: &Format) -> B {
    let style = Style::new(f.size.recipients);
    if !r.list {
        let text = format!("{} {}", r.label, r.lines.join(" "));
        return docx.paragraph(line(&text, style, AlignmentType::Center, f.header_gap_pt));
    }
    let label_mm = pt_to_mm(fonts::width_pt(&format!("{} ", r.label), style.size, false));
    let rest = f.text_width_mm(false) - f.recipients_indent_mm - label_mm;
    let items = r
        .lines
        .iter()
        .map(|l| line(l, style, AlignmentType::Left, 0.0))
        .collect();
    let label = vec![line(r.label, style, AlignmentType::Left, 0.0)];
    let row = TableRow::new(vec![
        cell(f.recipients_indent_mm, vec![]),
        cell(label_mm, label),
        cell(rest, items),
    ]);
    docx.paragraph(spacer(f.header_gap_pt))
        .table(frame(&[f.recipients_indent_mm, label_mm, rest], vec![row]))
}

fn body_paragraph(spans: &[Span], f: &Format) -> Paragraph {
    let spacing = LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line((240.0 * f.line_spacing).round() as i32)
        .before(pt_twips(f.paragraph_gap_pt))
        .after(0);
    let style = Style::new(f.size.body);
    let paragraph = Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(twips(f.indent_mm))),
            None,
            None,
        )
        .line_spacing(spacing);
    spans.iter().fold(paragraph, |p, s| {
        let style = Style {
            bold: s.bold,
            italic: s.italic,
            ..style
        };
        p.add_run(run(&s.text, style))
    })
}

fn closing(c: &Closing, f: &Format) -> Table {
    let (left, right) = (f.closing.left_mm, f.closing.right_mm);
    let mut distribution = vec![line(
        c.distribution_label,
        Style::new(f.size.distribution_label).bold().italic(),
        AlignmentType::Left,
        0.0,
    )];
    let item = Style::new(f.size.distribution_item);
    distribution.extend(
        c.distribution
            .iter()
            .map(|t| line(t, item, AlignmentType::Left, 0.0)),
    );
    distribution.extend(
        c.drafter
            .iter()
            .map(|d| line(d, item, AlignmentType::Right, 0.0)),
    );

    let signature = |positions: &[String], name: &str| {
        let style = Style::new(f.size.signature).bold();
        let mut paragraphs = centred(positions, style);
        paragraphs.push(line(
            name,
            style,
            AlignmentType::Center,
            f.signature_room_mm * 72.0 / 25.4,
        ));
        paragraphs
    };
    let main = signature(&c.positions, &c.name);
    let rows = match &c.second {
        None => vec![TableRow::new(vec![cell(left, distribution), cell(right, main)]).cant_split()],
        Some(second) => vec![
            TableRow::new(vec![
                cell(left, signature(&second.positions, &second.name)),
                cell(right, main),
            ])
            .cant_split(),
            TableRow::new(vec![cell(left, distribution), cell(right, vec![])]).cant_split(),
        ],
    };
    frame(&[left, right], rows)
}

fn page_number(f: &Format) -> Header {
    let style = Style::new(f.size.page_number);
    let field = Run::new()
        .size(half_points(style.size))
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::default()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(FieldCharType::End, false);
    Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(single(0.0))
            .add_run(field),
    )
}

/// Something that takes paragraphs and tables in order: the document's last section, or an earlier one.
trait Body: Sized {
    fn paragraph(self, paragraph: Paragraph) -> Self;
    fn table(self, table: Table) -> Self;
}

impl Body for Docx {
    fn paragraph(self, paragraph: Paragraph) -> Self {
        self.add_paragraph(paragraph)
    }
    fn table(self, table: Table) -> Self {
        self.add_table(table)
    }
}

impl Body for Section {
    fn paragraph(self, paragraph: Paragraph) -> Self {
        self.add_paragraph(paragraph)
    }
    fn table(self, table: Table) -> Self {
        self.add_table(table)
    }
}

/// The letter itself: header, title, Kính gửi, body, Nơi nhận and signature.
fn letter<B: Body>(mut body: B, p: &Printed, f: &Format) -> B {
    body = body.table(header(p, f));
    for paragraph in title(p, f) {
        body = body.paragraph(paragraph);
    }
    if let Some(preamble) = &p.preamble {
        body = add_preamble(body, preamble, f);
    }
    if let Some(r) = &p.recipients {
        body = add_recipients(body, r, f);
    }
    for paragraph in &p.body {
        body = body.paragraph(body_paragraph(&paragraph.spans, f));
    }
    body.paragraph(spacer(f.paragraph_gap_pt))
        .table(closing(&p.closing, f))
}

/// An annex: its heading, then its table.
fn annex<B: Body>(body: B, a: &PrintedAnnex, f: &Format) -> B {
    let width = f.text_width_mm(a.landscape);
    let title_style = Style::new(f.size.annex_title).bold();
    let rule_mm =
        widest_mm(std::slice::from_ref(&a.title), title_style).min(width) * f.title_rule_ratio;
    body.paragraph(line(
        &a.label,
        Style::new(f.size.annex_label).bold(),
        AlignmentType::Center,
        0.0,
    ))
    .paragraph(line(&a.title, title_style, AlignmentType::Center, 0.0))
    .paragraph(line(
        &a.reference,
        Style::new(f.size.annex_reference).italic(),
        AlignmentType::Center,
        0.0,
    ))
    .paragraph(rule(rule_mm, width, f))
    .paragraph(spacer(f.header_gap_pt))
    .table(annex_table::table(&a.table, f))
}

/// Paper size, orientation and margins of a portrait or landscape page.
fn page(f: &Format, landscape: bool) -> (u32, u32, PageOrientationType, PageMargin) {
    let (w, h) = (
        twips(f.page.width_mm) as u32,
        twips(f.page.height_mm) as u32,
    );
    let margin = PageMargin {
        top: margin_twips(f.margin.top_mm),
        bottom: margin_twips(f.margin.bottom_mm),
        left: margin_twips(f.margin.left_mm),
        right: margin_twips(f.margin.right_mm),
        header: twips(f.margin.header_mm),
        footer: twips(f.margin.header_mm),
        gutter: 0,
    };
    if landscape {
        (h, w, PageOrientationType::Landscape, margin)
    } else {
        (w, h, PageOrientationType::Portrait, margin)
    }
}

/// A section that is not the last: its page, the page number header, none on its first page, and
/// numbering from 1 when `restart` (annexes).
fn section(f: &Format, landscape: bool, restart: bool) -> Section {
    let (w, h, orient, margin) = page(f, landscape);
    let section = Section::new()
        .page_size(PageSize::new().size(w, h))
        .page_orient(orient)
        .page_margin(margin)
        .header(page_number(f))
        .title_pg();
    if restart {
        section.page_num_type(PageNumType::new().start(1))
    } else {
        section
    }
}

/// The DOCX of `doc`.
pub fn render(p: &Printed, date: Date) -> Result<Vec<u8>> {
    let f = nd30::STANDARD;
    let font = RunFonts::new()
        .ascii(nd30::FONT)
        .hi_ansi(nd30::FONT)
        .east_asia(nd30::FONT)
        .cs(nd30::FONT);
    let stamp = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year, date.month, date.day
    );
    let mut docx = Docx::new()
        .default_fonts(font)
        .default_size(half_points(f.size.body))
        .created_at(&stamp)
        .updated_at(&stamp);
    // The last section's properties belong to the document; every earlier one is a Section.
    let last_landscape = p.annexes.last().map(|a| a.landscape);
    match p.annexes.split_last() {
        None if p.letter => docx = letter(docx, p, &f),
        None => {}
        Some((last, earlier)) => {
            if p.letter {
                docx = docx.add_section(letter(section(&f, false, false), p, &f));
            }
            for a in earlier {
                docx = docx.add_section(annex(section(&f, a.landscape, true), a, &f));
            }
            docx = annex(docx, last, &f).page_num_type(PageNumType::new().start(1));
        }
    }
    let (w, h, orient, margin) = page(&f, last_landscape.unwrap_or(false));
    docx = docx
        .page_size(w, h)
        .page_orient(orient)
        .page_margin(margin)
        .header(page_number(&f))
        .title_pg();
    let mut raw = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut raw)
        .map_err(|e| Error::Docx(e.to_string()))?;
    package::finish(&raw.into_inner())
}
