//! The commands `src/commands/help.rs` answers: what each takes, for the console, Discord and
//! `/help`.

/// The commands of this group, in the order help and Discord show them.
pub(crate) const SPECS: &[crate::catalog::CommandSpec] = {
    use crate::catalog::*;
    &[CommandSpec {
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
    }]
};
