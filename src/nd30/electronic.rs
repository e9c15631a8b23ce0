//! Electronic documents (Điều 5; Phụ lục I, II.7.d and II.8): signed digitally by the competent
//! person and by the organisation, and how an organisation's certificate is told from a person's.

use super::rules::{Rule, Verdict};

/// Rule 31: an electronic document is signed by the competent person and by the organisation.
pub const SIGNATURES: Rule = Rule::error(
    31,
    "signatures",
    "Decree 30, Điều 5; Phụ lục I, II.7.d and II.8.a",
);

/// Rule 32: an annex or attachment filed separately carries the organisation's signature.
pub const SEPARATE_FILE_SIGNATURE: Rule = Rule::error(
    32,
    "separate file's signature",
    "Decree 30, Phụ lục I, II.8.b",
);

/// The size of the information line an organisation's signature adds at the top right of page 1 of
/// an annex filed on its own or of an electronic copy: Times New Roman, upright, black (Phụ lục I,
/// II.8.b; Part II).
pub const INFO_SIZE_PT: f32 = 10.0;

/// The information line of a separately filed annex: the main document's number and ký hiệu and the
/// signing time in ISO 8601 with Vietnam's offset (`Số: 2402/UBND-NTM; 2021-08-10T14:32:05+07:00`).
pub fn annex_info(number_symbol: &str, time: &str) -> String {
    format!("Số: {}; {time}", number_symbol.trim())
}

/// The information line of an electronic copy: the form of copy (`SAO Y`), the copying agency and the
/// signing time (`SAO Y; Ủy ban nhân dân huyện Cẩm Xuyên; 2021-08-10T14:32:05+07:00`).
pub fn copy_info(form: &str, agency: &str, time: &str) -> String {
    format!("{}; {}; {time}", form.trim(), agency.trim())
}

/// Whether `text` holds a time in ISO 8601 with Vietnam's offset (`2021-08-10T14:32:05+07:00`).
fn has_iso_time(text: &str) -> bool {
    text.split([';', ' ']).any(|word| {
        let word = word.trim();
        word.len() == 25
            && word.ends_with("+07:00")
            && word.as_bytes().get(10) == Some(&b'T')
            && word[..10].bytes().filter(u8::is_ascii_digit).count() == 8
    })
}

/// Whether `text` names a form of copy (`SAO Y`, `SAO LỤC`, `TRÍCH SAO`).
pub fn names_copy_form(text: &str) -> bool {
    let upper = text.to_uppercase();
    ["SAO Y", "SAO LỤC", "TRÍCH SAO"]
        .iter()
        .any(|form| upper.contains(form))
}

/// Whether `text` reads as an information line an organisation's signature adds: a number or a form
/// of copy, and a time.
pub fn is_info_line(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with("Số:") || names_copy_form(text)) && text.contains(';')
}

/// What an information line (a line of text at the top right of page 1, as read from the file) lacks:
/// `None` when it has a time in ISO 8601 with Vietnam's offset, and the main document's number (an
/// annex) or the form of copy (a copy), at [`INFO_SIZE_PT`], upright.
pub fn judge_info_line(text: &str, size_pt: f32, italic: bool, copy: bool) -> Option<String> {
    let named = if copy {
        names_copy_form(text)
    } else {
        text.trim_start().starts_with("Số:") && text.contains('/')
    };
    let mut lacks = Vec::new();
    if !named {
        lacks.push(if copy {
            "the form of copy (SAO Y, SAO LỤC, TRÍCH SAO)"
        } else {
            "the main document's number and ký hiệu"
        });
    }
    if !has_iso_time(text) {
        lacks.push("the signing time in ISO 8601 with +07:00");
    }
    if (size_pt - INFO_SIZE_PT).abs() > 0.6 {
        lacks.push("10 pt");
    }
    if italic {
        lacks.push("upright letters");
    }
    (!lacks.is_empty()).then(|| lacks.join(", "))
}

/// Judges the information line of an electronic copy, `line` (the text at the top right of page 1
/// that names a form of copy), with its size and slant.
pub fn judge_copy_info((text, size, italic): (&str, f32, bool)) -> Option<Verdict> {
    judge_info_line(text, size, italic, true).map(|lacks| {
        Verdict::new(
            ELECTRONIC_COPY,
            format!("{text} (lacks {lacks})"),
            "the organisation's signature adds at the top right of page 1, 10 pt, upright: \
             `<SAO Y | SAO LỤC | TRÍCH SAO>; <copying agency>; <signing time, e.g. 2021-08-10T14:32:05+07:00>`",
        )
    })
}

