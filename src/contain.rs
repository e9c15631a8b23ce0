//! Panics in the libraries vanban reads and writes with (a damaged workbook in calamine, a crafted
//! PDF in lopdf, typst on a document it cannot lay out) contained: the work that panicked fails with
//! a clear error, and nothing of the panic reaches the user's terminal.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

/// How many pieces of contained work are running. Their panics may unwind on threads of their own
/// (typst lays out on rayon's workers), so the hook is silent while any runs.
static CONTAINED: AtomicUsize = AtomicUsize::new(0);

/// Runs `work`; a panic inside it is caught and returned as `Err` instead of unwinding, and the panic
/// hook stays silent while it runs. Panics when no contained work runs are printed as Rust prints
/// them.
pub fn contain<T>(work: impl FnOnce() -> T) -> Result<T, Panicked> {
    static QUIET_HOOK: Once = Once::new();
    QUIET_HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CONTAINED.load(Ordering::SeqCst) == 0 {
                default(info);
            }
        }));
    });
    CONTAINED.fetch_add(1, Ordering::SeqCst);
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    CONTAINED.fetch_sub(1, Ordering::SeqCst);
    result.map_err(|_| Panicked)
}

/// Contained work panicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panicked;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_an_error_and_work_outside_goes_on() {
        assert_eq!(contain(|| 2 + 2), Ok(4));
        let caught = contain(|| {
            let v: Vec<u8> = Vec::new();
            v[3]
        });
        assert_eq!(caught, Err(Panicked));
        assert_eq!(contain(|| contain(|| panic!("inner")).is_err()), Ok(true));
    }
}
