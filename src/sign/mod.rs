//! `vanban sign`: a PDF signed digitally as an incremental update that keeps every earlier byte, so
//! that a signature made before it stays valid.
//!
//! The signature goes into the field of its role when the PDF has one (`signer`, `issuer`: those an
//! electronic document carries), else into a new field without a visible appearance. It is a
//! detached CMS signature (`ETSI.CAdES.detached`, RustCrypto `cms`) over the whole file but its own
//! value, with the signing-certificate-v2 attribute, signed with an RSA (PKCS #1 v1.5) or P-256 key.
//! With an image ([`image`]), the field shows it: the signer's signature, or the organisation's seal.

pub mod image;
pub mod stamp;

use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use lopdf::{dictionary, IncrementalDocument, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};
use x509_cert::attr::Attribute;
use x509_cert::spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

use crate::error::{Error, Result};

/// Room left in the file for the signature's value, bytes (written in hex, twice as many).
const ROOM: usize = 16 * 1024;
/// PDF points in a millimetre.
const POINTS_PER_MM: f32 = 72.0 / 25.4;
/// What the byte range holds until the signature's place is known: wide enough for any offset.
const RANGE_PLACEHOLDER: i64 = 9_999_999_999;
/// `id-data`, `id-sha256`, `id-aa-signingCertificateV2`.
const DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const SHA_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// Who signs, which decides the field the signature goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Role {
    /// The competent person, into the `signer` field.
    Signer,
    /// The organisation, into the `issuer` field.
    Issuer,
    /// The organisation, on an annex or attachment filed on its own.
    Annex,
    /// The organisation, on an electronic copy.
    Copy,
}

impl Role {
    /// The name of the field this role signs.
    fn field(self) -> &'static str {
        let [signer, issuer] = crate::nd30::SIGNATURE_FIELDS;
        match self {
            Role::Signer => signer,
            Role::Issuer | Role::Annex | Role::Copy => issuer,
        }
    }
}

/// A private key that signs.
enum Key {
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>),
    P256(p256::ecdsa::SigningKey),
}

/// A signing key with its certificate and the chain above it.
pub struct Signing {
    key: Key,
    /// The signer's certificate first, then the chain.
    certificates: Vec<Certificate>,
}

impl Signing {
    /// Reads a PKCS #8 (or PKCS #1 RSA) private key, the signer's certificate and its chain, all PEM.
    pub fn from_pem(key: &str, certificate: &str, chain: Option<&str>) -> Result<Signing> {
        use p256::pkcs8::DecodePrivateKey;
        use rsa::pkcs1::DecodeRsaPrivateKey;
        let key = if let Ok(ec) = p256::ecdsa::SigningKey::from_pkcs8_pem(key) {
            Key::P256(ec)
        } else {
            let rsa = rsa::RsaPrivateKey::from_pkcs8_pem(key)
                .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(key))
                .map_err(|_| {
                    Error::Input(
                        "the key is neither an RSA nor a P-256 private key in PEM (PKCS #8 or PKCS #1)"
                            .into(),
                    )
                })?;
            Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::<Sha256>::new(rsa)))
        };
        let mut certificates = Certificate::load_pem_chain(certificate.as_bytes())
            .map_err(|e| Error::Input(format!("the certificate is not a PEM certificate: {e}")))?;
        if certificates.is_empty() {
            return Err(Error::Input(
                "no certificate in the certificate file".into(),
            ));
        }
        if let Some(chain) = chain {
            certificates
                .extend(Certificate::load_pem_chain(chain.as_bytes()).map_err(|e| {
                    Error::Input(format!("the chain is not PEM certificates: {e}"))
                })?);
        }
        Ok(Signing { key, certificates })
    }
}

/// The signing time: now, in Vietnam's time, ISO 8601 (`2021-08-10T14:32:05+07:00`).
pub fn now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::check::signatures::vietnam_time(seconds)
}

