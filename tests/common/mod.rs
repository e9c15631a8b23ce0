//! Helpers shared by the integration tests: running vanban, reading PDFs with poppler, reading DOCX parts.

#![allow(dead_code)]

pub mod served;
pub mod synthetic;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled reference letter's job file.
pub fn sample_job() -> PathBuf {
    root().join("samples/cam-xuyen-2021/cong-van-2402.toml")
}

/// Copies every file of the sample's folder into `dir`, so a job there finds its body and data.
pub fn copy_sample(dir: &Path) {
    let folder = sample_job().parent().expect("sample folder").to_path_buf();
    for entry in std::fs::read_dir(folder).expect("sample folder").flatten() {
        std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy sample file");
    }
}

/// Runs the `vanban` binary with `args`.
pub fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("vanban runs")
}

/// Renders `job` into `out` with the binary, asserting success.
pub fn render(job: &Path, out: &Path) {
    render_with(job, out, &[]);
}

/// As [`render`], with more options (`--format pdf`, `--font-dir DIR`).
pub fn render_with(job: &Path, out: &Path, options: &[&str]) {
    let mut args = vec![
        "render",
        job.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend(options);
    let output = vanban(&args);
    assert!(
        output.status.success(),
        "vanban failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Whether the outside programs a test reads its outputs with are here: poppler's `pdftotext`,
/// `pdfinfo`, `pdffonts`, `pdfsig`, LibreOffice's `soffice`, `openxml-audit` and `pyhanko` (Python),
/// `qpdf`, and `chromium` with `chromedriver` for the page's browser tests. When one is missing
/// the test says so in one line and is skipped, unless `VANBAN_TEST_TOOLS=require` (as CI sets it),
/// which fails it instead.
pub fn tools(names: &[&str]) -> bool {
    let missing: Vec<&str> = names.iter().copied().filter(|n| !tool_here(n)).collect();
    if missing.is_empty() {
        return true;
    }
    let list = missing.join(", ");
    if std::env::var("VANBAN_TEST_TOOLS").is_ok_and(|v| v == "require") {
        panic!("{list} not found, and VANBAN_TEST_TOOLS=require");
    }
    // Written past the test harness's capture, so that a passing run lists what it skipped.
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let line = format!(
        "{test}: skipped: {list} not found (set VANBAN_TEST_TOOLS=require to fail instead)\n"
    );
    let _ = std::io::stderr().write_all(line.as_bytes());
    false
}

/// Whether the program `name` runs here (looked up once per test binary).
fn tool_here(name: &str) -> bool {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static FOUND: OnceLock<Mutex<HashMap<String, bool>>> = OnceLock::new();
    let found = FOUND.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(&here) = found.lock().expect("tool table").get(name) {
        return here;
    }
    let runs = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    let here = match name {
        "openxml-audit" => runs("python3", &["-c", "import openxml_audit"]),
        "soffice" => runs("soffice", &["--version"]),
        "chromium" | "chromedriver" | "qpdf" => runs(name, &["--version"]),
        "pyhanko" => runs("pyhanko", &["--help"]),
        // poppler's tools print their version and exit 0 (older ones 99): being run is enough.
        poppler => Command::new(poppler)
            .arg("-v")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok(),
    };
    found
        .lock()
        .expect("tool table")
        .insert(name.to_string(), here);
    here
}

/// Runs a poppler tool and returns its standard output.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// The text of a PDF, laid out (`pdftotext -layout`), optionally of one page.
pub fn pdf_text(pdf: &Path, page: Option<u32>) -> String {
    let path = pdf.to_str().expect("utf-8 path");
    match page {
        Some(n) => {
            let n = n.to_string();
            poppler("pdftotext", &["-layout", "-f", &n, "-l", &n, path, "-"])
        }
        None => poppler("pdftotext", &["-layout", path, "-"]),
    }
}

/// The text with every run of white space turned into one space, so that phrases can be searched
/// across line breaks.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Number of pages of a PDF.
pub fn page_count(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[pdf.to_str().expect("utf-8 path")]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// A word of a PDF page with its box, in points from the top-left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
}

/// The words of page `page` with their boxes (`pdftotext -bbox`), and the page's width and height.
pub fn words(pdf: &Path, page: u32) -> (Vec<Word>, f32, f32) {
    let n = page.to_string();
    let html = poppler(
        "pdftotext",
        &[
            "-bbox",
            "-f",
            &n,
            "-l",
            &n,
            pdf.to_str().expect("utf-8 path"),
            "-",
        ],
    );
    let attr = |line: &str, name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).expect("attribute present") + name.len() + 2;
        let rest = &line[start..];
        rest[..rest.find('"').expect("closing quote")]
            .parse()
            .expect("a number")
    };
    let page_line = html
        .lines()
        .find(|l| l.trim_start().starts_with("<page"))
        .expect("a page");
    let (width, height) = (attr(page_line, "width"), attr(page_line, "height"));
    let words = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| Word {
            text: l[l.find('>').expect("tag end") + 1..l.rfind("</word>").expect("word end")]
                .to_string(),
            x_min: attr(l, "xMin"),
            y_min: attr(l, "yMin"),
            x_max: attr(l, "xMax"),
            y_max: attr(l, "yMax"),
        })
        .collect();
    (words, width, height)
}

