//! `vanban check`: vanban's own documents pass; documents with one defect each are reported with that
//! defect's rule and nothing else.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The rule ids `vanban check` reports for `file`, and whether it exited with success.
fn rules(file: &Path) -> (Vec<String>, bool) {
    let output = vanban(&["check", file.to_str().expect("utf-8"), "--format", "json"]);
    let reports: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {output:?}"));
    let ids = reports
        .as_array()
        .expect("an array of files")
        .iter()
        .inspect(|r| assert_eq!(r["judged"], true, "{r}"))
        .flat_map(|r| r["findings"].as_array().expect("findings").clone())
        .map(|f| f["rule"].as_str().expect("rule").to_string())
        .collect();
    (ids, output.status.success())
}

/// For each `(part, old, new, rule)`, a copy of `original` with `old` replaced by `new` in `part` is
/// reported with exactly that rule, and exits 1 when it is an error.
fn assert_each_defect(original: &Path, dir: &Path, cases: &[(&str, &str, &str, &str)]) {
    for (i, (part, old, new, rule)) in cases.iter().enumerate() {
        let defective = dir.join(format!("defect-{i}.docx"));
        mutate(original, &defective, part, old, new);
        let error = rule.starts_with('E');
        assert_eq!(
            rules(&defective),
            (vec![rule.to_string()], !error),
            "{old:?} → {new:?}"
        );
    }
}

/// The run that opens the letter's body.
const BODY_START: &str = "<w:r><w:t xml:space=\"preserve\">Theo dự thảo";

fn rendered_letter(dir: &Path) -> PathBuf {
    render(&sample_job(), dir);
    dir.join("cong-van-2402.docx")
}

