//! A DOCX package read as XML items, and its styles resolved as Word resolves them: the reading
//! `vanban check` and `vanban import` share.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::{Error, Result};

/// An element's attributes by local name.
pub type Attrs = HashMap<String, String>;

/// One piece of a part's XML: an element opening (with its attributes by local name), closing, or text.
pub enum Item {
    /// An element opens (an empty element opens and closes).
    Open(String, Attrs),
    /// An element closes.
    Close(String),
    /// Text, entities resolved.
    Text(String),
}

/// An opened DOCX package.
pub struct Package {
    path: PathBuf,
    zip: zip::ZipArchive<std::fs::File>,
}

impl Package {
    /// Opens the package at `path`; an error names the file.
    pub fn open(path: &Path) -> Result<Package> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let zip = zip::ZipArchive::new(file)
            .map_err(|e| Error::Input(format!("{}: not a DOCX package: {e}", path.display())))?;
        Ok(Package {
            path: path.to_path_buf(),
            zip,
        })
    }

    /// The names of the package's parts.
    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// The part `name` as items, `None` when the package has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<Item>>> {
        let bad =
            |message: String| Error::Input(format!("{}: {name}: {message}", self.path.display()));
        let Ok(mut entry) = self.zip.by_name(name) else {
            return Ok(None);
        };
        let mut xml = String::new();
        entry
            .read_to_string(&mut xml)
            .map_err(|e| bad(e.to_string()))?;
        items(&xml).map(Some).map_err(|e| bad(e.to_string()))
    }

    /// The main document part; an error when there is none.
    pub fn document(&mut self) -> Result<Vec<Item>> {
        self.part("word/document.xml")?.ok_or_else(|| {
            Error::Input(format!(
                "{}: no word/document.xml: not a Word document",
                self.path.display()
            ))
        })
    }
}

/// A part's XML as items.
pub fn items(xml: &str) -> std::result::Result<Vec<Item>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) => out.push(Item::Open(local(e.name().as_ref()), attributes(&e)?)),
            Event::Empty(e) => {
                let name = local(e.name().as_ref());
                out.push(Item::Open(name.clone(), attributes(&e)?));
                out.push(Item::Close(name));
            }
            Event::End(e) => out.push(Item::Close(local(e.name().as_ref()))),
            Event::Text(t) => out.push(Item::Text(t.decode()?.into_owned())),
            Event::CData(t) => out.push(Item::Text(t.decode()?.into_owned())),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref()? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode()?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_default()
                            .to_string()
                    }
                };
                out.push(Item::Text(text));
            }
            _ => {}
        }
    }
    Ok(out)
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.split_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
}

fn attributes(e: &quick_xml::events::BytesStart) -> std::result::Result<Attrs, quick_xml::Error> {
    let mut map = HashMap::new();
    for attribute in e.attributes() {
        let attribute = attribute.map_err(quick_xml::Error::from)?;
        let value = attribute.unescape_value()?.into_owned();
        map.insert(local(attribute.key.as_ref()), value);
    }
    Ok(map)
}

/// Run properties read from styles and runs, by element: font names, size, bold, italic, colour,
/// capitals, hidden text, sub- and superscript.
pub const RUN_PROPERTIES: [&str; 8] = [
    "rFonts",
    "sz",
    "b",
    "i",
    "color",
    "caps",
    "vanish",
    "vertAlign",
];
/// Paragraph properties read from styles and runs: alignment, indents, spacing.
pub const PARAGRAPH_PROPERTIES: [&str; 3] = ["jc", "ind", "spacing"];

/// The run and paragraph properties of `styles.xml`.
#[derive(Default)]
pub struct Styles {
    /// `w:docDefaults` run properties.
    pub defaults: HashMap<String, Attrs>,
    /// `w:docDefaults` paragraph properties.
    pub paragraph_defaults: HashMap<String, Attrs>,
    /// The default paragraph style's id.
    pub default_paragraph: Option<String>,
    /// Each style's own run properties and the style it is based on.
    styles: HashMap<String, Style>,
}

/// One style's own run and paragraph properties and the style it is based on.
#[derive(Default)]
struct Style {
    properties: HashMap<String, Attrs>,
    paragraph: HashMap<String, Attrs>,
    based_on: Option<String>,
}

