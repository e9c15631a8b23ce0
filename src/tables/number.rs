//! Numbers written the Vietnamese way: `.` between thousands, `,` before decimals.

use serde::Deserialize;

/// How a column writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
pub enum NumberFormat {
    /// Whole numbers: `1.234`.
    #[default]
    #[serde(rename = "1.234")]
    Whole,
    /// One decimal: `1.234,5`.
    #[serde(rename = "1.234,5")]
    OneDecimal,
    /// Digits only, for years and codes: `2021`.
    #[serde(rename = "1234")]
    Plain,
}

impl NumberFormat {
    /// `value` written in this format.
    pub fn write(self, value: f64) -> String {
        let decimals = match self {
            NumberFormat::Whole => 0,
            NumberFormat::OneDecimal => 1,
            NumberFormat::Plain => return format!("{}", value.round() as i64),
        };
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(digit);
        }
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped},{fraction}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_decimals() {
        assert_eq!(NumberFormat::Whole.write(1234.0), "1.234");
        assert_eq!(NumberFormat::Whole.write(0.0), "0");
        assert_eq!(NumberFormat::Whole.write(1_234_567.0), "1.234.567");
        assert_eq!(NumberFormat::OneDecimal.write(1234.54), "1.234,5");
        assert_eq!(NumberFormat::OneDecimal.write(-12.0), "-12,0");
        assert_eq!(NumberFormat::Whole.write(999.0), "999");
        assert_eq!(NumberFormat::Plain.write(2023.0), "2023");
    }
}
