//! PDF writer: the printed document laid out by typst, in process, with `templates/nd30.typ`.
//!
//! The document reaches typst as JSON, served as the virtual file `/input.json` and read with `json()`,
//! so its text is data and never markup; the sizes, looks and fonts every document shares are served
//! apart, as `/format.json`, to `templates/parts.typ`, which typst therefore evaluates once a run. The
//! standard library is built once and shared. The
//! typst world serves only the embedded layout files and fonts (plus the fonts of `--font-dir`, and
//! Times New Roman where the machine has it installed, see [`installed`]), the fonts without their
//! hinting (see [`unhinted`]).

pub mod fields;
pub mod installed;
pub mod numbers;
pub mod unhinted;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::error::{Error, Result};
use crate::fonts::{self, LineMetrics};
use crate::nd30::{self, Date, Format};
use crate::printed::Printed;

/// The layout files, compiled into the binary.
const TEMPLATES: [(&str, &str); 4] = [
    ("/nd30.typ", include_str!("../../templates/nd30.typ")),
    ("/parts.typ", include_str!("../../templates/parts.typ")),
    (
        "/page-number.typ",
        include_str!("../../templates/page-number.typ"),
    ),
    ("/stamp.typ", include_str!("../../templates/stamp.typ")),
];
/// The layout of a document.
const MAIN: &str = "/nd30.typ";
/// The layout of a line of text on its own ([`PdfWriter::stamp`]).
const STAMP: &str = "/stamp.typ";
/// The layout of a page number ([`numbers`]).
const PAGE_NUMBER: &str = "/page-number.typ";
/// How many documents of each thread typst's memo cache keeps a result unused before dropping it:
/// documents of a batch share most of their paragraphs, so keeping the last few's layout makes the
/// next one faster, while dropping older ones keeps memory bounded. The cache is one for the process,
/// so it is aged once for as many documents as there are threads laying them out
/// ([`PdfWriter::with_workers`]).
const CACHE_AGE: usize = 2;
/// The virtual file that holds the document's JSON.
const INPUT: &str = "/input.json";
/// The virtual file that holds what every document's layout shares ([`Shared`]).
const FORMAT: &str = "/format.json";

/// The PDF standard a PDF is written to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Standard {
    /// PDF 1.7.
    #[value(name = "1.7")]
    Pdf17,
    /// PDF/A-2b, for archiving: fonts embedded, colours defined, metadata in XMP. The default: it
    /// costs no measurable time and about 3.7 KB a file (the sRGB profile and the XMP).
    #[default]
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2u: PDF/A-2b whose text also maps to Unicode.
    #[value(name = "a-2u")]
    A2u,
}

impl Standard {
    fn typst(self) -> Result<typst_pdf::PdfStandards> {
        let standard = match self {
            Standard::Pdf17 => typst_pdf::PdfStandard::V_1_7,
            Standard::A2b => typst_pdf::PdfStandard::A_2b,
            Standard::A2u => typst_pdf::PdfStandard::A_2u,
        };
        typst_pdf::PdfStandards::new(&[standard])
            .map_err(|e| Error::Layout(e.message().to_string()))
    }
}

/// Fonts and layout files, loaded once and shared by every document (and thread) of a run.
pub struct PdfWriter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    /// The fonts as found, which the font book describes.
    fonts: Vec<Font>,
    /// Each font as the PDF takes it, made the first time a document uses it.
    pdf_fonts: Vec<OnceLock<Font>>,
    sources: HashMap<FileId, Source>,
    /// What `/format.json` holds.
    format: Bytes,
    /// Each page number laid out, by number and orientation (landscape), the first time a page shows it.
    numbers: Mutex<HashMap<(usize, bool), Arc<numbers::Drawn>>>,
    families: Vec<String>,
    face: Face,
    standard: Standard,
    /// Threads laying documents out with this writer at once.
    workers: usize,
    /// Documents laid out so far, for the memo cache's ageing.
    documents: AtomicUsize,
}

/// Where the PDF's Times New Roman comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Face {
    /// The folder given with `--font-dir`.
    FontDir(PathBuf),
    /// The machine's own font files.
    Installed(Vec<PathBuf>),
    /// Not found: the embedded Liberation Serif, which has its widths, stands in.
    Embedded,
}

impl std::fmt::Display for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Face::FontDir(dir) => write!(f, "{} from {}", nd30::FONT, dir.display()),
            Face::Installed(files) => {
                let files: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
                write!(f, "{} from {}", nd30::FONT, files.join(", "))
            }
            Face::Embedded => write!(
                f,
                "{} (embedded): {} is not installed on this machine",
                fonts::EMBEDDED_FAMILY,
                nd30::FONT
            ),
        }
    }
}

fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|p| RootedPath::new(VirtualRoot::Project, p).intern())
}

impl PdfWriter {
    /// Loads the embedded fonts, then every `.ttf`, `.otf` and `.ttc` in `font_dir`.
    ///
    /// The PDF is set in Times New Roman: from `font_dir` when it holds it, else as the machine has it
    /// installed ([`installed`]), else the embedded Liberation Serif, which has its widths, stands
    /// in ([`PdfWriter::face`] says which).
    pub fn new(font_dir: Option<&Path>) -> Result<PdfWriter> {
        Self::with_font_folders(font_dir, &installed::folders())
    }

    /// As [`PdfWriter::new`], looking for an installed Times New Roman in `folders`.
    pub fn with_font_folders(font_dir: Option<&Path>, folders: &[PathBuf]) -> Result<PdfWriter> {
        let mut fonts: Vec<Font> = Vec::new();
        for data in fonts::EMBEDDED {
            fonts.extend(Font::iter(Bytes::new(data)));
        }
        if let Some(dir) = font_dir {
            fonts.extend(load_dir(dir)?);
        }
        let is_office_font = |font: &Font| font.info().family.eq_ignore_ascii_case(nd30::FONT);
        let mut face = match font_dir {
            Some(dir) if fonts.iter().any(is_office_font) => Face::FontDir(dir.to_path_buf()),
            _ => Face::Embedded,
        };
        if face == Face::Embedded {
            let mut files = Vec::new();
            for file in installed::times_files(folders) {
                let Ok(data) = std::fs::read(&file) else {
                    continue;
                };
                let office: Vec<Font> = Font::iter(Bytes::new(data))
                    .filter(is_office_font)
                    .collect();
                if !office.is_empty() {
                    fonts.extend(office);
                    files.push(file);
                }
            }
            if !files.is_empty() {
                face = Face::Installed(files);
            }
        }
        let book = FontBook::from_fonts(&fonts);
        let mut families = vec![fonts::EMBEDDED_FAMILY.to_string()];
        if face != Face::Embedded {
            families.insert(0, nd30::FONT.to_string());
        }
        let sources = TEMPLATES
            .iter()
            .filter_map(|(path, text)| {
                file_id(path).map(|id| (id, Source::new(id, text.to_string())))
            })
            .collect();
        let shared = Shared {
            format: nd30::STANDARD,
            font: FontInput::new(&families),
            blank: nd30::BLANK,
        };
        let format = serde_json::to_string(&shared).map_err(|e| Error::Layout(e.to_string()))?;
        Ok(PdfWriter {
            library: LazyHash::new(Library::builder().build()),
            format: Bytes::from_string(format),
            numbers: Mutex::default(),
            book: LazyHash::new(book),
            pdf_fonts: fonts.iter().map(|_| OnceLock::new()).collect(),
            fonts,
            sources,
            families,
            face,
            standard: Standard::default(),
            workers: 1,
            documents: AtomicUsize::new(0),
        })
    }

    /// This writer, writing PDFs to `standard`.
    pub fn with_standard(self, standard: Standard) -> PdfWriter {
        PdfWriter { standard, ..self }
    }

    /// This writer, used by `workers` threads at once (a batch's): typst's memo cache, which they share,
    /// is aged once for every `workers` documents, so that it keeps what each one's last documents used
    /// (aged after every document, two workers kept one document each).
    pub fn with_workers(self, workers: usize) -> PdfWriter {
        PdfWriter {
            workers: workers.max(1),
            ..self
        }
    }

    /// One more document laid out: typst's memo cache aged when it is the turn of this one.
    fn age_cache(&self) {
        if self.documents.fetch_add(1, Ordering::Relaxed) % self.workers == 0 {
            typst::comemo::evict(CACHE_AGE);
        }
    }

    /// Where the PDF's face comes from.
    pub fn face(&self) -> &Face {
        &self.face
    }

    /// The PDF of `doc`.
    pub fn render(&self, doc: &Printed, date: Date) -> Result<Vec<u8>> {
        self.render_counted(doc, date).map(|(pdf, _)| pdf)
    }

