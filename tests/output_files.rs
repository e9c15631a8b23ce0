//! What a render leaves in the output folder: the two documents, as ordinary files, and nothing else.

mod common;

use common::*;

#[test]
fn only_the_documents_are_left_and_others_may_read_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("ra");
    render(&sample_job(), &out);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("output folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["cong-van-2402.docx", "cong-van-2402.pdf"]);
    #[cfg(unix)]
    for name in names {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join(&name))
            .expect("metadata")
            .permissions()
            .mode();
        assert_ne!(mode & 0o044, 0, "{name} has mode {mode:o}");
    }
}

#[test]
fn one_format_can_be_asked_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().to_str().expect("utf-8");
    let output = vanban(&[
        "render",
        sample_job().to_str().expect("utf-8"),
        "-o",
        out,
        "--format",
        "docx",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.path().join("cong-van-2402.docx").exists());
    assert!(!dir.path().join("cong-van-2402.pdf").exists());
}
