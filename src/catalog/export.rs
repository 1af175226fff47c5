//! The commands `src/commands/export.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
    id: CommandId::Export,
    path: &["export"],
    description: "Download records as CSV or JSON",
    options: &[
        req(
            arg::WHAT,
            "Which records",
            OptionKind::Choice(&[
                "visits",
                "meetings",
                "forums",
                "officials",
                "outcomes",
                "all",
            ]),
        ),
        req(
            arg::FORMAT,
            "File format",
            OptionKind::Choice(&["csv", "json"]),
        ),
        opt(
            arg::HEADERS,
            "Language of the CSV header row (import reads either)",
            OptionKind::Choice(&["en", "ko"]),
        ),
    ],
    moderator: false,
    example: "/export what:visits format:csv",
}];
