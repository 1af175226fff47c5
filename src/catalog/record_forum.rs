//! The commands `src/commands/record_forum.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::ForumAdd,
        path: &["record", "forum", "add"],
        description: "Add an investment forum, business forum or conference",
        options: &[
            req(
                arg::NAME,
                "Name, e.g. Jeju Forum",
                OptionKind::Text(SHORT_MAX),
            ),
            req(arg::KIND, "Kind of event", OptionKind::Choice(FORUM_KINDS)),
            req(
                arg::START,
                "First day, YYYY-MM-DD (or YYYY-MM)",
                OptionKind::Date,
            ),
            opt(
                arg::END,
                "Last day, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            opt(arg::PLACE, "Where", OptionKind::Text(NAME_MAX)),
            opt(
                arg::ORGANIZER,
                "Who organized it",
                OptionKind::Text(SHORT_MAX),
            ),
            opt(
                arg::EDITION,
                "Edition, e.g. 19th",
                OptionKind::Text(NAME_MAX),
            ),
            opt(arg::VISIT, "Visit number of a delegation that attended", ID),
            opt(
                arg::FORCE,
                "Add even if a forum with that name, edition and start exists",
                OptionKind::Bool,
            ),
        ],
        moderator: true,
        example: "/record forum add name:\"Jeju Forum\" kind:\"investment forum\" start:2024-05-29 edition:19th",
    },
    CommandSpec {
        id: CommandId::ForumEdit,
        path: &["record", "forum", "edit"],
        description: "Change fields of a forum (clear:end empties a field)",
        options: &[
            look(req(arg::ID, "Forum number", ID), Lookup::Forum),
            opt(arg::NAME, "Name", OptionKind::Text(SHORT_MAX)),
            opt(arg::KIND, "Kind of event", OptionKind::Choice(FORUM_KINDS)),
            opt(
                arg::START,
                "First day, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            opt(
                arg::END,
                "Last day, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            opt(arg::PLACE, "Where", OptionKind::Text(NAME_MAX)),
            opt(
                arg::ORGANIZER,
                "Who organized it",
                OptionKind::Text(SHORT_MAX),
            ),
            opt(
                arg::EDITION,
                "Edition, e.g. 19th",
                OptionKind::Text(NAME_MAX),
            ),
            VERSION,
            clear("Fields to empty: end,place,organizer,edition"),
        ],
        moderator: true,
        example: "/record forum edit id:1 organizer:\"Jeju Special Self-Governing Province\"",
    },
    CommandSpec {
        id: CommandId::ForumDelete,
        path: &["record", "forum", "delete"],
        description: "Delete a forum (undo brings it back)",
        options: &[look(req(arg::ID, "Forum number", ID), Lookup::Forum)],
        moderator: true,
        example: "/record forum delete id:1",
    },
    CommandSpec {
        id: CommandId::ForumLink,
        path: &["record", "forum", "link"],
        description: "Record that a visiting delegation attended a forum",
        options: &[
            look(req(arg::FORUM, "Forum number", ID), Lookup::Forum),
            req(arg::VISIT, "Visit number", ID),
        ],
        moderator: true,
        example: "/record forum link forum:1 visit:1",
    },
];
