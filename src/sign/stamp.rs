//! Text drawn into a PDF as it is signed: a line laid out by typst in the PDF's face
//! ([`PdfWriter::stamp`](crate::render::pdf::PdfWriter::stamp)), its page brought into the signed file
//! as a form XObject with the fonts it uses, and drawn on a page of the file in the same incremental
//! update as the signature.

use std::collections::HashMap;

use lopdf::{dictionary, Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream};

use super::{editable, rect_of, unsignable};
use crate::error::{Error, Result};

/// The name the drawn text takes among the page's XObjects.
const NAME: &str = "VanbanInfo";

/// A laid-out line: the one-page PDF typst made of it.
pub struct Stamp<'a> {
    pdf: &'a [u8],
}

impl<'a> Stamp<'a> {
    /// The line laid out as `pdf`, a one-page PDF exactly its size.
    pub fn new(pdf: &'a [u8]) -> Stamp<'a> {
        Stamp { pdf }
    }

    /// The line brought into `target` as a form XObject, with its width and height in points.
    fn import(&self, target: &mut Document) -> Result<(ObjectId, f32, f32)> {
        let stamp = Document::load_mem(self.pdf).map_err(unsignable)?;
        let stamp_page = *stamp
            .get_pages()
            .get(&1)
            .ok_or_else(|| Error::Layout("the laid-out line has no page".into()))?;
        let [x0, y0, x1, y1] = media_box(&stamp, stamp_page)?;
        let content = stamp.get_page_content(stamp_page).map_err(unsignable)?;
        let resources = inherited(&stamp, stamp_page, b"Resources")
            .cloned()
            .unwrap_or_else(|| Object::Dictionary(Dictionary::new()));
        let mut copied = HashMap::new();
        let resources = copy(&stamp, &resources, target, &mut copied);
        // Moved so that its box starts at the origin.
        let mut moved = format!("q 1 0 0 1 {} {} cm\n", -x0, -y0).into_bytes();
        moved.extend_from_slice(&content);
        moved.extend_from_slice(b"\nQ\n");
        let form = target.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), (x1 - x0).into(), (y1 - y0).into()],
                "Resources" => resources,
            },
            moved,
        ));
        Ok((form, x1 - x0, y1 - y0))
    }

    /// Gives the text field `field` of `document` the value `value` and this line as its appearance,
    /// `lead_pt` from the field's left or centred: a blank filled in.
    pub fn fill(
        &self,
        document: &mut IncrementalDocument,
        field: ObjectId,
        value: &str,
        lead_pt: Option<f32>,
    ) -> Result<()> {
        let (form, width, height) = self.import(&mut document.new_document)?;
        let widget = editable(document, field).map_err(unsignable)?;
        let [x0, y0, x1, y1] = rect_of(widget)
            .ok_or_else(|| Error::Input("a blank's field has no rectangle".into()))?;
        // Only the value and its appearance change (form filling, which a signature allows); a value
        // wider than its blank is narrowed to fit rather than cut.
        let (w, h) = (x1 - x0, y1 - y0);
        let room = (w - width).max(0.0);
        let lead = lead_pt.map_or(room / 2.0, |lead| lead.min(room));
        let w = w.max(width);
        let appearance = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), w.into(), h.into()],
                "Resources" => dictionary! { "XObject" => dictionary! { NAME => form } },
            },
            format!("q 1 0 0 1 {} {} cm /{NAME} Do Q\n", lead, h - height).into_bytes(),
        );
        let appearance = document.new_document.add_object(appearance);
        let widget = editable(document, field).map_err(unsignable)?;
        widget.set("V", Object::string_literal(value));
        widget.set("AP", dictionary! { "N" => appearance });
        Ok(())
    }

    /// Draws the line on `page` (from 1) of `document`, its top right corner where `top_right` puts
    /// it given the page's media box, in PDF points from the page's bottom left.
    pub fn draw_top_right(
        &self,
        document: &mut IncrementalDocument,
        page: u32,
        top_right: impl FnOnce([f32; 4]) -> (f32, f32),
    ) -> Result<()> {
        let (form, width, height) = self.import(&mut document.new_document)?;
        let previous = document.get_prev_documents();
        let page_id = *previous
            .get_pages()
            .get(&page)
            .ok_or(lopdf::Error::PageNumberNotFound(page))
            .map_err(unsignable)?;
        let page_box = media_box(previous, page_id)?;
        let page_resources = inherited(previous, page_id, b"Resources").cloned();
        let (right, top) = top_right(page_box);
        let (left, bottom) = (right - width, top - height);
        let before = document
            .new_document
            .add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
        let after = document.new_document.add_object(Stream::new(
            Dictionary::new(),
            format!("Q\nq 1 0 0 1 {left} {bottom} cm /{NAME} Do Q\n").into_bytes(),
        ));
        // The page's resources, its own from now on, with the line among its XObjects.
        let mut resources = match page_resources {
            Some(Object::Reference(id)) => document
                .get_prev_documents()
                .get_dictionary(id)
                .map_err(unsignable)?
                .clone(),
            Some(Object::Dictionary(d)) => d,
            _ => Dictionary::new(),
        };
        let mut xobjects = match resources.get(b"XObject") {
            Ok(Object::Reference(id)) => document
                .get_prev_documents()
                .get_dictionary(*id)
                .map_err(unsignable)?
                .clone(),
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => Dictionary::new(),
        };
        xobjects.set(NAME, form);
        resources.set("XObject", xobjects);
        let page_dict = editable(document, page_id).map_err(unsignable)?;
        let mut contents = vec![Object::Reference(before)];
        match page_dict.get(b"Contents") {
            Ok(Object::Array(items)) => contents.extend(items.iter().cloned()),
            Ok(item) => contents.push(item.clone()),
            Err(_) => {}
        }
        contents.push(Object::Reference(after));
        page_dict.set("Contents", contents);
        page_dict.set("Resources", resources);
        Ok(())
    }
}

