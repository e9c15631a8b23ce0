//! DOCX writer: the printed document as a Word file, with docx-rs, from the same nd30 numbers as the PDF.
//!
//! The header and the closing block are borderless tables; rules are bottom borders of empty
//! paragraphs, indented so that the border is as long as the text it underlines.

mod archive;
mod letter;
mod package;
mod schema_order;
mod table;
mod text;

use std::sync::{Arc, LazyLock};

use docx_rs::{
    BuildXML, Docx, FieldCharType, Footer, Header, InstrPAGE, InstrText, PageMargin, PageNumType,
    PageOrientationType, PageSize, Paragraph, Run, RunFonts, Section, Table,
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
    Header::new().add_paragraph(
        Paragraph::new()
            .style(&style_id(f.look.page_number))
            .line_spacing(single(0.0))
            .add_run(field),
    )
}

/// The contact lines at the foot of page 1, under a rule across the text width.
fn first_page_footer(lines: &[String], f: &Format) -> Footer {
    let style = f.look.footer;
    let mut footer =
        Footer::new().add_paragraph(rule(f.text_width_mm(false), f.text_width_mm(false), f));
    for text in lines {
        footer = footer.add_paragraph(line(text, style, 0.0));
    }
    footer
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

/// An annex: its heading, then its table.
fn annex<B: Body>(body: B, a: &PrintedAnnex, f: &Format) -> B {
    let width = f.text_width_mm(a.landscape);
    body.paragraph(line(&a.label, f.look.annex_label, 0.0))
        .paragraph(line(&a.title, f.look.annex_title, 0.0))
        .paragraph(line(&a.reference, f.look.annex_reference, 0.0))
        .paragraph(rule(a.rule_mm, width, f))
        .paragraph(spacer(f.header_gap_pt))
        .table(table::table(&a.table, f))
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
    let stamp = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year, date.month, date.day
    );
    // The styles part is the same for every document ([`styles`]).
    let mut docx = Docx::new().created_at(&stamp).updated_at(&stamp);
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
    let footer =
        (p.letter && !p.footer.is_empty()).then(|| first_page_footer(&p.footer, &f).build());
    package::finish(docx.build(), &*styles()?, footer.as_deref())
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
