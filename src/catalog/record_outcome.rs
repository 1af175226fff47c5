//! The commands `src/commands/record_outcome.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::OutcomeAdd,
        path: &["outcome", "add"],
        description: "Add an outcome: MOU, agreement, pledge, contract, sister-city tie",
        options: options!(
            req(arg::KIND, "Kind of outcome", OptionKind::Choice(OUTCOME_KINDS)),
            req(arg::TITLE, "Title, e.g. Workation MOU", OptionKind::Text(SHORT_MAX)),
            req(arg::DATE, "Date, YYYY-MM-DD (or YYYY-MM for a month)", OptionKind::Date),
            PROVINCES;
            OUTCOME_FIELDS;
            SOURCE_DETAILS[0],
            SOURCE_DETAILS[1],
            opt(arg::FORCE, "Add even if the same outcome is on record within a week", OptionKind::Bool)
        ),
        moderator: true,
        example: "/outcome add kind:MOU title:\"Workation MOU\" date:2024-06-03 province:Jiangsu korean_side:Jeju amount:\"1.5 billion\" currency:USD",
    },
    CommandSpec {
        id: CommandId::OutcomeEdit,
        path: &["outcome", "edit"],
        description: "Change fields of an outcome (clear:amount empties a field)",
        options: options!(
            req(arg::ID, "Outcome number", ID),
            opt(arg::KIND, "Kind of outcome", OptionKind::Choice(OUTCOME_KINDS)),
            opt(arg::TITLE, "Title", OptionKind::Text(SHORT_MAX)),
            opt(arg::DATE, "Date, YYYY-MM-DD or YYYY-MM", OptionKind::Date),
            PROVINCES;
            OUTCOME_FIELDS;
            SOURCE_DETAILS[0],
            SOURCE_DETAILS[1],
            opt(arg::REMOVE_SOURCE, "A source link to take off the outcome", OptionKind::Text(URL_MAX)),
            opt(arg::FORCE, "Save even if the same outcome is on record within a week", OptionKind::Bool),
            VERSION,
            clear("Fields to empty: province,city,korean_side,amount,visit,meeting,forum,summary,source")
        ),
        moderator: true,
        example: "/outcome edit id:1 status:realized",
    },
    CommandSpec {
        id: CommandId::OutcomeDelete,
        path: &["outcome", "delete"],
        description: "Delete an outcome (undo brings it back)",
        options: &[req(arg::ID, "Outcome number", ID)],
        moderator: true,
        example: "/outcome delete id:1",
    },
];
