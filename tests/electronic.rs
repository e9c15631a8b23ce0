//! Electronic issue (`electronic = true` or `--electronic`): the number and the day and month left
//! for the signing system, in the letter and in its annexes' `Kèm theo` lines; unsigned signature
//! fields `signer` and `issuer` where the Decree puts the images, read from the laid-out page; a
//! separately filed annex that keeps its top right for the organisation's signature.

mod common;

use std::path::{Path, PathBuf};

use common::{copy_sample, docx_paragraph_texts, docx_part, render_with, sample_job, tools, words};
use lopdf::{Document, Object};

/// The sample letter rendered with `options` into a new folder; the folder.
fn rendered(options: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    render_with(&sample_job(), out.path(), options);
    out
}

/// A form field: its name, its type (`Sig`, `Tx`), its page (from 1) and its rectangle.
#[derive(Debug)]
struct Field {
    name: String,
    kind: String,
    read_only: bool,
    page: u32,
    rect: [f32; 4],
    signed: bool,
}

/// The form fields of `pdf`, read from its AcroForm.
fn fields(pdf: &Path) -> Vec<Field> {
    let document = Document::load(pdf).expect("a PDF");
    let pages = document.get_pages();
    let Ok(form) = document
        .catalog()
        .and_then(|c| c.get(b"AcroForm"))
        .and_then(|f| document.dereference(f).map(|(_, o)| o))
        .and_then(Object::as_dict)
    else {
        return Vec::new();
    };
    let list = form
        .get(b"Fields")
        .and_then(Object::as_array)
        .expect("fields");
    list.iter()
        .map(|r| {
            let id = r.as_reference().expect("a reference");
            let field = document.get_dictionary(id).expect("a field");
            let text = |key: &[u8]| match field.get(key) {
                Ok(Object::String(bytes, _)) => String::from_utf8_lossy(bytes).into_owned(),
                _ => String::new(),
            };
            let kind = field.get(b"FT").and_then(Object::as_name).expect("FT");
            let rect: Vec<f32> = field
                .get(b"Rect")
                .and_then(Object::as_array)
                .expect("Rect")
                .iter()
                .map(|n| n.as_float().expect("a number"))
                .collect();
            let page_id = field.get(b"P").and_then(Object::as_reference).expect("P");
            let page = pages
                .iter()
                .find(|(_, id)| **id == page_id)
                .map(|(n, _)| *n)
                .expect("its page");
            Field {
                name: text(b"T"),
                kind: String::from_utf8_lossy(kind).into_owned(),
                read_only: field
                    .get(b"Ff")
                    .and_then(Object::as_i64)
                    .is_ok_and(|f| f & 1 == 1),
                page,
                rect: rect.try_into().expect("four numbers"),
                signed: field.get(b"V").is_ok(),
            }
        })
        .collect()
}

#[test]
fn the_number_and_the_day_and_month_are_left_for_the_signing_system() {
    let out = rendered(&["--electronic"]);
    let docx = out.path().join("cong-van-2402.docx");
    let texts = docx_paragraph_texts(&docx_part(&docx, "word/document.xml"));
    let blank = vanban::nd30::BLANK;
    assert!(
        texts.contains(&format!("Số: {blank}/UBND-NTM")),
        "{texts:?}"
    );
    assert!(
        texts.contains(&format!("Cẩm Xuyên, ngày {blank} tháng {blank} năm 2021")),
        "{texts:?}"
    );
    let reference = format!(
        "(Kèm theo Công văn số {blank}/UBND-NTM ngày {blank} tháng {blank} năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)"
    );
    assert!(texts.contains(&reference), "{texts:?}");
    // The job's own key does the same as the flag: the same bytes.
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let job = dir.path().join("cong-van-2402.toml");
    let text = std::fs::read_to_string(&job).expect("job");
    std::fs::write(
        &job,
        text.replace("number = 2402\n", "number = 2402\nelectronic = true\n"),
    )
    .expect("write");
    render_with(&job, &dir.path().join("out"), &[]);
    for file in ["cong-van-2402.pdf", "cong-van-2402.docx"] {
        assert!(
            std::fs::read(out.path().join(file)).expect("flag")
                == std::fs::read(dir.path().join("out").join(file)).expect("key"),
            "{file}"
        );
    }
}

