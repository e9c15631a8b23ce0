//! Puts the property elements of WordprocessingML parts in the order the Open XML schema requires.
//!
//! docx-rs writes, for example, `w:jc` after `w:rPr` inside `w:pPr`, and `w:headerReference` after
//! `w:pgMar` inside `w:sectPr`; Word treats such files as damaged. A part is copied as it is read,
//! except each element listed in [`ORDER`]: that one is read whole into a small tree, its children
//! sorted by their schema position (stable, so repeated elements keep their order), empty property
//! containers dropped, and written back.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// Parent element, and its children in schema order (local names).
const ORDER: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
    ),
    (
        "w:pBdr",
        &[
            "top", "left", "start", "bottom", "right", "end", "between", "bar",
        ],
    ),
    (
        "w:tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "top", "left", "start", "bottom", "right", "end", "insideH", "insideV",
        ],
    ),
    (
        "w:tblCellMar",
        &["top", "left", "start", "bottom", "right", "end"],
    ),
    (
        "w:tcPr",
        &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br",
            "tr2bl",
        ],
    ),
    (
        "w:tcMar",
        &["top", "left", "start", "bottom", "right", "end"],
    ),
    (
        "w:sectPr",
        &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
    ),
    (
        "w:style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
    ),
    (
        "w:lvl",
        &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
    ),
    (
        "w:settings",
        &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "printPostScriptOverText",
            "printFractionalCharacterWidth",
            "printFormsData",
            "embedTrueTypeFonts",
            "embedSystemFonts",
            "saveSubsetFonts",
            "saveFormsData",
            "mirrorMargins",
            "alignBordersAndEdges",
            "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter",
            "gutterAtTop",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "activeWritingStyle",
            "proofState",
            "formsDesign",
            "attachedTemplate",
            "linkStyles",
            "stylePaneFormatFilter",
            "stylePaneSortMethod",
            "documentType",
            "mailMerge",
            "revisionView",
            "trackRevisions",
            "doNotTrackMoves",
            "doNotTrackFormatting",
            "documentProtection",
            "autoFormatOverride",
            "styleLockTheme",
            "styleLockQFSet",
            "defaultTabStop",
            "autoHyphenation",
            "consecutiveHyphenLimit",
            "hyphenationZone",
            "doNotHyphenateCaps",
            "showEnvelope",
            "summaryLength",
            "clickAndTypeStyle",
            "defaultTableStyle",
            "evenAndOddHeaders",
            "bookFoldRevPrinting",
            "bookFoldPrinting",
            "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing",
            "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery",
            "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin",
            "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin",
            "doNotShadeFormData",
            "noPunctuationKerning",
            "characterSpacingControl",
            "printTwoOnOne",
            "strictFirstAndLastChars",
            "noLineBreaksAfter",
            "noLineBreaksBefore",
            "savePreviewPicture",
            "doNotValidateAgainstSchema",
            "saveInvalidXml",
            "ignoreMixedContent",
            "alwaysShowPlaceholderText",
            "doNotDemarcateInvalidXml",
            "saveXmlDataOnly",
            "useXSLTWhenSaving",
            "saveThroughXslt",
            "showXMLTags",
            "alwaysMergeEmptyNamespace",
            "updateFields",
            "hdrShapeDefaults",
            "footnotePr",
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "schemaLibrary",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ],
    ),
];

/// Property containers that mean nothing when empty.
const DROP_WHEN_EMPTY: [&[u8]; 2] = [b"w:rPr", b"w:pPr"];

/// Attributes docx-rs writes that the schema does not declare: (element, attribute).
const UNDECLARED: [(&[u8], &[u8]); 1] = [(b"w:gridCol", b"w:type")];

/// Optional paragraph identifiers that docx-rs numbers from a process-wide counter, so that the same
/// document would get other numbers in a batch: dropped, for the same bytes from the same input.
const COUNTER_IDS: [&[u8]; 2] = [b"w14:paraId", b"w14:textId"];

/// What the names of [`COUNTER_IDS`] begin with.
const COUNTER_PREFIX: &[u8] = b"w14:";

