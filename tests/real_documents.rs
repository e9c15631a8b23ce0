//! The checker on real office documents: every file of `../shared/reference/real/` is checked and its
//! findings compared, as (file, rule) pairs, with the labels a person gave the findings of an earlier
//! checker (`labels.json`: TRUE, FALSE, MOOT, and defects that checker missed). The documents are
//! other people's: they are read from that folder, never copied here, and the test says so and skips
//! when the folder is absent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The folder of real documents, beside the project.
fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/real")
}

/// The defects a label's `missed` list names that a rule covers: (words in the note, rule).
const MISSED: &[(&str, &str)] = &[
    ("rule under the agency", "E11"),
    ("rule under the trích yếu", "E16"),
    ("date line is upright", "E13"),
    ("Số line set at 12 pt", "E12"),
    ("'PHỤ LỤC' in capitals", "E30"),
    ("continue the report's numbering", "E7"),
    ("set at 15 pt", "E15"),
];

/// Findings the labels could not have (the earlier checker did not judge a PDF's sizes), each read
/// off the document by hand and found true: (file, rule, what the document shows).
const REVIEWED: &[(&str, &str, &str)] = &[
    (
        "17_congvan_788-STP-HCBT_BinhThuan_Letter_2025.pdf",
        "E31",
        "both signatures are Phạm Thị Minh Hiếu's (a person's certificate, OU=Sở Tư pháp), none the organisation's; and poppler's pdfsig also finds each one's digest no longer matches the bytes it covers (Digest Mismatch)",
    ),
    (
        "23_huongdan_545-HD-BTV_HiepHoiCCV_Letter_2025.pdf",
        "E31",
        "one signature, NGUYỄN TRÍ HÒA's personal certificate (UID=CC:…, as pdfsig prints it): no organisation signature",
    ),
    (
        "07_phieutrinh_VP-UBND-BinhThuan_2025.docx",
        "W6",
        "two pages (Word's count, and LibreOffice prints two) and no PAGE field in any header or footer",
    ),
    (
        "25_quyetdinh_2536-QD-UBND_LamDong_2025.pdf",
        "E15",
        "the title QUYẾT ĐỊNH is set at 16 pt (its capitals 17.7 pt high against the body's 15.5)",
    ),
    (
        "09_kehoach_CCHC-2026-2030_UBND-LamDong.docx",
        "E16",
        "a 40 mm rule under a one-line trích yếu about 150 mm wide: a quarter, not a third",
    ),
    (
        "09_kehoach_CCHC-2026-2030_UBND-LamDong.docx",
        "E30",
        "its annex is headed PHỤ LỤC in capitals (the Decree: lower case) and dated `ngày /3/2026`",
    ),
    (
        "11_baocao_De-an-06_BCD-tinh-LamDong_2025.docx",
        "E16",
        "a 46 mm rule under a one-line trích yếu about 150 mm wide: just under a third",
    ),
    (
        "21_congdien_2003-CD-VPCP_ThuTuong_2025.pdf",
        "W13",
        "the date line stands about 5 mm right of the Quốc hiệu's centre (seen on the page)",
    ),
    (
        "25_quyetdinh_2536-QD-UBND_LamDong_2025.pdf",
        "W13",
        "the date line starts after the Quốc hiệu does and ends with it: 8 mm right of centre",
    ),
    (
        "43_congvan_193-UBND-KT_LaoCai_2026.pdf",
        "E25",
        "the Nơi nhận items are set at 10 pt, not 11",
    ),
];

/// Whether the real documents are here; says why not when they are not.
fn present() -> bool {
    let here = folder().join("labels.json").is_file();
    if !here {
        eprintln!(
            "skipped: {} not found (the real documents are read from there, never copied)",
            folder().display()
        );
    }
    here
}

/// (file, rule) pairs.
type Pairs = BTreeSet<(String, String)>;

/// (file, rule) pairs the labels call true, and those they call false or moot.
fn labelled(labels: &Value) -> (Pairs, Pairs) {
    let (mut right, mut wrong) = (BTreeSet::new(), BTreeSet::new());
    let Some(files) = labels.as_object() else {
        panic!("labels.json is not an object of files");
    };
    for (file, entry) in files {
        let moot = !entry["document_moot"].is_null();
        for finding in entry["findings"].as_array().into_iter().flatten() {
            let rule = finding["rule"].as_str().unwrap_or_default().to_string();
            let pair = (file.clone(), rule);
            match finding["label"].as_str() {
                Some("TRUE") if !moot => {
                    right.insert(pair);
                }
                _ => {
                    wrong.insert(pair);
                }
            }
        }
        for note in entry["missed"].as_array().into_iter().flatten() {
            let note = note.as_str().unwrap_or_default();
            for (words, rule) in MISSED {
                if note.contains(words) {
                    right.insert((file.clone(), rule.to_string()));
                }
            }
        }
    }
    for (file, rule, _) in REVIEWED {
        right.insert((file.to_string(), rule.to_string()));
    }
    // A rule with a true finding in a file is right there, whatever else it said.
    wrong.retain(|pair| !right.contains(pair));
    (right, wrong)
}

