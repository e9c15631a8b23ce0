//! Số and ký hiệu: `Số: 2402/UBND-NTM`, `Số: 05/KH-UBND`.

use super::kind::{Kind, OBSOLETE_CODES};
use super::words::NUMBER_LABEL;

/// Why a ký hiệu cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SymbolError {
    /// A letter (công văn) needs the drafting unit's abbreviation.
    #[error("a {kind} needs the drafting unit's abbreviation (`unit`, e.g. \"NTM\" in UBND-NTM)")]
    MissingUnit {
        /// The kind's Vietnamese name.
        kind: &'static str,
    },
    /// An abbreviation holds a space, a hyphen or a slash, or is empty.
    #[error(
        "abbreviation {0:?} must be one word of letters or digits, without spaces, `-` or `/`"
    )]
    BadPart(String),
    /// An abbreviation that Decree 30 replaced.
    #[error("abbreviation {0:?} was replaced by Decree 30 (use BGN, BTT, GUQ, GGT, GNP or TrS)")]
    Obsolete(String),
}

fn checked(part: &str) -> Result<&str, SymbolError> {
    let ok = !part.is_empty() && part.chars().all(|c| c.is_alphanumeric());
    if !ok {
        return Err(SymbolError::BadPart(part.to_string()));
    }
    if OBSOLETE_CODES.contains(&part) {
        return Err(SymbolError::Obsolete(part.to_string()));
    }
    Ok(part)
}

/// The ký hiệu: `<kind code>-<agency>[-<unit>]` for named kinds, `<agency>-<unit>` for letters.
pub fn symbol(kind: Kind, agency: &str, unit: Option<&str>) -> Result<String, SymbolError> {
    let agency = checked(agency)?;
    let unit = unit.map(checked).transpose()?;
    Ok(match (kind.code, unit) {
        (Some(code), Some(unit)) => format!("{code}-{agency}-{unit}"),
        (Some(code), None) => format!("{code}-{agency}"),
        (None, Some(unit)) => format!("{agency}-{unit}"),
        (None, None) => return Err(SymbolError::MissingUnit { kind: kind.name }),
    })
}

/// The parts of a ký hiệu read back (`KH-UBND` → `["KH", "UBND"]`), each checked as [`symbol`] checks it.
pub fn symbol_parts(symbol: &str) -> Result<Vec<&str>, SymbolError> {
    let parts = symbol
        .split('-')
        .map(checked)
        .collect::<Result<Vec<_>, _>>()?;
    if parts.len() < 2 {
        return Err(SymbolError::BadPart(symbol.to_string()));
    }
    Ok(parts)
}

/// A document's number as printed: `2402`, `05` (numbers below 10 take a leading zero).
pub fn number_text(number: u32) -> String {
    format!("{number:02}")
}

/// Number and ký hiệu: `2402/UBND-NTM`, `05/KH-UBND` (numbers below 10 take a leading zero); a
/// number not yet given leaves its room blank (`      /UBND-NTM`).
pub fn number_symbol(number: Option<u32>, symbol: &str) -> String {
    match number {
        Some(number) => format!("{}/{symbol}", number_text(number)),
        None => format!("{}/{symbol}", super::date::BLANK),
    }
}

/// The number line: `Số: 2402/UBND-NTM`, or `Số:       /UBND-NTM` before the number is given.
pub fn number_line(number: Option<u32>, symbol: &str) -> String {
    format!("{NUMBER_LABEL} {}", number_symbol(number, symbol))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(slug: &str) -> Kind {
        Kind::from_slug(slug).expect("known kind")
    }

    #[test]
    fn letters_use_agency_then_unit() {
        assert_eq!(
            symbol(kind("cong-van"), "UBND", Some("NTM")),
            Ok("UBND-NTM".into())
        );
        assert!(matches!(
            symbol(kind("cong-van"), "UBND", None),
            Err(SymbolError::MissingUnit { .. })
        ));
    }

    #[test]
    fn named_kinds_use_their_code_first() {
        assert_eq!(symbol(kind("ke-hoach"), "UBND", None), Ok("KH-UBND".into()));
        assert_eq!(
            symbol(kind("to-trinh"), "UBND", None),
            Ok("TTr-UBND".into())
        );
    }

    #[test]
    fn bad_abbreviations_are_refused() {
        assert!(symbol(kind("cong-van"), "UB ND", Some("NTM")).is_err());
        assert!(symbol(kind("cong-van"), "UBND", Some("N-TM")).is_err());
        assert_eq!(
            symbol(kind("cong-van"), "UBND", Some("GN")),
            Err(SymbolError::Obsolete("GN".into()))
        );
    }

    #[test]
    fn numbers_below_ten_take_a_leading_zero() {
        assert_eq!(number_line(Some(5), "UBND-NTM"), "Số: 05/UBND-NTM");
        assert_eq!(number_line(Some(10), "KH-UBND"), "Số: 10/KH-UBND");
        assert_eq!(number_line(Some(2402), "UBND-NTM"), "Số: 2402/UBND-NTM");
        assert_eq!(number_line(None, "UBND-NTM"), "Số:       /UBND-NTM");
    }
}
