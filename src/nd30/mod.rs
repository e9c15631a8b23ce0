//! The national format of Decree 30/2020/NĐ-CP as code.
//!
//! Every number and fixed string of the Decree lives here and nowhere else: the PDF writer, the DOCX
//! writer and the checks all ask this module.

mod date;
mod format;
mod kind;
mod signature;
mod symbol;
mod words;

pub use date::{date_line, Date};
pub use format::{Format, Limits, Range, LIMITS, STANDARD};
pub use kind::Kind;
pub use signature::{position_lines, signer_name, Authority, SignatureError};
pub use symbol::{number_line, symbol, SymbolError};
pub use words::*;