#[test]
fn signature_fields_stand_between_the_positions_and_the_name() {
    let out = rendered(&["--electronic", "--format", "pdf"]);
    let pdf = out.path().join("cong-van-2402.pdf");
    let fields: Vec<Field> = fields(&pdf)
        .into_iter()
        .filter(|f| f.kind == "Sig")
        .collect();
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["signer", "issuer"]);
    assert!(
        fields.iter().all(|f| !f.signed && f.page == 2),
        "{fields:?}"
    );
    let [sx0, sy0, sx1, sy1] = fields[0].rect;
    let [ix0, iy0, ix1, iy1] = fields[1].rect;
    let mm = |pt: f32| pt * 25.4 / 72.0;
    // The room the layout leaves above the name: 25 mm.
    assert!((mm(sy1 - sy0) - 25.0).abs() < 0.01, "{}", mm(sy1 - sy0));
    // Centred in the signature column (30 mm margin + 65 mm Nơi nhận, 100 mm wide), half its width.
    assert!(
        (mm((sx0 + sx1) / 2.0) - 145.0).abs() < 0.01,
        "{}",
        mm((sx0 + sx1) / 2.0)
    );
    assert!((mm(sx1 - sx0) - 50.0).abs() < 0.01);
    // The seal over the left third of the signature, as high as it.
    assert!((ix1 - (sx0 + (sx1 - sx0) / 3.0)).abs() < 0.01);
    assert!(ix0 < sx0 && (iy0, iy1) == (sy0, sy1));
    if !tools(&["pdftotext"]) {
        return;
    }
    // Read off the printed page: under the last position line, above the name.
    let (words, _, height) = words(&pdf, 2);
    let top = |text: &str| {
        words
            .iter()
            .find(|w| w.text == text)
            .map(|w| (height - w.y_min, height - w.y_max))
            .unwrap_or_else(|| panic!("{text} on page 2"))
    };
    let (_, position_bottom) = top("PHÓ");
    let (name_top, _) = top("Lê");
    assert!(
        sy1 <= position_bottom && sy0 >= name_top - 3.0,
        "{sy0}–{sy1} between {position_bottom} and {name_top}"
    );
    if tools(&["pdfsig"]) {
        let said = common::poppler("pdfsig", &[pdf.to_str().expect("utf-8")]);
        assert!(
            said.contains("Signature Field Name: signer")
                && said.contains("Signature Field Name: issuer"),
            "{said}"
        );
        assert!(
            said.contains("The signature form field is not signed."),
            "{said}"
        );
    }
}

/// The number, the day and the month left blank each get a read-only text field over the gap they
/// leave between the words of their line, for the signing system to fill at issuance.
#[test]
fn the_blanks_get_fields_over_their_gaps() {
    let out = rendered(&["--electronic", "--format", "pdf"]);
    let pdf = out.path().join("cong-van-2402.pdf");
    let blanks: Vec<Field> = fields(&pdf)
        .into_iter()
        .filter(|f| f.kind == "Tx")
        .collect();
    let names: Vec<&str> = blanks.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["number", "day", "month"]);
    assert!(
        blanks
            .iter()
            .all(|f| f.page == 1 && f.read_only && !f.signed),
        "{blanks:?}"
    );
    if !tools(&["pdftotext"]) {
        return;
    }
    let (words, _, height) = words(&pdf, 1);
    let word = |text: &str| {
        words
            .iter()
            .find(|w| w.text == text)
            .unwrap_or_else(|| panic!("{text} on page 1"))
    };
    // Each field between the words around its gap, as high as their line.
    for (field, (before, after)) in
        blanks
            .iter()
            .zip([("Số:", "/UBND-NTM"), ("ngày", "tháng"), ("tháng", "năm")])
    {
        let [x0, y0, x1, y1] = field.rect;
        let (before, after) = (word(before), word(after));
        assert!(
            (x0 - before.x_max).abs() < 1.0 && x1 <= after.x_min + 0.5 && x1 - x0 > 15.0,
            "{field:?} between {before:?} and {after:?}"
        );
        let (top, bottom) = (height - before.y_min, height - before.y_max);
        assert!(
            y0 < bottom + 3.0 && y1 > top - 3.0,
            "{field:?} on {before:?}"
        );
    }
}

#[test]
fn a_document_not_issued_electronically_has_no_signature_fields() {
    let out = rendered(&["--format", "pdf"]);
    assert!(fields(&out.path().join("cong-van-2402.pdf")).is_empty());
}

#[test]
fn an_electronic_document_checks_clean_as_a_document_to_be_signed() {
    let out = rendered(&["--electronic", "--annex-separate", "--format", "pdf"]);
    let files: Vec<PathBuf> = [
        "cong-van-2402.pdf",
        "cong-van-2402-phu-luc-i.pdf",
        "cong-van-2402-phu-luc-ii.pdf",
    ]
    .iter()
    .map(|f| out.path().join(f))
    .collect();
    let mut args = vec!["check"];
    args.extend(files.iter().map(|f| f.to_str().expect("utf-8")));
    let output = common::vanban(&args);
    let printed = String::from_utf8_lossy(&output.stdout);
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(
        summary.contains("3 files checked: 0 errors"),
        "{printed}{summary}"
    );
    assert!(
        printed.contains("cong-van-2402.pdf: draft: number and date left blank"),
        "{printed}"
    );
}

#[test]
fn a_separate_annex_keeps_its_top_right_for_the_organisations_signature() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let label_top = |options: &[&str]| {
        let mut all = vec!["--annex-separate", "--format", "pdf"];
        all.extend(options);
        let out = rendered(&all);
        let (words, _, _) = words(&out.path().join("cong-van-2402-phu-luc-i.pdf"), 1);
        words
            .iter()
            .find(|w| w.text == "Phụ")
            .expect("the label")
            .y_min
    };
    let moved = label_top(&["--electronic"]) - label_top(&[]);
    assert!((moved * 25.4 / 72.0 - 12.0).abs() < 0.2, "{moved} pt");
}
