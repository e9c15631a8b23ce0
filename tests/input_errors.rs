//! Bad input: one clear message naming the file and the line or key, a non-zero exit, no output.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// A copy of the sample job in a fresh folder, with `edit` applied to the job text.
fn job_with(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let text = std::fs::read_to_string(sample_job()).expect("read sample");
    let job = dir.path().join("job.toml");
    std::fs::write(&job, edit(text)).expect("write job");
    (dir, job)
}

/// Runs vanban on `job`, expects failure, and returns its message; checks that nothing was written.
fn fails(dir: &Path, job: &Path) -> String {
    let out = dir.join("out");
    let output = vanban(&[
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!output.status.success(), "vanban succeeded on bad input");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one message expected: {stderr}"
    );
    let written: Vec<_> = std::fs::read_dir(&out)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(written.is_empty(), "files left behind: {written:?}");
    stderr
}

#[test]
fn malformed_toml_names_the_line() {
    for (from, to) in [
        ("number = 2402", "number = "),
        ("date = 2021-08-10", "date = 2021-02-30"),
    ] {
        let (dir, job) = job_with(|t| t.replace(from, to));
        let message = fails(dir.path(), &job);
        let key = to.split(' ').next().expect("key");
        let text = std::fs::read_to_string(&job).expect("job");
        let line = text.lines().position(|l| l.starts_with(key)).expect("line") + 1;
        assert!(message.contains(&format!("job.toml:{line}:")), "{message}");
    }
}

#[test]
fn a_missing_key_is_named() {
    let (dir, job) = job_with(|t| t.replace("name = \"Lê Ngọc Hà\"\n", ""));
    let message = fails(dir.path(), &job);
    assert!(message.contains("job.toml"), "{message}");
    assert!(
        message.contains("`signer`") && message.contains("missing field `name`"),
        "{message}"
    );
}

#[test]
fn a_misspelt_key_is_named() {
    let (dir, job) = job_with(|t| t.replace("subject =", "subjet ="));
    let message = fails(dir.path(), &job);
    assert!(
        message.contains("job.toml") && message.contains("subjet"),
        "{message}"
    );
}

#[test]
fn an_unknown_template_variable_names_the_template_line() {
    let (dir, job) = job_with(|t| t);
    let body = dir.path().join("cong-van-2402.md.j2");
    let text = std::fs::read_to_string(&body).expect("body");
    std::fs::write(
        &body,
        text.replacen("{{ han_gui }}", "{{ han_gui_sai }}", 1),
    )
    .expect("write body");
    let line = std::fs::read_to_string(&body)
        .expect("body")
        .lines()
        .position(|l| l.contains("han_gui_sai"))
        .expect("line")
        + 1;
    let message = fails(dir.path(), &job);
    assert!(
        message.contains(&format!("cong-van-2402.md.j2:{line}:")),
        "{message}"
    );
    assert!(message.contains("undefined"), "{message}");
}

#[test]
fn a_missing_body_file_is_named() {
    let (dir, job) = job_with(|t| {
        t.replace(
            "body = \"cong-van-2402.md.j2\"",
            "body = \"khong-co.md.j2\"",
        )
    });
    let message = fails(dir.path(), &job);
    assert!(message.contains("khong-co.md.j2"), "{message}");
}

#[test]
fn rule_breaking_values_name_their_key() {
    let cases: [(&str, &str, &str); 4] = [
        ("date = 2021-08-10", "date = 10:30:00", "`date`"),
        ("kind = \"cong-van\"", "kind = \"cong van\"", "`kind`"),
        ("unit = \"NTM\"\n", "", "`unit`"),
        (
            "\"KT. Chủ tịch\", \"Phó Chủ tịch\"",
            "\"KT. Chủ tịch\"",
            "`signer.lines`",
        ),
    ];
    for (from, to, key) in cases {
        let (dir, job) = job_with(|t| t.replace(from, to));
        let message = fails(dir.path(), &job);
        assert!(
            message.contains("job.toml") && message.contains(key),
            "{key}: {message}"
        );
    }
}

#[test]
fn a_missing_font_folder_is_named() {
    let (dir, job) = job_with(|t| t);
    let out = dir.path().join("out");
    let fonts = dir.path().join("khong-co-phong");
    let output = vanban(&[
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--font-dir",
        fonts.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("khong-co-phong"), "{stderr}");
    assert!(!out.exists(), "output folder created");
}

#[test]
fn a_job_made_per_commune_is_not_rendered_whole() {
    let (dir, job) = job_with(|t| {
        t.replacen(
            "\"Văn phòng Điều phối nông thôn mới huyện\"",
            "\"Ủy ban nhân dân {{ commune.title }}\"",
            1,
        )
    });
    let message = fails(dir.path(), &job);
    assert!(
        message.contains(
            "job.toml: `to[0]`: \"Ủy ban nhân dân {{ commune.title }}\" is filled in for each \
             commune: make this job with `vanban batch"
        ),
        "{message}"
    );
}

#[test]
fn a_body_that_names_the_commune_says_where_it_comes_from() {
    let (dir, job) = job_with(|t| t);
    let body = dir.path().join("cong-van-2402.md.j2");
    let text = std::fs::read_to_string(&body).expect("body");
    std::fs::write(
        &body,
        format!("Kính gửi {{{{ commune.title }}}}.\n\n{text}"),
    )
    .expect("write");
    let message = fails(dir.path(), &job);
    assert!(
        message.contains(
            "cong-van-2402.md.j2:1: undefined value: not defined in the job: commune (`commune` is \
             there when the job is made with `vanban batch --per commune`)"
        ),
        "{message}"
    );
}