/// Judges the information line of an annex filed on its own and signed by the organisation: `line`
/// is the text at the top right of page 1 that reads as one, with its size and slant, if there is one.
pub fn judge_annex_info(line: Option<(&str, f32, bool)>) -> Option<Verdict> {
    let fix = "the organisation's signature adds at the top right of page 1, 10 pt, upright: \
               `Số: <number and ký hiệu of the main document>; <signing time, e.g. 2021-08-10T14:32:05+07:00>`";
    match line {
        None => Some(Verdict::new(
            SEPARATE_FILE_SIGNATURE,
            "no information line at the top right of page 1",
            fix,
        )),
        Some((text, size, italic)) => judge_info_line(text, size, italic, false).map(|lacks| {
            Verdict::new(
                SEPARATE_FILE_SIGNATURE,
                format!("{text} (lacks {lacks})"),
                fix,
            )
        }),
    }
}

/// Rule 33: an electronic copy carries the organisation's signature and its information line.
pub const ELECTRONIC_COPY: Rule =
    Rule::error(33, "electronic copy", "Decree 30, Phụ lục I, Part II");

/// The names of the two signature fields of an electronic document: the competent person's and the
/// organisation's.
pub const SIGNATURE_FIELDS: [&str; 2] = ["signer", "issuer"];

/// The share of the signature column the signer's image takes, centred between the position lines
/// and the name (Phụ lục I, II.7.d).
pub const SIGNATURE_IMAGE_SHARE: f32 = 0.5;

/// The share of the signer's image, on its left, that the organisation's seal image covers (Phụ lục I,
/// II.8.a: about a third).
pub const SEAL_OVERLAP: f32 = 1.0 / 3.0;

/// Words an organisation's name opens with (an agency, a unit, an association), in capitals.
pub const ORGANISATION_OPENINGS: [&str; 30] = [
    "ỦY BAN",
    "UỶ BAN",
    "UBND",
    "HỘI ĐỒNG",
    "SỞ",
    "BỘ",
    "VĂN PHÒNG",
    "TỔNG CỤC",
    "CHI CỤC",
    "CỤC",
    "BAN",
    "PHÒNG",
    "TRUNG TÂM",
    "HIỆP HỘI",
    "LIÊN ĐOÀN",
    "HỘI",
    "TRƯỜNG",
    "ĐẠI HỌC",
    "HỌC VIỆN",
    "BỆNH VIỆN",
    "VIỆN",
    "CÔNG AN",
    "THANH TRA",
    "KHO BẠC",
    "TÒA ÁN",
    "TOÀ ÁN",
    "CHÍNH PHỦ",
    "BẢO HIỂM",
    "CÔNG TY",
    "ĐOÀN",
];

/// Whether a certificate is an organisation's rather than a person's: its common name is its
/// organisation's, or opens as an organisation's name does, or its user id is the organisation's tax
/// code (`MST:`) or budget-relation code (`MNS:`).
pub fn organisation_certificate(
    cn: &str,
    organisation: Option<&str>,
    user_id: Option<&str>,
) -> bool {
    let name = cn.trim().to_uppercase();
    let same_as_organisation = organisation.is_some_and(|o| o.trim().to_uppercase() == name);
    let code = user_id.is_some_and(|u| {
        let u = u.trim().to_uppercase();
        u.starts_with("MST:") || u.starts_with("MNS:")
    });
    let opening = ORGANISATION_OPENINGS.iter().any(|w| {
        name.strip_prefix(w)
            .is_some_and(|rest| rest.starts_with(' '))
    });
    same_as_organisation || code || opening
}

/// One signature as rule 31 sees it: its signer, whether an organisation's, whether intact.
#[derive(Debug, Clone, Copy)]
pub struct Signer<'a> {
    /// The certificate's common name.
    pub name: Option<&'a str>,
    /// Whether the certificate is an organisation's.
    pub organisation: bool,
    /// Whether the bytes it signed are unchanged (`None`: not known).
    pub intact: Option<bool>,
}