/// `time`, ISO 8601 with its offset (`2021-08-10T14:32:05+07:00`), as a PDF date
/// (`D:20210810143205+07'00'`); `None` when it is not written so.
pub fn pdf_date(time: &str) -> Option<String> {
    let bytes = time.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let shape = bytes.len() == 25
        && [
            0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24,
        ]
        .into_iter()
        .all(digit_at)
        && [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (22, b':'),
        ]
        .iter()
        .all(|&(i, c)| bytes[i] == c)
        && (bytes[19] == b'+' || bytes[19] == b'-');
    if !shape {
        return None;
    }
    // All ASCII from here: every index is a character's.
    let digits: String = time[..19].chars().filter(char::is_ascii_digit).collect();
    Some(format!(
        "D:{digits}{}{}'{}'",
        &time[19..20],
        &time[20..22],
        &time[23..25]
    ))
}

/// What a signature shows besides itself.
#[derive(Default)]
pub struct Shown<'a> {
    /// The field's image: the signer's signature, or the organisation's seal at its real size.
    pub picture: Option<&'a image::Picture>,
    /// For an annex filed on its own or a copy, the information line laid out as a one-page PDF
    /// ([`crate::render::pdf::PdfWriter::stamp`]), drawn at the top right of page 1.
    pub info: Option<&'a [u8]>,
    /// The blanks an electronic document left, filled in at issuance (Điều 15.3).
    pub filled: &'a [Filled],
}

/// A blank of an electronic document filled in: its field (`number`, `day`, `month`), the value,
/// and the value laid out as the line it stands in is set
/// ([`crate::render::pdf::PdfWriter::stamp`]).
pub struct Filled {
    /// The blank's field.
    pub field: &'static str,
    /// What goes in it.
    pub value: String,
    /// The value laid out, a one-page PDF.
    pub laid_out: Vec<u8>,
    /// Where it starts in the blank, points from its left (a number follows `Số:` after a space);
    /// `None`: centred (a day, a month).
    pub lead_pt: Option<f32>,
}

/// `pdf` signed by `signing` as `role` at `time` (ISO 8601 with its offset), showing `shown`.
pub fn sign(
    pdf: &[u8],
    role: Role,
    signing: &Signing,
    time: &str,
    shown: Shown,
) -> Result<Vec<u8>> {
    let separate = matches!(role, Role::Annex | Role::Copy);
    if shown.picture.is_some() && separate {
        return Err(Error::Input(
            "a separately filed annex or a copy is signed without an image (Decree 30, Phụ lục I, II.8.b)"
                .into(),
        ));
    }
    if shown.info.is_none() && separate {
        return Err(Error::Input(
            "a separately filed annex or a copy is signed with its information line (Decree 30, Phụ lục I, II.8.b)"
                .into(),
        ));
    }
    let pdf_time = pdf_date(time).ok_or_else(|| {
        Error::Input(format!(
            "the signing time {time:?} is not ISO 8601 with its offset (2021-08-10T14:32:05+07:00)"
        ))
    })?;
    let mut document = IncrementalDocument::load_from(pdf).map_err(unsignable)?;
    let signature = document.new_document.add_object(dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => vec![Object::Integer(0), Object::Integer(RANGE_PLACEHOLDER), Object::Integer(RANGE_PLACEHOLDER), Object::Integer(RANGE_PLACEHOLDER)],
        "Contents" => Object::String(vec![0; ROOM], StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_time),
    });
    // The information line first: the field made for the signature, if one is, goes on the page as
    // it is then.
    if let Some(info) = shown.info {
        // Right-aligned with the text: an annex's at the top of its text area, in the room its layout
        // leaves there; a copy's in the top margin, above the copied document's header.
        let format = crate::nd30::STANDARD;
        let below_top_mm = if role == Role::Copy {
            format.margin.top_mm - format.signature_info_room_mm
        } else {
            format.margin.top_mm
        };
        stamp::Stamp::new(info).draw_top_right(&mut document, 1, |page| {
            let [_, _, right, top] = page;
            (
                right - format.margin.right_mm * POINTS_PER_MM,
                top - below_top_mm.max(0.0) * POINTS_PER_MM,
            )
        })?;
    }
    for blank in shown.filled {
        let field = named_field(document.get_prev_documents(), blank.field).ok_or_else(|| {
            Error::Input(format!(
                "the PDF has no blank `{}` to fill: it was not rendered for electronic issue (--electronic)",
                blank.field
            ))
        })?;
        let filled = document
            .get_prev_documents()
            .get_dictionary(field)
            .is_ok_and(|d| d.has(b"V"));
        if filled {
            return Err(Error::Input(format!(
                "the blank `{}` is filled already",
                blank.field
            )));
        }
        stamp::Stamp::new(&blank.laid_out).fill(
            &mut document,
            field,
            &blank.value,
            blank.lead_pt,
        )?;
    }
    let field = field_of(&mut document, role.field()).map_err(unsignable)?;
    let field_dict = editable(&mut document, field).map_err(unsignable)?;
    if field_dict.has(b"V") {
        return Err(Error::Input(format!(
            "the field {:?} is signed already",
            role.field()
        )));
    }
    field_dict.set("V", signature);
    if let Some(picture) = shown.picture {
        show(&mut document, field, picture, role == Role::Issuer)?;
    }
    let mut out = Vec::new();
    document
        .save_to(&mut out)
        .map_err(|e| Error::Input(format!("the PDF cannot be signed: {e}")))?;
    place_signature(&mut out, pdf.len(), signing)?;
    Ok(out)
}

