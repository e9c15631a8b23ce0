//! Every kind of document of Decree 30: its title, its ký hiệu, Kính gửi only where the kind has one,
//! no trích yếu or no date line where the kind prints none.

mod common;

use std::path::Path;

use common::*;
use vanban::nd30::{Addressees, Kind, KINDS};

/// A minimal job of `kind`, with addressees and a subject only where the kind takes them.
fn job(kind: &Kind, to: bool, subject: bool) -> String {
    let mut job = format!(
        "kind = \"{}\"\nbody = \"noi-dung.md.j2\"\nnumber = 5\nplace = \"Cẩm Xuyên\"\ndate = 2021-09-01\n",
        kind.slug
    );
    if kind.code.is_none() {
        job.push_str("unit = \"VP\"\n");
    }
    if subject {
        job.push_str("subject = \"Về việc thực hiện Chương trình OCOP\"\n");
    }
    if to {
        job.push_str("to = [\"Sở Nông nghiệp và Phát triển nông thôn\"]\n");
    }
    job.push_str(
        "\n[issuer]\nname = [\"Ủy ban nhân dân\", \"huyện Cẩm Xuyên\"]\ncode = \"UBND\"\n\n[signer]\nlines = [\"TM. Ủy ban nhân dân\", \"Chủ tịch\"]\nname = \"Nguyễn Văn A\"\n\n[distribution]\nto = [\"Các phòng, ban\"]\narchive = \"VT\"\n",
    );
    job
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    std::fs::write(dir.join("noi-dung.md.j2"), "Nội dung văn bản./.\n").expect("body");
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).expect("job");
    path
}

#[test]
fn every_kind_renders_with_its_title_code_and_addressees() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for kind in KINDS {
        let addressed = kind.addressees != Addressees::None;
        let path = write(dir.path(), kind.slug, &job(&kind, addressed, kind.subject));
        let out = dir.path().join("out");
        render(&path, &out);
        let pdf = out.join(format!("{}.pdf", kind.slug));
        let text = pdf_text(&pdf, None);
        let symbol = match kind.code {
            Some(code) => format!("Số: 05/{code}-UBND"),
            None => "Số: 05/UBND-VP".to_string(),
        };
        assert!(
            text.contains(&symbol),
            "{}: no {symbol:?} in\n{text}",
            kind.slug
        );
        if let Some(title) = kind.title {
            assert!(text.contains(title), "{}: no title {title:?}", kind.slug);
        } else {
            assert!(
                text.contains("V/v Về việc thực hiện"),
                "{}: no V/v line",
                kind.slug
            );
        }
        assert_eq!(
            text.contains("Kính gửi:"),
            addressed,
            "{}: Kính gửi",
            kind.slug
        );
        assert_eq!(
            flat(&text).contains("Về việc thực hiện Chương trình OCOP"),
            kind.subject,
            "{}: trích yếu",
            kind.slug
        );
        assert_eq!(
            text.contains("Cẩm Xuyên, ngày 01 tháng 9 năm 2021"),
            kind.dated,
            "{}: date line",
            kind.slug
        );
        let docx = docx_paragraph_texts(&docx_part(
            &out.join(format!("{}.docx", kind.slug)),
            "word/document.xml",
        ));
        assert!(
            docx.iter().any(|p| p == &symbol),
            "{}: DOCX lacks {symbol:?}",
            kind.slug
        );
        if let Some(title) = kind.title {
            assert!(
                docx.iter().any(|p| p == title),
                "{}: DOCX lacks its title",
                kind.slug
            );
        }
        assert_checks_clean(&pdf, &out.join(format!("{}.docx", kind.slug)));
    }
}

#[test]
fn addressees_and_subjects_where_a_kind_has_none_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kind = |slug: &str| Kind::from_slug(slug).expect("a kind");
    let cases = [
        (
            "quyet-dinh",
            job(&kind("quyet-dinh"), true, true),
            "a Quyết định has no Kính gửi",
        ),
        (
            "cong-van",
            job(&kind("cong-van"), false, true),
            "a Công văn needs at least one addressee",
        ),
        (
            "giay-gioi-thieu",
            job(&kind("giay-gioi-thieu"), false, true),
            "a Giấy giới thiệu prints no trích yếu",
        ),
        (
            "ke-hoach",
            job(&kind("ke-hoach"), false, false),
            "a Kế hoạch needs its trích yếu",
        ),
    ];
    let plan = job(&kind("ke-hoach"), false, true);
    let without_distribution =
        plan[..plan.find("[distribution]").expect("distribution")].to_string();
    let cases = cases.into_iter().chain([(
        "khong-noi-nhan",
        without_distribution,
        "`distribution`: missing: the Nơi nhận",
    )]);
    for (name, text, message) in cases {
        let path = write(dir.path(), name, &text);
        let out = dir.path().join("out-bad");
        let output = vanban(&[
            "render",
            path.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name} rendered");
        assert!(stderr.contains(message), "{name}: {stderr}");
    }
}

