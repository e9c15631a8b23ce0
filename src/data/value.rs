//! Reading numbers and years out of cells, the way offices type them.

use super::sheet::Cell;

/// A whole number ≥ 0: a number without fraction, or digits typed as text (`12`, `1.200`, `1 200`).
/// A blank cell is 0. `Err` holds what was found, quoted, for the message.
pub fn whole(cell: &Cell) -> Result<u32, String> {
    let found = || match cell {
        Cell::Text(t) => format!("{:?}", t.trim()),
        other => other.text(),
    };
    match cell {
        Cell::Empty => Ok(0),
        Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= f64::from(u32::MAX) => {
            Ok(*n as u32)
        }
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(0);
            }
            let digits: String = t
                .chars()
                .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
                .collect();
            let grouped = t
                .split(['.', ',', ' ', '\u{a0}'])
                .skip(1)
                .all(|g| g.len() == 3);
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && (digits.len() == t.len() || grouped)
            {
                digits.parse().map_err(|_| found())
            } else {
                Err(found())
            }
        }
        _ => Err(found()),
    }
}

/// A year written as a number or as text (`2021`, `Năm 2021`), between 1900 and 2100.
pub fn year(cell: &Cell) -> Option<u16> {
    let text = cell.text();
    let digits = text
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii_digit());
    let value: u16 = digits.parse().ok()?;
    (1900..=2100).contains(&value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_as_offices_type_them() {
        assert_eq!(whole(&Cell::Number(12.0)), Ok(12));
        assert_eq!(whole(&Cell::Text(" 7 ".into())), Ok(7));
        assert_eq!(whole(&Cell::Text("1.200".into())), Ok(1200));
        assert_eq!(whole(&Cell::Empty), Ok(0));
        assert_eq!(whole(&Cell::Text("hai".into())), Err("\"hai\"".into()));
        assert_eq!(whole(&Cell::Number(2.5)), Err("2.5".into()));
        assert_eq!(whole(&Cell::Number(-1.0)), Err("-1".into()));
        assert_eq!(whole(&Cell::Text("1.5".into())), Err("\"1.5\"".into()));
        assert_eq!(whole(&Cell::Error("#DIV/0!".into())), Err("#DIV/0!".into()));
    }

    #[test]
    fn years_as_numbers_or_text() {
        assert_eq!(year(&Cell::Number(2021.0)), Some(2021));
        assert_eq!(year(&Cell::Text("Năm 2023".into())), Some(2023));
        assert_eq!(year(&Cell::Text("Năm".into())), None);
        assert_eq!(year(&Cell::Number(5.0)), None);
    }
}
