//! The commands `src/commands/import.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
    id: CommandId::DataImport,
    path: &["data", "import"],
    description: "Import a CSV or JSON file: preview, then apply (all or nothing)",
    options: &[
        req(arg::FILE, "The CSV or JSON file", OptionKind::File),
        opt(arg::CONFIRM, "Apply without a preview", OptionKind::Bool),
        opt(
            arg::FORCE,
            "Import visits even if they overlap existing ones",
            OptionKind::Bool,
        ),
    ],
    moderator: true,
    example: "/data import file:visits.csv",
}];