/// Judges the signatures of a signed PDF: every one intact; a document signed by the competent
/// person and by the organisation; an annex or attachment filed on its own (`separate`) by the
/// organisation. An unsigned file is not judged here.
pub fn judge_signatures(signers: &[Signer], separate: bool) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if signers.is_empty() {
        return verdicts;
    }
    let named = |s: &Signer| s.name.unwrap_or("(no certificate)").to_owned();
    for (i, signer) in signers.iter().enumerate() {
        if signer.intact == Some(false) {
            verdicts.push(Verdict::new(
                SIGNATURES,
                format!(
                    "signature {} ({}): the bytes it signed were changed",
                    i + 1,
                    named(signer)
                ),
                "the document as it was signed, or signed again",
            ));
        }
    }
    let mut people: Vec<String> = signers
        .iter()
        .filter(|s| !s.organisation)
        .map(named)
        .collect();
    people.dedup();
    let organisation = signers.iter().any(|s| s.organisation);
    if separate {
        if !organisation {
            verdicts.push(Verdict::new(
                SEPARATE_FILE_SIGNATURE,
                format!("signed by {} only", people.join(", ")),
                "the organisation's digital signature on each file filed separately",
            ));
        }
    } else if !organisation {
        verdicts.push(Verdict::new(
            SIGNATURES,
            format!("signed by {} only", people.join(", ")),
            "the organisation's digital signature too",
        ));
    } else if people.is_empty() {
        let organisations: Vec<String> = signers.iter().map(named).collect();
        verdicts.push(Verdict::new(
            SIGNATURES,
            format!("signed by the organisation only ({})", organisations[0]),
            "the competent person's digital signature first, then the organisation's",
        ));
    }
    verdicts
}

/// An electronic document that carries no digital signature (judged only when a document is expected
/// to be electronic: an unsigned PDF is not faulted otherwise).
pub fn judge_unsigned(separate: bool) -> Verdict {
    if separate {
        Verdict::new(
            SEPARATE_FILE_SIGNATURE,
            "no digital signature",
            "the organisation's digital signature on each file filed separately",
        )
    } else {
        Verdict::new(
            SIGNATURES,
            "no digital signature",
            "the competent person's digital signature, then the organisation's",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn information_lines_are_judged() {
        let time = "2021-08-10T14:32:05+07:00";
        let line = annex_info("2402/UBND-NTM", time);
        assert_eq!(line, "Số: 2402/UBND-NTM; 2021-08-10T14:32:05+07:00");
        assert_eq!(judge_info_line(&line, 10.0, false, false), None);
        assert_eq!(
            judge_info_line("Số: 2402/UBND-NTM; 10/8/2021 14:32:05", 12.0, true, false).as_deref(),
            Some("the signing time in ISO 8601 with +07:00, 10 pt, upright letters")
        );
        let copy = copy_info("SAO Y", "Ủy ban nhân dân huyện Cẩm Xuyên", time);
        assert_eq!(judge_info_line(&copy, 10.0, false, true), None);
        assert_eq!(
            judge_info_line(&line, 10.0, false, true).as_deref(),
            Some("the form of copy (SAO Y, SAO LỤC, TRÍCH SAO)")
        );
        assert!(judge_copy_info((&copy, 10.0, false)).is_none());
        let late = judge_copy_info(("SAO Y; UBND huyện; 10/8/2021", 10.0, false)).expect("E33");
        assert_eq!(late.rule.id(), "E33");
    }

    #[test]
    fn organisations_are_told_from_people() {
        assert!(organisation_certificate(
            "SỞ NỘI VỤ",
            Some("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
            Some("MST:5800593196")
        ));
        assert!(organisation_certificate(
            "VĂN PHÒNG CHÍNH PHỦ",
            Some("VĂN PHÒNG CHÍNH PHỦ"),
            None
        ));
        assert!(organisation_certificate(
            "Sở Y tế",
            Some("Tỉnh Kiên Giang"),
            None
        ));
        assert!(!organisation_certificate(
            "Trần Hữu Tuấn",
            Some("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
            None
        ));
        assert!(!organisation_certificate(
            "NGUYỄN TRÍ HÒA",
            None,
            Some("CC:042064010667")
        ));
        assert!(!organisation_certificate(
            "Phạm Thị Minh Hiếu",
            Some("Tỉnh Bình Thuận"),
            None
        ));
    }

    #[test]
    fn a_document_needs_the_person_and_the_organisation() {
        let person = Signer {
            name: Some("Lê Ngọc Hà"),
            organisation: false,
            intact: Some(true),
        };
        let agency = Signer {
            name: Some("ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN"),
            organisation: true,
            intact: Some(true),
        };
        assert!(judge_signatures(&[person, agency], false).is_empty());
        assert!(judge_signatures(&[], false).is_empty());
        let once = judge_signatures(&[person], false);
        assert_eq!(once[0].found, "signed by Lê Ngọc Hà only");
        assert_eq!(once[0].rule.id(), "E31");
        assert_eq!(judge_signatures(&[agency], false)[0].rule.id(), "E31");
        assert!(judge_signatures(&[agency], true).is_empty());
        assert_eq!(judge_signatures(&[person], true)[0].rule.id(), "E32");
        let broken = Signer {
            intact: Some(false),
            ..person
        };
        let verdicts = judge_signatures(&[broken, agency], false);
        assert_eq!(
            verdicts[0].found,
            "signature 1 (Lê Ngọc Hà): the bytes it signed were changed"
        );
    }
}
