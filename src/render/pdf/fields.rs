//! The signature fields of an electronic document: unsigned `/Sig` widgets named `signer` and
//! `issuer`, where Decree 30 puts the images (Phụ lục I, II.7.d and II.8.a): the signer's centred in
//! the space between the position lines and the name, the organisation's over the left third of it.
//! Their places are read from the laid-out document (the layout file marks the signer's name, and the
//! room above it is the one the layout leaves), never guessed.

use lopdf::{dictionary, Document, Object, Stream};
use typst::foundations::Label;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::error::{Error, Result};
use crate::nd30;

const MM_PER_POINT: f32 = 25.4 / 72.0;

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

/// `pdf` with `fields` added as unsigned signature fields, each a printable widget with an empty
/// appearance (as PDF/A asks of every annotation).
pub fn add(pdf: &[u8], fields: &[Field]) -> Result<Vec<u8>> {
    let fail = |e: lopdf::Error| Error::Layout(format!("signature fields: {e}"));
    let mut document = Document::load_mem(pdf).map_err(fail)?;
    let pages = document.get_pages();
    let mut references = Vec::new();
    for field in fields {
        let page = *pages.get(&(field.page as u32 + 1)).ok_or_else(|| {
            Error::Layout(format!("signature fields: no page {}", field.page + 1))
        })?;
        let [x0, y0, x1, y1] = field.rect;
        let appearance = document.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), (x1 - x0).into(), (y1 - y0).into()],
            },
            Vec::new(),
        ));
        let widget = document.add_object(dictionary! {
            "Type" => "Annot",
            "Subtype" => "Widget",
            "FT" => "Sig",
            "T" => Object::string_literal(field.name),
            "Rect" => vec![x0.into(), y0.into(), x1.into(), y1.into()],
            "F" => 4,
            "P" => page,
            "AP" => dictionary! { "N" => appearance },
        });
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