/// A part of a DOCX package, as text.
pub fn docx_part(docx: &Path, part: &str) -> String {
    let file = std::fs::File::open(docx).expect("docx opens");
    let mut archive = zip::ZipArchive::new(file).expect("docx is a zip");
    let mut entry = archive
        .by_name(part)
        .unwrap_or_else(|_| panic!("{part} in {}", docx.display()));
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("part is UTF-8");
    text
}

/// Names of the parts of a DOCX package.
pub fn docx_parts(docx: &Path) -> Vec<String> {
    let file = std::fs::File::open(docx).expect("docx opens");
    let archive = zip::ZipArchive::new(file).expect("docx is a zip");
    archive.file_names().map(str::to_string).collect()
}

/// The visible text of a WordprocessingML part: the `w:t` contents, paragraph by paragraph.
pub fn docx_paragraph_texts(xml: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    for chunk in xml.split("</w:p>") {
        let mut text = String::new();
        let mut rest = chunk;
        while let Some(start) = rest.find("<w:t") {
            let after = &rest[start..];
            let Some(open_end) = after.find('>') else {
                break;
            };
            if after[..open_end].ends_with('/')
                || !(after[4..].starts_with('>') || after[4..].starts_with(' '))
            {
                rest = &after[open_end + 1..];
                continue;
            }
            let body = &after[open_end + 1..];
            let Some(close) = body.find("</w:t>") else {
                break;
            };
            text.push_str(&unescape(&body[..close]));
            rest = &body[close..];
        }
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    paragraphs
}

/// XML text unescaped.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The strings the reference letter must show in both outputs.
pub const LETTER_STRINGS: [&str; 14] = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN CẨM XUYÊN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 2402/UBND-NTM",
    "Cẩm Xuyên, ngày 10 tháng 8 năm 2021",
    "V/v đẩy mạnh công tác tuyên truyền",
    "Kính gửi:",
    "Nơi nhận:",
    "- Lưu: VT, NTM.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Lê Ngọc Hà",
];

/// Asserts that openxml-audit finds nothing wrong with `docx`.
pub fn assert_schema_valid(docx: &Path) {
    let audit = Command::new("python3")
        .args(["-m", "openxml_audit"])
        .arg(docx)
        .output()
        .expect("openxml-audit is needed for this test (pip install openxml-audit)");
    assert!(
        audit.status.success(),
        "{}: {}",
        docx.display(),
        String::from_utf8_lossy(&audit.stdout)
    );
}

/// Asserts that `vanban check` finds nothing in vanban's own `docx` and, in its `pdf`, only that the
/// embedded metric clone stands in for Times New Roman.
pub fn assert_checks_clean(pdf: &Path, docx: &Path) {
    let check = vanban(&["check", docx.to_str().expect("utf-8")]);
    assert!(
        check.status.success() && check.stdout.is_empty(),
        "{}: {}",
        docx.display(),
        String::from_utf8_lossy(&check.stdout)
    );
    let check = vanban(&["check", pdf.to_str().expect("utf-8")]);
    let findings = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && findings.lines().all(|l| l.contains(": W3 font:")),
        "{}: {findings}",
        pdf.display()
    );
}

/// Converts `docx` files to PDF with LibreOffice, in one `soffice` call, into `out`; returns the
/// PDFs' paths in the same order.
pub fn libreoffice_pdfs(docx: &[&Path], out: &Path) -> Vec<PathBuf> {
    let home = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(docx)
        .env("HOME", home.path())
        .output()
        .expect("LibreOffice (soffice) is needed for this test");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    docx.iter()
        .map(|d| out.join(d.with_extension("pdf").file_name().expect("a file name")))
        .collect()
}

/// Copies the DOCX `from` to `to`, replacing `old` by `new` in `part` (which must contain it).
pub fn mutate(from: &Path, to: &Path, part: &str, old: &str, new: &str) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).expect("docx")).expect("zip");
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).expect("create"));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if name == part {
            let xml = String::from_utf8(bytes).expect("utf-8");
            assert!(xml.contains(old), "{part} has no {old:?}");
            bytes = xml.replace(old, new).into_bytes();
        }
        out.start_file(name, options).expect("start");
        out.write_all(&bytes).expect("write");
    }
    out.finish().expect("finish");
}