/// A PDF lopdf cannot read or update, as an error.
fn unsignable(e: lopdf::Error) -> Error {
    Error::Input(format!("the PDF cannot be signed: {e}"))
}

/// The object `id` of `document`, brought into the update (once) to be changed.
fn editable(
    document: &mut IncrementalDocument,
    id: ObjectId,
) -> lopdf::Result<&mut lopdf::Dictionary> {
    document.opt_clone_object_to_new_document(id)?;
    document
        .new_document
        .get_object_mut(id)
        .and_then(Object::as_dict_mut)
}

/// A widget's rectangle (left, bottom, right, top), when it has four numbers.
fn rect_of(widget: &lopdf::Dictionary) -> Option<[f32; 4]> {
    let numbers: Vec<f32> = widget
        .get(b"Rect")
        .and_then(Object::as_array)
        .ok()?
        .iter()
        .filter_map(|n| n.as_float().ok())
        .collect();
    numbers.try_into().ok()
}

/// Gives the widget `field` the appearance of `picture`, placed in its rectangle (at its real size
/// when `real_size`, as a seal is).
fn show(
    document: &mut IncrementalDocument,
    field: ObjectId,
    picture: &image::Picture,
    real_size: bool,
) -> Result<()> {
    let rect = document
        .new_document
        .get_dictionary(field)
        .ok()
        .and_then(rect_of)
        .ok_or_else(|| Error::Input("the signature field has no rectangle".into()))?;
    if rect[2] - rect[0] <= 0.0 || rect[3] - rect[1] <= 0.0 {
        return Err(Error::Input(
            "the PDF has no place for the image: render the document with --electronic".into(),
        ));
    }
    let placed = picture.placed(rect, real_size);
    let appearance = picture.appearance(
        &mut document.new_document,
        placed[2] - placed[0],
        placed[3] - placed[1],
    )?;
    let widget = editable(document, field).map_err(unsignable)?;
    widget.set(
        "Rect",
        placed.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
    );
    widget.set("AP", dictionary! { "N" => appearance });
    Ok(())
}

