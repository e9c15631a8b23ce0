//! `vanban import` on Word drafts made here, XML by hand: each header layout offices use is read into
//! the same fields; a decision's preamble and body structure; bad input refused with nothing written.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::*;

/// A run of text; `bold` sets it in bold.
fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!("<w:r>{props}<w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// A paragraph of runs, centred or not.
fn para(runs: &[String], centred: bool) -> String {
    let props = if centred {
        "<w:pPr><w:jc w:val=\"center\"/></w:pPr>"
    } else {
        ""
    };
    format!("<w:p>{props}{}</w:p>", runs.concat())
}

/// A paragraph of one upright run.
fn plain(text: &str) -> String {
    para(&[run(text, false)], false)
}

/// A paragraph of one bold run, centred.
fn heading(text: &str) -> String {
    para(&[run(text, true)], true)
}

/// A table of two columns of the given widths (twips); each row is its cells' paragraphs.
fn table(widths: [u32; 2], rows: &[[Vec<String>; 2]]) -> String {
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    let rows: String = rows
        .iter()
        .map(|cells| {
            let cells: String = cells
                .iter()
                .zip(widths)
                .map(|(paragraphs, w)| {
                    let body = if paragraphs.is_empty() {
                        "<w:p/>".to_string()
                    } else {
                        paragraphs.concat()
                    };
                    format!(
                        "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>{body}</w:tc>"
                    )
                })
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")
}

const NATIONAL: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
const DATE: &str = "Cẩm Xuyên, ngày      tháng 8 năm 2021";

/// The letter's header in a one-row table, its Tiêu ngữ as `motto`.
fn letter_header(motto: &str) -> String {
    table(
        [3800, 5600],
        &[[
            vec![
                heading("ỦY BAN NHÂN DÂN"),
                heading("HUYỆN CẨM XUYÊN"),
                plain("Số:      /UBND-NTM"),
                plain("V/v tuyên truyền Chương trình OCOP"),
            ],
            vec![heading(NATIONAL), heading(motto), plain(DATE)],
        ]],
    )
}

/// The letter's body and closing, after whatever header.
fn letter_rest() -> String {
    [
        plain("Kính gửi: Ủy ban nhân dân các xã, thị trấn"),
        plain("Thực hiện Kế hoạch số 125/KH-UBND, UBND huyện đề nghị:"),
        para(
            &[
                run("1. Tổ chức ", false),
                run("tuyên truyền", true),
                run(" sâu rộng;", false),
            ],
            false,
        ),
        plain("a) Lựa chọn sản phẩm có tiềm năng;"),
        plain("- Gửi báo cáo trước ngày 20/8/2021."),
        plain("Trân trọng./."),
        table(
            [4000, 5000],
            &[[
                vec![
                    plain("Nơi nhận:"),
                    plain("- Như trên;"),
                    plain("- Thường trực Huyện ủy;"),
                    plain("- Lưu: VT, NTM."),
                ],
                vec![
                    heading("KT. CHỦ TỊCH"),
                    heading("PHÓ CHỦ TỊCH"),
                    plain(""),
                    heading("Lê Ngọc Hà"),
                ],
            ]],
        ),
    ]
    .concat()
}

/// A DOCX package holding `body` as its document, in `dir`.
fn docx(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create docx");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
            ),
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish");
    path
}

/// Imports `draft` into `dir/out`; returns the job read as TOML and the body template.
fn imported(draft: &Path, dir: &Path) -> (toml::Table, String) {
    let out = dir.join("out");
    let output = vanban(&[
        "import",
        draft.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let stem = draft
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let job = std::fs::read_to_string(out.join(format!("{stem}.toml"))).expect("job written");
    let body = std::fs::read_to_string(out.join(format!("{stem}.md.j2"))).expect("body written");
    (job.parse().expect("the job is TOML"), body)
}

/// Runs `vanban fix` on `draft` into `out`, writing DOCX only.
fn fix_into(draft: &Path, out: &Path) -> std::process::Output {
    vanban(&[
        "fix",
        draft.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        "docx",
    ])
}

/// A string list of the job.
fn strings(value: &toml::Value) -> Vec<String> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

/// Asserts the letter's fields, whatever the header's layout.
fn assert_letter(job: &toml::Table, body: &str, agency: &[&str], parent: &[&str]) {
    assert_eq!(job["kind"].as_str(), Some("cong-van"), "{job:#?}");
    assert!(job.get("number").is_none(), "a blank number stays blank");
    assert_eq!(job["unit"].as_str(), Some("NTM"));
    assert_eq!(job["place"].as_str(), Some("Cẩm Xuyên"));
    assert_eq!(
        job["date"].as_str(),
        Some("2021-08"),
        "a blank day stays blank"
    );
    assert_eq!(
        job["subject"].as_str(),
        Some("tuyên truyền Chương trình OCOP")
    );
    assert_eq!(strings(&job["to"]), ["Ủy ban nhân dân các xã, thị trấn"]);
    let issuer = job["issuer"].as_table().expect("issuer");
    assert_eq!(strings(&issuer["name"]), agency);
    let parents = issuer.get("parent").map(strings).unwrap_or_default();
    assert_eq!(parents, parent);
    assert_eq!(issuer["code"].as_str(), Some("UBND"));
    let signer = job["signer"].as_table().expect("signer");
    assert_eq!(strings(&signer["lines"]), ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    assert_eq!(signer["name"].as_str(), Some("Lê Ngọc Hà"));
    let distribution = job["distribution"].as_table().expect("distribution");
    assert_eq!(
        strings(&distribution["to"]),
        ["Như trên", "Thường trực Huyện ủy"]
    );
    assert_eq!(distribution["archive"].as_str(), Some("VT, NTM"));
    assert_eq!(
        body,
        "Thực hiện Kế hoạch số 125/KH-UBND, UBND huyện đề nghị:\n\n\
         1. Tổ chức **tuyên truyền** sâu rộng;\n\n\
         a) Lựa chọn sản phẩm có tiềm năng;\n\n\
         - Gửi báo cáo trước ngày 20/8/2021.\n\n\
         Trân trọng./.\n"
    );
}

#[test]
fn a_one_row_header_table_with_number_and_subject_under_the_agency() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = table(
        [3800, 5600],
        &[[
            vec![
                heading("ỦY BAN NHÂN DÂN"),
                heading("HUYỆN CẨM XUYÊN"),
                para(&[run("Số:      /UBND-NTM", false)], true),
                para(&[run("V/v tuyên truyền Chương trình OCOP", false)], true),
            ],
            vec![heading(NATIONAL), heading(MOTTO), plain(DATE)],
        ]],
    );
    let draft = docx(dir.path(), "mot-hang.docx", &(header + &letter_rest()));
    let (job, body) = imported(&draft, dir.path());
    assert_letter(&job, &body, &["Ủy ban nhân dân", "huyện Cẩm Xuyên"], &[]);
}

#[test]
fn a_header_table_with_a_row_per_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = table(
        [3800, 5600],
        &[
            [vec![heading("ỦY BAN NHÂN DÂN")], vec![heading(NATIONAL)]],
            [vec![heading("HUYỆN CẨM XUYÊN")], vec![heading(MOTTO)]],
            [vec![plain("Số:      /UBND-NTM")], vec![plain(DATE)]],
            [vec![plain("V/v tuyên truyền Chương trình OCOP")], vec![]],
        ],
    );
    let draft = docx(dir.path(), "moi-dong.docx", &(header + &letter_rest()));
    let (job, body) = imported(&draft, dir.path());
    assert_letter(&job, &body, &["Ủy ban nhân dân", "huyện Cẩm Xuyên"], &[]);
}

#[test]
fn a_header_set_with_tabs_and_no_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tabbed = |left: &str, right: &str| {
        format!(
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{left}</w:t><w:tab/><w:tab/><w:t>{right}</w:t></w:r></w:p>"
        )
    };
    let header = [
        tabbed("ỦY BAN NHÂN DÂN", NATIONAL),
        tabbed("HUYỆN CẨM XUYÊN", MOTTO),
        format!("<w:p><w:r><w:t xml:space=\"preserve\">Số:      /UBND-NTM</w:t><w:tab/><w:t>{DATE}</w:t></w:r></w:p>"),
        plain("V/v tuyên truyền Chương trình OCOP"),
    ]
    .concat();
    let draft = docx(dir.path(), "tab.docx", &(header + &letter_rest()));
    let (job, body) = imported(&draft, dir.path());
    assert_letter(&job, &body, &["Ủy ban nhân dân", "huyện Cẩm Xuyên"], &[]);
}

#[test]
fn a_parent_authority_above_the_agency_and_the_national_name_broken_into_two_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let national_and_motto = format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{NATIONAL}</w:t><w:br/><w:t>{MOTTO}</w:t></w:r></w:p>"
    );
    let header = table(
        [3800, 5600],
        &[[
            vec![
                para(&[run("UBND HUYỆN CẨM XUYÊN", false)], true),
                heading("PHÒNG NÔNG NGHIỆP"),
                para(&[run("Số:      /UBND-NTM", false)], true),
                para(&[run("V/v tuyên truyền Chương trình OCOP", false)], true),
            ],
            vec![national_and_motto, plain(DATE)],
        ]],
    );
    let draft = docx(dir.path(), "chu-quan.docx", &(header + &letter_rest()));
    let (job, body) = imported(&draft, dir.path());
    assert_letter(
        &job,
        &body,
        &["Phòng Nông nghiệp"],
        &["UBND HUYỆN CẨM XUYÊN"],
    );
}

