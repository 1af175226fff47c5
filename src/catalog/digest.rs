//! The commands `src/commands/digest.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::DigestSet,
        path: &["digest", "set"],
        description: "Post a weekly or monthly digest to a channel",
        options: &[
            req(arg::CHANNEL, CHANNEL, OptionKind::Channel),
            req(arg::FREQUENCY, "How often", OptionKind::Choice(FREQUENCIES)),
            opt(
                arg::WEEKDAY,
                "Weekly: the day it is posted (default Monday)",
                OptionKind::Choice(WEEKDAYS),
            ),
            opt(
                arg::DAY,
                "Monthly: the day of the month it is posted (default 1)",
                OptionKind::Integer { min: 1, max: 28 },
            ),
            opt(
                arg::HOUR,
                "Hour it is posted, in the digest time zone (default 9)",
                OptionKind::Integer { min: 0, max: 23 },
            ),
        ],
        moderator: true,
        example: "/digest set channel:300000000000000001 frequency:monthly",
    },
    CommandSpec {
        id: CommandId::DigestOff,
        path: &["digest", "off"],
        description: "Stop posting the digest",
        options: &[],
        moderator: true,
        example: "/digest off",
    },
    CommandSpec {
        id: CommandId::DigestPreview,
        path: &["digests"],
        description: "The team's digest: its schedule, any not delivered, and the last complete period",
        options: &[opt(
            arg::FREQUENCY,
            "Week or month (default: as set, else monthly)",
            OptionKind::Choice(FREQUENCIES),
        )],
        moderator: false,
        example: "/digests frequency:weekly",
    },
];
