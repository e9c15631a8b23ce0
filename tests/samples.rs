//! The district plan and the decision approving it: their structure, and figures that follow the data.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use vanban::data::{self, Period};

fn sample(name: &str) -> PathBuf {
    sample_job().with_file_name(name)
}

fn render_to(job: &Path, out: &Path, extra: &[&str]) -> (PathBuf, PathBuf) {
    let mut args = vec![
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ];
    args.extend(extra);
    let output = vanban(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stem = job.file_stem().and_then(|s| s.to_str()).expect("stem");
    (
        out.join(format!("{stem}.pdf")),
        out.join(format!("{stem}.docx")),
    )
}

#[test]
fn the_decision_has_its_authority_bases_and_articles() {
    if !tools(&["openxml-audit", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (pdf, docx) = render_to(&sample("quyet-dinh-phe-duyet.toml"), dir.path(), &[]);
    let text = flat(&pdf_text(&pdf, None));
    for expected in [
        "Số: 1250/QĐ-UBND",
        "QUYẾT ĐỊNH Về việc phê duyệt Kế hoạch",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Theo đề nghị của Chánh Văn phòng Điều phối nông thôn mới huyện. QUYẾT ĐỊNH:",
        "Điều 1. Phê duyệt",
        "Điều 3. Quyết định này",
        "- Như Điều 3;",
        "KT. CHỦ TỊCH",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let paragraphs = docx_paragraph_texts(&docx_part(&docx, "word/document.xml"));
    assert!(
        paragraphs.iter().any(|p| p == "QUYẾT ĐỊNH:"),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs.iter().any(|p| p.starts_with("Điều 2. ")),
        "{paragraphs:?}"
    );
    assert_schema_valid(&docx);
}

/// The targets sentence of the plan: "toàn huyện có N ý tưởng … trong đó M sản phẩm".
fn targets(pdf: &Path) -> (u32, u32) {
    let text = flat(&pdf_text(pdf, None));
    let after = |key: &str| -> u32 {
        let at = text
            .find(key)
            .unwrap_or_else(|| panic!("{key:?} in {text}"))
            + key.len();
        text[at..]
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a number")
    };
    (after("toàn huyện có"), after("trong đó"))
}

#[test]
fn the_plans_figures_follow_the_data() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let job = dir.path().join("ke-hoach-huyen.toml");
    let data = dir.path().join("ocop-2021.json");
    let (plan, _) = data::consolidate(&[&data], Period::default());
    let totals = plan.expect("sample data").totals();
    let (pdf, _) = render_to(&job, &dir.path().join("a"), &[]);
    assert_eq!(
        targets(&pdf),
        (totals.ideas_running[4], totals.star_products_running[4])
    );
    let text = pdf_text(&pdf, None);
    assert!(
        text.contains("KẾ HOẠCH") && text.contains("Số: 125/KH-UBND"),
        "{text}"
    );
    assert!(
        flat(&text).contains("I. MỤC ĐÍCH, YÊU CẦU") && flat(&text).contains("a) Xây dựng bao bì"),
        "{text}"
    );

    // One commune's figure changes: so does the plan.
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&data).expect("data")).expect("json");
    json["communes"][0]["ideas"][2] = serde_json::json!(7);
    std::fs::write(&data, json.to_string()).expect("write");
    let (pdf, _) = render_to(&job, &dir.path().join("b"), &[]);
    let before = json["communes"][0]["ideas"][2].as_u64();
    assert_eq!(before, Some(7));
    let old = sample_job().with_file_name("ocop-2021.json");
    let old: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(old).expect("sample")).expect("json");
    let added = 7 - old["communes"][0]["ideas"][2].as_u64().expect("a figure") as u32;
    assert_eq!(
        targets(&pdf),
        (
            totals.ideas_running[4] + added,
            totals.star_products_running[4]
        )
    );

    // Another district workbook, read with --data.
    let workbook = root().join("tests/fixtures/district.xlsx");
    let (pdf, _) = render_to(
        &job,
        &dir.path().join("c"),
        &["--data", workbook.to_str().expect("utf-8")],
    );
    assert_eq!(targets(&pdf), (19, 10));
}

