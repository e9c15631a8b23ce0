//! Reading the communes' forms as offices send them: workbooks saved by LibreOffice from openpyxl
//! files (see `tests/fixtures/make_fixtures.py`), legacy fonts, CSV, and bad input.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;
use vanban::data::{self, Period, Plan, Severity};

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

fn consolidate(paths: &[&Path]) -> (Option<Plan>, Vec<String>) {
    let (plan, diagnostics) = data::consolidate(paths, Period::default());
    (
        plan,
        diagnostics
            .items()
            .iter()
            .map(ToString::to_string)
            .collect(),
    )
}

/// The communes and products the fixture script writes.
fn expected_communes() -> Vec<(&'static str, Vec<u32>, Vec<u32>)> {
    vec![
        ("Cẩm Bình", vec![2, 1, 0, 1, 1], vec![0, 1, 1, 0, 1]),
        ("Cẩm Thành", vec![1, 2, 1, 0, 0], vec![0, 0, 1, 1, 0]),
        ("Cẩm Quang", vec![0, 1, 1, 1, 2], vec![0, 0, 0, 1, 1]),
        (
            "Thị trấn Thiên Cầm",
            vec![3, 0, 1, 0, 1],
            vec![1, 1, 0, 0, 1],
        ),
    ]
}

fn assert_district(plan: &Plan) {
    let got: Vec<_> = plan
        .communes
        .iter()
        .map(|c| (c.name.as_str(), c.ideas.clone(), c.star_products.clone()))
        .collect();
    assert_eq!(got, expected_communes());
    let totals = plan.totals();
    assert_eq!(totals.ideas, vec![6, 4, 3, 2, 4]);
    assert_eq!(totals.ideas_running, vec![6, 10, 13, 15, 19]);
    assert_eq!(totals.star_products_running, vec![1, 3, 5, 7, 10]);
    let products: Vec<_> = plan
        .products
        .iter()
        .map(|p| (p.commune.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        products,
        vec![
            ("Cẩm Bình", "Nước mắm Cẩm Bình"),
            ("Cẩm Bình", "Mật ong rừng"),
            ("Thị trấn Thiên Cầm", "Ruốc tôm Thiên Cầm")
        ]
    );
    let first = &plan.products[0];
    assert_eq!(first.state, "Đã có, 20.000 lít/năm");
    assert_eq!(first.year, Some(2021));
    assert_eq!(
        first.rating.map(|r| (r.stars, r.year)),
        Some((3, Some(2022)))
    );
    assert_eq!(
        first.upgrade.map(|r| (r.stars, r.year)),
        Some((4, Some(2024)))
    );
}

#[test]
fn the_district_workbook_reads_the_same_from_xlsx_xls_and_ods() {
    for name in ["district.xlsx", "district.xls", "district.ods"] {
        let path = fixture(name);
        let (plan, messages) = consolidate(&[&path]);
        let plan = plan.unwrap_or_else(|| panic!("{name}: {messages:?}"));
        assert_district(&plan);
        // D7 holds a number typed as text, which the sheet's own SUM skips.
        assert_eq!(messages.len(), 1, "{name}: {messages:?}");
        assert!(
            messages[0].starts_with(&format!(
                "warning: {} › Phụ lục 1 › D11: the totals row says 2",
                path.display()
            )),
            "{messages:?}"
        );
        assert!(
            messages[0].contains("skips D7, typed as text"),
            "{messages:?}"
        );
    }
}

#[test]
fn legacy_fonts_come_out_as_the_same_unicode() {
    let (unicode, _) = consolidate(&[&fixture("district.xlsx")]);
    let unicode = unicode.expect("district reads");
    for (name, encoding) in [
        ("district-tcvn3.xlsx", "TCVN3"),
        ("district-vni.xlsx", "VNI-Windows"),
    ] {
        let (plan, messages) = consolidate(&[&fixture(name)]);
        assert_eq!(plan.as_ref(), Some(&unicode), "{name}: {messages:?}");
        let converted: Vec<_> = messages
            .iter()
            .filter(|m| m.contains(&format!("converted {encoding} text")))
            .collect();
        assert_eq!(converted.len(), 2, "one warning per sheet: {messages:?}");
        assert!(
            converted[0].contains("B6, B7, B9, B10, B11"),
            "{converted:?}"
        );
    }
}

#[test]
fn a_commune_form_gives_its_products_the_commune_of_the_file() {
    let (plan, messages) = consolidate(&[&fixture("district.xlsx"), &fixture("xa-cam-due.xlsx")]);
    let plan = plan.unwrap_or_else(|| panic!("{messages:?}"));
    assert_eq!(plan.communes.len(), 5);
    assert_eq!(plan.communes[4].name, "Cẩm Duệ");
    assert_eq!(plan.communes[4].ideas_running(), vec![1, 2, 2, 2, 3]);
    let last = plan.products.last().expect("a product");
    assert_eq!(
        (last.commune.as_str(), last.name.as_str()),
        ("Cẩm Duệ", "Bánh đa vừng")
    );
    assert_eq!(plan.totals().ideas_running[4], 22);
}

#[test]
fn every_problem_of_a_bad_workbook_is_named_with_its_cell() {
    let path = fixture("bad.xlsx");
    let (plan, messages) = consolidate(&[&path]);
    assert!(plan.is_none());
    let file = path.display();
    assert_eq!(
        messages,
        vec![
            format!("error: {file} › Phụ lục 1 › D6: expected a whole number (ideas, 2022), found \"hai\""),
            format!("error: {file} › Phụ lục 1 › E12: the totals row does not add up: ideas in 2023 should be 3 (the sum of the communes), found 99"),
            format!("error: {file} › Phụ lục 1 › B11: commune \"Xã Cẩm Bình\" appears twice (first at {file} › Phụ lục 1 › B6)"),
        ]
    );
}

#[test]
fn a_missing_commune_column_an_empty_and_a_truncated_workbook() {
    let (_, messages) = consolidate(&[&fixture("no-name-column.xlsx")]);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("› Phụ lục 1 › C5: no commune column: expected a header “Tên xã”"),
        "{messages:?}"
    );

    let (_, messages) = consolidate(&[&fixture("empty.xlsx")]);
    assert_eq!(
        messages,
        vec![format!(
            "error: {}: the workbook is empty",
            fixture("empty.xlsx").display()
        )]
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = std::fs::read(fixture("district.xlsx")).expect("fixture");
    let truncated = dir.path().join("cut.xlsx");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    let (plan, messages) = consolidate(&[&truncated]);
    assert!(plan.is_none());
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("cut.xlsx: cannot be read as a spreadsheet"),
        "{messages:?}"
    );
}

