//! The PDF is written to PDF/A-2b unless told otherwise (`--pdf-standard 1.7`, `a-2u`), and its
//! document information carries the title (kind and trích yếu), the author (the agency) and the
//! subject (the Số line).

mod common;

use common::{render_with, sample_job};

/// The sample letter's PDF written with `options`.
fn letter(options: &[&str]) -> Vec<u8> {
    let out = tempfile::tempdir().expect("temp dir");
    let mut all = vec!["--format", "pdf"];
    all.extend(options);
    render_with(&sample_job(), out.path(), &all);
    std::fs::read(out.path().join("cong-van-2402.pdf")).expect("pdf")
}

fn contains(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn the_pdf_is_pdf_a_2b_unless_told_otherwise() {
    let archival = letter(&[]);
    assert!(contains(
        &archival,
        "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
    ));
    assert!(
        contains(&archival, "/OutputIntents"),
        "an output intent (sRGB)"
    );
    let unicode = letter(&["--pdf-standard", "a-2u"]);
    assert!(contains(
        &unicode,
        "<pdfaid:conformance>U</pdfaid:conformance>"
    ));
    let plain = letter(&["--pdf-standard", "1.7"]);
    assert!(!contains(&plain, "pdfaid:part"));
    let refused = common::vanban(&["render", "x.toml", "--pdf-standard", "a-3z"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("a-2b"));
}

#[test]
fn the_document_information_names_the_letter() {
    let pdf = letter(&[]);
    let xmp = |element: &str, value: &str| {
        format!("<{element}><rdf:Alt><rdf:li xml:lang=\"x-default\">{value}</rdf:li></rdf:Alt></{element}>")
    };
    assert!(contains(
        &pdf,
        &xmp("dc:title", "Công văn đẩy mạnh công tác tuyên truyền; xây dựng kế hoạch, lựa chọn sản phẩm có tiềm năng, lợi thế của địa phương tham gia chương trình OCOP giai đoạn 2021-2025")
    ));
    assert!(contains(&pdf, &xmp("dc:description", "Số: 2402/UBND-NTM")));
    assert!(contains(&pdf, "<dc:creator><rdf:Seq><rdf:li>ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN</rdf:li></rdf:Seq></dc:creator>"));
    assert!(contains(
        &pdf,
        "<xmp:CreateDate>2021-08-10T00:00:00+00:00</xmp:CreateDate>"
    ));
    if common::tools(&["pdfinfo"]) {
        let out = tempfile::tempdir().expect("temp dir");
        let path = out.path().join("letter.pdf");
        std::fs::write(&path, &pdf).expect("write");
        let info = common::poppler("pdfinfo", &[path.to_str().expect("utf-8")]);
        assert!(
            info.contains("Subject:         Số: 2402/UBND-NTM"),
            "{info}"
        );
        assert!(
            info.contains("Author:          ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN"),
            "{info}"
        );
    }
}
