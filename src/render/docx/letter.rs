//! The letter itself in DOCX: the header table, title, decision preamble, Kính gửi, body, and the
//! closing table with Nơi nhận and the signatures.

use super::text::{
    cell, frame, line, lines, pt_to_mm, pt_twips, rule, rule_size, run, spacer, style_id, twips,
};
use super::wml::{Border, Borders, Indent, Paragraph, Row, Spacing, Table, VerticalAlign};
use super::Body;
use crate::document::{Script, Span};
use crate::fonts;
use crate::nd30::{Format, Look};
use crate::printed::{BodyBlock, Closing, Preamble, Printed, Recipients};

/// `paragraph` in a single-line box, indented `left` and `right` twips.
fn boxed<'a>(paragraph: Paragraph<'a>, left: i32, right: i32, f: &Format) -> Paragraph<'a> {
    Paragraph {
        borders: Some(Borders::Box(Border {
            size: rule_size(f),
            space: 1,
        })),
        indent: Some(Indent {
            left,
            right,
            first_line: None,
        }),
        ..paragraph
    }
}

/// The circulation notice, boxed over the right column of the header.
fn circulation<'a>(notice: &'a str, f: &Format) -> Paragraph<'a> {
    let style = f.look.circulation;
    let text_mm = pt_to_mm(fonts::width_pt(notice, style.size_pt, style.bold)) + 4.0;
    let left = twips(f.header.left_mm + (f.header.right_mm - text_mm).max(0.0) / 2.0);
    let right = twips((f.header.right_mm - text_mm).max(0.0) / 2.0);
    boxed(line(notice, style, style.before_pt), left, right, f)
}

/// The secrecy mark, and the urgency mark in a box as wide as the Decree sets it, at the column's left.
fn marks<'a>(p: &'a Printed, column_mm: f32, f: &Format) -> Vec<Paragraph<'a>> {
    let secrecy = f.look.secrecy;
    let mut paragraphs: Vec<Paragraph> = p
        .marks
        .secrecy
        .iter()
        .map(|s| line(*s, secrecy, secrecy.before_pt))
        .collect();
    if let Some(urgency) = p.marks.urgency {
        let right = twips((column_mm - p.marks.urgency_width_mm).max(0.0));
        let mark = line(urgency, f.look.urgency, f.look.urgency.before_pt);
        paragraphs.push(boxed(mark, 0, right, f));
    }
    paragraphs
}

/// A row of a frame, kept whole on a page when `whole`.
fn row(cells: Vec<super::wml::Cell<'_>>, whole: bool) -> Row<'_> {
    Row {
        cant_split: whole,
        header: false,
        cells,
    }
}

fn header<'a>(p: &'a Printed, f: &Format) -> Table<'a> {
    let (left, right) = (f.header.left_mm, f.header.right_mm);
    let agency_style = f.look.agency;
    let mut agency = lines(&p.parent, f.look.parent);
    agency.extend(lines(&p.agency, agency_style));
    agency.push(rule(p.rules.agency_mm, left, f));

    let national = vec![
        line(p.national_name, f.look.national_name, 0.0),
        line(p.motto, f.look.motto, 0.0),
        rule(p.rules.motto_mm, right, f),
    ];

    let mut rows = vec![
        row(vec![cell(left, agency), cell(right, national)], false),
        row(
            vec![
                cell(
                    left,
                    p.number
                        .iter()
                        .map(|number| line(number.as_str(), f.look.number, f.look.number.before_pt))
                        .collect(),
                ),
                cell(
                    right,
                    p.place_date
                        .iter()
                        .map(|date| {
                            line(
                                date.as_str(),
                                f.look.place_date,
                                f.look.place_date.before_pt,
                            )
                        })
                        .collect(),
                ),
            ],
            false,
        ),
    ];
    if let Some(subject) = &p.letter_subject {
        let look = f.look.letter_subject;
        let subject = line(subject.as_str(), look, look.before_pt);
        rows.push(row(
            vec![cell(left, vec![subject]), cell(right, vec![])],
            false,
        ));
    }
    if p.marks.secrecy.is_some() || p.marks.urgency.is_some() {
        rows.push(row(
            vec![cell(left, marks(p, left, f)), cell(right, vec![])],
            false,
        ));
    }
    frame(&[left, right], rows)
}

fn title<'a>(p: &'a Printed, f: &Format) -> Vec<Paragraph<'a>> {
    let Some(title) = &p.title else {
        return Vec::new();
    };
    let style = f.look.title;
    let width = f.text_width_mm(false);
    let mut paragraphs = vec![line(title.name, style, style.before_pt)];
    paragraphs.extend(title.subject.iter().map(|l| line(l.as_str(), style, 0.0)));
    if let Some(reference) = &title.reference {
        let italic = f.look.title_reference;
        paragraphs.push(line(reference.as_str(), italic, italic.before_pt));
    }
    paragraphs.push(rule(p.rules.title_mm, width, f));
    paragraphs
}

