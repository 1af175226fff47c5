//! The commands `src/commands/stats.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
    id: CommandId::Stats,
    path: &["stats"],
    description: "Overview of a period: totals, busiest month, top provinces and hosts",
    options: &[FROM_MONTH, TO_MONTH],
    moderator: false,
    example: "/stats from:2024-01 to:2024-12",
}];
