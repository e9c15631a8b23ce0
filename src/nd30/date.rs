//! The place-and-date line: `Cẩm Xuyên, ngày 10 tháng 8 năm 2021`.

use serde::Serialize;

/// A calendar date of issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Date {
    /// Year, e.g. 2021.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year > 0 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }
}

/// A date written `YYYY-MM-DD`, if it is one.
pub fn parse_iso(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::new(year, month, day)
}

/// The day as Decree 30 writes it: a leading zero for days 1–9.
pub fn day_text(day: u8) -> String {
    format!("{day:02}")
}

/// The month as Decree 30 writes it: a leading zero for January and February only.
pub fn month_text(month: u8) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// What of a date line is left blank, for the văn thư to write in at issuance (a draft's
/// `ngày        tháng 8 năm 2025`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Blank {
    /// The whole date is printed.
    #[default]
    Nothing,
    /// The day is left blank.
    Day,
    /// The day and the month are left blank.
    DayAndMonth,
}

/// The room a blank number, day or month leaves for the pen: `Số:      /UBND-NTM`.
pub const BLANK: &str = "      ";

/// The width of a space in Times New Roman, em.
pub const SPACE_EM: f32 = 0.25;

/// The date in words: `ngày 10 tháng 8 năm 2021`, with what `blank` says left blank
/// (`ngày        tháng 8 năm 2021`).
pub fn date_words(date: Date, blank: Blank) -> String {
    let day = match blank {
        Blank::Nothing => day_text(date.day),
        Blank::Day | Blank::DayAndMonth => BLANK.to_string(),
    };
    let month = match blank {
        Blank::Nothing | Blank::Day => month_text(date.month),
        Blank::DayAndMonth => BLANK.to_string(),
    };
    format!("ngày {day} tháng {month} năm {}", date.year)
}

/// The full place-and-date line.
pub fn date_line(place: &str, date: Date, blank: Blank) -> String {
    format!("{place}, {}", date_words(date, blank))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: u16, m: u8, d: u8) -> String {
        date_line(
            "Hà Nội",
            Date::new(y, m, d).expect("valid date"),
            Blank::Nothing,
        )
    }

    #[test]
    fn blanks_leave_room_for_the_pen() {
        let date = Date::new(2025, 8, 1).expect("valid date");
        assert_eq!(
            date_line("Bình Thuận", date, Blank::Day),
            "Bình Thuận, ngày        tháng 8 năm 2025"
        );
        assert_eq!(
            date_line("Bình Thuận", date, Blank::DayAndMonth),
            "Bình Thuận, ngày        tháng        năm 2025"
        );
    }

    #[test]
    fn leading_zeros_follow_the_decree() {
        assert_eq!(line(2021, 8, 10), "Hà Nội, ngày 10 tháng 8 năm 2021");
        assert_eq!(line(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020");
        assert_eq!(line(2020, 2, 29), "Hà Nội, ngày 29 tháng 02 năm 2020");
        assert_eq!(line(2020, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2020");
        assert_eq!(line(2021, 12, 1), "Hà Nội, ngày 01 tháng 12 năm 2021");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2021, 2, 29).is_none());
        assert!(Date::new(2021, 13, 1).is_none());
        assert!(Date::new(2021, 4, 31).is_none());
        assert!(Date::new(2021, 4, 0).is_none());
    }
}
