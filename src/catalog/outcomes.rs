//! The commands `src/commands/outcomes.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::OutcomesList,
        path: &["outcomes", "list"],
        description: "MOUs, agreements, pledges and other outcomes, newest first, with filters",
        options: &[
            PROVINCES,
            opt(
                arg::KIND,
                "Kind of outcome",
                OptionKind::Choice(OUTCOME_KINDS),
            ),
            opt(
                arg::STATUS,
                "How far it has got",
                OptionKind::Choice(OUTCOME_STATUSES),
            ),
            FROM,
            TO,
            PAGE,
        ],
        moderator: false,
        example: "/outcomes list province:Jiangsu kind:MOU",
    },
    CommandSpec {
        id: CommandId::OutcomesShow,
        path: &["outcomes", "show"],
        description: "Everything about one outcome",
        options: &[req(arg::ID, "Outcome number", ID)],
        moderator: false,
        example: "/outcomes show id:1",
    },
];
