//! Input data: the communes' OCOP forms read from spreadsheets, CSV or plan JSON, checked, and
//! consolidated into one [`plan::Plan`].

pub mod communes;
pub mod consolidate;
pub mod diagnostic;
pub mod fold;
pub mod plan;
pub mod products;
pub mod sheet;
pub mod value;
pub mod write;
pub mod xlsx;

pub use consolidate::{consolidate, read_partial};
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use plan::{Period, Plan};