#[test]
fn vanban_numbers_the_structure_in_the_decrees_order() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = Kind::from_slug("ke-hoach").expect("kế hoạch");
    let path = write(dir.path(), "ke-hoach", &job(&plan, false, true));
    let points: String = (0..8).map(|i| format!("a) điểm số {i};\n")).collect();
    std::fs::write(
        dir.path().join("noi-dung.md.j2"),
        format!("# Mục đích, yêu cầu\n\n1. Khoản một.\n{points}\n5. Khoản hai.\n- ý một\n+ ý nhỏ\n\n# Nhiệm vụ\n\n## Tuyên truyền\n\nNội dung./.\n"),
    )
    .expect("body");
    let out = dir.path().join("out");
    render(&path, &out);
    let text = flat(&pdf_text(&out.join("ke-hoach.pdf"), None));
    for expected in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Khoản một.",
        "a) điểm số 0;",
        "đ) điểm số 4;",
        "e) điểm số 5;",
        "g) điểm số 6;",
        "h) điểm số 7;",
        "2. Khoản hai.",
        "- ý một",
        "+ ý nhỏ",
        "II. NHIỆM VỤ",
        "1. Tuyên truyền",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }

    let decision = Kind::from_slug("quyet-dinh").expect("quyết định");
    let path = write(dir.path(), "quyet-dinh", &job(&decision, false, true));
    std::fs::write(
        dir.path().join("noi-dung.md.j2"),
        "Điều 1. Phê duyệt Kế hoạch.\n\nĐiều 1. Tổ chức thực hiện:\n1. Văn phòng theo dõi.\n1. Các xã thực hiện.\n\nĐiều 9. Hiệu lực thi hành./.\n",
    )
    .expect("body");
    render(&path, &out);
    let text = flat(&pdf_text(&out.join("quyet-dinh.pdf"), None));
    for expected in [
        "Điều 1. Phê duyệt Kế hoạch.",
        "Điều 2. Tổ chức thực hiện:",
        "1. Văn phòng theo dõi.",
        "2. Các xã thực hiện.",
        "Điều 3. Hiệu lực thi hành./.",
        "- Như Điều 3;",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
}

