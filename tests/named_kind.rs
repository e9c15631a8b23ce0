//! A named kind (kế hoạch): the title and trích yếu centred under the header, the kind's code in the
//! ký hiệu, no Kính gửi.

mod common;

use common::*;

#[test]
fn a_plan_has_its_title_and_code() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let job = r#"
kind = "ke-hoach"
body = "noi-dung.md.j2"
number = 5
place = "Cẩm Xuyên"
date = 2021-09-01
subject = "Thực hiện Chương trình Mỗi xã một sản phẩm giai đoạn 2021-2025"

[issuer]
parent = ["UBND tỉnh Hà Tĩnh"]
name = ["Ủy ban nhân dân", "huyện Cẩm Xuyên"]
code = "UBND"

[signer]
lines = ["TM. Ủy ban nhân dân", "Chủ tịch"]
name = "Nguyễn Văn A"

[distribution]
to = ["Sở Nông nghiệp và PTNT"]
archive = "VT, NTM"
"#;
    std::fs::write(dir.path().join("ke-hoach.toml"), job).expect("write job");
    std::fs::write(
        dir.path().join("noi-dung.md.j2"),
        "**I. MỤC ĐÍCH, YÊU CẦU**\n\n1. Mục đích.\n",
    )
    .expect("write body");
    render(&dir.path().join("ke-hoach.toml"), dir.path());

    let pdf = dir.path().join("ke-hoach.pdf");
    let text = pdf_text(&pdf, None);
    assert!(text.contains("Số: 05/KH-UBND"), "{text}");
    assert!(text.contains("UBND TỈNH HÀ TĨNH"), "{text}");
    assert!(
        text.contains("Cẩm Xuyên, ngày 01 tháng 9 năm 2021"),
        "{text}"
    );
    assert!(text.contains("KẾ HOẠCH"), "{text}");
    assert!(
        flat(&text).contains("Thực hiện Chương trình Mỗi xã một sản phẩm giai đoạn 2021-2025"),
        "{text}"
    );
    assert!(
        !text.contains("V/v") && !text.contains("Kính gửi"),
        "{text}"
    );
    assert!(
        !text.contains("- Như trên;"),
        "no addressees, so no “Như trên”: {text}"
    );

    let (words, _, _) = words(&pdf, 1);
    let title: Vec<_> = words
        .iter()
        .filter(|w| w.text == "KẾ" || w.text == "HOẠCH")
        .collect();
    assert_eq!(title.len(), 2, "{title:?}");
    let f = vanban::nd30::STANDARD;
    let centre_mm = (title[0].x_min + title[1].x_max) / 2.0 * 25.4 / 72.0;
    let text_centre =
        f.margin.left_mm + (f.page.width_mm - f.margin.left_mm - f.margin.right_mm) / 2.0;
    assert!(
        (centre_mm - text_centre).abs() < 2.0,
        "title centred at {centre_mm} mm, text at {text_centre} mm"
    );

    let docx = docx_paragraph_texts(&docx_part(
        &dir.path().join("ke-hoach.docx"),
        "word/document.xml",
    ));
    assert!(docx.iter().any(|p| p == "KẾ HOẠCH"), "{docx:?}");
    assert!(docx.iter().any(|p| p == "Số: 05/KH-UBND"), "{docx:?}");
}