#[test]
fn the_same_commune_in_two_files_is_named_in_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("copy.xlsx");
    std::fs::copy(fixture("district.xlsx"), &copy).expect("copy");
    let (plan, messages) = consolidate(&[&fixture("district.xlsx"), &copy]);
    assert!(plan.is_none());
    let twice: Vec<_> = messages
        .iter()
        .filter(|m| m.contains("appears twice"))
        .collect();
    assert_eq!(twice.len(), 4, "{messages:?}");
    assert!(
        twice[0]
            .contains("copy.xlsx › Phụ lục 1 › B6: commune \"Cẩm Bình\" appears twice (first at"),
        "{twice:?}"
    );
    assert!(
        twice[0].contains("district.xlsx › Phụ lục 1 › B6)"),
        "{twice:?}"
    );
}

#[test]
fn csv_forms_read_like_workbooks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("huyen.csv");
    std::fs::write(
        &csv,
        "DỰ KIẾN Ý TƯỞNG SẢN PHẨM,,,,,,,,,,,\n\
         TT,Tên xã,Số ý tưởng tham gia,,,,,Số sản phẩm đạt sao,,,,\n\
         ,,2021,2022,2023,2024,2025,2021,2022,2023,2024,2025\n\
         1,Cẩm Bình,2,1,0,1,1,0,1,1,0,1\n\
         2,Cẩm Thành,1,2,1,0,0,0,0,1,1,0\n\
         ,Tổng cộng,3,3,1,1,1,0,1,2,1,1\n",
    )
    .expect("write csv");
    let (plan, messages) = consolidate(&[&csv]);
    let plan = plan.unwrap_or_else(|| panic!("{messages:?}"));
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!(plan.communes[1].ideas_running(), vec![1, 3, 4, 4, 4]);

    std::fs::write(
        &csv,
        std::fs::read_to_string(&csv)
            .expect("csv")
            .replace(",Tổng cộng,3,3,", ",Tổng cộng,3,4,"),
    )
    .expect("write");
    let (_, messages) = consolidate(&[&csv]);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].ends_with("huyen.csv › huyen › D6: the totals row does not add up: ideas in 2022 should be 3 (the sum of the communes), found 4"), "{messages:?}");
}

#[test]
fn the_command_writes_the_plan_or_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("plan.json");
    let run = |files: &[PathBuf]| -> Output {
        let mut args = vec!["consolidate".to_string()];
        args.extend(files.iter().map(|f| f.display().to_string()));
        args.extend(["-o".into(), out.display().to_string()]);
        vanban(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let output = run(&[fixture("bad.xlsx")]);
    assert!(!output.status.success());
    assert!(!out.exists());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|l| l.starts_with("error: "))
            .count(),
        4
    );

    let output = run(&[fixture("district.xlsx"), fixture("xa-cam-due.xlsx")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("plan")).expect("json");
    assert_eq!(json["schema"], "vanban-plan/1");
    assert_eq!(
        json["totals"]["ideas_running"],
        serde_json::json!([7, 12, 15, 17, 22])
    );
    assert_eq!(
        json["communes"][0]["star_products_running"],
        serde_json::json!([0, 1, 2, 2, 3])
    );

    // The plan reads back as an input, and gives the same plan.
    let again = dir.path().join("again.json");
    let output = vanban(&[
        "consolidate",
        &out.display().to_string(),
        "-o",
        &again.display().to_string(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read(&out).expect("plan"),
        std::fs::read(&again).expect("again")
    );
}

#[test]
fn mutated_and_random_files_give_errors_not_crashes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for source in ["district.xlsx", "district.xls", "district.ods"] {
        let original = std::fs::read(fixture(source)).expect("fixture");
        let extension = Path::new(source)
            .extension()
            .and_then(|e| e.to_str())
            .expect("extension");
        for round in 0..60 {
            let mut bytes = original.clone();
            match round % 3 {
                0 => {
                    for _ in 0..1 + next() % 16 {
                        let at = (next() as usize) % bytes.len();
                        bytes[at] = next() as u8;
                    }
                }
                1 => bytes.truncate((next() as usize) % bytes.len()),
                _ => bytes = (0..(next() % 4096)).map(|_| next() as u8).collect(),
            }
            let path = dir.path().join(format!("m{round}.{extension}"));
            std::fs::write(&path, &bytes).expect("write");
            // The property: reading returns, whatever the bytes; random bytes are never a plan.
            let (plan, diagnostics) = data::consolidate(&[&path], Period::default());
            if round % 3 == 2 {
                assert!(plan.is_none(), "random bytes read as a plan");
                assert!(diagnostics
                    .items()
                    .iter()
                    .any(|d| d.severity == Severity::Error));
            }
        }
    }
}