/// Adds a decision's authority line, its legal bases in italics, and the enacting word.
fn add_preamble(body: &mut Body, p: &Preamble, f: &Format) {
    if let Some(authority) = &p.authority {
        let look = f.look.authority;
        body.paragraph(line(authority.as_str(), look, look.before_pt));
    }
    for base in &p.bases {
        let look = f.look.basis;
        let mut paragraph = body_paragraph(&[], false, look, f);
        paragraph.runs.push(run(base.as_str(), look, look));
        body.paragraph(paragraph);
    }
    if let Some(enacting) = p.enacting {
        let look = f.look.enacting;
        body.paragraph(line(enacting, look, look.before_pt));
    }
}

/// Adds the `Kính gửi:` block: one centred line, or the label beside a dash list.
fn add_recipients(body: &mut Body, r: &Recipients, f: &Format) {
    let style = f.look.recipients;
    if !r.list {
        let text = format!("{} {}", r.label, r.lines.join(" "));
        // One addressee stands centred on the label's line.
        let mut paragraph = line(text, style, style.before_pt);
        paragraph.align = Some("center");
        body.paragraph(paragraph);
        return;
    }
    let label_mm = pt_to_mm(fonts::width_pt(
        &format!("{} ", r.label),
        style.size_pt,
        style.bold,
    ));
    let rest = f.text_width_mm(false) - style.indent_mm - label_mm;
    let items = lines(&r.lines, style);
    let label = vec![line(r.label, style, 0.0)];
    let cells = vec![
        cell(style.indent_mm, vec![]),
        cell(label_mm, label),
        cell(rest, items),
    ];
    body.paragraph(spacer(style.before_pt));
    body.table(frame(
        &[style.indent_mm, label_mm, rest],
        vec![row(cells, false)],
    ));
}

/// A body paragraph in the style of `look`: justified with a first-line indent, or centred without
/// one (heading lines); its spans' own bold and italic are set on their runs, raised or lowered as
/// their script says.
fn body_paragraph<'a>(spans: &'a [Span], centred: bool, look: Look, f: &Format) -> Paragraph<'a> {
    let runs = spans
        .iter()
        .map(|s| {
            let own = Look {
                bold: s.bold,
                italic: s.italic,
                ..look
            };
            let mut run = run(s.text.as_str(), own, look);
            run.vertical = match s.script {
                Script::Baseline => None,
                Script::Super => Some(VerticalAlign::Super),
                Script::Sub => Some(VerticalAlign::Sub),
            };
            run
        })
        .collect();
    Paragraph {
        style: Some(style_id(look)),
        spacing: Some(Spacing {
            before: pt_twips(look.before_pt),
            line: (240.0 * f.line_spacing).round() as i32,
        }),
        // A heading line of the body stands centred, without the style's indent.
        indent: centred.then(|| Indent {
            first_line: Some(0),
            ..Indent::default()
        }),
        align: centred.then_some("center"),
        runs,
        ..Paragraph::default()
    }
}

fn closing<'a>(c: &'a Closing, f: &Format) -> Table<'a> {
    let (left, right) = (f.closing.left_mm, f.closing.right_mm);
    let label = f.look.distribution_label;
    let mut distribution: Vec<Paragraph> = c
        .distribution_label
        .iter()
        .map(|l| line(*l, label, label.before_pt))
        .collect();
    let item = f.look.distribution_item;
    distribution.extend(lines(&c.distribution, item));
    distribution.extend(
        c.drafter
            .iter()
            .map(|d| line(d.as_str(), f.look.drafter, 0.0)),
    );

    let signature = |positions: &'a [String], name: &'a str| {
        let mut paragraphs = lines(positions, f.look.signature);
        paragraphs.push(line(name, f.look.signer, f.look.signer.before_pt));
        paragraphs
    };
    let main = signature(&c.positions, &c.name);
    let rows = match &c.second {
        None => vec![row(vec![cell(left, distribution), cell(right, main)], true)],
        Some(second) => vec![
            row(
                vec![
                    cell(left, signature(&second.positions, &second.name)),
                    cell(right, main),
                ],
                true,
            ),
            row(vec![cell(left, distribution), cell(right, vec![])], true),
        ],
    };
    frame(&[left, right], rows)
}

/// The letter itself: header, title, Kính gửi, body, Nơi nhận and signature.
pub(super) fn letter(body: &mut Body, p: &Printed, f: &Format) {
    if let Some(notice) = &p.marks.circulation {
        body.paragraph(circulation(notice, f));
    }
    body.table(header(p, f));
    for paragraph in title(p, f) {
        body.paragraph(paragraph);
    }
    if let Some(preamble) = &p.preamble {
        add_preamble(body, preamble, f);
    }
    if let Some(r) = &p.recipients {
        add_recipients(body, r, f);
    }
    for block in &p.body {
        match block {
            BodyBlock::Paragraph(paragraph) => body.paragraph(body_paragraph(
                &paragraph.spans,
                paragraph.centred,
                f.look.body,
                f,
            )),
            BodyBlock::Table(table) => body.table(super::table::table(table, f)),
        }
    }
    body.paragraph(spacer(f.paragraph_gap_pt));
    body.table(closing(&p.closing, f));
}