#[test]
fn a_decision_keeps_its_authority_bases_and_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = table(
        [3800, 5600],
        &[[
            vec![
                heading("ỦY BAN NHÂN DÂN"),
                heading("HUYỆN CẨM XUYÊN"),
                plain("Số: 1250/QĐ-UBND"),
            ],
            vec![
                heading(NATIONAL),
                heading(MOTTO),
                plain("Cẩm Xuyên, ngày 15 tháng 9 năm 2021"),
            ],
        ]],
    );
    let rest = [
        heading("QUYẾT ĐỊNH"),
        heading("Về việc phê duyệt Kế hoạch OCOP"),
        heading("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN"),
        plain("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        plain("Theo đề nghị của Chánh Văn phòng."),
        heading("QUYẾT ĐỊNH:"),
        para(&[run("Điều 1: Phê duyệt Kế hoạch.", false)], false),
        plain("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."),
        table(
            [4000, 5000],
            &[[
                vec![
                    plain("Nơi nhận:"),
                    plain("- Như Điều 2;"),
                    plain("- Lưu: VT."),
                ],
                vec![heading("CHỦ TỊCH"), plain(""), heading("Nguyễn Văn Hùng")],
            ]],
        ),
    ]
    .concat();
    let draft = docx(dir.path(), "quyet-dinh.docx", &(header + &rest));
    let (job, body) = imported(&draft, dir.path());
    assert_eq!(job["kind"].as_str(), Some("quyet-dinh"));
    assert_eq!(job["number"].as_integer(), Some(1250));
    assert_eq!(
        job["date"]
            .as_datetime()
            .map(ToString::to_string)
            .as_deref(),
        Some("2021-09-15")
    );
    assert_eq!(
        job["subject"].as_str(),
        Some("Về việc phê duyệt Kế hoạch OCOP")
    );
    assert_eq!(
        job["authority"].as_str(),
        Some("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN")
    );
    assert_eq!(
        strings(&job["bases"]),
        [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
            "Theo đề nghị của Chánh Văn phòng",
        ]
    );
    // `Điều 1:` is mended into an article; the enacting word is vanban's to write.
    assert_eq!(
        body,
        "Điều 1. Phê duyệt Kế hoạch.\n\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký./.\n"
    );
}

