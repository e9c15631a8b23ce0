//! `vanban sign`: the sample letter issued electronically, signed by the signer (an RSA key) and then
//! by the organisation (a P-256 key), each an incremental update; both signatures valid, the first
//! kept whole by the second, as vanban's checker, poppler's `pdfsig`, pyHanko and `qpdf --check` read
//! them. The test certificate chain is made here, in a temporary folder; no key is kept anywhere.

mod common;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use common::{render_with, sample_job, tools, vanban};
use der::pem::LineEnding;
use der::EncodePem;
use rand_core::OsRng;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;

/// Key and certificate files of a signer, in `dir`.
struct Pki {
    key: PathBuf,
    cert: PathBuf,
    chain: PathBuf,
}

/// A test CA (P-256) and two certificates under it: the signer's (RSA 2048) and the organisation's
/// (P-256), written as PEM files into `dir`.
fn pki(dir: &Path) -> (Pki, Pki) {
    let validity = Validity::from_now(Duration::from_secs(3600)).expect("validity");
    let ca_key = p256::ecdsa::SigningKey::random(&mut OsRng);
    let ca_name = Name::from_str("CN=Thử nghiệm CA,O=Thử nghiệm,C=VN").expect("name");
    let ca_spki = SubjectPublicKeyInfoOwned::from_key(*ca_key.verifying_key()).expect("spki");
    let ca = CertificateBuilder::new(
        Profile::Root,
        SerialNumber::from(1u32),
        validity,
        ca_name.clone(),
        ca_spki,
        &ca_key,
    )
    .expect("CA builder")
    .build::<p256::ecdsa::DerSignature>()
    .expect("CA certificate");
    let chain = dir.join("ca.pem");
    std::fs::write(&chain, ca.to_pem(LineEnding::LF).expect("pem")).expect("write");
    let leaf = |serial: u32, subject: &str, spki: SubjectPublicKeyInfoOwned| {
        CertificateBuilder::new(
            Profile::Leaf {
                issuer: ca_name.clone(),
                enable_key_agreement: false,
                enable_key_encipherment: false,
            },
            SerialNumber::from(serial),
            validity,
            Name::from_str(subject).expect("name"),
            spki,
            &ca_key,
        )
        .expect("leaf builder")
        .build::<p256::ecdsa::DerSignature>()
        .expect("leaf certificate")
    };
    let person_key = rsa::RsaPrivateKey::new(&mut OsRng, 2048).expect("RSA key");
    let person = leaf(
        2,
        "CN=Lê Ngọc Hà,O=Ủy ban nhân dân huyện Cẩm Xuyên,C=VN",
        SubjectPublicKeyInfoOwned::from_key(person_key.to_public_key()).expect("spki"),
    );
    let org_key = p256::ecdsa::SigningKey::random(&mut OsRng);
    let org = leaf(
        3,
        "CN=ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN,O=ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN,C=VN",
        SubjectPublicKeyInfoOwned::from_key(*org_key.verifying_key()).expect("spki"),
    );
    let write = |name: &str, key: String, cert: &x509_cert::Certificate| {
        let (key_path, cert_path) = (
            dir.join(format!("{name}.key")),
            dir.join(format!("{name}.pem")),
        );
        std::fs::write(&key_path, key).expect("write key");
        std::fs::write(&cert_path, cert.to_pem(LineEnding::LF).expect("pem")).expect("write");
        Pki {
            key: key_path,
            cert: cert_path,
            chain: chain.clone(),
        }
    };
    use rsa::pkcs8::EncodePrivateKey as _;
    let person_pem = person_key
        .to_pkcs8_pem(LineEnding::LF)
        .expect("pem")
        .to_string();
    let org_pem = org_key
        .to_pkcs8_pem(LineEnding::LF)
        .expect("pem")
        .to_string();
    (
        write("signer", person_pem, &person),
        write("issuer", org_pem, &org),
    )
}

