//! The commands `src/commands/watch.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::WatchAdd,
        path: &["watch", "add"],
        description: "Post to a channel whenever matching records are added, changed or deleted",
        options: &[
            req(arg::CHANNEL, CHANNEL, OptionKind::Channel),
            look(
                opt(
                    arg::PROVINCE,
                    "Chinese province",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Province,
            ),
            look(
                opt(
                    arg::OFFICIAL,
                    "Official who led, met or attended",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            look(
                opt(
                    arg::PLACE,
                    "Korean place visited",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Place,
            ),
            opt(
                arg::KIND,
                "Which records (default: all)",
                OptionKind::Choice(WATCH_KINDS),
            ),
        ],
        moderator: true,
        example: "/watch add channel:300000000000000001 province:Jiangsu",
    },
    CommandSpec {
        id: CommandId::WatchList,
        path: &["watches"],
        description: "The watches: ids, filters, channels, who set them, and any that are paused",
        options: &[],
        moderator: false,
        example: "/watches",
    },
    CommandSpec {
        id: CommandId::WatchRemove,
        path: &["watch", "remove"],
        description: "Stop a watch",
        options: &[req(arg::ID, "Watch number (/watches)", ID)],
        moderator: true,
        example: "/watch remove id:1",
    },
];
