//! The commands `src/commands/record_visit.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::VisitAdd,
        path: &["record", "visit", "add"],
        description: "Add a delegation visit",
        options: options!(
            look(req(arg::PROVINCE, "Chinese province(s), comma-separated", OptionKind::Text(SHORT_MAX)), Lookup::Province),
            req(arg::START, "First day, YYYY-MM-DD (or YYYY-MM for a month)", OptionKind::Date);
            VISIT_FIELDS;
            FORCE
        ),
        moderator: true,
        example: "/record visit add province:Hainan start:2024-05-29 end:2024-05-31 leader:\"Liu Xiaoming\" places:\"Jeju, Seoul\" source:https://example.org/a",
    },
    CommandSpec {
        id: CommandId::VisitEdit,
        path: &["record", "visit", "edit"],
        description: "Change fields of a visit (clear:end,size empties fields)",
        options: options!(
            req(arg::ID, "Visit number", ID),
            PROVINCES,
            opt(arg::START, "First day, YYYY-MM-DD or YYYY-MM", OptionKind::Date);
            VISIT_FIELDS;
            FORCE,
            VERSION,
            clear("Fields to empty: end,city,level,leader,places,purpose,size,source"),
            opt(arg::REMOVE_SOURCE, "A source link to take off the visit", OptionKind::Text(URL_MAX))
        ),
        moderator: true,
        example: "/record visit edit id:3 size:25",
    },
    CommandSpec {
        id: CommandId::VisitDelete,
        path: &["record", "visit", "delete"],
        description: "Delete a visit (undo brings it back)",
        options: &[
            req(arg::ID, "Visit number", ID),
            opt(
                arg::MEETINGS,
                "Its meetings: unlink (keep them) or delete (with the visit)",
                OptionKind::Choice(&["unlink", "delete"]),
            ),
        ],
        moderator: true,
        example: "/record visit delete id:3",
    },
];