/// The field named `name`, made (without appearance, on page 1) when the PDF has none.
fn field_of(document: &mut IncrementalDocument, name: &str) -> lopdf::Result<ObjectId> {
    let previous = document.get_prev_documents();
    let catalog_id = previous.trailer.get(b"Root")?.as_reference()?;
    let form = previous
        .catalog()?
        .get(b"AcroForm")
        .ok()
        .and_then(|f| previous.dereference(f).ok())
        .and_then(|(id, o)| o.as_dict().ok().map(|d| (id, d.clone())));
    let fields: Vec<ObjectId> = form
        .as_ref()
        .and_then(|(_, d)| d.get(b"Fields").ok()?.as_array().ok().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|f| f.as_reference().ok())
        .collect();
    if let Some(id) = named_field(previous, name) {
        return Ok(id);
    }
    let first_page = *previous
        .get_pages()
        .get(&1)
        .ok_or(lopdf::Error::PageNumberNotFound(1))?;
    let widget = document.new_document.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => Object::string_literal(name),
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        "F" => 132,
        "P" => first_page,
    });
    let page = editable(document, first_page)?;
    match page.get_mut(b"Annots") {
        Ok(Object::Array(annotations)) => annotations.push(Object::Reference(widget)),
        _ => page.set("Annots", vec![Object::Reference(widget)]),
    }
    let mut all: Vec<Object> = fields.into_iter().map(Object::Reference).collect();
    all.push(Object::Reference(widget));
    let form = dictionary! { "Fields" => all, "SigFlags" => 3 };
    editable(document, catalog_id)?.set("AcroForm", form);
    Ok(widget)
}

/// The form field of `document` named `name`, if it has one.
fn named_field(document: &lopdf::Document, name: &str) -> Option<ObjectId> {
    let form = document.catalog().ok()?.get(b"AcroForm").ok()?;
    let (_, form) = document.dereference(form).ok()?;
    let fields = form.as_dict().ok()?.get(b"Fields").ok()?.as_array().ok()?;
    fields
        .iter()
        .filter_map(|f| f.as_reference().ok())
        .find(|&id| {
            document
                .get_dictionary(id)
                .ok()
                .and_then(|d| d.get(b"T").ok())
                .is_some_and(|t| matches!(t, Object::String(bytes, _) if bytes == name.as_bytes()))
        })
}