    /// Every file the layout of `doc` reads, by its name in the layout's folder, `nd30.typ` first:
    /// e.g. to run the same layout with the typst command line.
    pub fn layout_files(&self, doc: &Printed) -> Result<Vec<(&'static str, Vec<u8>)>> {
        let mut files: Vec<(&'static str, Vec<u8>)> = TEMPLATES
            .iter()
            .filter(|(path, _)| *path != STAMP && *path != PAGE_NUMBER)
            .map(|(path, text)| (path.trim_start_matches('/'), text.as_bytes().to_vec()))
            .collect();
        files.push((&FORMAT[1..], self.format.to_vec()));
        files.push((&INPUT[1..], input_json(doc)?.to_vec()));
        Ok(files)
    }

    /// `text` on a line of its own, `size_pt` points, upright or `italic`, in the PDF's face, as a
    /// one-page PDF exactly its size: for [`crate::sign`] to draw into a PDF it signs.
    pub fn stamp(&self, text: &str, size_pt: f32, italic: bool) -> Result<Vec<u8>> {
        let font = FontInput::new(&self.families);
        let input = serde_json::json!({
            "text": text,
            "size_pt": size_pt,
            "italic": italic,
            "families": font.families,
            "top_edge_em": font.top_edge_em,
            "bottom_edge_em": font.bottom_edge_em,
        });
        let world = DocumentWorld::piece(self, STAMP, &input)?;
        let document = compile(&world)?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom("vanban-stamp".into()),
            tagged: false,
            ..Default::default()
        };
        typst_pdf::pdf(&document, &options).map_err(|diags| Error::Layout(describe(&world, &diags)))
    }

    /// The pages of `doc` as laid out, before they are written as PDF: e.g. to draw them as images
    /// ([`page_png`]).
    pub fn layout(&self, doc: &Printed, date: Date) -> Result<PagedDocument> {
        let world = DocumentWorld::new(self, input_json(doc)?, date)?;
        let document = self.laid_out(&world);
        self.age_cache();
        document
    }

    /// The document of `world` laid out, its page numbers drawn.
    fn laid_out(&self, world: &DocumentWorld) -> Result<PagedDocument> {
        numbers::draw(&compile(world)?, |n, landscape| {
            self.page_number(n, landscape)
        })
    }

    /// The page number `n` as the header of a page of either orientation shows it, laid out once.
    fn page_number(&self, n: usize, landscape: bool) -> Result<Arc<numbers::Drawn>> {
        let lost = |_| Error::Layout("the page numbers' cache was lost to a panic".into());
        if let Some(drawn) = self.numbers.lock().map_err(lost)?.get(&(n, landscape)) {
            return Ok(drawn.clone());
        }
        let input = serde_json::json!({ "number": n.to_string(), "landscape": landscape });
        let world = DocumentWorld::piece(self, PAGE_NUMBER, &input)?;
        let document = compile(&world)?;
        let page = document
            .pages()
            .first()
            .ok_or_else(|| Error::Layout(format!("page number {n} laid out on no page")))?;
        let drawn = Arc::new(numbers::drawn(page));
        self.numbers
            .lock()
            .map_err(lost)?
            .insert((n, landscape), drawn.clone());
        Ok(drawn)
    }

    /// The PDF of `doc`, and its number of pages.
    pub fn render_counted(&self, doc: &Printed, date: Date) -> Result<(Vec<u8>, usize)> {
        let world = DocumentWorld::new(self, input_json(doc)?, date)?;
        let document = self.laid_out(&world)?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(doc.meta.ident.clone()),
            timestamp: Some(typst_pdf::Timestamp::new_utc(world.today)),
            creator: Smart::Custom(Some(concat!("vanban ", env!("CARGO_PKG_VERSION")).into())),
            standards: self.standard.typst()?,
            ..Default::default()
        };
        let pdf = typst_pdf::pdf(&document, &options)
            .map_err(|diags| Error::Layout(describe(&world, &diags)))?;
        // Issued electronically, the PDF carries the fields the signatures go into.
        let pdf = match fields::places(&document).filter(|_| doc.electronic) {
            Some(places) => fields::add(&pdf, &places, &fields::blanks(&document))?,
            None => pdf,
        };
        self.age_cache();
        Ok((pdf, document.pages().len()))
    }
}

/// The document of `world` laid out, or what typst said against it.
fn compile(world: &DocumentWorld) -> Result<PagedDocument> {
    typst::compile::<PagedDocument>(world)
        .output
        .map_err(|diags| Error::Layout(describe(world, &diags)))
}

/// Page `index` (from 0) of a laid-out document as a PNG image, `pixels_per_pt` pixels to the point
/// (1.0 draws an A4 page 595 pixels wide); `None` when there is no such page.
pub fn page_png(document: &PagedDocument, index: usize, pixels_per_pt: f32) -> Option<Vec<u8>> {
    let page = document.pages().get(index)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(pixels_per_pt)),
        render_bleed: false,
    };
    typst_render::render(page, &options).encode_png().ok()
}

