//! The drafter's line at the end of the Nơi nhận area (ô 12): the drafting unit's initials and the
//! number of copies, `PL.(300)`.

/// `PL.(300)` from the initials and the number of copies; `PL.` without copies.
pub fn drafter_line(initials: &str, copies: Option<u32>) -> String {
    let initials = initials.trim().to_uppercase();
    match copies {
        Some(copies) => format!("{initials}.({copies})"),
        None => format!("{initials}."),
    }
}

/// Whether `line` is a drafter's line: capitals, a full stop, then the copies in brackets if any.
pub fn is_drafter_line(line: &str) -> bool {
    let Some((initials, copies)) = line.trim().split_once('.') else {
        return false;
    };
    let copies_ok = copies.is_empty()
        || copies
            .strip_prefix('(')
            .and_then(|c| c.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    !initials.is_empty() && initials.chars().all(char::is_uppercase) && copies_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafter_lines_are_made_and_recognised() {
        assert_eq!(drafter_line(" pl ", Some(300)), "PL.(300)");
        assert_eq!(drafter_line("VP", None), "VP.");
        for line in ["PL.(300)", "VP.", "ĐT.(5)"] {
            assert!(is_drafter_line(line), "{line}");
        }
        for line in ["KT. CHỦ TỊCH", "PL.(3a)", "pl.(3)", "PHÓ CHỦ TỊCH", "PL.()"] {
            assert!(!is_drafter_line(line), "{line}");
        }
    }
}
