//! The reference letter as PDF: its strings, fonts, page size and page numbers.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::*;
use unicode_normalization::is_nfc;

/// The sample rendered once for this test binary.
fn letter() -> &'static PathBuf {
    static PDF: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &PDF.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        render(&sample_job(), dir.path());
        let pdf = dir.path().join("cong-van-2402.pdf");
        (dir, pdf)
    })
    .1
}

#[test]
fn the_letter_shows_every_header_and_closing_string() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let text = pdf_text(letter(), None);
    for expected in LETTER_STRINGS {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn the_text_is_clean_unicode() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let text = pdf_text(letter(), None);
    assert!(!text.contains(['\u{01A2}', '\u{01A3}']), "ƣ found");
    for line in text.lines() {
        assert!(is_nfc(line), "not NFC: {line:?}");
    }
    let flat = flat(&text);
    assert!(flat.contains("trước ngày 20/8/2021"), "{flat}");
    assert!(flat.contains("kịp thời gian./."), "{flat}");
}

#[test]
fn every_font_is_embedded() {
    if !tools(&["pdffonts"]) {
        return;
    }
    let fonts = poppler("pdffonts", &[letter().to_str().expect("utf-8 path")]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "not embedded: {row}");
        assert!(row.contains("LiberationSerif"), "unexpected font: {row}");
    }
}

/// Pages of the letter itself: those before the first annex.
fn letter_pages() -> u32 {
    let pages = page_count(letter()) as u32;
    (1..=pages)
        .find(|&p| {
            pdf_text(letter(), Some(p))
                .trim_start()
                .starts_with("Phụ lục")
        })
        .map_or(pages, |first_annex| first_annex - 1)
}

#[test]
fn the_letter_is_portrait_and_its_annexes_landscape() {
    if !tools(&["pdfinfo", "pdftotext"]) {
        return;
    }
    let pages = page_count(letter());
    let letter_pages = letter_pages() as usize;
    assert!(
        letter_pages >= 2,
        "the letter runs over two pages, got {letter_pages}"
    );
    assert!(pages > letter_pages, "the annexes follow the letter");
    let info = poppler(
        "pdfinfo",
        &[
            "-f",
            "1",
            "-l",
            &pages.to_string(),
            letter().to_str().expect("utf-8 path"),
        ],
    );
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
        .collect();
    assert_eq!(sizes.len(), pages, "{info}");
    for (i, size) in sizes.iter().enumerate() {
        let expected = if i < letter_pages {
            "595.276 x 841.89 pts"
        } else {
            "841.89 x 595.276 pts"
        };
        assert!(size.contains(expected), "page {}: {size}", i + 1);
    }
}

#[test]
fn only_pages_after_the_first_carry_a_number_centred_in_the_top_margin() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let top_margin_pt = vanban::nd30::STANDARD.margin.top_mm * 72.0 / 25.4;
    let (first, width, _) = words(letter(), 1);
    assert!(
        first.iter().all(|w| w.y_max > top_margin_pt),
        "page 1 has text in the top margin: {:?}",
        first
            .iter()
            .filter(|w| w.y_max <= top_margin_pt)
            .collect::<Vec<_>>()
    );
    let (second, _, _) = words(letter(), 2);
    let in_margin: Vec<_> = second.iter().filter(|w| w.y_max <= top_margin_pt).collect();
    assert_eq!(in_margin.len(), 1, "{in_margin:?}");
    let number = in_margin[0];
    assert_eq!(number.text, "2");
    let f = vanban::nd30::STANDARD;
    let mm = |pt: f32| pt * 25.4 / 72.0;
    let text_centre =
        f.margin.left_mm + (f.page.width_mm - f.margin.left_mm - f.margin.right_mm) / 2.0;
    let centre = mm((number.x_min + number.x_max) / 2.0);
    assert!(
        (centre - text_centre).abs() < 3.0,
        "page number at {centre} mm, text centre {text_centre} mm"
    );
    assert!(mm(width) > 209.0);
}

#[test]
fn the_number_and_the_date_share_a_line() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let (page, _, _) = words(letter(), 1);
    let find = |text: &str| {
        page.iter()
            .find(|w| w.text == text)
            .unwrap_or_else(|| panic!("{text} on page 1"))
    };
    let (number, date) = (find("Số:"), find("ngày"));
    let mm = |pt: f32| pt * 25.4 / 72.0;
    assert!(
        mm((number.y_max - date.y_max).abs()) < 1.0,
        "Số at {} pt, date at {} pt",
        number.y_max,
        date.y_max
    );
    assert!(number.x_max < date.x_min, "Số is left of the date");
}

#[test]
fn the_distribution_label_is_level_with_the_first_signature_line() {
    if !tools(&["pdfinfo", "pdftotext"]) {
        return;
    }
    let last = letter_pages();
    let (page, _, _) = words(letter(), last);
    let find = |text: &str| {
        page.iter()
            .find(|w| w.text == text)
            .unwrap_or_else(|| panic!("{text} on page {last}"))
    };
    let (label, position) = (find("Nơi"), find("TM."));
    let mm = |pt: f32| pt * 25.4 / 72.0;
    assert!(
        mm((label.y_max - position.y_max).abs()) < 2.0,
        "Nơi nhận at {} pt, TM. at {} pt",
        label.y_max,
        position.y_max
    );
    assert!(
        label.x_max < position.x_min,
        "Nơi nhận is left of the signature"
    );
}

