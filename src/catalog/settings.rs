//! The commands `src/commands/settings.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
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
}];
