//! Numbering of a document's structure (Phụ lục I §II.6): `I.` sections, `Điều 1.` articles, `1.`
//! clauses, `a)` points in the Vietnamese letter order, then `-` and `+`.

use serde::Serialize;

use super::annex::roman;

/// The levels of a document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Phần of a long text: `Phần I` centred, its title centred in bold capitals below.
    Part,
    /// Chương: `Chương I`, as a part.
    Chapter,
    /// Mục of a chapter: `Mục 1`, as a part.
    Division,
    /// Mục of a plan or report: `I. TITLE`, Roman numeral, bold capitals.
    Section,
    /// Điều of a decision: `Điều 1. Title`, bold, numbered through the document.
    Article,
    /// Khoản: `1.`, numbered within its section or article.
    Clause,
    /// Điểm: `a)`, lettered within its clause.
    Point,
    /// A dash item.
    Dash,
    /// A plus item.
    Plus,
}

/// The letters of điểm, in order: no f, j, w, z, and no letter with a diacritic but đ.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Counts sections, articles, clauses and points through a document and writes their labels.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    part: u32,
    chapter: u32,
    division: u32,
    section: u32,
    article: u32,
    clause: u32,
    point: usize,
}

impl Level {
    /// Whether it is a heading set on lines of its own, centred: part, chapter, division.
    pub fn is_heading(self) -> bool {
        matches!(self, Level::Part | Level::Chapter | Level::Division)
    }
}

impl Numbering {
    /// The label of the next item at `level`: `II.`, `Điều 3.`, `2.`, `đ)`, `-`, `+`.
    pub fn label(&mut self, level: Level) -> String {
        match level {
            Level::Part => {
                self.part += 1;
                (self.chapter, self.division, self.clause, self.point) = (0, 0, 0, 0);
                format!("Phần {}", roman(self.part))
            }
            Level::Chapter => {
                self.chapter += 1;
                (self.division, self.clause, self.point) = (0, 0, 0);
                format!("Chương {}", roman(self.chapter))
            }
            Level::Division => {
                self.division += 1;
                (self.clause, self.point) = (0, 0);
                format!("Mục {}", self.division)
            }
            Level::Section => {
                self.section += 1;
                (self.clause, self.point) = (0, 0);
                format!("{}.", roman(self.section))
            }
            Level::Article => {
                self.article += 1;
                (self.clause, self.point) = (0, 0);
                format!("Điều {}.", self.article)
            }
            Level::Clause => {
                self.clause += 1;
                self.point = 0;
                format!("{}.", self.clause)
            }
            Level::Point => {
                self.point += 1;
                let letter = POINT_LETTERS[(self.point - 1) % POINT_LETTERS.len()];
                let round = (self.point - 1) / POINT_LETTERS.len();
                if round == 0 {
                    format!("{letter})")
                } else {
                    format!("{letter}{round})")
                }
            }
            Level::Dash => "-".into(),
            Level::Plus => "+".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_decree() {
        let mut n = Numbering::default();
        let labels: Vec<String> = [
            Level::Section,
            Level::Clause,
            Level::Point,
            Level::Point,
            Level::Point,
            Level::Point,
            Level::Point,
            Level::Point,
            Level::Point,
            Level::Dash,
            Level::Clause,
            Level::Point,
            Level::Section,
            Level::Clause,
        ]
        .into_iter()
        .map(|l| n.label(l))
        .collect();
        assert_eq!(
            labels,
            ["I.", "1.", "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "-", "2.", "a)", "II.", "1."]
        );
        let mut n = Numbering::default();
        assert_eq!(
            [
                n.label(Level::Article),
                n.label(Level::Clause),
                n.label(Level::Article)
            ],
            ["Điều 1.", "1.", "Điều 2."]
        );
    }
}
