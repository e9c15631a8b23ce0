//! Same input, same bytes.

mod common;

use common::*;

#[test]
fn two_renders_give_identical_files() {
    let (a, b) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    render(&sample_job(), a.path());
    render(&sample_job(), b.path());
    for name in ["cong-van-2402.pdf", "cong-van-2402.docx"] {
        let (x, y) = (
            std::fs::read(a.path().join(name)).expect("first"),
            std::fs::read(b.path().join(name)).expect("second"),
        );
        assert!(!x.is_empty());
        assert!(x == y, "{name} differs between two renders");
    }
}