impl Styles {
    /// The styles part's items read.
    pub fn read(items: &[Item]) -> Styles {
        let mut styles = Styles::default();
        let (mut in_defaults, mut current, mut in_paragraph_props) = (false, None::<String>, false);
        for item in items {
            match item {
                Item::Open(name, _) if name == "docDefaults" => in_defaults = true,
                Item::Close(name) if name == "docDefaults" => in_defaults = false,
                Item::Open(name, _) if name == "pPr" => in_paragraph_props = true,
                Item::Close(name) if name == "pPr" => in_paragraph_props = false,
                Item::Open(name, attrs) if name == "style" => {
                    current = attrs.get("styleId").cloned();
                    let default = attrs
                        .get("default")
                        .is_some_and(|v| v == "1" || v == "true");
                    if default && attrs.get("type").is_some_and(|t| t == "paragraph") {
                        styles.default_paragraph.clone_from(&current);
                    }
                }
                Item::Close(name) if name == "style" => current = None,
                Item::Open(name, attrs)
                    if RUN_PROPERTIES.contains(&name.as_str()) && !in_paragraph_props =>
                {
                    if in_defaults {
                        styles.defaults.insert(name.clone(), attrs.clone());
                    } else if let Some(id) = &current {
                        let style = styles.styles.entry(id.clone()).or_default();
                        style.properties.insert(name.clone(), attrs.clone());
                    }
                }
                Item::Open(name, attrs)
                    if PARAGRAPH_PROPERTIES.contains(&name.as_str()) && in_paragraph_props =>
                {
                    if in_defaults {
                        styles
                            .paragraph_defaults
                            .insert(name.clone(), attrs.clone());
                    } else if let Some(id) = &current {
                        let style = styles.styles.entry(id.clone()).or_default();
                        style.paragraph.insert(name.clone(), attrs.clone());
                    }
                }
                Item::Open(name, attrs) if name == "basedOn" => {
                    if let (Some(id), Some(parent)) = (&current, attrs.get("val")) {
                        styles.styles.entry(id.clone()).or_default().based_on =
                            Some(parent.clone());
                    }
                }
                _ => {}
            }
        }
        styles
    }

    /// Run property `element` of style `id` read by `read`, looked up through the styles it is
    /// based on.
    pub fn lookup(
        &self,
        id: Option<&str>,
        element: &str,
        read: &dyn Fn(&Attrs) -> Option<String>,
    ) -> Option<String> {
        self.lookup_in(id, &|style| style.properties.get(element).and_then(read))
    }

    /// Run property `element` as Word resolves it for a run: its own properties (`own`), its
    /// character style's, its paragraph style's (the default paragraph style's when it names none),
    /// the document defaults'.
    pub fn run_property(
        &self,
        own: &HashMap<String, Attrs>,
        (run_style, paragraph_style): (Option<&str>, Option<&str>),
        element: &str,
        read: &dyn Fn(&Attrs) -> Option<String>,
    ) -> Option<String> {
        let paragraph = paragraph_style.or(self.default_paragraph.as_deref());
        own.get(element)
            .and_then(read)
            .or_else(|| self.lookup(run_style, element, read))
            .or_else(|| self.lookup(paragraph, element, read))
            .or_else(|| self.defaults.get(element).and_then(read))
    }

    /// Paragraph property `element` of style `id`, as `lookup`.
    pub fn lookup_paragraph(
        &self,
        id: Option<&str>,
        element: &str,
        read: &dyn Fn(&Attrs) -> Option<String>,
    ) -> Option<String> {
        self.lookup_in(id, &|style| style.paragraph.get(element).and_then(read))
    }

    fn lookup_in(
        &self,
        id: Option<&str>,
        read: &dyn Fn(&Style) -> Option<String>,
    ) -> Option<String> {
        let mut id = id?.to_string();
        for _ in 0..16 {
            let style = self.styles.get(&id)?;
            if let Some(found) = read(style) {
                return Some(found);
            }
            id = style.based_on.clone()?;
        }
        None
    }
}

/// The theme's Latin major (headings) or minor (body) font.
pub fn theme_font(theme: &[Item], major: bool) -> Option<String> {
    let group = if major { "majorFont" } else { "minorFont" };
    let mut in_group = false;
    for item in theme {
        match item {
            Item::Open(name, _) if name == group => in_group = true,
            Item::Close(name) if name == group => in_group = false,
            Item::Open(name, attrs) if in_group && name == "latin" => {
                return attrs.get("typeface").cloned();
            }
            _ => {}
        }
    }
    None
}

/// Whether a toggle property (`w:b`, `w:i`) is on: present, and not `0`, `false` or `off`.
pub fn toggled(attrs: &Attrs) -> bool {
    attrs
        .get("val")
        .is_none_or(|v| !["0", "false", "off"].contains(&v.as_str()))
}

/// A number attribute.
pub fn number(attrs: &Attrs, key: &str) -> Option<f32> {
    attrs.get(key)?.parse().ok()
}
