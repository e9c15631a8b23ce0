//! Page numbers drawn onto laid-out pages.
//!
//! A page number read from typst's introspection (`here().page()`) makes typst lay the whole document
//! out a second time, once it knows where the pages fall: about a tenth of a document's time. So the
//! layout file's page header holds only an anchor (`<vanban-page-number>`), and the numbers are drawn
//! here once the pages are laid out: each page's number counted from 1 in the main document and again
//! in each annex (from the page of its `<annex-start>`), none on the first page of each. Each number
//! is laid out once a run, by `templates/page-number.typ`, as the page header of a page of the same
//! size shows it; its text is put right after the anchor, inside the header (which the PDF marks as
//! an artifact, not as the document's text).

use typst::foundations::{Label, Selector};
use typst::introspection::Tag;
use typst::layout::{Frame, FrameItem, Point};
use typst::model::Document;
use typst::utils::PicoStr;
use typst_layout::{Page, PagedDocument};

/// What a page number looks like on the page: its text items, at points of the page.
pub type Drawn = Vec<(Point, FrameItem)>;

/// The label of a layout mark.
fn label(name: &str) -> Option<Label> {
    Label::new(PicoStr::intern(name))
}

/// The number each page of `document` shows, from 0, or none.
fn page_numbers(document: &PagedDocument) -> Vec<Option<usize>> {
    let introspector = document.introspector();
    let mut starts: Vec<usize> = label("annex-start")
        .map(|label| introspector.elements().query(&Selector::Label(label)))
        .unwrap_or_default()
        .iter()
        .filter_map(|mark| introspector.position(mark.location()?))
        .map(|position| position.page.get())
        .collect();
    starts.push(1);
    (1..=document.pages().len())
        .map(|page| {
            let first = starts
                .iter()
                .filter(|s| **s <= page)
                .max()
                .copied()
                .unwrap_or(1);
            Some(page - first + 1).filter(|n| *n > 1)
        })
        .collect()
}

/// Whether a page of `frame`'s size is landscape.
fn is_landscape(frame: &Frame) -> bool {
    frame.width() > frame.height()
}

/// The text of a laid-out page-number page (see `templates/page-number.typ`), at points of the page.
pub fn drawn(page: &Page) -> Drawn {
    let mut drawn = Drawn::new();
    collect_text(&page.frame, Point::zero(), &mut drawn);
    drawn
}

fn collect_text(frame: &Frame, origin: Point, drawn: &mut Drawn) {
    for (point, item) in frame.items() {
        match item {
            FrameItem::Group(group) if group.transform.is_identity() => {
                collect_text(&group.frame, origin + *point, drawn)
            }
            FrameItem::Text(_) => drawn.push((origin + *point, item.clone())),
            _ => {}
        }
    }
}

/// `document` with `number(n, landscape)` drawn at the anchor of each page whose number is `n`.
pub fn draw<E>(
    document: &PagedDocument,
    mut number: impl FnMut(usize, bool) -> Result<std::sync::Arc<Drawn>, E>,
) -> Result<PagedDocument, E> {
    let Some(anchor) = label("vanban-page-number") else {
        return Ok(document.clone());
    };
    let numbers = page_numbers(document);
    if numbers.iter().all(Option::is_none) {
        return Ok(document.clone());
    }
    let mut pages = typst::ecow::EcoVec::with_capacity(document.pages().len());
    for (page, n) in document.pages().iter().zip(numbers) {
        let mut page = page.clone();
        if let Some(n) = n {
            let drawn = number(n, is_landscape(&page.frame))?;
            insert_after_anchor(&mut page.frame, Point::zero(), anchor, &drawn);
        }
        pages.push(page);
    }
    Ok(PagedDocument::new(pages, document.info().clone()))
}

/// Puts `items` (at points of the page) into `frame`, whose origin is at `origin` on the page, right
/// after the end of the element labelled `anchor`, in whichever frame holds it; whether it did.
fn insert_after_anchor(frame: &mut Frame, origin: Point, anchor: Label, items: &Drawn) -> bool {
    let mut location = None;
    let mut end = None;
    for (i, (_, item)) in frame.items().enumerate() {
        match item {
            FrameItem::Tag(Tag::Start(content, _)) if content.label() == Some(anchor) => {
                location = content.location();
            }
            FrameItem::Tag(Tag::End(at, ..)) if location == Some(*at) => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    if let Some(end) = end {
        for (k, (point, item)) in items.iter().enumerate() {
            frame.insert(end + 1 + k, *point - origin, item.clone());
        }
        return true;
    }
    let groups: Vec<Option<Point>> = frame
        .items()
        .map(|(point, item)| match item {
            FrameItem::Group(group) if group.transform.is_identity() => Some(*point),
            _ => None,
        })
        .collect();
    let mut index = 0;
    let mut done = false;
    frame.retain(|item| {
        if let (false, Some(Some(point)), FrameItem::Group(group)) =
            (done, groups.get(index), &mut *item)
        {
            done = insert_after_anchor(&mut group.frame, origin + *point, anchor, items);
        }
        index += 1;
        true
    });
    done
}
