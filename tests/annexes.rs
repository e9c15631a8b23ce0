//! Annexes: the letter's two annex tables in PDF and DOCX, long tables over several landscape pages with
//! their headers repeated, long cells, declared tables, annexes written on their own.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use vanban::data::{self, Period, Plan};

/// The sample's plan, as the letter's annexes show it.
fn sample_plan() -> Plan {
    let path = sample_job().with_file_name("ocop-2021.json");
    let (plan, diagnostics) = data::consolidate(&[&path], Period::default());
    plan.unwrap_or_else(|| panic!("{:?}", diagnostics.items()))
}

/// A plan of `communes` communes (and one product each), written as plan JSON into `dir`.
fn big_plan(dir: &Path, communes: usize, state: &str) -> PathBuf {
    let communes_json: Vec<String> = (0..communes)
        .map(|i| format!(r#"{{"name": "Xã Thử Nghiệm {i}", "ideas": [{}, 1, 0, 2, 1], "star_products": [0, 1, 0, 0, {}]}}"#, i % 3, i % 2))
        .collect();
    let products: Vec<String> = (0..communes.min(3))
        .map(|i| {
            format!(
                r#"{{"commune": "Xã Thử Nghiệm {i}", "name": "Sản phẩm {i}", "producer": "Hộ kinh doanh", "address": "Thôn 1", "state": "{state}", "year": 2022, "rating": {{"stars": 3, "year": 2023}}, "upgrade": null}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"period": {{"first": 2021, "last": 2025}}, "communes": [{}], "products": [{}]}}"#,
        communes_json.join(","),
        products.join(",")
    );
    let path = dir.join("big.json");
    std::fs::write(&path, json).expect("write plan");
    path
}

fn render_with(dir: &Path, data: Option<&Path>, extra: &[&str]) -> (PathBuf, PathBuf) {
    let out = dir.join("out");
    let job = sample_job();
    let mut args = vec![
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ];
    let data = data.map(|d| d.display().to_string());
    if let Some(data) = &data {
        args.extend(["--data", data.as_str()]);
    }
    args.extend(extra);
    let output = vanban(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        out.join("cong-van-2402.pdf"),
        out.join("cong-van-2402.docx"),
    )
}

/// Pages (from 1) whose text starts with `label`, and the pages after it up to the next annex.
fn annex_pages(pdf: &Path, label: &str) -> Vec<u32> {
    let pages = page_count(pdf) as u32;
    let starts: Vec<(u32, String)> = (1..=pages)
        .filter_map(|p| {
            let text = pdf_text(pdf, Some(p));
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && l.chars().any(|c| !c.is_ascii_digit()))?
                .to_string();
            first.starts_with("Phụ lục").then_some((p, first))
        })
        .collect();
    let (start, _) = starts
        .iter()
        .find(|(_, l)| l == label)
        .cloned()
        .unwrap_or_else(|| panic!("no {label}"));
    let end = starts
        .iter()
        .map(|(p, _)| *p)
        .find(|p| *p > start)
        .unwrap_or(pages + 1);
    (start..end).collect()
}

/// The numbers on the `Tổng cộng` line of the text.
fn totals_line(text: &str) -> Vec<u32> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Tổng cộng"))
        .expect("a totals row");
    line.split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect()
}

fn expected_totals(plan: &Plan) -> Vec<u32> {
    let t = plan.totals();
    [
        t.ideas,
        t.ideas_running,
        t.star_products,
        t.star_products_running,
    ]
    .concat()
}

#[test]
fn the_letters_first_annex_shows_its_groups_years_and_true_totals() {
    if !tools(&["pdfinfo", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (pdf, _) = render_with(dir.path(), None, &[]);
    let pages = annex_pages(&pdf, "Phụ lục I");
    let first = pdf_text(&pdf, Some(pages[0]));
    assert!(
        first.contains("DỰ KIẾN Ý TƯỞNG SẢN PHẨM THAM GIA CHƯƠNG TRÌNH OCOP GIAI ĐOẠN 2021-2025"),
        "{first}"
    );
    assert!(
        flat(&first).contains("(Kèm theo Công văn số 2402/UBND-NTM ngày 10 tháng 8 năm 2021 của Ủy ban nhân dân huyện Cẩm Xuyên)"),
        "{first}"
    );
    for group in [
        "Số ý tưởng tham gia",
        "Lũy kế ý tưởng tham gia",
        "Số sản phẩm đạt sao",
        "Lũy kế sản phẩm đạt sao",
    ] {
        assert!(first.contains(group), "missing {group}:\n{first}");
    }
    assert!(
        first.contains(&"2021 2022 2023 2024 2025 ".repeat(3)),
        "no year row:\n{first}"
    );
    let last = pdf_text(&pdf, pages.last().copied());
    assert_eq!(totals_line(&last), expected_totals(&sample_plan()));
    let second: String = annex_pages(&pdf, "Phụ lục II")
        .into_iter()
        .map(|p| pdf_text(&pdf, Some(p)))
        .collect();
    for text in [
        "Tên sản phẩm",
        "Hạng sao và",
        "Nước mắm Cẩm Bình",
        "Thị trấn Thiên Cầm",
    ] {
        assert!(second.contains(text), "missing {text}:\n{second}");
    }
}

#[test]
fn sixty_communes_run_over_landscape_pages_that_repeat_both_header_rows() {
    if !tools(&["pdfinfo", "pdftotext", "soffice"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = big_plan(dir.path(), 60, "Đã có");
    let (pdf, docx) = render_with(dir.path(), Some(&data), &[]);
    let pages = annex_pages(&pdf, "Phụ lục I");
    assert!(
        pages.len() >= 2,
        "Phụ lục I fits on {} page(s)",
        pages.len()
    );
    let info = poppler(
        "pdfinfo",
        &[
            "-f",
            "1",
            "-l",
            &page_count(&pdf).to_string(),
            pdf.to_str().expect("utf-8"),
        ],
    );
    for line in info
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
    {
        let page: u32 = line
            .split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .expect("page number");
        let expected = if page < pages[0] {
            "595.276 x 841.89"
        } else {
            "841.89 x 595.276"
        };
        assert!(line.contains(expected), "{line}");
    }
    for &page in &pages {
        let text = pdf_text(&pdf, Some(page));
        assert!(
            text.contains("Số ý tưởng tham gia") && text.contains("Lũy kế sản phẩm đạt sao"),
            "page {page}:\n{text}"
        );
        assert!(
            text.contains("2021 2022 2023 2024 2025"),
            "page {page} lacks the year row"
        );
    }
    let (plan, _) = data::consolidate(&[&data], Period::default());
    let expected = expected_totals(&plan.expect("plan"));
    assert_eq!(
        totals_line(&pdf_text(&pdf, pages.last().copied())),
        expected
    );

    // The DOCX: a landscape section, both header rows repeated, the groups spanning five columns.
    let xml = docx_part(&docx, "word/document.xml");
    assert!(
        xml.contains("w:orient=\"landscape\""),
        "no landscape section"
    );
    assert_eq!(
        xml.matches("<w:tblHeader/>").count(),
        4,
        "two header rows in each annex table"
    );
    assert!(
        xml.matches("<w:gridSpan w:val=\"5\" />").count() >= 4,
        "group headers do not span five columns"
    );
    assert!(
        xml.contains("<w:vMerge w:val=\"restart\" />")
            && xml.contains("<w:vMerge w:val=\"continue\" />")
    );
    assert!(
        xml.contains("<w:pgNumType w:start=\"1\" />"),
        "annex page numbers do not restart"
    );

    // LibreOffice lays the DOCX out with the same headers on every page and the same totals.
    let lo = libreoffice_pdfs(&[&docx], &dir.path().join("lo")).remove(0);
    let lo_pages = annex_pages(&lo, "Phụ lục I");
    assert!(lo_pages.len() >= 2);
    for &page in &lo_pages {
        let text = pdf_text(&lo, Some(page));
        assert!(
            text.contains("Số ý tưởng tham gia") && text.contains("2021"),
            "LibreOffice page {page}:\n{text}"
        );
    }
    assert_eq!(
        totals_line(&pdf_text(&lo, lo_pages.last().copied())),
        expected
    );
}

#[test]
fn a_cell_of_two_thousand_characters_wraps_inside_the_table() {
    if !tools(&["openxml-audit", "pdfinfo", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pieces: Vec<String> = (0..400).map(|i| format!("sản{i}")).collect();
    let long = pieces.join(" ");
    assert!(long.chars().count() >= 2000);
    let data = big_plan(dir.path(), 3, &long);
    let (pdf, docx) = render_with(dir.path(), Some(&data), &[]);
    let pages = annex_pages(&pdf, "Phụ lục II");
    let text: String = pages.iter().map(|&p| pdf_text(&pdf, Some(p))).collect();
    for word in ["sản0", "sản150", "sản399"] {
        assert!(text.contains(word), "{word} lost");
    }
    let right_edge_pt = (297.0 - vanban::nd30::STANDARD.margin.right_mm + 0.5) * 72.0 / 25.4;
    for &page in &pages {
        let (words, _, _) = words(&pdf, page);
        let over: Vec<_> = words.iter().filter(|w| w.x_max > right_edge_pt).collect();
        assert!(
            over.is_empty(),
            "page {page}: text past the right margin: {over:?}"
        );
    }
    // The DOCX lets the long row split across pages, as the PDF does, and keeps the others whole.
    let xml = docx_part(&docx, "word/document.xml");
    let annex = &xml[xml.find(">Phụ lục II<").expect("the products' annex")..];
    let rows: Vec<&str> = annex.split("<w:tr>").skip(1).collect();
    let (long, short): (Vec<&str>, Vec<&str>) = rows.iter().partition(|r| r.contains("sản399"));
    assert!(!long.is_empty());
    assert!(
        long.iter().all(|r| !r.contains("<w:cantSplit")),
        "long rows may split"
    );
    assert!(
        short.iter().all(|r| r.contains("<w:cantSplit")),
        "short rows stay whole"
    );
    assert_schema_valid(&docx);
}

#[test]
fn a_table_declared_next_to_the_job_needs_no_code() {
    if !tools(&["pdfinfo", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    std::fs::write(
        dir.path().join("tong-hop.toml"),
        "rows = \"communes\"\ntotals = true\n\n[[columns]]\nheader = \"Xã\"\nvalue = \"row.name | upper\"\nwidth = 60\nalign = \"left\"\n\n[[columns]]\nheader = \"Ý tưởng 2021–2025\"\nvalue = \"row.ideas_running[4]\"\nwidth = 40\ntotal = true\n",
    )
    .expect("write declaration");
    let job = dir.path().join("cong-van-2402.toml");
    let text = std::fs::read_to_string(&job).expect("job");
    let start = text.find("[[annex]]").expect("annexes");
    let custom = "[[annex]]\ntitle = \"Tổng hợp ý tưởng\"\ntable = \"tong-hop.toml\"\n";
    std::fs::write(&job, format!("{}{custom}", &text[..start])).expect("write job");
    let out = dir.path().join("out");
    let output = vanban(&[
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        "pdf",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pdf = out.join("cong-van-2402.pdf");
    let annex = pdf_text(&pdf, annex_pages(&pdf, "Phụ lục").first().copied());
    assert!(
        annex.contains("TỔNG HỢP Ý TƯỞNG") && annex.contains("CẨM BÌNH"),
        "{annex}"
    );
    let total: u32 = sample_plan().totals().ideas_running[4];
    assert_eq!(totals_line(&annex), vec![total]);
    let pages = page_count(&pdf);
    let info = poppler(
        "pdfinfo",
        &[
            "-f",
            &pages.to_string(),
            "-l",
            &pages.to_string(),
            pdf.to_str().expect("utf-8"),
        ],
    );
    assert!(
        info.contains("595.276 x 841.89"),
        "a narrow table stays portrait: {info}"
    );

    std::fs::write(
        dir.path().join("tong-hop.toml"),
        "rows = \"communes\"\n\n[[columns]]\nheader = \"Xã\"\nvalue = \"row.ten\"\n",
    )
    .expect("write");
    let output = vanban(&[
        "render",
        job.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("tong-hop.toml: `columns[0].value`"),
        "{stderr}"
    );
}

#[test]
fn each_annex_can_be_written_on_its_own() {
    if !tools(&["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    render_with(dir.path(), None, &["--annex-separate"]);
    let out = dir.path().join("out");
    for (name, label) in [
        ("cong-van-2402-phu-luc-i", "Phụ lục I"),
        ("cong-van-2402-phu-luc-ii", "Phụ lục II"),
    ] {
        let pdf = out.join(format!("{name}.pdf"));
        let first = pdf_text(&pdf, Some(1));
        assert_eq!(
            first.lines().map(str::trim).find(|l| !l.is_empty()),
            Some(label),
            "{first}"
        );
        assert!(
            !first.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "an annex has no national header"
        );
        let docx = docx_paragraph_texts(&docx_part(
            &out.join(format!("{name}.docx")),
            "word/document.xml",
        ));
        assert_eq!(docx.first().map(String::as_str), Some(label), "{docx:?}");
    }
}

#[test]
fn a_group_label_is_shown_again_where_its_rows_continue() {
    if !tools(&["pdfinfo", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let products: Vec<String> = (0..80)
        .map(|i| {
            let commune = if i < 70 { "Xã Cẩm Bình" } else { "Xã Cẩm Duệ" };
            format!(r#"{{"commune": "{commune}", "name": "Sản phẩm {i}", "producer": "Hộ {i}", "address": "Thôn 1", "state": "Đã có", "year": 2022, "rating": null, "upgrade": null}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"period": {{"first": 2021, "last": 2025}}, "communes": [{{"name": "Cẩm Bình", "ideas": [1,1,1,1,1], "star_products": [0,0,0,0,0]}}], "products": [{}]}}"#,
        products.join(",")
    );
    let data = dir.path().join("many.json");
    std::fs::write(&data, json).expect("write plan");
    let (pdf, _) = render_with(dir.path(), Some(&data), &["--format", "pdf"]);
    let pages = annex_pages(&pdf, "Phụ lục II");
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for &page in &pages[1..pages.len() - 1] {
        let text = pdf_text(&pdf, Some(page));
        // The first line under the header rows: a group row (a Roman numeral) or a product (a number).
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| {
                let word = l.split_whitespace().next().unwrap_or_default();
                word == "I"
                    || (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) && l.len() > 3)
            })
            .expect("rows on the page");
        assert!(
            first.starts_with("I ") && first.contains("Cẩm Bình"),
            "page {page} starts with {first:?}"
        );
    }
}

#[test]
fn every_page_but_the_first_of_the_letter_and_of_each_annex_shows_its_number_centred_at_the_top() {
    if !tools(&["pdfinfo", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // Enough communes for Phụ lục I to run over more than nine landscape pages.
    let data = big_plan(dir.path(), 260, "Đã có");
    let (pdf, _) = render_with(dir.path(), Some(&data), &["--format", "pdf"]);
    let first = annex_pages(&pdf, "Phụ lục I");
    let second = annex_pages(&pdf, "Phụ lục II");
    assert!(first.len() >= 10, "Phụ lục I fits on {} pages", first.len());
    let margin = vanban::nd30::STANDARD.margin;
    let points = |mm: f32| mm * 72.0 / 25.4;
    let mut tops = Vec::new();
    for page in 1..=page_count(&pdf) as u32 {
        let part_start = [1, first[0], second[0]]
            .into_iter()
            .filter(|s| *s <= page)
            .max()
            .expect("page 1 starts the letter");
        let expected = page - part_start + 1;
        let (words, width, _) = words(&pdf, page);
        let in_margin: Vec<&Word> = words
            .iter()
            .filter(|w| w.y_max < points(margin.top_mm))
            .collect();
        if expected == 1 {
            assert!(in_margin.is_empty(), "page {page}: {in_margin:?}");
            continue;
        }
        let [number] = in_margin.as_slice() else {
            panic!("page {page}: {in_margin:?}, not the number {expected}");
        };
        assert_eq!(number.text, expected.to_string(), "page {page}");
        let centre = points(margin.left_mm)
            + (width - points(margin.left_mm) - points(margin.right_mm)) / 2.0;
        assert!(
            ((number.x_min + number.x_max) / 2.0 - centre).abs() < 0.5,
            "page {page}: {number:?} is not centred on the text ({centre})"
        );
        tops.push(number.y_min);
    }
    assert!(tops.len() > 10);
    assert!(
        tops.iter().all(|t| (t - tops[0]).abs() < 0.01),
        "the numbers stand at different heights: {tops:?}"
    );
}