fn load_dir(dir: &Path) -> Result<Vec<Font>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<std::io::Result<_>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.path());
    let mut fonts = Vec::new();
    for entry in entries {
        let path = entry.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if matches!(ext.as_deref(), Some("ttf" | "otf" | "ttc")) {
            let data = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            fonts.extend(Font::iter(Bytes::new(data)));
        }
    }
    Ok(fonts)
}

/// `font` as the PDF takes it: without hinting where it is a TrueType file, else as it is.
fn pdf_font(font: &Font) -> Font {
    unhinted::unhinted(font.data(), font.index())
        .and_then(|bare| Font::new(Bytes::new(bare), 0))
        .unwrap_or_else(|| font.clone())
}

/// What the layout file reads from `/input.json`: the document.
fn input_json(doc: &Printed) -> Result<Bytes> {
    serde_json::to_string(doc)
        .map(Bytes::from_string)
        .map_err(|e| Error::Layout(e.to_string()))
}

/// What `templates/parts.typ` reads from `/format.json`: the same for every document of a writer.
#[derive(serde::Serialize)]
struct Shared {
    format: Format,
    font: FontInput,
    /// The room a blank number, day or month leaves ([`nd30::BLANK`]).
    blank: &'static str,
}

/// Font families and the line geometry that makes typst space lines as a word processor does.
#[derive(serde::Serialize)]
struct FontInput {
    families: Vec<String>,
    /// Top of a line box above the baseline, in em.
    top_edge_em: f32,
    /// Bottom of a line box below the baseline, in em.
    bottom_edge_em: f32,
    /// Gap between line boxes that gives single spacing, in em.
    single_leading_em: f32,
    /// Gap between line boxes that gives the body's spacing, in em.
    body_leading_em: f32,
}

impl FontInput {
    fn new(families: &[String]) -> FontInput {
        let m: LineMetrics = fonts::line_metrics();
        let line_box = m.ascender + m.descender;
        FontInput {
            families: families.to_vec(),
            top_edge_em: m.ascender,
            bottom_edge_em: m.descender,
            single_leading_em: m.single() - line_box,
            body_leading_em: m.single() * nd30::STANDARD.line_spacing - line_box,
        }
    }
}

/// One document's world: the shared fonts and layout files, plus this document's inputs.
struct DocumentWorld<'a> {
    json: Bytes,
    writer: &'a PdfWriter,
    main: FileId,
    today: Datetime,
}

impl<'a> DocumentWorld<'a> {
    fn new(writer: &'a PdfWriter, json: Bytes, date: Date) -> Result<DocumentWorld<'a>> {
        Self::of(writer, MAIN, json, date)
    }

    /// The world of `main`, a layout file for a piece of a document (a line, a page number) that
    /// reads `input` and no date.
    fn piece(
        writer: &'a PdfWriter,
        main: &str,
        input: &serde_json::Value,
    ) -> Result<DocumentWorld<'a>> {
        let date = Date::new(2000, 1, 1).ok_or_else(|| Error::Layout("no date".into()))?;
        Self::of(writer, main, Bytes::from_string(input.to_string()), date)
    }

    /// The world of the layout file `main`.
    fn of(writer: &'a PdfWriter, main: &str, json: Bytes, date: Date) -> Result<DocumentWorld<'a>> {
        let main = file_id(main).ok_or_else(|| Error::Layout(format!("bad layout path {main}")))?;
        let today = Datetime::from_ymd(i32::from(date.year), date.month, date.day)
            .ok_or_else(|| Error::Layout(format!("date {date:?} out of range")))?;
        Ok(DocumentWorld {
            json,
            writer,
            main,
            today,
        })
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        // The writer's own, so that its hash, which covers the whole standard library, is worked
        // out once and not for every document.
        &self.writer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.writer.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.writer
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if Some(id) == file_id(INPUT) {
            Ok(self.json.clone())
        } else if Some(id) == file_id(FORMAT) {
            Ok(self.writer.format.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        let font = self.writer.fonts.get(index)?;
        let slot = self.writer.pdf_fonts.get(index)?;
        Some(slot.get_or_init(|| pdf_font(font)).clone())
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

/// The diagnostics with their place in the layout file.
fn describe(world: &DocumentWorld, diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let place = d
                .span
                .id()
                .zip(world.range(d.span))
                .and_then(|(id, range)| {
                    let source = world.source(id).ok()?;
                    let (line, col) = source.lines().byte_to_line_column(range.start)?;
                    Some(format!(
                        "{}:{}:{}: ",
                        id.vpath().get_without_slash(),
                        line + 1,
                        col + 1
                    ))
                });
            format!("{}{}", place.unwrap_or_default(), d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}