/// Signs `file` into `out` as `role` with `pki` and the further arguments `extra`; what `vanban sign`
/// said on failure.
fn sign_with(file: &Path, out: &Path, role: &str, pki: &Pki, extra: &[&str]) -> Result<(), String> {
    let text = |p: &Path| p.to_str().expect("utf-8").to_owned();
    let mut args = vec![
        "sign".to_owned(),
        text(file),
        "--key".into(),
        text(&pki.key),
        "--cert".into(),
        text(&pki.cert),
        "--chain".into(),
        text(&pki.chain),
        "--as".into(),
        role.into(),
        "-o".into(),
        text(out),
    ];
    args.extend(extra.iter().map(|a| a.to_string()));
    let output = vanban(&args.iter().map(String::as_str).collect::<Vec<_>>());
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Signs `file` into `out` as `role` with `pki`, without an image.
fn sign(file: &Path, out: &Path, role: &str, pki: &Pki) -> Result<(), String> {
    sign_with(file, out, role, pki, &[])
}

/// The sample letter issued electronically, written as a PDF into `dir`.
fn electronic_letter(dir: &Path) -> PathBuf {
    render_with(&sample_job(), dir, &["--electronic", "--format", "pdf"]);
    dir.join("cong-van-2402.pdf")
}

#[test]
fn the_signer_then_the_organisation_sign_and_both_signatures_hold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (person, organisation) = pki(dir.path());
    let unsigned = electronic_letter(dir.path());
    let once = dir.path().join("once.pdf");
    let twice = dir.path().join("twice.pdf");
    sign(&unsigned, &once, "signer", &person).expect("signed by the signer");
    let refused = sign_with(&once, &twice, "signer", &person, &["--number", "2402"]);
    assert!(refused.expect_err("refused").contains("with --as issuer"));
    // At issuance the organisation's signature fills in the number and the date.
    let issue = ["--number", "2402", "--date", "2021-08-10"];
    sign_with(&once, &twice, "issuer", &organisation, &issue).expect("signed by the organisation");

    // Each signature an incremental update: every earlier byte kept.
    let (original, first, second) = (
        std::fs::read(&unsigned).expect("pdf"),
        std::fs::read(&once).expect("pdf"),
        std::fs::read(&twice).expect("pdf"),
    );
    assert!(first.starts_with(&original) && second.starts_with(&first));

    let report = vanban::check::check_file(&twice).expect("readable");
    let signatures = &report.signatures;
    assert_eq!(signatures.len(), 2);
    assert_eq!(signatures[0].signer.as_deref(), Some("Lê Ngọc Hà"));
    assert!(!signatures[0].organisation && signatures[1].organisation);
    assert_eq!(signatures[0].form, "ETSI.CAdES.detached");
    assert!(
        signatures.iter().all(|s| s.intact == Some(true)),
        "{signatures:?}"
    );
    assert_eq!(
        signatures[0].added_after as usize,
        second.len() - first.len()
    );
    assert_eq!(signatures[1].added_after, 0);
    assert!(signatures[0]
        .time
        .as_deref()
        .is_some_and(|t| t.ends_with("+07:00")));
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity != vanban::nd30::Severity::Error),
        "{:?}",
        report.findings
    );

    if tools(&["pdftotext"]) {
        // Each value in its gap, on its line: `Số: 2402/UBND-NTM`, `ngày 10 tháng 8 năm 2021`.
        let (words, _, _) = common::words(&twice, 1);
        let word = |text: &str| {
            words
                .iter()
                .find(|w| w.text == text)
                .unwrap_or_else(|| panic!("{text} on page 1: {words:?}"))
        };
        for (before, value, after) in [
            ("Số:", "2402", "/UBND-NTM"),
            ("ngày", "10", "tháng"),
            ("tháng", "8", "năm"),
        ] {
            let (before, value, after) = (word(before), word(value), word(after));
            assert!(
                value.x_min > before.x_max
                    && value.x_max <= after.x_min + 0.5
                    && (value.y_max - before.y_max).abs() < 2.0,
                "{value:?} between {before:?} and {after:?}"
            );
        }
    }

    // A field signed already is not signed again.
    let again = sign(
        &twice,
        &dir.path().join("again.pdf"),
        "issuer",
        &organisation,
    );
    assert!(again.expect_err("refused").contains("signed already"));

    // One byte changed inside the signed range breaks both signatures.
    let mut tampered = second.clone();
    let at = original.len() / 2;
    tampered[at] ^= 0x01;
    let broken = dir.path().join("broken.pdf");
    std::fs::write(&broken, &tampered).expect("write");
    if let Ok(report) = vanban::check::check_file(&broken) {
        assert!(
            report.signatures.iter().all(|s| s.intact == Some(false)),
            "{:?}",
            report.signatures
        );
        assert!(report.findings.iter().any(|f| f.rule == "E31"));
    }

    if tools(&["pyhanko"]) {
        let output = std::process::Command::new("pyhanko")
            .args(["sign", "validate", "--trust-replace", "--trust"])
            .arg(&person.chain)
            .arg("--pretty-print")
            .arg(&twice)
            .output()
            .expect("pyhanko runs");
        let said = String::from_utf8_lossy(&output.stdout);
        let told = format!("{said}{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(
            said.matches("The signature is cryptographically sound.")
                .count(),
            2,
            "{told}"
        );
        // The number and date filled in after the first signature are form filling, which it allows.
        assert!(
            said.contains("All modifications relate to signing and form filling operations"),
            "{told}"
        );
        assert_eq!(
            said.matches("The signature is judged VALID.").count(),
            2,
            "{told}"
        );
        // The signer's signature is followed by the organisation's: an update a signature allows.
        assert!(
            said.contains("All modifications relate to signing and form filling operations"),
            "{told}"
        );
    }
    if tools(&["qpdf"]) {
        assert_qpdf_clean(&twice);
    }
    if tools(&["pdfsig"]) {
        let said = common::poppler("pdfsig", &[twice.to_str().expect("utf-8")]);
        assert_eq!(
            said.matches("Signature Validation: Signature is Valid.")
                .count(),
            2,
            "{said}"
        );
        assert!(
            said.contains("Signer Certificate Common Name: Lê Ngọc Hà"),
            "{said}"
        );
        let last = said.rsplit("Signature #2:").next().expect("second");
        assert!(last.contains("Total document signed"), "{said}");
    }
}