/// The check of each labelled file: its (file, rule) pairs, or why it was not judged.
fn checked(labels: &Value) -> BTreeMap<String, Result<vanban::check::Report, String>> {
    labels
        .as_object()
        .into_iter()
        .flatten()
        .map(|(file, _)| {
            let path: &Path = &folder().join(file);
            (
                file.clone(),
                vanban::check::check_file(path).map_err(|e| e.to_string()),
            )
        })
        .collect()
}

#[test]
fn findings_on_real_documents_agree_with_their_labels() {
    if !present() {
        return;
    }
    let text = std::fs::read_to_string(folder().join("labels.json")).expect("labels.json");
    let labels: Value = serde_json::from_str(&text).expect("labels.json is JSON");
    let (right, wrong) = labelled(&labels);
    let reports = checked(&labels);
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    for (file, report) in &reports {
        match report {
            Ok(report) => {
                if let Some(reason) = &report.reason {
                    println!("{file}: not judged: {reason}");
                }
                for finding in &report.findings {
                    found.insert((file.clone(), finding.rule.clone()));
                }
            }
            Err(e) => println!("{file}: could not be read: {e}"),
        }
    }
    let hits = found.intersection(&right).count();
    let false_alarms: Vec<_> = found.intersection(&wrong).collect();
    let unlabelled: Vec<_> = found
        .iter()
        .filter(|p| !right.contains(*p) && !wrong.contains(*p))
        .collect();
    let missing: Vec<_> = right.difference(&found).collect();
    for (file, rule) in &false_alarms {
        println!("labelled false or moot, still reported: {file} {rule}");
        print_findings(&reports, file, rule);
    }
    for (file, rule) in &unlabelled {
        println!("not labelled (counted as false): {file} {rule}");
        print_findings(&reports, file, rule);
    }
    for (file, rule) in &missing {
        println!("labelled true, not reported: {file} {rule}");
    }
    // Unlabelled pairs count against precision: nobody has said they are right. The goal is set on
    // errors, what a văn thư would send a document back for; warnings are counted apart.
    let errors = |pairs: &mut dyn Iterator<Item = &(String, String)>| {
        pairs.filter(|(_, rule)| rule.starts_with('E')).count()
    };
    let error_hits = errors(&mut found.intersection(&right));
    let error_pairs = errors(&mut found.iter());
    let precision = error_hits as f64 / (error_pairs.max(1)) as f64;
    let all_precision = hits as f64 / (found.len().max(1)) as f64;
    let recall = hits as f64 / (right.len().max(1)) as f64;
    println!(
        "real documents: {} (file, rule) pairs reported, {hits} right, {} labelled false or moot, {} unlabelled; {} right pairs labelled, {} not reported",
        found.len(),
        false_alarms.len(),
        unlabelled.len(),
        right.len(),
        missing.len()
    );
    println!(
        "precision on errors {:.1} % ({error_hits} of {error_pairs}), on errors and warnings {:.1} %; recall {:.1} %",
        precision * 100.0,
        all_precision * 100.0,
        recall * 100.0
    );
    assert!(precision >= 0.95, "precision {precision:.3} under 0.95");
    assert!(recall >= 0.90, "recall {recall:.3} under 0.90");
}

/// Prints the findings of `file` under `rule`.
fn print_findings(
    reports: &BTreeMap<String, Result<vanban::check::Report, String>>,
    file: &str,
    rule: &str,
) {
    if let Some(Ok(report)) = reports.get(file) {
        for finding in report.findings.iter().filter(|f| f.rule == rule) {
            println!("    {finding}");
        }
    }
}

#[test]
fn scans_and_unreadable_text_are_not_judged() {
    if !present() {
        return;
    }
    let scans = [
        "29_thongbao_493-TB-UBND_LamDong_scan-OCR_2025.pdf",
        "31_congvan_3980-C04_BoCongAn_scan-image_2025.pdf",
        "33_don-de-nghi_thanh-lap-LD-Pickleball_scan-OCR_2026.pdf",
        "41_thongbao_1894-TB-SCT_LaoCai_ghostscript_2026.pdf",
        "47_quyetdinh_26-QD-XPVPHC_CucHoaChat_scan-OCR_2026.pdf",
        "49_congvan_513-SYT_KienGiang_scan-signed_2018.pdf",
    ];
    for scan in scans {
        let report = vanban::check::check_file(&folder().join(scan)).expect("a scan is read");
        let reason = report.reason.clone().unwrap_or_default();
        println!("{scan}: not judged: {reason}");
        assert!(!reason.is_empty(), "{scan} was judged");
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.severity != vanban::nd30::Severity::Error),
            "{scan}: errors on a file not judged: {:?}",
            report.findings
        );
    }
}

