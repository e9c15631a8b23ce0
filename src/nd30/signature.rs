//! The signature block: authority prefixes and position lines (Điều 13, Phụ lục I §II.7).

/// How the signer signs: the prefixes of Decree 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Authority {
    /// `TM.`: on behalf of a collective body.
    OnBehalf,
    /// `KT.`: a deputy signing for the head.
    ForHead,
    /// `TL.`: by order of the head.
    ByOrder,
    /// `TUQ.`: by written delegation.
    ByDelegation,
    /// `Q.`: acting head.
    Acting,
}

impl Authority {
    /// Every prefix, in the Decree's order.
    pub const ALL: [Authority; 5] = [
        Authority::OnBehalf,
        Authority::ForHead,
        Authority::ByOrder,
        Authority::ByDelegation,
        Authority::Acting,
    ];

    /// The prefix as printed, with its full stop.
    pub fn prefix(self) -> &'static str {
        match self {
            Authority::OnBehalf => "TM.",
            Authority::ForHead => "KT.",
            Authority::ByOrder => "TL.",
            Authority::ByDelegation => "TUQ.",
            Authority::Acting => "Q.",
        }
    }

    /// The prefix that opens a printed (capitalised) line, if any.
    pub fn of_line(line: &str) -> Option<Authority> {
        let first = line.split_whitespace().next()?;
        Authority::ALL.into_iter().find(|a| a.prefix() == first)
    }

    /// Whether the signer's own position must follow on a line of its own.
    fn needs_position_after(self) -> bool {
        self != Authority::Acting
    }
}

/// Why a signature block is not in the Decree's form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// No position line at all.
    #[error("the signature block needs at least one position line")]
    NoLines,
    /// An empty position line.
    #[error("position line {0} is empty")]
    EmptyLine(usize),
    /// A prefix such as `KT.` on the last line, with no position of the signer after it.
    #[error("{0:?} must be followed by a line with the signer's own position (e.g. \"KT. CHỦ TỊCH\" then \"PHÓ CHỦ TỊCH\")")]
    PositionMissing(String),
    /// A prefix written without its full stop or with a space before it.
    #[error("{0:?}: write the prefix as TM., KT., TL., TUQ. or Q., followed by a space")]
    MalformedPrefix(String),
    /// An academic or honorific title before the signer's name.
    #[error("the signer's name {0:?} must not carry an academic title (GS., PGS., TS., ThS. …)")]
    TitledName(String),
    /// The signer's name is empty.
    #[error("the signer's name is empty")]
    NoName,
}

const MALFORMED: [&str; 5] = ["TM ", "KT ", "TL ", "TUQ ", "Q "];
const ACADEMIC_TITLES: [&str; 8] = ["GS", "PGS", "TS", "ThS", "TSKH", "BS", "KS", "CN"];

/// The position lines as printed: in capitals, each prefix checked, every prefix but `Q.` followed
/// by the signer's own position.
pub fn position_lines(lines: &[String]) -> Result<Vec<String>, SignatureError> {
    if lines.is_empty() {
        return Err(SignatureError::NoLines);
    }
    let printed: Vec<String> = lines.iter().map(|l| l.trim().to_uppercase()).collect();
    for (i, line) in printed.iter().enumerate() {
        if line.is_empty() {
            return Err(SignatureError::EmptyLine(i + 1));
        }
        if MALFORMED.iter().any(|m| line.starts_with(m)) {
            return Err(SignatureError::MalformedPrefix(line.clone()));
        }
        let last = i + 1 == printed.len();
        if last && Authority::of_line(line).is_some_and(Authority::needs_position_after) {
            return Err(SignatureError::PositionMissing(line.clone()));
        }
    }
    Ok(printed)
}

/// The signer's name, checked: not empty, no academic title before it.
pub fn signer_name(name: &str) -> Result<String, SignatureError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SignatureError::NoName);
    }
    let first = name.split_whitespace().next().unwrap_or_default();
    let titled = first
        .strip_suffix('.')
        .is_some_and(|bare| ACADEMIC_TITLES.contains(&bare));
    if titled {
        return Err(SignatureError::TitledName(name.to_string()));
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: &[&str]) -> Result<Vec<String>, SignatureError> {
        position_lines(&ls.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn lines_are_printed_in_capitals() {
        assert_eq!(
            lines(&["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"]),
            Ok(vec![
                "TM. ỦY BAN NHÂN DÂN".into(),
                "KT. CHỦ TỊCH".into(),
                "PHÓ CHỦ TỊCH".into()
            ])
        );
        assert_eq!(lines(&["Q. Giám đốc"]), Ok(vec!["Q. GIÁM ĐỐC".into()]));
    }

    #[test]
    fn a_deputy_needs_a_position_line() {
        assert!(matches!(
            lines(&["KT. Chủ tịch"]),
            Err(SignatureError::PositionMissing(_))
        ));
        assert!(matches!(
            lines(&["KT Chủ tịch", "Phó Chủ tịch"]),
            Err(SignatureError::MalformedPrefix(_))
        ));
        assert_eq!(lines(&[]), Err(SignatureError::NoLines));
    }

    #[test]
    fn academic_titles_are_refused() {
        assert!(signer_name("TS. Nguyễn Văn A").is_err());
        assert!(signer_name("PGS. TS. Trần B").is_err());
        assert_eq!(signer_name(" Lê Ngọc Hà "), Ok("Lê Ngọc Hà".into()));
        assert_eq!(Authority::of_line("KT. CHỦ TỊCH"), Some(Authority::ForHead));
    }
}
