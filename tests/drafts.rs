//! A draft's number and day left blank for the văn thư, who writes them at issuance.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The sample letter with no number and only its month, rendered into `dir/out`.
fn draft(dir: &Path, date: &str) -> PathBuf {
    copy_sample(dir);
    let text = std::fs::read_to_string(sample_job()).expect("read sample");
    let job = dir.join("du-thao.toml");
    let text = text
        .replace("number = 2402\n", "")
        .replace("date = 2021-08-10", &format!("date = {date}"));
    std::fs::write(&job, text).expect("write job");
    let out = dir.join("out");
    render(&job, &out);
    out
}

#[test]
fn a_draft_keeps_room_for_the_number_and_the_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = draft(dir.path(), "\"2021-08\"");
    let docx = out.join("du-thao.docx");
    let texts = docx_paragraph_texts(&docx_part(&docx, "word/document.xml"));
    for expected in [
        "Số:       /UBND-NTM",
        "Cẩm Xuyên, ngày        tháng 8 năm 2021",
        "(Kèm theo Công văn số       /UBND-NTM ngày        tháng 8 năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected:?} not in {texts:#?}");
    }
    for file in [docx, out.join("du-thao.pdf")] {
        let check = vanban(&["check", file.to_str().expect("utf-8")]);
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(
            stdout.contains("draft: number and date left blank"),
            "{stdout}"
        );
        assert!(!stdout.contains(": E"), "{stdout}");
    }
}

#[test]
fn a_year_alone_leaves_day_and_month_blank() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = draft(dir.path(), "\"2021\"");
    let texts = docx_paragraph_texts(&docx_part(&out.join("du-thao.docx"), "word/document.xml"));
    assert!(
        texts
            .iter()
            .any(|t| t == "Cẩm Xuyên, ngày        tháng        năm 2021"),
        "{texts:#?}"
    );
}

#[test]
fn a_partial_date_that_is_no_date_names_its_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let text = std::fs::read_to_string(sample_job()).expect("read sample");
    let job = dir.path().join("du-thao.toml");
    std::fs::write(
        &job,
        text.replace("date = 2021-08-10", "date = \"2021-13\""),
    )
    .expect("write");
    let output = vanban(&[
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        "/nonexistent/out",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("du-thao.toml")
            && stderr.contains("`date`")
            && stderr.contains("\"2021-13\""),
        "{stderr}"
    );
}