#[test]
fn documents_decree_30_does_not_govern_are_not_judged() {
    if !present() {
        return;
    }
    let outside = [
        ("13_huongdan_36-HD-VPTW_Dang_2018.docx", "Party"),
        ("57_nghidinh_30-2020-ND-CP_ChinhPhu.docx", "legal normative"),
        (
            "59_don-khoi-kien_ly-hon_TEMPLATE_WPS.docx",
            "no issuing agency",
        ),
        (
            "35_congvan_CongTy-RainbowVN_gui-CucHoaChat_2026.docx",
            "company",
        ),
    ];
    for (file, why) in outside {
        let report = vanban::check::check_file(&folder().join(file)).expect("read");
        let reason = report.reason.clone().unwrap_or_default();
        println!("{file}: not judged: {reason}");
        assert!(reason.contains(why), "{file}: {reason:?} should say {why}");
        assert!(report.findings.is_empty(), "{file}: {:?}", report.findings);
    }
}

#[test]
fn the_governments_templates_are_reported_as_templates() {
    let official = folder().join("../official");
    if !official.join("Phuluc3.docx").is_file() {
        eprintln!("skipped: {} not found", official.display());
        return;
    }
    for file in ["Phuluc1.docx", "Phuluc3.docx"] {
        let report = vanban::check::check_file(&official.join(file)).expect("read");
        let reason = report.reason.clone().unwrap_or_default();
        println!("{file}: not judged: {reason}");
        assert!(
            reason.contains("an annex of a legal normative document (30/2020/NĐ-CP)")
                && reason.contains("templates with blanks"),
            "{file}: {reason:?}"
        );
        assert!(report.findings.is_empty(), "{file}: {:?}", report.findings);
    }
}

/// The signatures `vanban check` lists for a PDF, as it prints them.
fn signatures(path: &Path) -> Vec<String> {
    let report = vanban::check::check_file(path).expect("readable");
    report.signatures.iter().map(ToString::to_string).collect()
}

#[test]
fn signed_pdfs_list_their_signers_times_and_what_each_covers() {
    if !present() {
        return;
    }
    let listed = signatures(&folder().join("19_baocao_228-BC-SNV_LamDong_2025.pdf"));
    assert_eq!(
        listed,
        [
            "Trần Hữu Tuấn (person), 2025-11-28T10:05:57+07:00, ETSI.CAdES.detached, 607148 bytes added after it",
            "SỞ NỘI VỤ (organisation), 2025-11-28T10:38:25+07:00, ETSI.CAdES.detached, 551955 bytes added after it",
            "SỞ NỘI VỤ (organisation), 2025-11-28T10:38:25+07:00, ETSI.CAdES.detached, 44844 bytes added after it",
            "SỞ NỘI VỤ (organisation), 2025-11-28T10:38:25+07:00, ETSI.CAdES.detached, covers the whole file",
        ]
    );
    let report =
        vanban::check::check_file(&folder().join("43_congvan_193-UBND-KT_LaoCai_2026.pdf"))
            .expect("readable");
    assert_eq!(report.signatures.len(), 5);
    assert!(!report.signatures[0].organisation && report.signatures[1].organisation);
    assert!(report.findings.iter().all(|f| !f.rule.starts_with("E31")));
    // A scan is not judged, but its signature is still told.
    let scan = vanban::check::check_file(
        &folder().join("49_congvan_513-SYT_KienGiang_scan-signed_2018.pdf"),
    )
    .expect("readable");
    assert!(!scan.judged);
    assert_eq!(scan.signatures[0].signer.as_deref(), Some("Sở Y tế"));
}

#[test]
fn a_changed_byte_breaks_a_signature_and_an_appended_update_is_told() {
    if !present() {
        return;
    }
    let original =
        std::fs::read(folder().join("29_thongbao_493-TB-UBND_LamDong_scan-OCR_2025.pdf"))
            .expect("signed PDF");
    let dir = tempfile::tempdir().expect("temp dir");
    // One byte inside the signed range: the first object's number.
    let at = original
        .windows(7)
        .position(|w| w == b" 0 obj\n" || w == b" 0 obj\r")
        .expect("an object")
        - 1;
    let mut changed = original.clone();
    changed[at] = if changed[at] == b'1' { b'2' } else { b'1' };
    let tampered = dir.path().join("tampered.pdf");
    std::fs::write(&tampered, &changed).expect("write");
    let listed = signatures(&tampered);
    assert!(
        listed[0].contains("BROKEN: the bytes it signed were changed"),
        "{listed:?}"
    );

    let mut appended = original.clone();
    appended.extend_from_slice(b"\n% an update after signing\n");
    let grown = dir.path().join("appended.pdf");
    std::fs::write(&grown, &appended).expect("write");
    let listed = signatures(&grown);
    assert!(
        listed[0].ends_with(", 27 bytes added after it"),
        "{listed:?}"
    );
    assert!(!listed[0].contains("BROKEN"), "{listed:?}");
}
