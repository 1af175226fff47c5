//! The commands `src/commands/data.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::DataAudit,
        path: &["data", "audit"],
        description: "Recent changes, or the history of one record",
        options: &[
            opt(
                arg::ENTITY,
                "Kind of record",
                OptionKind::Choice(&["visit", "meeting", "forum", "official", "outcome"]),
            ),
            opt(arg::ID, "Record number", ID),
            PAGE,
        ],
        moderator: true,
        example: "/data audit entity:visit id:1",
    },
    CommandSpec {
        id: CommandId::DataUndo,
        path: &["data", "undo"],
        description: "Undo your last change",
        options: &[],
        moderator: true,
        example: "/data undo",
    },
];