enum Node<'a> {
    Element(Element<'a>),
    Other(Event<'a>),
}

struct Element<'a> {
    start: BytesStart<'a>,
    children: Vec<Node<'a>>,
}

impl Element<'_> {
    fn name(&self) -> &[u8] {
        self.start.name().into_inner()
    }

    fn is_empty_container(&self) -> bool {
        self.children.is_empty() && self.start.attributes().next().is_none()
    }
}

/// The part `xml` with its property elements in schema order.
pub fn normalise(xml: &[u8]) -> Result<Vec<u8>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(start) if is_ordered(start.name().into_inner()) => {
                let mut element = subtree(&mut reader, start)?;
                fix(&mut element);
                if !is_droppable(&element) {
                    write_element(&mut writer, &element)?;
                }
            }
            Event::Empty(start) => {
                let mut element = Element {
                    start,
                    children: Vec::new(),
                };
                fix(&mut element);
                if !is_droppable(&element) {
                    write_element(&mut writer, &element)?;
                }
            }
            Event::Start(start) => {
                let start = without_dropped_attributes(start);
                let out = writer.get_mut();
                out.push(b'<');
                out.extend_from_slice(&start);
                out.push(b'>');
            }
            other => writer.write_event(other)?,
        }
    }
    Ok(writer.into_inner())
}

/// Whether the children of the element `name` are put in schema order.
fn is_ordered(name: &[u8]) -> bool {
    ORDER.iter().any(|(parent, _)| parent.as_bytes() == name)
}

/// The element begun by `start`, read whole.
fn subtree<'a>(
    reader: &mut Reader<&'a [u8]>,
    start: BytesStart<'a>,
) -> Result<Element<'a>, quick_xml::Error> {
    let mut open = vec![Element {
        start,
        children: Vec::new(),
    }];
    loop {
        let node = match reader.read_event()? {
            Event::Eof => {
                return Err(quick_xml::Error::Syntax(
                    quick_xml::errors::SyntaxError::UnclosedTag,
                ))
            }
            Event::Start(start) => {
                open.push(Element {
                    start,
                    children: Vec::new(),
                });
                continue;
            }
            Event::End(_) => match open.pop() {
                Some(element) if open.is_empty() => return Ok(element),
                Some(element) => Node::Element(element),
                None => continue,
            },
            Event::Empty(start) => Node::Element(Element {
                start,
                children: Vec::new(),
            }),
            other => Node::Other(other),
        };
        if let Some(parent) = open.last_mut() {
            parent.children.push(node);
        }
    }
}

/// A property container that means nothing: empty and without attributes.
fn is_droppable(element: &Element) -> bool {
    DROP_WHEN_EMPTY.contains(&element.name()) && element.is_empty_container()
}

fn local(name: &[u8]) -> &[u8] {
    name.iter()
        .position(|&b| b == b':')
        .map_or(name, |i| &name[i + 1..])
}

fn fix(element: &mut Element) {
    let start = std::mem::replace(&mut element.start, BytesStart::new(""));
    element.start = without_dropped_attributes(start);
    if element.children.is_empty() {
        return;
    }
    for child in &mut element.children {
        if let Node::Element(child) = child {
            fix(child);
        }
    }
    element.children.retain(|child| match child {
        Node::Element(e) => !is_droppable(e),
        Node::Other(_) => true,
    });
    if let Some((_, order)) = ORDER
        .iter()
        .find(|(parent, _)| parent.as_bytes() == element.name())
    {
        // Each child's place in the schema, looked up once; most containers are already in order.
        let place = |child: &Node| match child {
            Node::Element(e) => order
                .iter()
                .position(|o| o.as_bytes() == local(e.name()))
                .unwrap_or(order.len()),
            Node::Other(_) => order.len(),
        };
        let places: Vec<usize> = element.children.iter().map(place).collect();
        if places.windows(2).any(|w| w[0] > w[1]) {
            let mut placed: Vec<(usize, Node)> =
                places.into_iter().zip(element.children.drain(..)).collect();
            placed.sort_by_key(|(place, _)| *place);
            element.children = placed.into_iter().map(|(_, child)| child).collect();
        }
    }
}