#[test]
fn template_syntax_in_a_draft_prints_as_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = letter_header(MOTTO);
    let rest = letter_rest().replace(
        "Trân trọng./.",
        "Mẫu {{ ten_xa }} và {% if %} giữ nguyên, cả *sao* và | gạch./.",
    );
    let draft = docx(dir.path(), "ky-tu.docx", &(header + &rest));
    let out = dir.path().join("fixed");
    let output = fix_into(&draft, &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let texts = docx_paragraph_texts(&docx_part(&out.join("ky-tu.docx"), "word/document.xml"));
    assert!(
        texts
            .iter()
            .any(|t| t == "Mẫu {{ ten_xa }} và {% if %} giữ nguyên, cả *sao* và | gạch./."),
        "{texts:#?}"
    );
}

#[test]
fn fix_prints_the_findings_before_and_after() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = letter_header("Độc lập – Tự do – Hạnh phúc");
    let draft = docx(dir.path(), "du-thao.docx", &(header + &letter_rest()));
    let out = dir.path().join("fixed");
    let output = fix_into(&draft, &out);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let before = stdout
        .lines()
        .find(|l| l.starts_with("before: "))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(before.contains("; after: 0 errors"), "{before}");
    assert!(!before.starts_with("before: 0 errors"), "{before}");
    assert!(
        stdout.contains(
            "mended: E9 Tiêu ngữ: \"Độc lập – Tự do – Hạnh phúc\" → Độc lập - Tự do - Hạnh phúc"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("du-thao.docx: paragraph "), "{stdout}");
    assert!(out.join("du-thao.docx").exists() && out.join("du-thao.toml").exists());
}