#[test]
fn a_pdf_without_fields_gets_an_invisible_signature_and_bad_keys_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, organisation) = pki(dir.path());
    render_with(&sample_job(), dir.path(), &["--format", "pdf"]);
    let pdf = dir.path().join("cong-van-2402.pdf");
    let signed = dir.path().join("signed.pdf");
    sign(&pdf, &signed, "issuer", &organisation).expect("signed");
    let report = vanban::check::check_file(&signed).expect("readable");
    assert_eq!(report.signatures.len(), 1);
    assert_eq!(report.signatures[0].intact, Some(true));
    // Unsigned, the letter is faulted only when it is checked as an electronic document.
    let plain = vanban::check::check_file(&pdf).expect("readable");
    assert!(plain.findings.iter().all(|f| !f.rule.starts_with("E3")));
    let electronic = vanban::check::check_electronic(&pdf).expect("readable");
    let unsigned: Vec<&str> = electronic
        .findings
        .iter()
        .filter(|f| f.rule == "E31")
        .map(|f| f.found.as_str())
        .collect();
    assert_eq!(unsigned, ["no digital signature"]);
    let bad = Pki {
        key: organisation.cert.clone(),
        cert: organisation.cert.clone(),
        chain: organisation.chain.clone(),
    };
    let refused = sign(&pdf, &dir.path().join("no.pdf"), "issuer", &bad).expect_err("refused");
    assert!(
        refused.contains("neither an RSA nor a P-256 private key"),
        "{refused}"
    );
    assert!(!dir.path().join("no.pdf").exists());
    let no = dir.path().join("no.pdf");
    for (args, said) in [
        (["--time", "10/8/2021"], "is not ISO 8601 with its offset"),
        (["--date", "2021-02-30"], "is not a date"),
    ] {
        let refused = sign_with(&pdf, &no, "issuer", &organisation, &args).expect_err("refused");
        assert!(
            refused.contains(said) && !refused.contains("panicked"),
            "{refused}"
        );
        assert!(!no.exists());
    }
}