/// `start` without the attributes that are dropped: [`COUNTER_IDS`] and [`UNDECLARED`] ones.
fn without_dropped_attributes(start: BytesStart<'_>) -> BytesStart<'_> {
    let name = start.name().into_inner();
    // Most elements have none of these attributes: their bytes are searched before their attributes
    // are read.
    let raw: &[u8] = &start;
    let may_drop = UNDECLARED.iter().any(|(tag, _)| name == *tag)
        || raw
            .windows(COUNTER_PREFIX.len())
            .any(|w| w == COUNTER_PREFIX);
    let dropped = |key: &[u8]| {
        COUNTER_IDS.contains(&key)
            || UNDECLARED
                .iter()
                .any(|(tag, attribute)| name == *tag && key == *attribute)
    };
    if !may_drop
        || !start
            .attributes()
            .flatten()
            .any(|a| dropped(a.key.into_inner()))
    {
        return start;
    }
    let mut kept = BytesStart::new(String::from_utf8_lossy(name).into_owned());
    for attribute in start.attributes().flatten() {
        if !dropped(attribute.key.into_inner()) {
            kept.push_attribute(attribute);
        }
    }
    kept
}

fn write_element(writer: &mut Writer<Vec<u8>>, element: &Element) -> Result<(), quick_xml::Error> {
    let out = writer.get_mut();
    out.push(b'<');
    out.extend_from_slice(&element.start);
    if element.children.is_empty() {
        out.extend_from_slice(b"/>");
        return Ok(());
    }
    out.push(b'>');
    write(writer, &element.children)?;
    let out = writer.get_mut();
    out.extend_from_slice(b"</");
    out.extend_from_slice(element.name());
    out.push(b'>');
    Ok(())
}

fn write(writer: &mut Writer<Vec<u8>>, nodes: &[Node]) -> Result<(), quick_xml::Error> {
    for node in nodes {
        match node {
            Node::Other(event) => writer.write_event(event.borrow())?,
            Node::Element(e) => write_element(writer, e)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(xml: &str) -> String {
        String::from_utf8(normalise(xml.as_bytes()).expect("well-formed")).expect("utf-8")
    }

    #[test]
    fn paragraph_properties_follow_the_schema() {
        assert_eq!(
            fixed(
                r#"<w:p><w:pPr><w:rPr /><w:jc w:val="center" /><w:spacing w:before="120" /><w:pBdr><w:bottom w:val="single" /></w:pBdr></w:pPr><w:r><w:rPr><w:sz w:val="26" /><w:b /></w:rPr><w:t xml:space="preserve">Số: 05</w:t></w:r></w:p>"#
            ),
            r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" /></w:pBdr><w:spacing w:before="120" /><w:jc w:val="center" /></w:pPr><w:r><w:rPr><w:b /><w:sz w:val="26" /></w:rPr><w:t xml:space="preserve">Số: 05</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn header_references_open_the_section() {
        assert_eq!(
            fixed(
                r#"<w:sectPr><w:pgSz w:w="11906" /><w:titlePg /><w:headerReference w:type="default" r:id="rId1" /></w:sectPr>"#
            ),
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rId1" /><w:pgSz w:w="11906" /><w:titlePg /></w:sectPr>"#
        );
    }

    #[test]
    fn undeclared_attributes_and_empty_containers_go() {
        assert_eq!(
            fixed(
                r#"<w:tblGrid><w:gridCol w:w="3685" w:type="dxa" /></w:tblGrid><w:style><w:rPr /><w:pPr><w:rPr /></w:pPr><w:name w:val="Normal" /></w:style>"#
            ),
            r#"<w:tblGrid><w:gridCol w:w="3685"/></w:tblGrid><w:style><w:name w:val="Normal" /></w:style>"#
        );
    }

    #[test]
    fn counter_numbered_paragraph_ids_go() {
        assert_eq!(
            fixed(r#"<w:p w14:paraId="00000004" w:rsidR="1"><w:r/></w:p>"#),
            r#"<w:p w:rsidR="1"><w:r/></w:p>"#
        );
    }

    #[test]
    fn text_and_declarations_are_kept() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:t>a &amp; b &lt;t&gt;</w:t>";
        assert_eq!(fixed(xml), xml);
    }
}
