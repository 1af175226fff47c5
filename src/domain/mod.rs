//! Domain types that can only exist valid: parse once at the edge, use everywhere.

pub mod amount;
pub mod date;
pub mod entity;
pub mod name;
pub mod outcome;
pub mod schedule;
pub mod search_text;
pub mod source;
pub mod spam;
pub mod text;
pub mod written;

pub use amount::{Amount, Currency, Money};
pub use date::{DateRange, Day, FlexDate, Month};
pub use entity::Entity;
pub use name::{Country, ForumKind, VisitLevel, normalize};
pub use outcome::{OutcomeKind, OutcomeStatus};
pub use source::SourceInput;
pub use text::Text;

/// The canonical choice for what someone typed, when `choices` are the labels of one of the
/// domain's vocabularies (country, forum kind, delegation level, outcome kind and status):
/// one rule for typed options
/// and imported cells.
pub fn vocabulary_choice(choices: &[&'static str], input: &str) -> Option<&'static str> {
    if choices == Country::labels().as_slice() {
        Country::parse(input).ok().map(Country::label)
    } else if choices == ForumKind::labels().as_slice() {
        ForumKind::parse(input).ok().map(ForumKind::label)
    } else if choices == VisitLevel::labels().as_slice() {
        VisitLevel::parse(input).ok().map(VisitLevel::label)
    } else if choices == OutcomeKind::labels().as_slice() {
        OutcomeKind::parse(input).ok().map(OutcomeKind::label)
    } else if choices == OutcomeStatus::labels().as_slice() {
        OutcomeStatus::parse(input).ok().map(OutcomeStatus::label)
    } else {
        None
    }
}
