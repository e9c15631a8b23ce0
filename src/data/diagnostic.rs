//! Problems found in input data, each with its file, sheet and cell.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data was read, but something looks wrong or was changed on the way in.
    Warning,
    /// The data cannot be used as it stands.
    Error,
}

/// Where a problem is: a file, and inside it a sheet and a cell when known.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// The file as named on the command line.
    pub file: String,
    /// The sheet's name.
    pub sheet: Option<String>,
    /// Zero-based (row, column) of the cell.
    pub cell: Option<(u32, u32)>,
}

impl Place {
    /// A whole file.
    pub fn file(file: impl Into<String>) -> Place {
        Place {
            file: file.into(),
            sheet: None,
            cell: None,
        }
    }
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where it is.
    pub place: Place,
    /// What was expected and what was found.
    pub message: String,
    /// The commune the problem is about, when it is about one.
    pub commune: Option<String>,
}

/// The A1 name of a zero-based cell: (11, 4) is `E12`.
pub fn a1(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, " › {sheet}")?;
        }
        if let Some((row, column)) = self.cell {
            write!(f, " › {}", a1(row, column))?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.place, self.message)
    }
}

/// The problems found so far.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records an error.
    pub fn error(&mut self, place: Place, message: impl Into<String>) {
        self.items.push(Diagnostic {
            severity: Severity::Error,
            place,
            message: message.into(),
            commune: None,
        });
    }

    /// Records an error about one commune's data.
    pub fn commune_error(&mut self, commune: &str, place: Place, message: impl Into<String>) {
        self.items.push(Diagnostic {
            severity: Severity::Error,
            place,
            message: message.into(),
            commune: Some(commune.to_string()),
        });
    }

    /// Records a warning.
    pub fn warning(&mut self, place: Place, message: impl Into<String>) {
        self.items.push(Diagnostic {
            severity: Severity::Warning,
            place,
            message: message.into(),
            commune: None,
        });
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every problem, in the order found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_in_a1_notation() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 4), "E12");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(9, 26), "AA10");
        assert_eq!(a1(0, 701), "ZZ1");
        assert_eq!(a1(0, 702), "AAA1");
    }

    #[test]
    fn a_diagnostic_reads_file_sheet_cell() {
        let d = Diagnostic {
            severity: Severity::Error,
            place: Place {
                file: "ocop.xlsx".into(),
                sheet: Some("Phụ lục 1".into()),
                cell: Some((11, 4)),
            },
            message: "expected a whole number (ideas, 2023), found \"hai\"".into(),
            commune: None,
        };
        assert_eq!(
            d.to_string(),
            "error: ocop.xlsx › Phụ lục 1 › E12: expected a whole number (ideas, 2023), found \"hai\""
        );
    }
}
