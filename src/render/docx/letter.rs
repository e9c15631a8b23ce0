//! The letter itself in DOCX: the header table, title, decision preamble, Kính gửi, body, and the
//! closing table with Nơi nhận and the signatures.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, SpecialIndentType, Table, TableRow,
};

use super::text::{
    cell, frame, line, lines, pt_to_mm, pt_twips, rule, run, spacer, style_id, twips,
};
use super::Body;
use crate::document::{Script, Span};
use crate::fonts;
use crate::nd30::{Format, Look};
use crate::printed::{BodyBlock, Closing, Preamble, Printed, Recipients};

/// The circulation notice, boxed over the right column of the header.
fn circulation(notice: &str, f: &Format) -> Paragraph {
    let style = f.look.circulation;
    let text_mm = pt_to_mm(fonts::width_pt(notice, style.size_pt, style.bold)) + 4.0;
    let left = twips(f.header.left_mm + (f.header.right_mm - text_mm).max(0.0) / 2.0);
    let right = twips((f.header.right_mm - text_mm).max(0.0) / 2.0);
    line(notice, style, style.before_pt)
        .indent(Some(left), None, Some(right), None)
        .set_borders(box_borders(f))
}

/// A single-line box around a paragraph.
fn box_borders(f: &Format) -> ParagraphBorders {
    let side = |position| {
        ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size((f.rule_pt * 8.0).round() as usize)
            .space(1)
    };
    ParagraphBorders::with_empty()
        .set(side(ParagraphBorderPosition::Top))
        .set(side(ParagraphBorderPosition::Bottom))
        .set(side(ParagraphBorderPosition::Left))
        .set(side(ParagraphBorderPosition::Right))
}

/// The secrecy mark, and the urgency mark in a box as wide as the Decree sets it, at the column's left.
fn marks(p: &Printed, column_mm: f32, f: &Format) -> Vec<Paragraph> {
    let secrecy = f.look.secrecy;
    let mut paragraphs: Vec<Paragraph> = p
        .marks
        .secrecy
        .iter()
        .map(|s| line(s, secrecy, secrecy.before_pt))
        .collect();
    if let Some(urgency) = p.marks.urgency {
        let right = twips((column_mm - p.marks.urgency_width_mm).max(0.0));
        paragraphs.push(
            line(urgency, f.look.urgency, f.look.urgency.before_pt)
                .indent(Some(0), None, Some(right), None)
                .set_borders(box_borders(f)),
        );
    }
    paragraphs
}

fn header(p: &Printed, f: &Format) -> Table {
    let (left, right) = (f.header.left_mm, f.header.right_mm);
    let agency_style = f.look.agency;
    let mut agency = lines(&p.parent, f.look.parent);
    agency.extend(lines(&p.agency, agency_style));
    agency.push(rule(p.rules.agency_mm, left, f));

    let motto_style = f.look.motto;
    let motto = [p.motto.to_string()];
    let mut national = lines(&[p.national_name.to_string()], f.look.national_name);
    national.extend(lines(&motto, motto_style));
    national.push(rule(p.rules.motto_mm, right, f));

    let mut rows = vec![
        TableRow::new(vec![cell(left, agency), cell(right, national)]),
        TableRow::new(vec![
            cell(
                left,
                p.number
                    .iter()
                    .map(|number| line(number, f.look.number, f.look.number.before_pt))
                    .collect(),
            ),
            cell(
                right,
                p.place_date
                    .iter()
                    .map(|date| line(date, f.look.place_date, f.look.place_date.before_pt))
                    .collect(),
            ),
        ]),
    ];
    if let Some(subject) = &p.letter_subject {
        let look = f.look.letter_subject;
        let subject = line(subject, look, look.before_pt);
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
    let style = f.look.title;
    let width = f.text_width_mm(false);
    let mut lines = vec![title.name.to_string()];
    lines.extend(title.subject.clone());
    let mut paragraphs: Vec<Paragraph> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| line(l, style, if i == 0 { style.before_pt } else { 0.0 }))
        .collect();
    if let Some(reference) = &title.reference {
        let italic = f.look.title_reference;
        paragraphs.push(line(reference, italic, italic.before_pt));
    }
    paragraphs.push(rule(p.rules.title_mm, width, f));
    paragraphs
}