#[test]
fn a_legacy_font_workbook_gives_the_same_plan_and_says_so() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let job = sample("ke-hoach-huyen.toml");
    let workbook = root().join("tests/fixtures/district-tcvn3.xlsx");
    let output = vanban(&[
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        dir.path().to_str().expect("utf-8"),
        "--data",
        workbook.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("district-tcvn3.xlsx") && stderr.contains("converted TCVN3 text"),
        "{stderr}"
    );
    assert_eq!(targets(&dir.path().join("ke-hoach-huyen.pdf")), (19, 10));
}

#[test]
fn every_sample_renders_to_a_valid_pdf_and_docx() {
    if !tools(&["openxml-audit", "pdfinfo", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = sample_job().parent().expect("samples").to_path_buf();
    let mut jobs: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("samples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| {
            !p.file_stem()
                .is_some_and(|s| s.to_string_lossy().ends_with("-xa"))
        })
        .collect();
    jobs.sort();
    assert_eq!(jobs.len(), 9, "{jobs:?}");
    for job in &jobs {
        let (pdf, docx) = render_to(job, dir.path(), &[]);
        assert!(page_count(&pdf) >= 1);
        assert_checks_clean(&pdf, &docx);
        assert_schema_valid(&docx);
    }
    let expected: [(&str, &[&str]); 5] = [
        (
            "to-trinh",
            &[
                "TỜ TRÌNH",
                "Số: 45/TTr-VPĐP",
                "Kính gửi: Ủy ban nhân dân huyện Cẩm Xuyên",
                "- Như trên;",
            ],
        ),
        (
            "bao-cao",
            &[
                "BÁO CÁO",
                "Số: 210/BC-UBND",
                "I. KẾT QUẢ ĐĂNG KÝ",
                "II. ĐỀ XUẤT",
                "Phụ lục",
            ],
        ),
        (
            "thong-bao",
            &[
                "THÔNG BÁO",
                "Số: 88/TB-UBND",
                "a) Phiếu đăng ký sản phẩm;",
                "TL. CHỦ TỊCH",
            ],
        ),
        (
            "giay-moi",
            &["GIẤY MỜI", "Số: 12/GM-UBND", "trân trọng kính mời"],
        ),
        (
            "bien-ban",
            &["BIÊN BẢN", "Số: 03/BB-UBND", "- Lưu: VT, Hồ sơ."],
        ),
    ];
    for (name, strings) in expected {
        let text = flat(&pdf_text(&dir.path().join(format!("{name}.pdf")), None));
        for s in strings {
            assert!(text.contains(s), "{name}: missing {s:?} in {text}");
        }
    }
    let rules = pdf_text(&dir.path().join("quy-che.pdf"), None);
    assert!(
        flat(&rules).contains("(Kèm theo Quyết định số 1251/QĐ-UBND ngày 15 tháng 9 năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)"),
        "{rules}"
    );
    assert!(
        !rules.contains("Số:") && !rules.contains("Cẩm Xuyên, ngày"),
        "issued with a decision: no number, no date"
    );
    assert!(
        flat(&rules).contains("Chương II TỔ CHỨC THỰC HIỆN Điều 3. Trách nhiệm thi hành"),
        "{rules}"
    );
    let minutes = pdf_text(&dir.path().join("bien-ban.pdf"), None);
    assert!(
        !minutes.contains("Cẩm Xuyên, ngày"),
        "a biên bản has no date line"
    );
    let signatures = minutes
        .lines()
        .find(|l| l.contains("THƯ KÝ"))
        .expect("the secretary's title");
    assert!(
        signatures.contains("CHỦ TỌA"),
        "the two signatures are side by side: {signatures:?}"
    );
    let names = minutes
        .lines()
        .find(|l| l.trim_start().starts_with("Phan Văn Nam"))
        .expect("the secretary's name");
    assert!(names.contains("Lê Ngọc Hà"), "{names:?}");
}