/// A PNG of `width` × `height` pixels, each from `colour(x, y)` (RGBA), with `pixels_per_metre`
/// as its resolution when given.
fn png(
    width: u32,
    height: u32,
    pixels_per_metre: Option<u32>,
    colour: impl Fn(u32, u32) -> [u8; 4],
) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    if let Some(ppm) = pixels_per_metre {
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
    }
    let mut writer = encoder.write_header().expect("header");
    let mut pixels = Vec::new();
    for y in 0..height {
        for x in 0..width {
            pixels.extend(colour(x, y));
        }
    }
    writer.write_image_data(&pixels).expect("pixels");
    drop(writer);
    bytes
}

#[test]
fn the_signature_and_the_seal_are_shown_where_the_decree_puts_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (person, organisation) = pki(dir.path());
    let unsigned = electronic_letter(dir.path());
    // A blue stroke on a transparent ground, and a red ring 36 mm wide (180 px at 5,000 px a metre).
    let signature = png(240, 80, None, |x, y| {
        if (30..50).contains(&y) && (10..230).contains(&x) {
            [20, 40, 200, 255]
        } else {
            [0, 0, 0, 0]
        }
    });
    let seal = png(180, 180, Some(5000), |x, y| {
        let r = ((f64::from(x) - 90.0).powi(2) + (f64::from(y) - 90.0).powi(2)).sqrt();
        if (70.0..88.0).contains(&r) {
            [220, 20, 20, 255]
        } else {
            [0, 0, 0, 0]
        }
    });
    let (signature_png, seal_png) = (
        dir.path().join("chu-ky.png"),
        dir.path().join("con-dau.png"),
    );
    std::fs::write(&signature_png, signature).expect("write");
    std::fs::write(&seal_png, seal).expect("write");
    let once = dir.path().join("once.pdf");
    let twice = dir.path().join("twice.pdf");
    let image = |png: &Path| {
        [
            "--image".to_owned(),
            png.to_str().expect("utf-8").to_owned(),
        ]
    };
    let [flag, path] = image(&signature_png);
    sign_with(&unsigned, &once, "signer", &person, &[&flag, &path]).expect("signed");
    let [flag, path] = image(&seal_png);
    sign_with(&once, &twice, "issuer", &organisation, &[&flag, &path]).expect("signed");
    let report = vanban::check::check_file(&twice).expect("readable");
    assert!(report.signatures.iter().all(|s| s.intact == Some(true)));

    // The seal at its real size; the signature inside the room between positions and name.
    let document = lopdf::Document::load(&twice).expect("pdf");
    let rect_of = |name: &str| -> Vec<f32> {
        document
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .find(
                |d| matches!(d.get(b"T"), Ok(lopdf::Object::String(t, _)) if t == name.as_bytes()),
            )
            .and_then(|d| d.get(b"Rect").ok()?.as_array().ok().cloned())
            .expect("the field")
            .iter()
            .map(|n| n.as_float().expect("number"))
            .collect()
    };
    let mm = |pt: f32| pt * 25.4 / 72.0;
    let seal_rect = rect_of("issuer");
    assert!(
        (mm(seal_rect[2] - seal_rect[0]) - 36.0).abs() < 0.1,
        "{seal_rect:?}"
    );
    let signer_rect = rect_of("signer");
    assert!(
        mm(signer_rect[3] - signer_rect[1]) <= 25.01,
        "{signer_rect:?}"
    );
    // The seal overlaps the left part of the signature, not the whole of it.
    assert!(
        seal_rect[0] < signer_rect[0]
            && seal_rect[2] > signer_rect[0]
            && seal_rect[2] < (signer_rect[0] + signer_rect[2]) / 2.0
    );

    // A separately filed annex is signed without an image.
    let annex = dir.path().join("annex.pdf");
    let refused = sign_with(
        &once,
        &annex,
        "annex",
        &organisation,
        &[&flag, &path, "--reference", "2402/UBND-NTM"],
    );
    assert!(refused
        .expect_err("refused")
        .contains("signed without an image"));
    assert!(!annex.exists());
    if !tools(&["pdftoppm"]) {
        return;
    }
    // Seen on the printed page: blue and red where they were put, no blue elsewhere.
    let page = dir.path().join("page");
    common::poppler(
        "pdftoppm",
        &[
            "-f",
            "2",
            "-l",
            "2",
            "-r",
            "72",
            "-png",
            twice.to_str().expect("utf-8"),
            page.to_str().expect("utf-8"),
        ],
    );
    let image = std::fs::read(dir.path().join("page-2.png")).expect("page image");
    let mut reader = png::Decoder::new(std::io::Cursor::new(image))
        .read_info()
        .expect("png");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let frame = reader.next_frame(&mut pixels).expect("frame");
    let channels = frame.line_size / frame.width as usize;
    let height = frame.height as f32;
    let colour_at = |x: usize, y: usize| {
        let i = y * frame.line_size + x * channels;
        (pixels[i], pixels[i + 1], pixels[i + 2])
    };
    let count = |rect: &[f32], wanted: &dyn Fn((u8, u8, u8)) -> bool| {
        let (x0, x1) = (rect[0] as usize, rect[2] as usize);
        let (y0, y1) = ((height - rect[3]) as usize, (height - rect[1]) as usize);
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| wanted(colour_at(x, y)))
            .count()
    };
    let blue = |(r, _, b): (u8, u8, u8)| b > 150 && r < 100;
    let red = |(r, g, b): (u8, u8, u8)| r > 150 && g < 100 && b < 100;
    assert!(
        count(&signer_rect, &blue) > 100,
        "blue strokes in the signature's place"
    );
    assert!(count(&seal_rect, &red) > 100, "the red seal in its place");
    let whole = [0.0, 0.0, frame.width as f32, height];
    assert_eq!(
        count(&whole, &blue),
        count(&signer_rect, &blue),
        "no blue elsewhere"
    );
}