#[test]
fn the_letter_passes_and_each_defect_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let letter = rendered_letter(dir.path());
    assert_eq!(rules(&letter), (vec![], true));

    let (doc, styles) = ("word/document.xml", "word/styles.xml");
    let cases = [
        (doc, "tháng 8 năm 2021", "tháng 08 năm 2021", "E13"),
        (doc, "ngày 10 tháng 8", "ngày 5 tháng 8", "E13"),
        (doc, "Số: 2402/UBND-NTM", "Số: 5/UBND-NTM", "E12"),
        (doc, "Độc lập - Tự do", "Độc lập – Tự do", "E9"),
        (doc, "Lưu: VT", "Lưu trữ", "E25"),
        (doc, "2402/UBND-NTM", "2402/GN-NTM", "E17"),
        (doc, "Thường trực", "Thƣờng trực", "E5"),
        ("word/styles.xml", "Times New Roman", "Arial", "E3"),
        (doc, "Truyền thông huyện;", "Truyền thông huyện", "E26"),
        (
            doc,
            "- Văn phòng Điều phối NTM huyện;",
            "- Văn phòng Điều phối NTM huyện",
            "E25",
        ),
        (doc, ">Phụ lục II<", ">Phụ lục 2<", "E30"),
        (doc, "kịp thời gian./.", "kịp thời gian.", "W22"),
        (doc, BODY_START, &BODY_START.replace("<w:r>", "<w:r><w:rPr><w:color w:val=\"0000FF\" /></w:rPr>"), "E4"),
        (doc, "2402/UBND-NTM<", "2402/UBND-NTMHUYENCAMXUYENHATINHVIETNAM<", "W35"),
        (
            doc,
            "<w:r><w:t xml:space=\"preserve\">CỘNG HÒA",
            "<w:r><w:rPr><w:b w:val=\"false\" /></w:rPr><w:t xml:space=\"preserve\">CỘNG HÒA",
            "E8",
        ),
        (doc, ">Lê Ngọc Hà<", ">TS. Lê Ngọc Hà<", "E24"),
        (doc, ">KT. CHỦ TỊCH<", ">KT CHỦ TỊCH<", "E23"),
        (
            doc,
            "<w:r><w:t xml:space=\"preserve\">HUYỆN CẨM XUYÊN<",
            "<w:r><w:rPr><w:b w:val=\"false\" /></w:rPr><w:t xml:space=\"preserve\">HUYỆN CẨM XUYÊN<",
            "E11",
        ),
        (
            doc,
            "<w:r><w:t xml:space=\"preserve\">V/v",
            "<w:r><w:rPr><w:b /></w:rPr><w:t xml:space=\"preserve\">V/v",
            "E15",
        ),
        (
            doc,
            "<w:r><w:t xml:space=\"preserve\">Kính gửi:<",
            "<w:r><w:rPr><w:sz w:val=\"24\" /></w:rPr><w:t xml:space=\"preserve\">Kính gửi:<",
            "E26",
        ),
        (
            doc,
            "<w:r><w:t xml:space=\"preserve\">- Như trên;<",
            "<w:r><w:rPr><w:sz w:val=\"28\" /></w:rPr><w:t xml:space=\"preserve\">- Như trên;<",
            "E25",
        ),
        (
            doc,
            "<w:r><w:t xml:space=\"preserve\">Lê Ngọc Hà<",
            "<w:r><w:rPr><w:b w:val=\"false\" /></w:rPr><w:t xml:space=\"preserve\">Lê Ngọc Hà<",
            "E23",
        ),
        // The body's alignment and indent are its style's.
        (styles, "<w:jc w:val=\"both\" />", "<w:jc w:val=\"left\" />", "E18"),
        (styles, "w:firstLine=\"567\"", "w:firstLine=\"283\"", "E18"),
        (doc, "w:before=\"120\" w:after=\"0\" w:line=\"288\"", "w:before=\"0\" w:after=\"0\" w:line=\"288\"", "E18"),
        (doc, "w:line=\"288\"", "w:line=\"200\"", "E18"),
        (doc, ">Huy động sự", ">huy động sự", "W36"),
        (doc, "theo nghị quyết", "theo điều 5 nghị quyết", "W36"),
        (
            doc,
            "<w:r><w:t xml:space=\"preserve\">Phụ lục I<",
            "<w:r><w:rPr><w:sz w:val=\"26\" /></w:rPr><w:t xml:space=\"preserve\">Phụ lục I<",
            "E30",
        ),
        (doc, ">V/v đẩy mạnh", ">Về việc đẩy mạnh", "E15"),
    ];
    assert_each_defect(&letter, dir.path(), &cases);
    // A 10 mm left margin in every section: the letter's and its landscape annexes'.
    let narrow = dir.path().join("narrow.docx");
    mutate(&letter, &narrow, doc, "w:left=\"1701\"", "w:left=\"567\"");
    assert_eq!(
        rules(&narrow),
        (vec!["E2".to_string(), "E2".to_string()], false)
    );

    // The bracketed placeholder for the signature, over two lines, is not the signer's name.
    let placeholder = dir.path().join("placeholder.docx");
    mutate(
        &letter,
        &placeholder,
        doc,
        "PHÓ CHỦ TỊCH</w:t></w:r></w:p>",
        "PHÓ CHỦ TỊCH</w:t></w:r></w:p><w:p><w:r><w:rPr><w:i /></w:rPr><w:t>(Chữ ký của người có \
         thẩm quyền,</w:t></w:r></w:p><w:p><w:r><w:rPr><w:i /></w:rPr><w:t>dấu của cơ quan)</w:t></w:r></w:p>",
    );
    assert_eq!(rules(&placeholder), (vec![], true));

    // HOÀ is accepted beside HÒA.
    let hoa = dir.path().join("hoa.docx");
    mutate(&letter, &hoa, doc, "CỘNG HÒA", "CỘNG HOÀ");
    assert_eq!(rules(&hoa), (vec![], true));
}

#[test]
fn a_page_number_on_page_one_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let letter = rendered_letter(dir.path());
    let document = docx_part(&letter, "word/document.xml");
    assert!(
        document.contains("<w:titlePg"),
        "the letter has a first-page header"
    );
    let numbered = dir.path().join("numbered.docx");
    mutate(&letter, &numbered, "word/document.xml", "<w:titlePg />", "");
    assert_eq!(rules(&numbered), (vec!["E6".to_string()], false));
}

#[test]
fn a_decisions_headings_keep_their_punctuation() {
    let dir = tempfile::tempdir().expect("temp dir");
    render(
        &root().join("samples/cam-xuyen-2021/quyet-dinh-phe-duyet.toml"),
        dir.path(),
    );
    let decision = dir.path().join("quyet-dinh-phe-duyet.docx");
    assert_eq!(rules(&decision), (vec![], true));
    let doc = "word/document.xml";
    let cases = [
        (doc, ">Điều 1. <", ">Điều 1: <", "E20"),
        (doc, ">QUYẾT ĐỊNH:<", ">QUYẾT ĐỊNH<", "E20"),
    ];
    assert_each_defect(&decision, dir.path(), &cases);
}

