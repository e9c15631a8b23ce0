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

/// Signs `file` into `out` as `role` with `pki`; what `vanban sign` said on failure.
fn sign(file: &Path, out: &Path, role: &str, pki: &Pki) -> Result<(), String> {
    let output = vanban(&[
        "sign",
        file.to_str().expect("utf-8"),
        "--key",
        pki.key.to_str().expect("utf-8"),
        "--cert",
        pki.cert.to_str().expect("utf-8"),
        "--chain",
        pki.chain.to_str().expect("utf-8"),
        "--as",
        role,
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[test]
fn the_signer_then_the_organisation_sign_and_both_signatures_hold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (person, organisation) = pki(dir.path());
    render_with(
        &sample_job(),
        dir.path(),
        &["--electronic", "--format", "pdf"],
    );
    let unsigned = dir.path().join("cong-van-2402.pdf");
    let once = dir.path().join("once.pdf");
    let twice = dir.path().join("twice.pdf");
    sign(&unsigned, &once, "signer", &person).expect("signed by the signer");
    sign(&once, &twice, "issuer", &organisation).expect("signed by the organisation");

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
        let output = std::process::Command::new("qpdf")
            .arg("--check")
            .arg(&twice)
            .output()
            .expect("qpdf runs");
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && said.contains("No syntax or stream encoding errors found"),
            "{said}"
        );
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
    sign(&pdf, &signed, "annex", &organisation).expect("signed");
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
        ..organisation
    };
    let refused = sign(&pdf, &dir.path().join("no.pdf"), "issuer", &bad).expect_err("refused");
    assert!(
        refused.contains("neither an RSA nor a P-256 private key"),
        "{refused}"
    );
    assert!(!dir.path().join("no.pdf").exists());
}
