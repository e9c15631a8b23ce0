//! Annex tables: declared in TOML (columns, groups, widths, alignment, number formats, totals), filled
//! from the plan into the document model's [`Table`](crate::document::Table).

pub mod build;
pub mod declaration;
pub mod number;

pub use build::{build, DeclarationError};
pub use declaration::Declaration;