#[test]
fn a_document_of_two_pages_with_no_page_number_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let letter = rendered_letter(dir.path());
    // As Word saves it: the pages counted in docProps/app.xml.
    let empty = "docPropsVTypes\" />";
    let mut unnumbered = letter.clone();
    for header in ["word/header1.xml", "word/header2.xml", "word/header3.xml"] {
        let next = dir.path().join(format!("without-{}.docx", &header[5..12]));
        mutate(&unnumbered, &next, header, ">PAGE<", "><");
        unnumbered = next;
    }
    // Three pages with no number; two may be one and a blank page: a warning.
    for (pages, rule, passes) in [
        (1, None, true),
        (2, Some("W6"), true),
        (3, Some("E6"), false),
    ] {
        let counted = dir.path().join(format!("counted-{pages}.docx"));
        let saved = format!("docPropsVTypes\"><Pages>{pages}</Pages></Properties>");
        mutate(&unnumbered, &counted, "docProps/app.xml", empty, &saved);
        let expected: Vec<String> = rule.into_iter().map(String::from).collect();
        assert_eq!(rules(&counted), (expected, passes), "{pages} pages");
    }
    let numbered = dir.path().join("numbered-3.docx");
    let saved = "docPropsVTypes\"><Pages>3</Pages></Properties>";
    mutate(&letter, &numbered, "docProps/app.xml", empty, saved);
    assert_eq!(rules(&numbered), (vec![], true));
}

