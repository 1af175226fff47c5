//! The commands `src/commands/officials.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::OfficialHistory,
        path: &["official", "history"],
        description: "An official's meetings in date order",
        options: &[OFFICIAL, FROM, TO, PAGE],
        moderator: false,
        example: "/official history name:\"Oh Young-hun\"",
    },
    CommandSpec {
        id: CommandId::OfficialShow,
        path: &["official", "show"],
        description: "An official's profile, aliases and counts",
        options: &[OFFICIAL],
        moderator: false,
        example: "/official show name:\"Xin Changxing\"",
    },
];
