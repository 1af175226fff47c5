//! The commands `src/commands/provinces.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
    id: CommandId::Provinces,
    path: &["provinces"],
    description: "Provinces ranked by visits, meetings and forums attended",
    options: &[FROM, TO],
    moderator: false,
    example: "/provinces from:2024-01",
}];
