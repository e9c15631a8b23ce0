//! The digital signatures of a PDF: who signed (the certificate's common name), when, in which form
//! (`/SubFilter`), whether the bytes it signs are still those it signed, and how much of the file was
//! added after it.
//!
//! Each signature dictionary (`/ByteRange` and `/Contents`) is read once, however many fields point to
//! it. Its CMS `SignedData` is decoded (RustCrypto `cms`); the message digest it signed is compared
//! with the digest of its byte range as the file holds it now. The certificate's own signature and its
//! chain are not judged here.

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::asn1::{ObjectIdentifier, OctetStringRef};
use der::{Decode, Encode, Reader, SliceReader};
use lopdf::{Document, Object};
use serde::Serialize;
use sha2::Digest;

/// `signingTime` (RFC 5652 §11.3).
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
/// `messageDigest` (RFC 5652 §11.2).
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
/// A name's common name, organisation and user id.
const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const ORGANISATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const USER_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.9.2342.19200300.100.1.1");

/// One digital signature of a PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signed {
    /// The signer's certificate's common name (`Trần Hữu Tuấn`, `SỞ NỘI VỤ`).
    pub signer: Option<String>,
    /// Whether the certificate is an organisation's (its name is the organisation's, or it carries
    /// the organisation's tax or budget code), not a person's.
    pub organisation: bool,
    /// When it was signed, in ISO 8601 with Vietnam's offset (`2025-11-28T10:05:57+07:00`).
    pub time: Option<String>,
    /// `/SubFilter`: `ETSI.CAdES.detached`, `adbe.pkcs7.detached`.
    pub form: String,
    /// Whether the bytes it covers are those it signed; `None` when the signature holds no digest
    /// to compare with (no signed attributes).
    pub intact: Option<bool>,
    /// Bytes of the file after the range it covers (0: it covers the whole file).
    pub added_after: u64,
}

impl std::fmt::Display for Signed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let signer = self.signer.as_deref().unwrap_or("(no certificate)");
        let by = if self.organisation {
            "organisation"
        } else {
            "person"
        };
        write!(f, "{signer} ({by})")?;
        if let Some(time) = &self.time {
            write!(f, ", {time}")?;
        }
        write!(f, ", {}", self.form)?;
        match self.intact {
            Some(false) => write!(f, ", BROKEN: the bytes it signed were changed")?,
            None => write!(f, ", its digest could not be compared")?,
            Some(true) => {}
        }
        if self.added_after == 0 {
            write!(f, ", covers the whole file")
        } else {
            write!(f, ", {} bytes added after it", self.added_after)
        }
    }
}

/// Every signature of `document`, read from `bytes` (the file as it is), in the order of their byte
/// ranges (the first signed first).
pub fn read(document: &Document, bytes: &[u8]) -> Vec<Signed> {
    let mut seen = Vec::new();
    let mut signatures: Vec<(i64, Signed)> = Vec::new();
    for object in document.objects.values() {
        let Ok(dictionary) = object.as_dict() else {
            continue;
        };
        let Some(range) = byte_range(dictionary) else {
            continue;
        };
        let Ok(Object::String(contents, _)) = dictionary.get(b"Contents") else {
            continue;
        };
        if seen.contains(&range) {
            continue;
        }
        seen.push(range);
        let form = dictionary
            .get(b"SubFilter")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        // A document time stamp signs the file, but is no one's signature.
        if form == "ETSI.RFC3161" {
            continue;
        }
        let pdf_time = dictionary.get(b"M").ok().and_then(|m| match m {
            Object::String(text, _) => pdf_date(&String::from_utf8_lossy(text)),
            _ => None,
        });
        let mut signed = of_cms(contents, bytes, range);
        signed.form = form;
        signed.time = signed.time.or(pdf_time);
        let end = range[2].saturating_add(range[3]);
        signed.added_after = (bytes.len() as u64).saturating_sub(end.max(0) as u64);
        signatures.push((end, signed));
    }
    signatures.sort_by_key(|(end, _)| *end);
    signatures.into_iter().map(|(_, s)| s).collect()
}

/// A signature dictionary's `/ByteRange` `[a b c d]`.
fn byte_range(dictionary: &lopdf::Dictionary) -> Option<[i64; 4]> {
    let array = dictionary.get(b"ByteRange").ok()?.as_array().ok()?;
    let numbers: Vec<i64> = array.iter().filter_map(|o| o.as_i64().ok()).collect();
    numbers.try_into().ok()
}

/// What the CMS `SignedData` in `contents` says, its digest compared with that of `range` of `bytes`.
fn of_cms(contents: &[u8], bytes: &[u8], range: [i64; 4]) -> Signed {
    let mut signed = Signed {
        signer: None,
        organisation: false,
        time: None,
        form: String::new(),
        intact: None,
        added_after: 0,
    };
    // The signature is padded with zeros to the room left for it: read one value only.
    let Ok(mut reader) = SliceReader::new(contents) else {
        return signed;
    };
    let Ok(info) = reader.decode::<ContentInfo>() else {
        return signed;
    };
    let Ok(data) = info.content.decode_as::<SignedData>() else {
        return signed;
    };
    let Some(signer) = data.signer_infos.0.iter().next() else {
        return signed;
    };
    if let Some((cn, organisation)) = certificate(&data, &signer.sid) {
        signed.signer = Some(cn);
        signed.organisation = organisation;
    }
    let attributes = signer.signed_attrs.iter().flat_map(|a| a.iter());
    for attribute in attributes {
        let Some(value) = attribute.values.iter().next() else {
            continue;
        };
        if attribute.oid == SIGNING_TIME {
            signed.time = value
                .to_der()
                .ok()
                .and_then(|der| x509_cert::time::Time::from_der(&der).ok())
                .map(|t| vietnam_time(t.to_unix_duration().as_secs()));
        } else if attribute.oid == MESSAGE_DIGEST {
            let digest = value.decode_as::<OctetStringRef>().ok();
            let computed = digest_of(&signer.digest_alg.oid, bytes, range);
            signed.intact = match (digest, computed) {
                (Some(d), Some(c)) => Some(d.as_bytes() == c.as_slice()),
                _ => None,
            };
        }
    }
    signed
}