/// `run` raised or lowered as `script` says.
fn raised(mut run: docx_rs::Run, script: Script) -> docx_rs::Run {
    let place = match script {
        Script::Baseline => return run,
        Script::Super => docx_rs::VertAlignType::SuperScript,
        Script::Sub => docx_rs::VertAlignType::SubScript,
    };
    run.run_property = run.run_property.vert_align(place);
    run
}

/// Adds a decision's authority line, its legal bases in italics, and the enacting word.
fn add_preamble<B: Body>(mut body: B, p: &Preamble, f: &Format) -> B {
    if let Some(authority) = &p.authority {
        let look = f.look.authority;
        body = body.paragraph(line(authority, look, look.before_pt));
    }
    for base in &p.bases {
        let span = Span::styled(base.clone(), f.look.basis.bold, f.look.basis.italic);
        body = body.paragraph(body_paragraph(
            std::slice::from_ref(&span),
            false,
            f.look.basis,
            f,
        ));
    }
    if let Some(enacting) = p.enacting {
        let look = f.look.enacting;
        body = body.paragraph(line(enacting, look, look.before_pt));
    }
    body
}

/// Adds the `Kính gửi:` block: one centred line, or the label beside a dash list.
fn add_recipients<B: Body>(docx: B, r: &Recipients, f: &Format) -> B {
    let style = f.look.recipients;
    if !r.list {
        let text = format!("{} {}", r.label, r.lines.join(" "));
        // One addressee stands centred on the label's line.
        return docx.paragraph(line(&text, style, style.before_pt).align(AlignmentType::Center));
    }
    let label_mm = pt_to_mm(fonts::width_pt(
        &format!("{} ", r.label),
        style.size_pt,
        style.bold,
    ));
    let rest = f.text_width_mm(false) - style.indent_mm - label_mm;
    let items = lines(&r.lines, style);
    let label = vec![line(r.label, style, 0.0)];
    let row = TableRow::new(vec![
        cell(style.indent_mm, vec![]),
        cell(label_mm, label),
        cell(rest, items),
    ]);
    docx.paragraph(spacer(style.before_pt))
        .table(frame(&[style.indent_mm, label_mm, rest], vec![row]))
}

/// A body paragraph in the style of `look`: justified with a first-line indent, or centred without
/// one (heading lines); its spans' own bold and italic are set on their runs.
fn body_paragraph(spans: &[Span], centred: bool, look: Look, f: &Format) -> Paragraph {
    let spacing = LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line((240.0 * f.line_spacing).round() as i32)
        .before(pt_twips(look.before_pt))
        .after(0);
    let paragraph = Paragraph::new().style(&style_id(look));
    // A heading line of the body stands centred, without the style's indent.
    let paragraph = if centred {
        paragraph.align(AlignmentType::Center).indent(
            None,
            Some(SpecialIndentType::FirstLine(0)),
            None,
            None,
        )
    } else {
        paragraph
    }
    .line_spacing(spacing);
    spans.iter().fold(paragraph, |p, s| {
        let own = Look {
            bold: s.bold,
            italic: s.italic,
            ..look
        };
        p.add_run(raised(run(&s.text, own, look), s.script))
    })
}

fn closing(c: &Closing, f: &Format) -> Table {
    let (left, right) = (f.closing.left_mm, f.closing.right_mm);
    let label = f.look.distribution_label;
    let mut distribution: Vec<Paragraph> = c
        .distribution_label
        .iter()
        .map(|l| line(l, label, label.before_pt))
        .collect();
    let item = f.look.distribution_item;
    distribution.extend(lines(&c.distribution, item));
    distribution.extend(c.drafter.iter().map(|d| line(d, f.look.drafter, 0.0)));

    let signature = |positions: &[String], name: &str| {
        let mut paragraphs = lines(positions, f.look.signature);
        paragraphs.push(line(name, f.look.signer, f.look.signer.before_pt));
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

/// The letter itself: header, title, Kính gửi, body, Nơi nhận and signature.
pub(super) fn letter<B: Body>(mut body: B, p: &Printed, f: &Format) -> B {
    if let Some(notice) = &p.marks.circulation {
        body = body.paragraph(circulation(notice, f));
    }
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
    for block in &p.body {
        body = match block {
            BodyBlock::Paragraph(paragraph) => body.paragraph(body_paragraph(
                &paragraph.spans,
                paragraph.centred,
                f.look.body,
                f,
            )),
            BodyBlock::Table(table) => body.table(super::table::table(table, f)),
        };
    }
    body.paragraph(spacer(f.paragraph_gap_pt))
        .table(closing(&p.closing, f))
}
