//! The fields of an electronic document: unsigned `/Sig` widgets named `signer` and `issuer`, where
//! Decree 30 puts the images (Phụ lục I, II.7.d and II.8.a): the signer's centred in the space between
//! the position lines and the name, the organisation's over the left third of it; and read-only text
//! fields over the blanks the signing system fills at issuance (Điều 15.3): `number`, `day`, `month`.
//! Their places are read from the laid-out document (the layout file marks the signer's name and the
//! ends of each blank), never guessed.

use lopdf::{dictionary, Document, Object, Stream};
use typst::foundations::Label;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::error::{Error, Result};
use crate::nd30;

const MM_PER_POINT: f32 = 25.4 / 72.0;

/// The names of the text fields over the blanks of an electronic document: its number, and the day
/// and the month of its date.
pub const BLANK_FIELDS: [&str; 3] = ["number", "day", "month"];

/// A blank's field: its page (from 0) and rectangle, in PDF points from the page's bottom left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Blank {
    /// One of [`BLANK_FIELDS`].
    pub name: &'static str,
    /// The page, from 0.
    pub page: usize,
    /// Left, bottom, right, top: the blank's width, and its line's box (ascender and descender).
    pub rect: [f32; 4],
}

/// The blanks the layout marked in `document`, in the order it marked them.
pub fn blanks(document: &PagedDocument) -> Vec<Blank> {
    let introspector = document.introspector();
    let marked = |name: &str| {
        Label::new(PicoStr::intern(name))
            .map(|label| {
                introspector
                    .elements()
                    .query(&typst::foundations::Selector::Label(label))
            })
            .unwrap_or_default()
    };
    let starts = marked("vanban-blank");
    let ends = marked("vanban-blank-end");
    let font = crate::fonts::line_metrics();
    starts
        .iter()
        .zip(ends.iter())
        .filter_map(|(start, end)| {
            let value = start.to_packed::<typst::introspection::MetadataElem>()?;
            let name = value.value.clone().cast::<typst::foundations::Str>().ok()?;
            let name = *BLANK_FIELDS.iter().find(|n| **n == name.as_str())?;
            let from = introspector.position(start.location()?)?;
            let to = introspector.position(end.location()?)?;
            let page = from.page.get() - 1;
            let height = document.pages().get(page)?.frame.height().to_pt() as f32;
            let size = if name == "number" {
                nd30::STANDARD.look.number.size_pt
            } else {
                nd30::STANDARD.look.place_date.size_pt
            };
            // A mark in a line stands on its baseline; the field spans the line's box, and the gap up
            // to the next word (the mark after a run of spaces stands one space short of it).
            let baseline = height - from.point.y.to_pt() as f32;
            let space = size * nd30::SPACE_EM;
            Some(Blank {
                name,
                page,
                rect: [
                    from.point.x.to_pt() as f32,
                    baseline - size * font.descender,
                    to.point.x.to_pt() as f32 + space,
                    baseline + size * font.ascender,
                ],
            })
        })
        .collect()
}

/// A field's page (from 0) and rectangle, in PDF points from the page's bottom left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// `signer` or `issuer`.
    pub name: &'static str,
    /// The page, from 0.
    pub page: usize,
    /// Left, bottom, right, top.
    pub rect: [f32; 4],
}

/// The signer's and the organisation's fields of `document`, when its layout marked the space for
/// the signature.
pub fn places(document: &PagedDocument) -> Option<[Field; 2]> {
    let position = |name: &str| {
        let label = Label::new(PicoStr::intern(name))?;
        let element = document.introspector().elements().query_label(label).ok()?;
        document.introspector().position(element.location()?)
    };
    // The top of the name's line; the room for the signature is the space the layout leaves above it.
    let bottom = position("vanban-signer-name")?;
    let page = bottom.page.get() - 1;
    let height = document.pages().get(page)?.frame.height().to_pt() as f32;
    let format = nd30::STANDARD;
    let column_left = (format.margin.left_mm + format.closing.left_mm) / MM_PER_POINT;
    let column_width = format.closing.right_mm / MM_PER_POINT;
    let width = column_width * nd30::SIGNATURE_IMAGE_SHARE;
    let left = column_left + (column_width - width) / 2.0;
    let room = format.look.signer.before_pt;
    let y_bottom = height - bottom.point.y.to_pt() as f32;
    let y_top = y_bottom + room;
    let seal_right = left + width * nd30::SEAL_OVERLAP;
    let [signer, issuer] = nd30::SIGNATURE_FIELDS;
    Some([
        Field {
            name: signer,
            page,
            rect: [left, y_bottom, left + width, y_top],
        },
        Field {
            name: issuer,
            page,
            rect: [seal_right - room, y_bottom, seal_right, y_top],
        },
    ])
}

/// `pdf` with `fields` added as unsigned signature fields and `blanks` as read-only text fields, each
/// a printable widget with an empty appearance (as PDF/A asks of every annotation).
pub fn add(pdf: &[u8], fields: &[Field], blanks: &[Blank]) -> Result<Vec<u8>> {
    let fail = |e: lopdf::Error| Error::Layout(format!("signature fields: {e}"));
    let mut document = Document::load_mem(pdf).map_err(fail)?;
    let pages = document.get_pages();
    let mut references = Vec::new();
    let widgets = fields
        .iter()
        .map(|f| (f.name, f.page, f.rect, true))
        .chain(blanks.iter().map(|b| (b.name, b.page, b.rect, false)));
    for (name, page, rect, signature) in widgets {
        let page = *pages
            .get(&(page as u32 + 1))
            .ok_or_else(|| Error::Layout(format!("signature fields: no page {}", page + 1)))?;
        let [x0, y0, x1, y1] = rect;
        let appearance = document.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), (x1 - x0).into(), (y1 - y0).into()],
            },
            Vec::new(),
        ));
        let mut widget = dictionary! {
            "Type" => "Annot",
            "Subtype" => "Widget",
            "FT" => if signature { "Sig" } else { "Tx" },
            "T" => Object::string_literal(name),
            "Rect" => vec![x0.into(), y0.into(), x1.into(), y1.into()],
            "F" => 4,
            "P" => page,
            "AP" => dictionary! { "N" => appearance },
        };
        if !signature {
            // Read-only: filled by the signing system, not typed in a viewer.
            widget.set("Ff", 1);
            widget.set("DA", Object::string_literal("/Helv 0 Tf 0 g"));
        }
        let widget = document.add_object(widget);
        references.push(Object::Reference(widget));
        let page = document
            .get_object_mut(page)
            .and_then(Object::as_dict_mut)
            .map_err(fail)?;
        match page.get_mut(b"Annots") {
            Ok(Object::Array(annotations)) => annotations.push(Object::Reference(widget)),
            _ => page.set("Annots", vec![Object::Reference(widget)]),
        }
    }
    document
        .catalog_mut()
        .map_err(fail)?
        .set("AcroForm", dictionary! { "Fields" => references });
    let mut out = Vec::new();
    document
        .save_to(&mut out)
        .map_err(|e| Error::Layout(format!("signature fields: {e}")))?;
    Ok(out)
}
