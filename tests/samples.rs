//! The district plan and the decision approving it: their structure, and figures that follow the data.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

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
    let audit = Command::new("python3")
        .args(["-m", "openxml_audit"])
        .arg(&docx)
        .output()
        .expect("openxml-audit");
    assert!(
        audit.status.success(),
        "{}",
        String::from_utf8_lossy(&audit.stdout)
    );
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
