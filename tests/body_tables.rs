//! A table written in the body's markup, in both outputs, between the paragraphs around it.

mod common;

use common::*;

const BODY: &str = "Các xã báo cáo theo bảng sau:

| TT | Tên xã | Số sản phẩm |
|:-:|---------|----:|
| 1 | Cẩm Bình | 3 |
| 2 | Cẩm Thành | 15 |

Trân trọng./.
";

#[test]
fn a_body_table_is_written_by_both_writers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let job = std::fs::read_to_string(sample_job()).expect("sample");
    let job: String = job
        .split("[[annex]]")
        .next()
        .expect("job")
        .replace("body = \"cong-van-2402.md.j2\"", "body = \"bang.md.j2\"")
        .replace("data = \"ocop-2021.json\"", "");
    std::fs::write(dir.path().join("bang.toml"), job).expect("job");
    std::fs::write(dir.path().join("bang.md.j2"), BODY).expect("body");
    let out = dir.path().join("out");
    render(&dir.path().join("bang.toml"), &out);

    let xml = docx_part(&out.join("bang.docx"), "word/document.xml");
    let texts = docx_paragraph_texts(&xml);
    let at = |t: &str| {
        texts
            .iter()
            .position(|p| p == t)
            .unwrap_or_else(|| panic!("{t:?} in {texts:#?}"))
    };
    assert!(at("Các xã báo cáo theo bảng sau:") < at("Tên xã"));
    assert!(at("Cẩm Thành") < at("Trân trọng./."));
    let cell = xml.find("Cẩm Bình").expect("the table's text");
    let start = xml[..cell].rfind("<w:tbl>").expect("a table around it");
    let end = xml[cell..].find("</w:tbl>").expect("its end") + cell;
    let table = &xml[start..end];
    assert!(table.contains("<w:tblHeader/>"), "header row repeats");
    assert!(
        table.contains("<w:jc w:val=\"right\" />"),
        "right-aligned figures"
    );
    assert_eq!(
        table.matches("<w:tr>").count() + table.matches("<w:tr ").count(),
        3
    );
    if tools(&["openxml-audit"]) {
        assert_schema_valid(&out.join("bang.docx"));
    }
    if tools(&["pdftotext"]) {
        let text = flat(&pdf_text(&out.join("bang.pdf"), Some(1)));
        for cell in ["TT Tên xã Số sản phẩm", "1 Cẩm Bình 3", "2 Cẩm Thành 15"] {
            assert!(text.contains(cell), "{cell:?} in {text}");
        }
    }
}
