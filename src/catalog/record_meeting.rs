//! The commands `src/commands/record_meeting.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::MeetingAdd,
        path: &["record", "meeting", "add"],
        description: "Add a meeting between officials",
        options: &[
            req(
                arg::DATE,
                "Date, YYYY-MM-DD (or YYYY-MM for a month)",
                OptionKind::Date,
            ),
            look(
                req(
                    arg::OFFICIALS,
                    "Officials present, separated by ;",
                    OptionKind::Text(LONG_MAX),
                ),
                Lookup::Official,
            ),
            opt(
                arg::PLACE,
                "Where, e.g. Seoul City Hall",
                OptionKind::Text(NAME_MAX),
            ),
            opt(arg::VISIT, "Visit number this meeting belongs to", ID),
            opt(
                arg::SUMMARY,
                "What was discussed",
                OptionKind::Text(LONG_MAX),
            ),
            opt(
                arg::FORCE,
                "Add even if the same officials met on that day already",
                OptionKind::Bool,
            ),
        ],
        moderator: true,
        example: "/record meeting add date:2024-05-29 officials:\"Liu Xiaoming; Oh Young-hun\" place:Jeju visit:1",
    },
    CommandSpec {
        id: CommandId::MeetingEdit,
        path: &["record", "meeting", "edit"],
        description: "Change fields of a meeting (clear:place empties a field)",
        options: &[
            req(arg::ID, "Meeting number", ID),
            opt(arg::DATE, "Date, YYYY-MM-DD or YYYY-MM", OptionKind::Date),
            look(
                opt(
                    arg::OFFICIALS,
                    "Officials present, separated by ;",
                    OptionKind::Text(LONG_MAX),
                ),
                Lookup::Official,
            ),
            opt(arg::PLACE, "Where", OptionKind::Text(NAME_MAX)),
            opt(
                arg::VISIT,
                "Visit number (0 to unlink)",
                OptionKind::Integer {
                    min: 0,
                    max: i64::MAX,
                },
            ),
            opt(
                arg::SUMMARY,
                "What was discussed",
                OptionKind::Text(LONG_MAX),
            ),
            VERSION,
            clear("Fields to empty: place,summary,visit"),
        ],
        moderator: true,
        example: "/record meeting edit id:2 place:\"Seoul City Hall\"",
    },
    CommandSpec {
        id: CommandId::MeetingDelete,
        path: &["record", "meeting", "delete"],
        description: "Delete a meeting (undo brings it back)",
        options: &[req(arg::ID, "Meeting number", ID)],
        moderator: true,
        example: "/record meeting delete id:2",
    },
];