/// An annex filed on its own is signed by the organisation with no image and the information line at
/// the top right of page 1, 10 pt, upright: the main document's number and ký hiệu and the signing
/// time with Vietnam's offset. Signed without the line, it is faulted (E32).
#[test]
fn an_annex_filed_on_its_own_carries_the_information_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, organisation) = pki(dir.path());
    render_with(
        &sample_job(),
        dir.path(),
        &["--format", "pdf", "--annex-separate", "--electronic"],
    );
    let annex = dir.path().join("cong-van-2402-phu-luc-i.pdf");
    let signed = dir.path().join("signed.pdf");
    let time = ["--time", "2021-08-10T14:32:05+07:00"];
    let refused = sign_with(&annex, &signed, "annex", &organisation, &time).expect_err("refused");
    assert!(refused.contains("--reference"), "{refused}");
    assert!(!signed.exists());
    sign_with(
        &annex,
        &signed,
        "annex",
        &organisation,
        &[time[0], time[1], "--reference", "2402/UBND-NTM"],
    )
    .expect("signed");
    let bytes = std::fs::read(&signed).expect("signed file");
    let original = std::fs::read(&annex).expect("annex");
    assert_eq!(
        &bytes[..original.len()],
        &original[..],
        "earlier bytes kept"
    );

    let report = vanban::check::check_electronic(&signed).expect("readable");
    assert!(report.judged, "{:?}", report.reason);
    assert_eq!(report.signatures.len(), 1);
    assert!(report.signatures[0].organisation);
    assert_eq!(report.signatures[0].intact, Some(true));
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with('E'))
        .map(|f| format!("{} {}", f.rule, f.found))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    // Signed as if it were a main document: no information line.
    let bare = dir.path().join("bare.pdf");
    sign(&annex, &bare, "issuer", &organisation).expect("signed");
    let report = vanban::check::check_electronic(&bare).expect("readable");
    let lines: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == "E32")
        .map(|f| f.found.as_str())
        .collect();
    assert_eq!(lines, ["no information line at the top right of page 1"]);

    if !tools(&["pdftotext", "pdfsig", "qpdf"]) {
        return;
    }
    // Where the line is, and its size: poppler's boxes of its words.
    let (words, page_width, _) = common::words(&signed, 1);
    let line: Vec<&str> = words.iter().take(3).map(|w| w.text.as_str()).collect();
    assert_eq!(line, ["Số:", "2402/UBND-NTM;", "2021-08-10T14:32:05+07:00"]);
    let points = |mm: f32| mm * 72.0 / 25.4;
    let format = vanban::nd30::STANDARD;
    let right = words[2].x_max;
    assert!(
        (right - (page_width - points(format.margin.right_mm))).abs() < 1.0,
        "{right} against {page_width}"
    );
    // Its top at the top of the text area, the height of a 10 pt line.
    assert!(
        (words[0].y_min - points(format.margin.top_mm)).abs() < 3.0,
        "{}",
        words[0].y_min
    );
    let height = words[0].y_max - words[0].y_min;
    assert!((9.0..=12.5).contains(&height), "{height}");

    let pdfsig = std::process::Command::new("pdfsig")
        .arg(&signed)
        .output()
        .expect("pdfsig runs");
    let said = String::from_utf8_lossy(&pdfsig.stdout);
    assert!(said.contains("Signature is Valid"), "{said}");
    assert!(said.contains("Total document signed"), "{said}");
    assert_qpdf_clean(&signed);
}

