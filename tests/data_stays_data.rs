//! User text is data: characters that mean something to typst or to the body markup print as written.

mod common;

use common::*;

const HOSTILE: &str = r#"#read("/etc/passwd") $x^2$ *b* <t> \ #panic("x")"#;

#[test]
fn hostile_text_is_printed_literally_in_both_outputs() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let sample = std::fs::read_to_string(sample_job()).expect("sample job");
    let quoted = toml_string(HOSTILE);
    let job = sample
        .replace("body = \"cong-van-2402.md.j2\"", "body = \"body.md.j2\"")
        .replacen(
            "subject = \"",
            &format!("subject = {quoted}\nold_subject = \""),
            1,
        )
        .replace(
            "to = [\n  \"Văn phòng Điều phối nông thôn mới huyện\",",
            &format!("to = [\n  {quoted},"),
        )
        .replace("[vars]", &format!("[vars]\nhostile = {quoted}"));
    let job = job
        .lines()
        .filter(|l| !l.starts_with("old_subject"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.path().join("job.toml"), job).expect("write job");
    std::fs::write(
        dir.path().join("body.md.j2"),
        "Dữ liệu: {{ hostile }}\n\nVăn bản: #read(\"/etc/passwd\") $x^2$ <t> #panic(\"x\")\n",
    )
    .expect("write body");
    render(&dir.path().join("job.toml"), dir.path());

    let pdf = flat(&poppler(
        "pdftotext",
        &[dir.path().join("job.pdf").to_str().expect("utf-8"), "-"],
    ));
    let docx = docx_paragraph_texts(&docx_part(
        &dir.path().join("job.docx"),
        "word/document.xml",
    ))
    .join("\n");
    for (name, text) in [("PDF", pdf), ("DOCX", docx)] {
        assert!(
            text.contains(&format!("V/v {HOSTILE}")),
            "{name} subject: {text}"
        );
        assert!(
            text.contains(&format!("- {HOSTILE};")),
            "{name} recipient: {text}"
        );
        assert!(
            text.contains(&format!("Dữ liệu: {HOSTILE}")),
            "{name} body value: {text}"
        );
        assert!(
            text.contains(r#"Văn bản: #read("/etc/passwd") $x^2$ <t> #panic("x")"#),
            "{name} body text: {text}"
        );
        assert!(!text.contains("root:"), "{name} read a file");
    }
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}
