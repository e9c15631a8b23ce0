//! Fill-in forms: written per commune, filled in as a clerk would (cell values typed, formulas
//! recalculated), then consolidated back into the plan.

mod common;

use std::io::{Read, Write};
use std::path::Path;

use common::*;

/// Rewrites `part` of the workbook at `path` through `edit`.
fn edit_part(path: &Path, part: &str, edit: impl Fn(String) -> String) {
    let bytes = std::fs::read(path).expect("workbook");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        if name == part {
            data = edit(String::from_utf8(data).expect("utf-8")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&data).expect("write");
    }
    std::fs::write(path, out.finish().expect("finish").into_inner()).expect("save");
}

/// Types `value` into the empty cell `cell` (e.g. `C6`).
fn type_value(xml: String, cell: &str, value: &str) -> String {
    let start = xml
        .find(&format!("<c r=\"{cell}\" "))
        .unwrap_or_else(|| panic!("{cell} in the form"));
    let end = start + xml[start..].find("/>").expect("an empty cell");
    let attributes = &xml[start + 2..end];
    let typed = match value.parse::<f64>() {
        Ok(_) => format!("<c{attributes}><v>{value}</v></c>"),
        Err(_) => format!("<c{attributes} t=\"inlineStr\"><is><t>{value}</t></is></c>"),
    };
    format!("{}{typed}{}", &xml[..start], &xml[end + 2..])
}

/// Drops the values stored with formulas, as a program does that recalculates on opening.
fn forget_formula_values(xml: String) -> String {
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("</f><v>") {
        out.push_str(&rest[..at + 4]);
        let after = &rest[at + 4..];
        rest = &after[after.find("</v>").expect("value end") + 4..];
    }
    out.push_str(rest);
    out
}

#[test]
fn forms_filled_in_come_back_as_the_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bieu-mau");
    let output = vanban(&[
        "forms",
        "--communes",
        "Cẩm Bình, Thị trấn Thiên Cầm",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (binh, thien_cam) = (
        out.join("cam-binh.xlsx"),
        out.join("thi-tran-thien-cam.xlsx"),
    );

    let sheet1 = docx_part(&binh, "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains("<sheetProtection"),
        "figures sheet not protected"
    );
    assert!(
        sheet1.contains("type=\"whole\" operator=\"greaterThanOrEqual\""),
        "no whole-number validation"
    );
    assert!(
        sheet1.contains("<f>H6+D6</f>"),
        "running totals are not formulas"
    );
    let sheet2 = docx_part(&binh, "xl/worksheets/sheet2.xml");
    assert!(
        sheet2.contains("<formula1>3</formula1><formula2>5</formula2>"),
        "no star validation"
    );
    assert!(
        docx_part(&binh, "xl/sharedStrings.xml").contains("Cẩm Bình"),
        "commune not prefilled"
    );

    let fill = |path: &Path, ideas: [&str; 5], stars: [&str; 5], product: Option<[&str; 4]>| {
        edit_part(path, "xl/worksheets/sheet1.xml", |mut xml| {
            for (i, (idea, star)) in ideas.iter().zip(stars).enumerate() {
                xml = type_value(xml, &format!("{}6", char::from(b'C' + i as u8)), idea);
                xml = type_value(xml, &format!("{}6", char::from(b'M' + i as u8)), star);
            }
            forget_formula_values(xml)
        });
        if let Some([name, year, stars, star_year]) = product {
            edit_part(path, "xl/worksheets/sheet2.xml", |xml| {
                let xml = type_value(xml, "B5", name);
                let xml = type_value(xml, "F5", year);
                let xml = type_value(xml, "G5", stars);
                type_value(xml, "H5", star_year)
            });
        }
    };
    fill(
        &binh,
        ["2", "1", "0", "1", "1"],
        ["0", "1", "1", "0", "1"],
        Some(["Nước mắm", "2021", "4", "2023"]),
    );
    fill(
        &thien_cam,
        ["3", "0", "1", "0", "1"],
        ["1", "1", "0", "0", "1"],
        None,
    );

    let plan = dir.path().join("plan.json");
    let output = vanban(&[
        "consolidate",
        binh.to_str().expect("utf-8"),
        thien_cam.to_str().expect("utf-8"),
        "-o",
        plan.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&plan).expect("plan")).expect("json");
    assert_eq!(json["communes"][0]["name"], "Cẩm Bình");
    assert_eq!(
        json["communes"][0]["ideas_running"],
        serde_json::json!([2, 3, 3, 4, 5])
    );
    assert_eq!(json["communes"][1]["name"], "Thị trấn Thiên Cầm");
    assert_eq!(
        json["communes"][1]["star_products_running"],
        serde_json::json!([1, 2, 2, 2, 3])
    );
    assert_eq!(
        json["totals"]["ideas_running"],
        serde_json::json!([5, 6, 7, 8, 10])
    );
    assert_eq!(
        json["totals"]["star_products"],
        serde_json::json!([1, 2, 1, 0, 2])
    );
    assert_eq!(json["products"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["products"][0]["commune"], "Cẩm Bình");
    assert_eq!(
        json["products"][0]["rating"],
        serde_json::json!({"stars": 4, "year": 2023})
    );
}

#[test]
fn a_filled_form_with_a_word_for_a_number_is_refused_with_its_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = vanban(&[
        "forms",
        "--communes",
        "Cẩm Bình",
        "-o",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let form = dir.path().join("cam-binh.xlsx");
    edit_part(&form, "xl/worksheets/sheet1.xml", |xml| {
        forget_formula_values(type_value(xml, "E6", "hai"))
    });
    edit_part(&form, "xl/worksheets/sheet2.xml", |xml| {
        type_value(type_value(xml, "B5", "Mật ong"), "G5", "6")
    });
    let plan = dir.path().join("plan.json");
    let output = vanban(&[
        "consolidate",
        form.to_str().expect("utf-8"),
        "-o",
        plan.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(!plan.exists());
    assert!(
        stderr.contains(
            "cam-binh.xlsx › Phụ lục 1 › E6: expected a whole number (ideas, 2023), found \"hai\""
        ),
        "{stderr}"
    );
    assert!(stderr.contains("cam-binh.xlsx › Phụ lục 2 › G5: expected a star rating of 3, 4 or 5 (stars reached), found \"6\""), "{stderr}");
}

#[test]
fn the_plan_workbook_reads_back_as_the_same_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let district = root().join("tests/fixtures/district.xlsx");
    let (json, xlsx, again) = (
        dir.path().join("a.json"),
        dir.path().join("plan.xlsx"),
        dir.path().join("b.json"),
    );
    for (input, output) in [(&district, &json), (&district, &xlsx), (&xlsx, &again)] {
        let result = vanban(&[
            "consolidate",
            input.to_str().expect("utf-8"),
            "-o",
            output.to_str().expect("utf-8"),
        ]);
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
    }
    assert_eq!(
        std::fs::read_to_string(&json).expect("a"),
        std::fs::read_to_string(&again).expect("b")
    );
    let sheet1 = docx_part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains("<f>SUM(C6:C9)</f><v>6</v>"),
        "totals row formula with its value"
    );
    assert!(
        sheet1.contains("<mergeCell ref=\"C4:G4\"/>"),
        "merged group header"
    );
}