/// The common name of the certificate that `sid` names, and whether it is an organisation's.
fn certificate(data: &SignedData, sid: &SignerIdentifier) -> Option<(String, bool)> {
    let certificates: Vec<&x509_cert::Certificate> = data
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(cert) => Some(cert),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let chosen = match sid {
        SignerIdentifier::IssuerAndSerialNumber(id) => certificates.iter().find(|c| {
            c.tbs_certificate.serial_number == id.serial_number
                && c.tbs_certificate.issuer == id.issuer
        }),
        SignerIdentifier::SubjectKeyIdentifier(_) => None,
    }
    .or_else(|| certificates.first())?;
    let name = &chosen.tbs_certificate.subject;
    let value = |oid: ObjectIdentifier| {
        name.0
            .iter()
            .flat_map(|rdn| rdn.0.iter())
            .filter(|atv| atv.oid == oid)
            .find_map(|atv| text_of(&atv.value))
    };
    let cn = value(COMMON_NAME)?;
    let organisation_name = value(ORGANISATION);
    let user_id = value(USER_ID);
    let organisation = crate::nd30::organisation_certificate(
        &cn,
        organisation_name.as_deref(),
        user_id.as_deref(),
    );
    Some((cn, organisation))
}

/// A directory string's text, whichever string type it is stored as.
fn text_of(value: &der::Any) -> Option<String> {
    if let Ok(s) = value.decode_as::<der::asn1::Utf8StringRef>() {
        return Some(s.as_str().to_owned());
    }
    if let Ok(s) = value.decode_as::<der::asn1::PrintableStringRef>() {
        return Some(s.as_str().to_owned());
    }
    if let Ok(s) = value.decode_as::<der::asn1::Ia5StringRef>() {
        return Some(s.as_str().to_owned());
    }
    if let Ok(s) = value.decode_as::<der::asn1::BmpString>() {
        return Some(s.to_string());
    }
    None
}

/// The digest, by `algorithm`, of the two parts of `bytes` that `range` names.
fn digest_of(algorithm: &ObjectIdentifier, bytes: &[u8], range: [i64; 4]) -> Option<Vec<u8>> {
    let part = |start: i64, length: i64| {
        let start = usize::try_from(start).ok()?;
        let end = start.checked_add(usize::try_from(length).ok()?)?;
        bytes.get(start..end)
    };
    let (first, second) = (part(range[0], range[1])?, part(range[2], range[3])?);
    fn of<D: Digest>(first: &[u8], second: &[u8]) -> Vec<u8> {
        let mut digest = D::new();
        digest.update(first);
        digest.update(second);
        digest.finalize().to_vec()
    }
    match algorithm.to_string().as_str() {
        "1.3.14.3.2.26" => Some(of::<sha1::Sha1>(first, second)),
        "2.16.840.1.101.3.4.2.1" => Some(of::<sha2::Sha256>(first, second)),
        "2.16.840.1.101.3.4.2.2" => Some(of::<sha2::Sha384>(first, second)),
        "2.16.840.1.101.3.4.2.3" => Some(of::<sha2::Sha512>(first, second)),
        _ => None,
    }
}

/// Seconds since 1970 (UTC) as ISO 8601 in Vietnam's time (`+07:00`).
pub fn vietnam_time(utc: u64) -> String {
    let local = utc + 7 * 3600;
    let (days, seconds) = (local / 86_400, local % 86_400);
    let (year, month, day) = civil(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+07:00",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A PDF date (`D:20251128100557+07'00'`) as ISO 8601 with its offset.
fn pdf_date(text: &str) -> Option<String> {
    let digits = text.strip_prefix("D:").unwrap_or(text);
    let field = |from: usize, to: usize| {
        digits
            .get(from..to)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
    };
    let (year, month, day) = (field(0, 4)?, field(4, 6)?, field(6, 8)?);
    let (hour, minute, second) = (field(8, 10)?, field(10, 12)?, field(12, 14).unwrap_or("00"));
    let zone = match digits.get(14..) {
        Some(rest) if rest.starts_with('Z') || rest.is_empty() => "Z".to_owned(),
        Some(rest) => {
            let sign = rest.get(..1)?;
            let hours = rest.get(1..3)?;
            let minutes = rest.get(4..6).unwrap_or("00");
            format!("{sign}{hours}:{minutes}")
        }
        None => "Z".to_owned(),
    };
    Some(format!(
        "{year}-{month}-{day}T{hour}:{minute}:{second}{zone}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_told_in_vietnam_time() {
        // 2025-11-28 03:05:57 UTC.
        assert_eq!(vietnam_time(1_764_299_157), "2025-11-28T10:05:57+07:00");
        assert_eq!(vietnam_time(0), "1970-01-01T07:00:00+07:00");
        assert_eq!(
            pdf_date("D:20251128100557+07'00'").as_deref(),
            Some("2025-11-28T10:05:57+07:00")
        );
        assert_eq!(pdf_date("D:20210810").as_deref(), None);
    }
}