/// The page's media box, looked up through the page tree when the page does not give its own.
fn media_box(document: &Document, page: ObjectId) -> Result<[f32; 4]> {
    let numbers: Vec<f32> = inherited(document, page, b"MediaBox")
        .and_then(|o| document.dereference(o).ok())
        .and_then(|(_, o)| o.as_array().ok())
        .map(|a| a.iter().filter_map(|n| n.as_float().ok()).collect())
        .unwrap_or_default();
    numbers
        .try_into()
        .map_err(|_| Error::Input("the PDF cannot be signed: a page has no media box".into()))
}

/// A page's entry `key`, its own or the nearest one up the page tree.
fn inherited<'d>(document: &'d Document, page: ObjectId, key: &[u8]) -> Option<&'d Object> {
    let mut node = document.get_dictionary(page).ok()?;
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = document.get_dictionary(parent).ok()?;
    }
    None
}

/// `object` of `from` copied into `to`, each object it refers to copied once under a new number.
fn copy(
    from: &Document,
    object: &Object,
    to: &mut Document,
    copied: &mut HashMap<ObjectId, ObjectId>,
) -> Object {
    match object {
        Object::Reference(id) => {
            if let Some(new) = copied.get(id) {
                return Object::Reference(*new);
            }
            let new = to.new_object_id();
            copied.insert(*id, new);
            let value = from
                .get_object(*id)
                .map_or(Object::Null, |o| copy(from, o, to, copied));
            to.objects.insert(new, value);
            Object::Reference(new)
        }
        Object::Array(items) => {
            Object::Array(items.iter().map(|o| copy(from, o, to, copied)).collect())
        }
        Object::Dictionary(dict) => Object::Dictionary(copy_dict(from, dict, to, copied)),
        Object::Stream(stream) => {
            let mut stream = stream.clone();
            stream.dict = copy_dict(from, &stream.dict, to, copied);
            Object::Stream(stream)
        }
        other => other.clone(),
    }
}

fn copy_dict(
    from: &Document,
    dict: &Dictionary,
    to: &mut Document,
    copied: &mut HashMap<ObjectId, ObjectId>,
) -> Dictionary {
    let mut out = Dictionary::new();
    for (key, value) in dict.iter() {
        out.set(key.clone(), copy(from, value, to, copied));
    }
    out
}