/// `qpdf --check` finds no fault in `pdf`.
fn assert_qpdf_clean(pdf: &Path) {
    let output = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && said.contains("No syntax or stream encoding errors found"),
        "{said}"
    );
}

/// An electronic copy is signed by the organisation alone, with its information line in the top margin
/// of page 1 (the form of copy, the copying agency, the time); the checker takes it for a copy and
/// faults neither the single signature nor the line's place.
#[test]
fn an_electronic_copy_names_its_form_its_copier_and_the_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, organisation) = pki(dir.path());
    render_with(&sample_job(), dir.path(), &["--format", "pdf"]);
    let original = dir.path().join("cong-van-2402.pdf");
    let copy = dir.path().join("copy.pdf");
    let refused = sign(&original, &copy, "copy", &organisation).expect_err("refused");
    assert!(refused.contains("--copy-form"), "{refused}");
    let copier = "Ủy ban nhân dân huyện Cẩm Xuyên";
    let args = [
        "--copy-form",
        "sao-y",
        "--copier",
        copier,
        "--time",
        "2021-08-12T09:00:00+07:00",
    ];
    sign_with(&original, &copy, "copy", &organisation, &args).expect("signed");
    let report = vanban::check::check_electronic(&copy).expect("readable");
    assert!(report.judged, "{:?}", report.reason);
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == vanban::nd30::Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.found))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    if !tools(&["pdftotext"]) {
        return;
    }
    let (words, _, _) = common::words(&copy, 1);
    let first: Vec<&str> = words.iter().take(2).map(|w| w.text.as_str()).collect();
    assert_eq!(first, ["SAO", "Y;"]);
    let line: Vec<&str> = words
        .iter()
        .take_while(|w| w.y_max < words[0].y_max + 1.0)
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(
        line.join(" "),
        format!("SAO Y; {copier}; 2021-08-12T09:00:00+07:00")
    );
    // Above the header, in the top margin.
    let format = vanban::nd30::STANDARD;
    assert!(words[0].y_max < format.margin.top_mm * 72.0 / 25.4);
}
