//! DOCX writer: the printed document as a Word file, from the same nd30 numbers as the PDF.
//!
//! The body (and the letter's contact footer) is written straight as WordprocessingML ([`wml`]), in
//! schema order; docx-rs writes the rest of the package (the page-number headers, settings, the
//! styles), which is the same from one document of a batch to the next and is put in schema order
//! and compressed once. The header and the closing block are borderless tables; rules are bottom
//! borders of empty paragraphs, indented so that the border is as long as the text it underlines.

mod archive;
mod letter;
mod package;
mod schema_order;
mod table;
mod text;
mod wml;

use std::sync::{Arc, LazyLock};

use docx_rs::{
    BuildXML, Docx, FieldCharType, Header, InstrPAGE, InstrText, Paragraph, Run, RunFonts, Section,
};

use crate::error::{Error, Result};
use crate::nd30::{self, Date, Format};
use crate::printed::{Printed, PrintedAnnex};
use archive::Entry;
use letter::letter;
use text::{
    half_points, line, margin_twips, paragraph_style, rule, single, spacer, style_id, twips,
};

fn page_number(f: &Format) -> Header {
    let field = Run::new()
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::default()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(FieldCharType::End, false);
    let spacing = single(0.0);
    Header::new().add_paragraph(
        Paragraph::new()
            .style(&style_id(f.look.page_number))
            .line_spacing(
                docx_rs::LineSpacing::new()
                    .line_rule(docx_rs::LineSpacingType::Auto)
                    .line(spacing.line)
                    .before(spacing.before)
                    .after(0),
            )
            .add_run(field),
    )
}

/// The contact lines at the foot of page 1, under a rule across the text width.
fn first_page_footer(lines: &[String], f: &Format) -> String {
    let style = f.look.footer;
    let width = f.text_width_mm(false);
    let mut paragraphs = vec![rule(width, width, f)];
    paragraphs.extend(lines.iter().map(|text| line(text.as_str(), style, 0.0)));
    wml::footer(&paragraphs)
}

/// The document's body as it is written: blocks in order, each section's properties after its last.
pub(super) struct Body {
    xml: String,
}

impl Body {
    fn new() -> Body {
        let mut xml = String::with_capacity(64 << 10);
        xml.push_str(wml::DOCUMENT_START);
        Body { xml }
    }

    /// Adds a paragraph.
    pub(super) fn paragraph(&mut self, paragraph: wml::Paragraph<'_>) {
        paragraph.write(&mut self.xml);
    }

    /// Adds a table.
    pub(super) fn table(&mut self, table: wml::Table<'_>) {
        table.write(&mut self.xml);
    }

    /// Ends a section that is not the last: its properties in the mark of an empty paragraph.
    fn end_section(&mut self, section: wml::Section) {
        self.xml.push_str("<w:p><w:pPr>");
        section.write(&mut self.xml);
        self.xml.push_str("</w:pPr></w:p>");
    }

    /// The main document part, `last` the properties of its last section.
    fn finish(mut self, last: wml::Section) -> String {
        last.write(&mut self.xml);
        self.xml.push_str(wml::DOCUMENT_END);
        self.xml
    }
}

/// An annex: its heading, then its table.
fn annex(body: &mut Body, a: &PrintedAnnex, f: &Format) {
    let width = f.text_width_mm(a.landscape);
    body.paragraph(line(a.label.as_str(), f.look.annex_label, 0.0));
    body.paragraph(line(a.title.as_str(), f.look.annex_title, 0.0));
    body.paragraph(line(a.reference.as_str(), f.look.annex_reference, 0.0));
    body.paragraph(rule(a.rule_mm, width, f));
    body.paragraph(spacer(f.header_gap_pt));
    body.table(table::table(&a.table, f));
}

/// The properties of section `number` (from 1): its page, portrait or landscape, the page number
/// header, none on its first page, numbering from 1 when `restart` (annexes), the contact footer on
/// its first page when `footer`.
fn section(
    f: &Format,
    number: usize,
    landscape: bool,
    restart: bool,
    footer: bool,
) -> wml::Section {
    let (w, h) = (
        twips(f.page.width_mm) as u32,
        twips(f.page.height_mm) as u32,
    );
    wml::Section {
        size: if landscape { (h, w) } else { (w, h) },
        landscape,
        margins: [
            margin_twips(f.margin.top_mm),
            margin_twips(f.margin.right_mm),
            margin_twips(f.margin.bottom_mm),
            margin_twips(f.margin.left_mm),
        ],
        header: twips(f.margin.header_mm),
        header_part: number,
        first_footer: footer && number == 1,
        restart,
    }
}

/// The DOCX of `doc`.
pub fn render(p: &Printed, date: Date) -> Result<Vec<u8>> {
    let f = nd30::STANDARD;
    let footer = p.letter && !p.footer.is_empty();
    let mut body = Body::new();
    let mut number = 0;
    let mut next = |landscape, restart| {
        number += 1;
        section(&f, number, landscape, restart, footer)
    };
    let last = match p.annexes.split_last() {
        None => {
            if p.letter {
                letter(&mut body, p, &f);
            }
            next(false, false)
        }
        Some((last, earlier)) => {
            if p.letter {
                letter(&mut body, p, &f);
                body.end_section(next(false, false));
            }
            for a in earlier {
                annex(&mut body, a, &f);
                body.end_section(next(a.landscape, true));
            }
            annex(&mut body, last, &f);
            next(last.landscape, true)
        }
    };
    let sections = last.header_part;
    let document = body.finish(last);
    // The rest of the package: one page-number header per section, and the dates.
    let stamp = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year, date.month, date.day
    );
    let mut docx = Docx::new().created_at(&stamp).updated_at(&stamp);
    for _ in 1..sections {
        docx = docx.add_section(Section::new().header(page_number(&f)));
    }
    docx = docx.header(page_number(&f));
    let footer = footer.then(|| first_page_footer(&p.footer, &f));
    package::finish(docx.build(), &*styles()?, &document, footer.as_deref())
}

/// The styles part, the same in every document: the Decree's font and body size by default, and one
/// paragraph style per component, from the presentation table; put in schema order and compressed
/// once a run.
fn styles() -> Result<Arc<Entry>> {
    static STYLES: LazyLock<std::result::Result<Arc<Entry>, String>> = LazyLock::new(|| {
        let f = nd30::STANDARD;
        let font = RunFonts::new()
            .ascii(nd30::FONT)
            .hi_ansi(nd30::FONT)
            .east_asia(nd30::FONT)
            .cs(nd30::FONT);
        let mut docx = Docx::new()
            .default_fonts(font)
            .default_size(half_points(f.look.body.size_pt));
        for look in f.look.all() {
            docx = docx.add_style(paragraph_style(look));
        }
        package::styles(&docx.styles.build())
            .map(Arc::new)
            .map_err(|e| e.to_string())
    });
    STYLES.clone().map_err(Error::Docx)
}