#[test]
fn what_check_cannot_read_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fake = dir.path().join("thu.docx");
    std::fs::write(&fake, "not a zip").expect("write");
    let output = vanban(&["check", fake.to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("thu.docx") && stderr.contains("not a DOCX"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 file checked, 1 not readable: 0 errors, 0 warnings"),
        "{stderr}"
    );
}

/// `tests/fixtures/clerk-letter.docx` is a letter typed as plain text (`clerk-letter.txt`) and saved as
/// DOCX by LibreOffice: `soffice --headless --infilter="Text (encoded):UTF8,LF,," --convert-to docx`.
#[test]
fn a_letter_typed_in_libreoffice_gets_its_mistakes_named() {
    let letter = root().join("tests/fixtures/clerk-letter.docx");
    let (ids, ok) = rules(&letter);
    assert!(!ok);
    assert_eq!(
        ids,
        [
            "E2", "E3", "E8", "E11", "E9", "E9", "E12", "E12", "E13", "E13", "E15", "E25", "E8",
            "E18", "E18", "E18", "E25", "E25", "E23", "E26"
        ],
        "20 mm left margin, Liberation Mono (the text-import style), 10 pt and no bold in the header, \
         en dashes, Số: 5, tháng 08, an upright Nơi nhận, the header's lines one under the other \
         (no two columns), a body left-aligned without indent, `- Lưu VT.`, everything else at 10 pt"
    );
    let output = vanban(&["check", letter.to_str().expect("utf-8")]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("E13 date: \"ngày 10 tháng 08 năm 2021\"; fix: ngày 10 tháng 8 năm 2021"),
        "{text}"
    );
}

/// `tests/fixtures/python-docx-leave.docx` is written by `make_docx_fixtures.py` with python-docx: its
/// Normal style is Times New Roman over a theme font (Cambria) in the document defaults, which Word
/// does not show, and so must not be reported.
#[test]
fn a_python_docx_file_is_judged_by_the_fonts_word_shows() {
    let (ids, ok) = rules(&root().join("tests/fixtures/python-docx-leave.docx"));
    assert!(!ok);
    assert_eq!(
        ids,
        ["E8", "E11", "E9", "E17", "E15", "E13", "E13", "E25", "E8", "E18", "E25"],
        "Quốc hiệu, agency, Tiêu ngữ and title not bold, GN for GNP, ngày 5 and an upright date, the \
         header in one column, a body without indent (left-aligned, but on one line, which prints \
         alike), a plain Nơi nhận with 13 pt items"
    );
}

/// `tests/fixtures/clerk-letter.pdf` is `clerk-letter.docx` printed to PDF by LibreOffice.
#[test]
fn a_pdf_is_checked_from_its_printed_text_and_fonts() {
    let (ids, ok) = rules(&root().join("tests/fixtures/clerk-letter.pdf"));
    assert!(!ok);
    assert_eq!(
        ids,
        [
            "E3", "E8", "E11", "E9", "E9", "E12", "E12", "E13", "E13", "E15", "E25", "E2", "E8", "E9",
            "E13", "E9", "E13", "E10", "E11", "E25", "E25", "E23", "E26"
        ],
        "every line at 10 pt, regular, upright, in Liberation Mono; text 20 mm from the left edge; \
         every header line flush left, so the Quốc hiệu, Tiêu ngữ and date stand in the left half, \
         the Tiêu ngữ is not centred under the Quốc hiệu and the date is not on the Số line; no rules \
         under the Tiêu ngữ and the agency; `- Lưu VT.`"
    );
    let output = vanban(&[
        "check",
        root()
            .join("tests/fixtures/clerk-letter.pdf")
            .to_str()
            .expect("utf-8"),
    ]);
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(
        summary.contains("1 file checked: 23 errors, 0 warnings"),
        "{summary}"
    );
}

/// The letter's DOCX, made defective, printed to PDF by LibreOffice: what only positions show.
#[test]
fn a_pdf_is_judged_by_where_its_lines_sit() {
    if !tools(&["soffice"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let letter = rendered_letter(dir.path());
    let doc = "word/document.xml";
    let numbered = dir.path().join("numbered.docx");
    mutate(&letter, &numbered, doc, "<w:titlePg />", "");
    let narrow = dir.path().join("narrow.docx");
    mutate(&letter, &narrow, doc, "w:left=\"1701\"", "w:left=\"567\"");
    // The rules are bottom borders of empty paragraphs, as long as their indents leave them.
    let border =
        "<w:pBdr><w:bottom w:val=\"single\" w:space=\"0\" w:sz=\"4\" w:color=\"auto\" /></w:pBdr>";
    let spacing = "<w:spacing w:before=\"80\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\" />";
    let short = dir.path().join("short.docx");
    let motto_rule = "w:left=\"1121\" w:right=\"1121\"";
    mutate(
        &letter,
        &short,
        doc,
        motto_rule,
        "w:left=\"2121\" w:right=\"2121\"",
    );
    let unruled = dir.path().join("unruled.docx");
    let agency_rule = format!("{border}{spacing}<w:ind w:left=\"1320\"");
    let bare = format!("{spacing}<w:ind w:left=\"1320\"");
    mutate(&letter, &unruled, doc, &agency_rule, &bare);
    let blue = dir.path().join("blue.docx");
    let blue_run = BODY_START.replace("<w:r>", "<w:r><w:rPr><w:color w:val=\"0000FF\" /></w:rPr>");
    mutate(&letter, &blue, doc, BODY_START, &blue_run);
    let pdfs = libreoffice_pdfs(
        &[&letter, &numbered, &narrow, &short, &unruled, &blue],
        &dir.path().join("lo"),
    );
    let expected: [&[&str]; 6] = [
        &["W3"],
        &["W3", "E6", "W7", "W7"],
        // The page number centred on a text area 12 mm wider than the Decree's: a few mm off, a warning.
        &["W3", "E2", "E2", "W6", "W6"],
        &["W3", "E10"],
        &["W3", "E11"],
        &["W3", "E4"],
    ];
    for (pdf, expected) in pdfs.iter().zip(expected) {
        let (ids, _) = rules(pdf);
        assert_eq!(ids, expected, "{}", pdf.display());
    }
    let output = vanban(&["check", pdfs[1].to_str().expect("utf-8")]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("E6 page number: \"a page number on page 1\""),
        "{text}"
    );
    assert!(
        text.contains("W7 annex pages: \"a page number on the annex's first page (3)\""),
        "{text}"
    );
    let output = vanban(&["check", pdfs[2].to_str().expect("utf-8")]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains(
            "E2 margins: \"text 10 mm from the left edge on page 1\"; fix: left margin 30–35 mm"
        ),
        "{text}"
    );
}

#[test]
fn the_letters_pdf_passes_with_the_metric_clone_noted() {
    let dir = tempfile::tempdir().expect("temp dir");
    render(&sample_job(), dir.path());
    let output = vanban(&[
        "check",
        dir.path()
            .join("cong-van-2402.pdf")
            .to_str()
            .expect("utf-8"),
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("W3 font: \"Liberation Serif\""), "{text}");
}

#[test]
fn a_decisions_articles_and_legal_bases_are_judged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let job = sample_job().with_file_name("quyet-dinh-phe-duyet.toml");
    render(&job, dir.path());
    let decision = dir.path().join("quyet-dinh-phe-duyet.docx");
    assert_eq!(rules(&decision), (vec![], true));
    let doc = "word/document.xml";
    // The bases' style is italic; a run set upright on its own departs from it.
    let italic_run = "<w:r><w:t xml:space=\"preserve\">Căn cứ Luật";
    let run = "<w:r><w:rPr><w:i w:val=\"false\" /></w:rPr><w:t xml:space=\"preserve\">Căn cứ Luật";
    assert_each_defect(
        &decision,
        dir.path(),
        &[
            (doc, ">Điều 2. ", ">Điều 4. ", "E21"),
            (
                doc,
                "ngày 19 tháng 6 năm 2015;<",
                "ngày 19 tháng 6 năm 2015<",
                "E19",
            ),
            (doc, italic_run, run, "E19"),
        ],
    );
}

#[test]
fn a_plans_subject_is_bold_and_its_clauses_in_sequence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let job = sample_job().with_file_name("ke-hoach-huyen.toml");
    render(&job, dir.path());
    let plan = dir.path().join("ke-hoach-huyen.docx");
    assert_eq!(rules(&plan), (vec![], true));
    let doc = "word/document.xml";
    let run = "<w:r><w:t xml:space=\"preserve\">";
    let bold_subject = format!("{run}Thực hiện Chương trình Mỗi xã");
    let subject = "<w:r><w:rPr><w:b w:val=\"false\" /></w:rPr><w:t xml:space=\"preserve\">Thực hiện Chương trình Mỗi xã".to_string();
    let clause = |n: u32| format!("{n}. </w:t></w:r>{run}Xác định rõ");
    let (two, three) = (clause(2), clause(3));
    assert_each_defect(
        &plan,
        dir.path(),
        &[
            (doc, &bold_subject, &subject, "E16"),
            (doc, &two, &three, "E21"),
        ],
    );
}

#[test]
fn a_job_file_is_checked_before_rendering() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let job = dir.path().join("cong-van-2402.toml");
    assert_eq!(rules(&job), (vec![], true));
    let text = std::fs::read_to_string(&job).expect("job");
    let number = text
        .lines()
        .find(|l| l.starts_with("number = "))
        .expect("a number key");
    std::fs::write(&job, text.replace(number, "number = 0")).expect("write");
    let output = vanban(&["check", job.to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("cong-van-2402.toml") && stderr.contains("`number`"),
        "{stderr}"
    );
    assert!(
        std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .all(|e| e
                .path()
                .extension()
                .is_none_or(|x| x != "pdf" && x != "docx")),
        "checking writes nothing"
    );
}

/// A one-page PDF whose text is set in Helvetica, referenced but not embedded.
fn pdf_with_unembedded_font(path: &Path) {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = b"BT /F1 12 Tf 100 700 Td (Hello) Tj ET".to_vec();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.save(path).expect("save pdf");
}

#[test]
fn a_pdf_without_a_header_is_not_judged_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("letter-paper.pdf");
    pdf_with_unembedded_font(&pdf);
    let output = vanban(&["check", pdf.to_str().expect("utf-8")]);
    let text = String::from_utf8_lossy(&output.stdout);
    let summary = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{text}{summary}");
    assert!(
        text.contains("letter-paper.pdf: not judged: no Quốc hiệu and no issuing agency"),
        "{text}"
    );
    assert!(
        summary.contains("1 file checked, 1 not judged: 0 errors, 0 warnings"),
        "{summary}"
    );
}

/// The letter with its contact lines, or with an urgency mark, written into a copy of the sample.
fn letter_with(dir: &Path, line: &str) -> (PathBuf, PathBuf) {
    std::fs::create_dir_all(dir).expect("folder");
    copy_sample(dir);
    let job = dir.join("cong-van-2402.toml");
    let text = std::fs::read_to_string(&job).expect("job");
    let text = text.replacen("number = 2402\n", &format!("number = 2402\n{line}\n"), 1);
    std::fs::write(&job, text).expect("job");
    let out = dir.join("out");
    render(&job, &out);
    (
        out.join("cong-van-2402.pdf"),
        out.join("cong-van-2402.docx"),
    )
}

#[test]
fn contact_lines_urgency_marks_and_footer_page_numbers_are_judged() {
    if !tools(&["soffice"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = "word/document.xml";

    // Contact lines shown on every page after the first.
    let footer = "footer = [\"ĐT: 0239.3861.xxx, E-Mail: ubnd@camxuyen.gov.vn\"]";
    let (pdf, docx) = letter_with(&dir.path().join("footer"), footer);
    assert_checks_clean(&pdf, &docx);
    let repeated = dir.path().join("repeated.docx");
    mutate(
        &docx,
        &repeated,
        doc,
        "w:type=\"first\" r:id=\"rIdFooterFirst\"",
        "w:type=\"default\" r:id=\"rIdFooterFirst\"",
    );
    assert_eq!(rules(&repeated), (vec!["E28".to_string()], false));
    let printed = libreoffice_pdfs(&[&repeated], &dir.path().join("lo")).remove(0);
    let output = vanban(&["check", printed.to_str().expect("utf-8")]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains(
            "E28 contact lines: \"ĐT: 0239.3861.xxx, E-Mail: ubnd@camxuyen.gov.vn (on page 2)\""
        ),
        "{text}"
    );

    // An urgency mark not bold.
    let (pdf, docx) = letter_with(&dir.path().join("khan"), "urgency = \"khan\"");
    assert_checks_clean(&pdf, &docx);
    let plain = dir.path().join("plain.docx");
    let bold = "<w:r><w:t xml:space=\"preserve\">KHẨN<";
    mutate(
        &docx,
        &plain,
        doc,
        bold,
        &bold.replace("<w:r>", "<w:r><w:rPr><w:b w:val=\"false\" /></w:rPr>"),
    );
    assert_eq!(rules(&plain), (vec!["E29".to_string()], false));

    // The page number in the footer instead of the header.
    let letter = rendered_letter(dir.path());
    let footed = dir.path().join("footed.docx");
    mutate(
        &letter,
        &footed,
        doc,
        "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\" />",
        "<w:footerReference w:type=\"default\" r:id=\"rIdHeader1\" />",
    );
    assert_eq!(rules(&footed), (vec!["E6".to_string()], false));
}

/// Word's tracked changes and content controls: deleted text is not read; inserted text, and text inside
/// a content control, is.
#[test]
fn tracked_changes_and_content_controls_are_read_as_word_shows_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let letter = rendered_letter(dir.path());
    let doc = "word/document.xml";
    let looks = "";
    let tail = "tháng 8 năm 2021</w:t></w:r>";
    let run = |tag: &str, text: &str| {
        format!("<w:r>{looks}<w:{tag} xml:space=\"preserve\">{text}</w:{tag}></w:r>")
    };

    // The date's month split off into a tracked change, the rest of the line after it.
    let tracked = |name: &str, mark: &str, changed: String, rest: &str| {
        let file = dir.path().join(name);
        let xml = format!(
            "tháng </w:t></w:r><w:{mark} w:id=\"901\" w:author=\"A\">{changed}</w:{mark}>{}",
            run("t", rest)
        );
        mutate(&letter, &file, doc, tail, &xml);
        rules(&file)
    };
    assert_eq!(
        tracked("deleted.docx", "del", run("delText", "08"), "8 năm 2021"),
        (vec![], true),
        "a deleted `08` is not read"
    );
    assert_eq!(
        tracked("inserted.docx", "ins", run("t", "08"), " năm 2021"),
        (vec!["E13".to_string()], false),
        "an inserted `08` is read"
    );

    let controlled = dir.path().join("controlled.docx");
    let paragraph = "<w:p><w:pPr><w:pStyle w:val=\"DiaDanhVaThoiGian\" /><w:spacing w:before=\"120\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\" /></w:pPr><w:r>";
    let xml = docx_part(&letter, doc);
    let start = xml
        .find(&format!(
            "{paragraph}{looks}<w:t xml:space=\"preserve\">Cẩm Xuyên"
        ))
        .expect("date paragraph");
    let end = start + xml[start..].find("</w:p>").expect("paragraph end") + "</w:p>".len();
    let date_paragraph = &xml[start..end];
    mutate(
        &letter,
        &controlled,
        doc,
        date_paragraph,
        &format!(
            "<w:sdt><w:sdtPr><w:id w:val=\"5\" /></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>",
            date_paragraph.replace("tháng 8", "tháng 08")
        ),
    );
    assert_eq!(
        rules(&controlled),
        (vec!["E13".to_string()], false),
        "a date in a content control is read"
    );
}
