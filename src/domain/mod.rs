//! Domain types that can only exist valid: parse once at the edge, use everywhere.

pub mod amount;
pub mod date;
pub mod name;
pub mod outcome;
pub mod schedule;
pub mod search_text;
pub mod spam;
pub mod text;
pub mod written;

pub use amount::{Amount, Currency, Money};
pub use date::{DateRange, Day, FlexDate, Month};
pub use name::{Country, ForumKind, VisitLevel, normalize};
pub use outcome::{OutcomeKind, OutcomeStatus};
pub use text::Text;