/// Writes the byte range and the CMS signature into the room the update left for them.
fn place_signature(out: &mut [u8], previous: usize, signing: &Signing) -> Result<()> {
    let unplaced = || Error::Input("the signature's room was not found in the update".into());
    let find = |needle: &[u8]| {
        out[previous..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + previous)
    };
    // The signature's value: a hex string of zeros as long as the room (a page's `/Contents` is a
    // reference, so the key alone would not do).
    let mut zeros = vec![b'0'; 64];
    zeros.insert(0, b'<');
    let open = find(&zeros).ok_or_else(unplaced)?;
    let close = open + 1 + 2 * ROOM;
    if out.get(close) != Some(&b'>') {
        return Err(unplaced());
    }
    let range_key = find(b"/ByteRange").ok_or_else(unplaced)?;
    let range_open = out[range_key..]
        .iter()
        .position(|&b| b == b'[')
        .map(|i| i + range_key)
        .ok_or_else(unplaced)?;
    let range_close = out[range_open..]
        .iter()
        .position(|&b| b == b']')
        .map(|i| i + range_open)
        .ok_or_else(unplaced)?;
    let after = close + 1;
    let range = format!("0 {open} {after} {}", out.len() - after);
    let room = range_close - range_open - 1;
    if range.len() > room {
        return Err(unplaced());
    }
    out[range_open + 1..range_close].copy_from_slice(format!("{range:<room$}").as_bytes());
    let mut digest = Sha256::new();
    digest.update(&out[..open]);
    digest.update(&out[after..]);
    let der = cms_signature(&digest.finalize(), signing)?;
    if der.len() > ROOM {
        return Err(Error::Input(format!(
            "the signature ({} bytes) is larger than the room left for it ({ROOM})",
            der.len()
        )));
    }
    let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
    out[open + 1..open + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(())
}

/// The DER of a detached CMS `SignedData` over `digest`.
fn cms_signature(digest: &[u8], signing: &Signing) -> Result<Vec<u8>> {
    let fail =
        |e: &dyn std::fmt::Display| Error::Input(format!("the signature cannot be made: {e}"));
    let certificate = &signing.certificates[0];
    let content = EncapsulatedContentInfo {
        econtent_type: DATA,
        econtent: None,
    };
    let sha256 = AlgorithmIdentifierOwned {
        oid: SHA_256,
        parameters: None,
    };
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: certificate.tbs_certificate.issuer.clone(),
        serial_number: certificate.tbs_certificate.serial_number.clone(),
    });
    let attribute = signing_certificate_v2(certificate).map_err(|e| fail(&e))?;
    let mut data = SignedDataBuilder::new(&content);
    data.add_digest_algorithm(sha256.clone())
        .map_err(|e| fail(&e))?;
    for certificate in &signing.certificates {
        data.add_certificate(CertificateChoices::Certificate(certificate.clone()))
            .map_err(|e| fail(&e))?;
    }
    match &signing.key {
        Key::Rsa(key) => {
            let mut signer =
                SignerInfoBuilder::new(key.as_ref(), sid, sha256, &content, Some(digest))
                    .map_err(|e| fail(&e))?;
            signer
                .add_signed_attribute(attribute)
                .map_err(|e| fail(&e))?;
            data.add_signer_info::<_, rsa::pkcs1v15::Signature>(signer)
                .map_err(|e| fail(&e))?;
        }
        Key::P256(key) => {
            let mut signer = SignerInfoBuilder::new(key, sid, sha256, &content, Some(digest))
                .map_err(|e| fail(&e))?;
            signer
                .add_signed_attribute(attribute)
                .map_err(|e| fail(&e))?;
            data.add_signer_info::<_, p256::ecdsa::DerSignature>(signer)
                .map_err(|e| fail(&e))?;
        }
    }
    let info = data.build().map_err(|e| fail(&e))?;
    info.to_der().map_err(|e| fail(&e))
}

/// The ESS signing-certificate-v2 attribute (RFC 5035) naming `certificate` by its SHA-256 hash,
/// which CAdES asks for.
fn signing_certificate_v2(certificate: &Certificate) -> der::Result<Attribute> {
    let hash = Sha256::digest(certificate.to_der()?);
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 };
    // ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING } (hashAlgorithm: SHA-256 by default).
    let cert_hash = OctetString::new(hash.to_vec())?;
    type Sequence<T> = der::asn1::SequenceOf<T, 1>;
    let mut id: Sequence<OctetString> = Sequence::new();
    id.add(cert_hash)?;
    let mut certs: Sequence<Sequence<OctetString>> = Sequence::new();
    certs.add(id)?;
    let mut outer: Sequence<Sequence<Sequence<OctetString>>> = Sequence::new();
    outer.add(certs)?;
    let value = Any::from_der(&outer.to_der()?)?;
    let mut values = SetOfVec::new();
    values.insert(value)?;
    Ok(Attribute {
        oid: SIGNING_CERTIFICATE_V2,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_times_become_pdf_dates() {
        assert_eq!(
            pdf_date("2021-08-10T14:32:05+07:00").as_deref(),
            Some("D:20210810143205+07'00'")
        );
        for bad in [
            "10/8/2021",
            "",
            "2021-08-10T14:32:05Z",
            "2021-08-10T14:32:05+0700",
            "2021-08-10 14:32:05+07:00",
            "ngày 10 tháng 8 năm 2021 lúc",
        ] {
            assert_eq!(pdf_date(bad), None, "{bad}");
        }
    }
}