#[test]
fn a_word_97_file_or_a_file_that_is_no_document_is_refused_with_nothing_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("cu.doc");
    std::fs::write(&old, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not really").expect("write");
    let noise = dir.path().join("anh.docx");
    std::fs::write(&noise, b"GIF89a not a package").expect("write");
    // Without LibreOffice a .doc is refused with how to convert it; with it, these bytes convert to
    // a text with no document in it.
    let doc_says = ["save it as .docx", "not imported"];
    let data = dir.path().join("so-lieu.json");
    std::fs::write(&data, b"{}").expect("write");
    for (file, says) in [
        (&old, &doc_says[..]),
        (&noise, &["not a DOCX package"][..]),
        (&data, &["vanban import reads Word documents"][..]),
    ] {
        let out = dir.path().join("out");
        let output = vanban(&[
            "import",
            file.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.starts_with("error: ") && says.iter().any(|s| stderr.contains(s)),
            "{stderr}"
        );
        assert!(stderr.contains(&*file.to_string_lossy()), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!out.exists(), "nothing is written");
    }
}

#[test]
fn a_word_97_file_is_converted_with_libreoffice_and_imported() {
    if !tools(&["soffice"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    render_with(&sample_job(), dir.path(), &["--format", "docx"]);
    let home = tempfile::tempdir().expect("temp dir");
    let converted = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "doc", "--outdir"])
        .arg(dir.path())
        .arg(dir.path().join("cong-van-2402.docx"))
        .env("HOME", home.path())
        .output()
        .expect("soffice runs");
    assert!(converted.status.success(), "{converted:?}");
    let doc = dir.path().join("cong-van-2402.doc");
    let out = dir.path().join("out");
    let output = vanban(&[
        "import",
        doc.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(
            "cong-van-2402.doc: a Word 97–2003 document, converted to DOCX with LibreOffice"
        ),
        "{stdout}"
    );
    let job: toml::Table = std::fs::read_to_string(out.join("cong-van-2402.toml"))
        .expect("job written")
        .parse()
        .expect("TOML");
    assert_eq!(job["number"].as_integer(), Some(2402));
    assert_eq!(job["unit"].as_str(), Some("NTM"));
}

#[test]
fn an_annex_after_the_signature_keeps_its_title_and_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = letter_header(MOTTO);
    let annex = [
        heading("PHỤ LỤC"),
        heading("DANH SÁCH SẢN PHẨM"),
        para(
            &[run(
                "(Kèm theo Công văn số      /UBND-NTM ngày      tháng 8 năm 2021",
                false,
            )],
            true,
        ),
        para(&[run("của Ủy ban nhân dân huyện Cẩm Xuyên)", false)], true),
        table(
            [1000, 8000],
            &[
                [vec![heading("TT")], vec![heading("Sản phẩm")]],
                [vec![plain("1")], vec![plain("Kẹo cu đơ")]],
                [vec![plain("2")], vec![plain("Nước mắm")]],
            ],
        ),
    ]
    .concat();
    let draft = docx(
        dir.path(),
        "phu-luc.docx",
        &(header + &letter_rest() + &annex),
    );
    let (job, _) = imported(&draft, dir.path());
    let annexes = job["annex"].as_array().expect("annexes");
    assert_eq!(annexes.len(), 1);
    assert_eq!(annexes[0]["title"].as_str(), Some("DANH SÁCH SẢN PHẨM"));
    assert_eq!(
        annexes[0]["content"].as_str(),
        Some("phu-luc-phu-luc-1.md.j2")
    );
    let content = std::fs::read_to_string(dir.path().join("out/phu-luc-phu-luc-1.md.j2"))
        .expect("the annex's template");
    assert!(content.starts_with("| TT | Sản phẩm |\n|"), "{content}");
    assert!(content.contains("| 2 | Nước mắm |"), "{content}");
    let out = dir.path().join("rendered");
    render_with(
        &dir.path().join("out/phu-luc.toml"),
        &out,
        &["--format", "docx"],
    );
    let texts = docx_paragraph_texts(&docx_part(&out.join("phu-luc.docx"), "word/document.xml"));
    for expected in [
        "Phụ lục",
        "DANH SÁCH SẢN PHẨM",
        "(Kèm theo Công văn số       /UBND-NTM ngày        tháng 8 năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)",
        "Kẹo cu đơ",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected:?} in {texts:#?}");
    }
}

#[test]
fn a_paragraph_typed_in_tcvn3_is_converted_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = letter_header(MOTTO);
    // "Tổng các xã Bảo Thắng" in the TCVN3 (.VnTime) encoding.
    let rest = letter_rest().replace(
        "Thực hiện Kế hoạch số 125/KH-UBND, UBND huyện đề nghị:",
        "Tæng c¸c x· B¶o Th¾ng",
    );
    let draft = docx(dir.path(), "tcvn3.docx", &(header + &rest));
    let out = dir.path().join("out");
    let output = vanban(&[
        "import",
        draft.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains(
            "tcvn3.docx: warning: text typed in the TCVN3 encoding, converted to Unicode"
        ),
        "{stdout}"
    );
    let body = std::fs::read_to_string(out.join("tcvn3.md.j2")).expect("body");
    assert!(body.starts_with("Tổng các xã Bảo Thắng\n"), "{body}");
    assert!(
        body.contains("1. Tổ chức **tuyên truyền** sâu rộng;"),
        "{body}"
    );
}
