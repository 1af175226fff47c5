//! The commands `src/commands/help.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
    id: CommandId::Help,
    path: &["help"],
    description: "List the commands, or explain one",
    options: &[opt(
        arg::COMMAND,
        "A command, e.g. visits monthly",
        OptionKind::Text(NAME_MAX),
    )],
    moderator: false,
    example: "/help visits",
}];
