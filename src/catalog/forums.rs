//! The commands `src/commands/forums.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::ForumsList,
        path: &["forums", "list"],
        description: "Investment forums, business forums and conferences",
        options: &[
            FROM,
            TO,
            opt(arg::KIND, "Kind of event", OptionKind::Choice(FORUM_KINDS)),
            opt(
                arg::PLACE,
                "Place (any part of it)",
                OptionKind::Text(NAME_MAX),
            ),
            PAGE,
        ],
        moderator: false,
        example: "/forums list from:2024-01",
    },
    CommandSpec {
        id: CommandId::ForumsShow,
        path: &["forums", "show"],
        description: "One forum and the delegations that attended",
        options: &[look(req(arg::ID, "Forum number", ID), Lookup::Forum)],
        moderator: false,
        example: "/forums show id:1",
    },
];
