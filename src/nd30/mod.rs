//! The national format of Decree 30/2020/NĐ-CP as code.
//!
//! Every number and fixed string of the Decree lives here and nowhere else: the PDF writer, the DOCX
//! writer and the checks all ask this module.

mod annex;
mod date;
mod drafter;
mod electronic;
mod format;
mod kind;
mod numbering;
mod rules;
mod scope;
mod signature;
pub mod structure;
mod symbol;
mod words;

pub use annex::{annex_label, annex_reference, roman};
pub use date::{
    date_line, date_words, day_text, month_text, parse_iso, Blank, Date, BLANK, SPACE_EM,
};
pub use drafter::{drafter_line, is_drafter_line};
pub use electronic::{
    annex_info, copy_info, is_info_line, judge_annex_info, judge_copy_info, judge_info_line,
    judge_signatures, judge_unsigned, names_copy_form, organisation_certificate, Signer,
    ELECTRONIC_COPY, INFO_SIZE_PT, ORGANISATION_OPENINGS, SEAL_OVERLAP, SEPARATE_FILE_SIGNATURE,
    SIGNATURES, SIGNATURE_FIELDS, SIGNATURE_IMAGE_SHARE,
};
pub use format::{Align, Format, Limits, Look, Looks, Range, LIMITS, STANDARD};
pub use kind::{Addressees, Kind, KINDS, OBSOLETE_CODES};
pub use numbering::{Level, Numbering, POINT_LETTERS};
pub use rules::*;
pub use scope::{
    is_normative_number, outside_scope, COMPANY_OPENINGS, NORMATIVE_TITLES, PARTY_NAME,
};
pub use signature::{position_lines, signer_name, Authority, SignatureError};
pub use symbol::{number_line, number_symbol, number_text, symbol, symbol_parts, SymbolError};
pub use words::*;
