//! The reference letter as DOCX: page setup, fonts, page-number header, text, schema validity, and
//! what LibreOffice makes of it.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use common::*;
use vanban::nd30::{self, LIMITS};

/// The sample rendered once for this test binary: (folder, pdf, docx).
fn letter() -> &'static (tempfile::TempDir, PathBuf, PathBuf) {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        render(&sample_job(), dir.path());
        let pdf = dir.path().join("cong-van-2402.pdf");
        let docx = dir.path().join("cong-van-2402.docx");
        (dir, pdf, docx)
    })
}

fn docx() -> &'static PathBuf {
    &letter().2
}

/// The value of `attr` in the first `<tag …>` element of `xml`.
fn attribute(xml: &str, tag: &str, attr: &str) -> Option<String> {
    let start = xml.find(&format!("<{tag} "))?;
    let element = &xml[start..start + xml[start..].find('>')?];
    let key = format!("{attr}=\"");
    let at = element.find(&key)? + key.len();
    Some(element[at..at + element[at..].find('"')?].to_string())
}

fn twips_to_mm(value: &str) -> f32 {
    value.parse::<f32>().expect("a number of twips") * 25.4 / 1440.0
}

#[test]
fn the_page_is_a4_with_decree_margins() {
    let xml = docx_part(docx(), "word/document.xml");
    assert_eq!(attribute(&xml, "w:pgSz", "w:w").as_deref(), Some("11906"));
    assert_eq!(attribute(&xml, "w:pgSz", "w:h").as_deref(), Some("16838"));
    let margin =
        |side: &str| twips_to_mm(&attribute(&xml, "w:pgMar", side).expect("margin present"));
    assert!(
        LIMITS.margin_top_mm.contains(margin("w:top")),
        "top {}",
        margin("w:top")
    );
    assert!(
        LIMITS.margin_bottom_mm.contains(margin("w:bottom")),
        "bottom {}",
        margin("w:bottom")
    );
    assert!(
        LIMITS.margin_left_mm.contains(margin("w:left")),
        "left {}",
        margin("w:left")
    );
    assert!(
        LIMITS.margin_right_mm.contains(margin("w:right")),
        "right {}",
        margin("w:right")
    );
}

#[test]
fn every_run_is_times_new_roman() {
    let styles = docx_part(docx(), "word/styles.xml");
    let defaults = &styles[styles.find("<w:docDefaults").expect("doc defaults")..];
    for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        assert_eq!(
            attribute(defaults, "w:rFonts", slot).as_deref(),
            Some(nd30::FONT),
            "{slot}"
        );
    }
    for part in ["word/document.xml", "word/styles.xml", "word/header1.xml"] {
        let xml = docx_part(docx(), part);
        for element in xml.split("<w:rFonts").skip(1) {
            let element = &element[..element.find('>').expect("tag end")];
            for value in element.split('"').skip(1).step_by(2) {
                assert_eq!(value, nd30::FONT, "{part}: <w:rFonts{element}>");
            }
        }
    }
}

#[test]
fn the_page_number_is_a_field_in_a_header_hidden_on_page_one() {
    let document = docx_part(docx(), "word/document.xml");
    assert!(document.contains("<w:titlePg"), "no titlePg");
    assert!(
        document.contains("w:headerReference"),
        "no header reference"
    );
    let headers: Vec<String> = docx_parts(docx())
        .into_iter()
        .filter(|p| p.starts_with("word/header"))
        .collect();
    // Centred by its style, `Số trang`.
    let styles = docx_part(docx(), "word/styles.xml");
    let at = styles
        .find("w:styleId=\"SoTrang\"")
        .expect("the page number's style");
    let style = &styles[at..at + styles[at..].find("</w:style>").expect("end")];
    assert!(style.contains("<w:jc w:val=\"center\" />"), "{style}");
    assert!(
        headers.iter().any(|h| {
            let xml = docx_part(docx(), h);
            xml.contains(">PAGE<")
                && xml.contains("w:fldCharType=\"begin\"")
                && xml.contains("<w:pStyle w:val=\"SoTrang\" />")
        }),
        "no centred PAGE field in {headers:?}"
    );
}

#[test]
fn the_document_holds_every_letter_string() {
    let xml = docx_part(docx(), "word/document.xml");
    let text = docx_paragraph_texts(&xml).join("\n");
    for expected in LETTER_STRINGS {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn the_package_is_schema_valid() {
    if !tools(&["openxml-audit"]) {
        return;
    }
    let output = Command::new("python3")
        .args([
            "-m",
            "openxml_audit",
            "--output",
            "json",
            "--max-errors",
            "0",
        ])
        .arg(docx())
        .output()
        .expect("openxml-audit is needed for this test (pip install openxml-audit)");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "openxml-audit found problems:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains("\"is_valid\": true") || report.contains("\"error_count\": 0"),
        "{report}"
    );
}

