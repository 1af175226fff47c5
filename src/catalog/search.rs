//! The commands `src/commands/search.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
    id: CommandId::Search,
    path: &["search"],
    description: "Search visits, officials, forums, meetings and outcomes",
    options: &[
        req(
            arg::TEXT,
            "Whole words to look for; end one with * to match its beginning",
            OptionKind::Text(SEARCH_MAX),
        ),
        PAGE,
    ],
    moderator: false,
    example: "/search text:\"Jeju Forum\"",
}];
