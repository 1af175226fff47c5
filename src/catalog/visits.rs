//! The commands `src/commands/visits.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::VisitsMonthly,
        path: &["visits", "monthly"],
        description: "Visits per month: table, total, mean, busiest month, change vs previous period",
        options: &[FROM_MONTH, TO_MONTH, PROVINCES],
        moderator: false,
        example: "/visits monthly from:2024-01 to:2024-12 province:Jiangsu",
    },
    CommandSpec {
        id: CommandId::VisitsList,
        path: &["visits", "list"],
        description: "Visits, newest first, with filters",
        options: &[
            PROVINCES,
            opt(arg::CITY, "Origin city", OptionKind::Text(NAME_MAX)),
            look(
                opt(
                    arg::PLACE,
                    "Korean place visited",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Place,
            ),
            look(
                opt(
                    arg::OFFICIAL,
                    "Official who led or met the delegation",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            FROM,
            TO,
            PAGE,
        ],
        moderator: false,
        example: "/visits list province:Hainan",
    },
    CommandSpec {
        id: CommandId::VisitsShow,
        path: &["visits", "show"],
        description: "Everything about one visit",
        options: &[req(arg::ID, "Visit number", ID)],
        moderator: false,
        example: "/visits show id:1",
    },
];