/// `font` with the names of Times New Roman's face `style` (family, full and PostScript names), as
/// `--font-dir` would find it on an office PC.
fn named_times_new_roman(font: &[u8], style: &str) -> Vec<u8> {
    use read_fonts::{FontRef, TableProvider};
    use write_fonts::from_obj::ToOwnedTable;
    use write_fonts::tables::name::Name;
    use write_fonts::OffsetMarker;

    let font = FontRef::new(font).expect("font");
    let mut name: Name = font.name().expect("name table").to_owned_table();
    for record in &mut name.name_record {
        let text = match (record.name_id.to_u16(), style) {
            (1 | 16, _) | (4, "Regular") => "Times New Roman".to_string(),
            (4, _) => format!("Times New Roman {style}"),
            (6, "Regular") => "TimesNewRomanPSMT".to_string(),
            (6, _) => format!("TimesNewRomanPS-{style}MT"),
            _ => continue,
        };
        record.string = OffsetMarker::new(text);
    }
    write_fonts::FontBuilder::new()
        .add_table(&name)
        .expect("name table")
        .copy_missing_tables(font)
        .build()
}

#[test]
fn a_times_new_roman_in_the_font_folder_is_embedded_without_hinting_and_passes_the_checker() {
    if !tools(&["pdffonts"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).expect("font folder");
    // The embedded faces are regular, bold, italic and bold italic, in that order.
    let styles = ["Regular", "Bold", "Italic", "BoldItalic"];
    for (data, style) in vanban::fonts::EMBEDDED.iter().zip(styles) {
        let file = fonts.join(format!("times{style}.ttf"));
        std::fs::write(file, named_times_new_roman(data, style)).expect("write font");
    }
    let font_dir = fonts.to_str().expect("utf-8");
    render_with(
        &sample_job(),
        dir.path(),
        &["--format", "pdf", "--font-dir", font_dir],
    );
    let pdf = dir.path().join("cong-van-2402.pdf");

    let listed = poppler("pdffonts", &[pdf.to_str().expect("utf-8")]);
    let rows: Vec<&str> = listed
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 4, "{listed}");
    assert!(
        rows.iter().all(|r| r.contains("+TimesNewRomanPS")),
        "{listed}"
    );
    assert!(
        listed.contains("+TimesNewRomanPSMT "),
        "the regular face: {listed}"
    );

    // The font programs in the PDF carry no hinting tables.
    use read_fonts::TableProvider;
    let document = lopdf::Document::load(&pdf).expect("pdf");
    let mut programs = 0;
    for object in document.objects.values() {
        let Ok(descriptor) = object.as_dict() else {
            continue;
        };
        let Ok(program) = descriptor.get(b"FontFile2").and_then(|r| r.as_reference()) else {
            continue;
        };
        let stream = document
            .get_object(program)
            .and_then(|o| o.as_stream())
            .expect("font program");
        let data = stream
            .decompressed_content()
            .expect("deflated font program");
        let font = read_fonts::FontRef::new(&data).expect("TrueType program");
        for tag in [b"fpgm", b"prep", b"cvt "] {
            assert!(font
                .data_for_tag(read_fonts::types::Tag::new(tag))
                .is_none());
        }
        programs += 1;
    }
    assert_eq!(programs, 4);

    let check = vanban(&["check", pdf.to_str().expect("utf-8")]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "",
        "no finding, not even W3"
    );
}

#[test]
fn times_new_roman_installed_on_the_machine_is_found_and_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A user's font folder on Linux, as msttcorefonts names the files.
    let fonts = dir
        .path()
        .join("home/.local/share/fonts/truetype/msttcorefonts");
    std::fs::create_dir_all(&fonts).expect("font folder");
    let styles = ["Regular", "Bold", "Italic", "BoldItalic"];
    for (data, style) in vanban::fonts::EMBEDDED.iter().zip(styles) {
        let file = fonts.join(format!("Times_New_Roman_{style}.ttf"));
        std::fs::write(file, named_times_new_roman(data, style)).expect("write font");
    }
    let out = dir.path().join("out");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "-v", "--format", "pdf", "-o"])
        .arg(&out)
        .arg(sample_job())
        .env("HOME", dir.path().join("home"))
        .output()
        .expect("vanban runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("font: Times New Roman from ")
            && stderr.contains("Times_New_Roman_Bold.ttf"),
        "{stderr}"
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
    let check = vanban(&[
        "check",
        out.join("cong-van-2402.pdf").to_str().expect("utf-8"),
    ]);
    assert!(
        check.status.success() && check.stdout.is_empty(),
        "no W3 with Times New Roman: {}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn without_times_new_roman_the_stand_in_is_told_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let writer =
        vanban::render::pdf::PdfWriter::with_font_folders(None, &[dir.path().to_path_buf()])
            .expect("fonts load");
    assert_eq!(*writer.face(), vanban::render::pdf::Face::Embedded);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "--format", "docx", "-o"])
        .arg(dir.path())
        .arg(sample_job())
        .output()
        .expect("vanban runs");
    // No PDF written, nothing to warn of.
    assert!(!String::from_utf8_lossy(&output.stderr).contains("warning:"));
}