#[test]
fn secrecy_urgency_and_the_drafters_line_are_printed() {
    if !tools(&["openxml-audit", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let letter = Kind::from_slug("cong-van").expect("công văn");
    let text = job(&letter, true, true).replacen(
        "number = 5\n",
        "number = 5\nurgency = \"thuong-khan\"\nsecrecy = \"mat\"\ndrafter = \"pl\"\ncopies = 300\ncirculation = \"Lưu hành nội bộ\"\n",
        1,
    );
    let path = write(dir.path(), "khan", &text);
    let out = dir.path().join("out");
    render(&path, &out);
    let pdf = pdf_text(&out.join("khan.pdf"), None);
    for expected in ["THƯỢNG KHẨN", "MẬT", "PL.(300)", "LƯU HÀNH NỘI BỘ"] {
        assert!(pdf.contains(expected), "missing {expected:?} in {pdf}");
    }
    let docx = out.join("khan.docx");
    let paragraphs = docx_paragraph_texts(&docx_part(&docx, "word/document.xml"));
    for expected in ["THƯỢNG KHẨN", "MẬT", "PL.(300)", "LƯU HÀNH NỘI BỘ"] {
        assert!(
            paragraphs.iter().any(|p| p == expected),
            "DOCX lacks {expected:?}: {paragraphs:?}"
        );
    }
    assert_schema_valid(&docx);
    assert_checks_clean(&out.join("khan.pdf"), &docx);

    let path = write(dir.path(), "sai", &text.replace("thuong-khan", "rat-khan"));
    let output = vanban(&[
        "render",
        path.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("`urgency`") && stderr.contains("hoa-toc, thuong-khan, khan"),
        "{stderr}"
    );
}

#[test]
fn chapters_are_centred_headings_and_articles_run_through_them() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = Kind::from_slug("quy-che").expect("quy chế");
    let path = write(dir.path(), "quy-che", &job(&rules, false, true));
    std::fs::write(
        dir.path().join("noi-dung.md.j2"),
        "Chương I. Quy định chung\n\nĐiều 1. Phạm vi điều chỉnh.\n\nChương I. Tổ chức thực hiện\n\nMục 1 Trách nhiệm\n\nĐiều 1. Trách nhiệm của các xã./.\n",
    )
    .expect("body");
    let out = dir.path().join("out");
    render(&path, &out);
    let pdf = out.join("quy-che.pdf");
    let text = pdf_text(&pdf, None);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (label, title) in [
        ("Chương I", "QUY ĐỊNH CHUNG"),
        ("Chương II", "TỔ CHỨC THỰC HIỆN"),
        ("Mục 1", "TRÁCH NHIỆM"),
    ] {
        let at = lines
            .iter()
            .position(|l| *l == label)
            .unwrap_or_else(|| panic!("no line {label:?} in {lines:?}"));
        assert_eq!(lines[at + 1], title, "{label}");
    }
    assert!(
        flat(&text).contains("Điều 2. Trách nhiệm của các xã./."),
        "{text}"
    );
    let (words, _, _) = words(&pdf, 1);
    let f = vanban::nd30::STANDARD;
    let centre = f.margin.left_mm + f.text_width_mm(false) / 2.0;
    let chapter: Vec<_> = words.iter().filter(|w| w.text == "Chương").collect();
    let mut centred = 0;
    for w in chapter {
        let roman = |n: &&common::Word| n.text.chars().all(|c| "IVX".contains(c));
        let Some(numeral) = words
            .iter()
            .filter(roman)
            .find(|n| (n.y_max - w.y_max).abs() < 1.0 && n.x_min > w.x_max)
        else {
            continue; // "Chương" in running text, as in "Chương trình"
        };
        let mid = (w.x_min + numeral.x_max) / 2.0 * 25.4 / 72.0;
        assert!(
            (mid - centre).abs() < 2.0,
            "Chương centred at {mid} mm, text centre {centre} mm"
        );
        centred += 1;
    }
    assert_eq!(centred, 2, "both chapter headings on page 1");
    let docx = docx_paragraph_texts(&docx_part(&out.join("quy-che.docx"), "word/document.xml"));
    assert!(
        docx.iter().any(|p| p == "Chương II") && docx.iter().any(|p| p == "TỔ CHỨC THỰC HIỆN"),
        "{docx:?}"
    );
}

#[test]
fn the_contact_footer_is_on_page_one_only() {
    if !tools(&["openxml-audit", "pdftotext", "soffice"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let job = dir.path().join("cong-van-2402.toml");
    let text = std::fs::read_to_string(&job).expect("job");
    let footer = "footer = [\"Địa chỉ: Thị trấn Cẩm Xuyên, huyện Cẩm Xuyên, tỉnh Hà Tĩnh\", \"ĐT: 0239.3861.xxx, E-Mail: ubnd@camxuyen.gov.vn\"]\n";
    std::fs::write(
        &job,
        text.replacen("number = 2402\n", &format!("number = 2402\n{footer}"), 1),
    )
    .expect("job");
    let out = dir.path().join("out");
    render(&job, &out);
    let pdf = out.join("cong-van-2402.pdf");
    assert!(pdf_text(&pdf, Some(1)).contains("E-Mail: ubnd@camxuyen.gov.vn"));
    assert!(
        !pdf_text(&pdf, Some(2)).contains("E-Mail"),
        "the footer is on page 1 only"
    );
    let (words, _, height) = words(&pdf, 1);
    let mail = words
        .iter()
        .find(|w| w.text == "E-Mail:")
        .expect("footer word");
    assert!(
        mail.y_min > height - 25.0 * 72.0 / 25.4,
        "the footer sits at the foot of the page"
    );

    let docx = out.join("cong-van-2402.docx");
    let document = docx_part(&docx, "word/document.xml");
    assert_eq!(
        document
            .matches("w:type=\"first\" r:id=\"rIdFooterFirst\"")
            .count(),
        1
    );
    let footer_xml = docx_part(&docx, "word/footerFirst.xml");
    assert!(footer_xml.contains("E-Mail: ubnd@camxuyen.gov.vn"));
    assert_schema_valid(&docx);
    assert_checks_clean(&pdf, &docx);
    let lo = libreoffice_pdfs(&[&docx], &dir.path().join("lo")).remove(0);
    assert!(
        pdf_text(&lo, Some(1)).contains("E-Mail: ubnd@camxuyen.gov.vn"),
        "LibreOffice page 1"
    );
    assert!(
        !pdf_text(&lo, Some(2)).contains("E-Mail"),
        "LibreOffice page 2"
    );
}