#[test]
fn libreoffice_shows_the_same_text_on_as_many_pages() {
    if !tools(&["pdfinfo", "pdftotext", "soffice"]) {
        return;
    }
    let (dir, pdf, docx) = letter();
    let converted = dir.path().join("libreoffice");
    let output = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&converted)
        .arg(docx)
        .env("HOME", dir.path())
        .output()
        .expect("LibreOffice (soffice) is needed for this test");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lo_pdf = converted.join("cong-van-2402.pdf");
    let text = pdf_text(&lo_pdf, None);
    for expected in LETTER_STRINGS {
        assert!(
            text.contains(expected),
            "LibreOffice lost {expected:?}:\n{text}"
        );
    }
    let (ours, theirs) = (page_count(pdf), page_count(&lo_pdf));
    assert!(
        ours.abs_diff(theirs) <= 1,
        "typst: {ours} pages, LibreOffice: {theirs}"
    );
    assert!(
        !pdf_text(&lo_pdf, Some(1))
            .lines()
            .take(2)
            .any(|l| l.trim() == "1"),
        "page 1 shows a number"
    );
}

/// The paragraph style named `name` in `styles.xml`, and its id.
fn style_id(styles: &str, name: &str) -> Option<String> {
    let at = styles.find(&format!("<w:name w:val=\"{name}\" />"))?;
    let start = styles[..at].rfind("<w:style ")?;
    attribute(&styles[start..], "w:style", "w:styleId")
}

#[test]
fn each_component_has_a_named_style_applied_to_its_paragraphs() {
    let styles = docx_part(docx(), "word/styles.xml");
    let document = docx_part(docx(), "word/document.xml");
    let looks = nd30::STANDARD.look;
    for look in looks.all() {
        let id = style_id(&styles, look.name)
            .unwrap_or_else(|| panic!("no style named {:?}", look.name));
        let start = styles.find(&format!("w:styleId=\"{id}\"")).expect("style");
        let style = &styles[start..start + styles[start..].find("</w:style>").expect("end")];
        let half_points = (look.size_pt * 2.0).round() as u32;
        assert!(
            style.contains(&format!("<w:sz w:val=\"{half_points}\" />")),
            "{style}"
        );
        assert_eq!(style.contains("<w:b />"), look.bold, "{style}");
        assert_eq!(style.contains("<w:i />"), look.italic, "{style}");
        let jc = match look.align {
            nd30::Align::Left => "left",
            nd30::Align::Center => "center",
            nd30::Align::Right => "right",
            nd30::Align::Justify => "both",
        };
        assert!(
            style.contains(&format!("<w:jc w:val=\"{jc}\" />")),
            "{style}"
        );
    }
    // The header's lines are set by their styles, without formatting of their own.
    for (name, text) in [
        (looks.national_name.name, nd30::NATIONAL_NAME),
        (looks.motto.name, nd30::MOTTO),
        (looks.agency.name, "HUYỆN CẨM XUYÊN"),
        (looks.signer.name, "Lê Ngọc Hà"),
    ] {
        let id = style_id(&styles, name).expect("style");
        let paragraph = format!("<w:pStyle w:val=\"{id}\" />");
        let at = document.find(&format!(">{text}<")).expect("text");
        let start = document[..at].rfind("<w:p>").expect("paragraph");
        let xml = &document[start..at];
        assert!(xml.contains(&paragraph), "{name}: {xml}");
        assert!(
            !xml.contains("<w:rPr>"),
            "{name} carries its own formatting: {xml}"
        );
    }
}

#[test]
fn libreoffice_lists_the_named_styles() {
    if !tools(&["soffice"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let output = Command::new("soffice")
        .args(["--headless", "--convert-to", "odt", "--outdir"])
        .arg(dir.path())
        .arg(docx())
        .env("HOME", home.path())
        .output()
        .expect("soffice runs");
    assert!(output.status.success(), "{output:?}");
    let odt = dir.path().join("cong-van-2402.odt");
    let styles = docx_part(&odt, "styles.xml");
    let content = docx_part(&odt, "content.xml");
    for look in nd30::STANDARD.look.all() {
        assert!(
            styles.contains(&format!("style:display-name=\"{}\"", look.name))
                || styles.contains(&format!("style:name=\"{}\"", look.name)),
            "{} not among LibreOffice's styles",
            look.name
        );
    }
    // Applied: the Quốc hiệu's paragraph is in an automatic style whose parent is the named one.
    let at = content.find(nd30::NATIONAL_NAME).expect("Quốc hiệu");
    let paragraph = &content[content[..at].rfind("<text:p").expect("paragraph")..at];
    let key = "text:style-name=\"";
    let name_at = paragraph.find(key).expect("a paragraph style") + key.len();
    let automatic = &paragraph[name_at..name_at + paragraph[name_at..].find('"').expect("name")];
    let definition = content
        .find(&format!("style:name=\"{automatic}\""))
        .map(|i| &content[i..i + content[i..].find('>').expect("end")])
        .expect("the automatic style");
    assert!(
        definition.contains("style:parent-style-name=\"Quốc_20_hiệu\""),
        "{definition}"
    );
}
