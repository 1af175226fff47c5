//! The commands `src/commands/settings.rs` answers: what each takes, for the console, Discord and
//! `/help`.

/// The commands of this group, in the order help and Discord show them.
pub(crate) const SPECS: &[crate::catalog::CommandSpec] = {
    use crate::catalog::*;
    &[CommandSpec {
        id: CommandId::Settings,
        path: &["settings"],
        description: "The team's settings: the language of watch and digest posts",
        options: &[opt(
            arg::LANGUAGE,
            "Language of what the bot posts to channels",
            OptionKind::Choice(&["ko", "zh", "en"]),
        )],
        moderator: true,
        example: "/settings language:ko",
    }]
};
