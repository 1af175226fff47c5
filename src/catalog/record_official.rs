//! The commands `src/commands/record_official.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::OfficialAdd,
        path: &["record", "official", "add"],
        description: "Add an official",
        options: &[
            req(
                arg::NAME,
                "Romanized name, e.g. Oh Se-hoon",
                OptionKind::Text(NAME_MAX),
            ),
            req(arg::COUNTRY, "Which side", OptionKind::Choice(COUNTRIES)),
            opt(
                arg::TITLE,
                "Title, e.g. Mayor of Seoul",
                OptionKind::Text(SHORT_MAX),
            ),
            ORGANIZATION,
            SERVES_IN,
            opt(
                arg::LOCAL_NAME,
                "Name in the local script, e.g. 오세훈",
                OptionKind::Text(NAME_MAX),
            ),
            opt(
                arg::ALIASES,
                "Other spellings, separated by ;",
                OptionKind::Text(LONG_MAX),
            ),
        ],
        moderator: true,
        example: "/record official add name:\"Oh Se-hoon\" country:Korea title:\"Mayor of Seoul\" local_name:오세훈",
    },
    CommandSpec {
        id: CommandId::OfficialEdit,
        path: &["record", "official", "edit"],
        description: "Change an official's profile (clear:title empties a field)",
        options: &[
            look(
                req(
                    arg::NAME,
                    "Official's current name or alias",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            opt(
                arg::NEW_NAME,
                "New romanized name",
                OptionKind::Text(NAME_MAX),
            ),
            opt(arg::COUNTRY, "Which side", OptionKind::Choice(COUNTRIES)),
            opt(arg::TITLE, "Title", OptionKind::Text(SHORT_MAX)),
            ORGANIZATION,
            SERVES_IN,
            opt(
                arg::LOCAL_NAME,
                "Name in the local script",
                OptionKind::Text(NAME_MAX),
            ),
            VERSION,
            clear("Fields to empty: local_name,title,organization,province"),
        ],
        moderator: true,
        example: "/record official edit name:\"Oh Se-hoon\" title:\"Mayor of Seoul\"",
    },
    CommandSpec {
        id: CommandId::OfficialDelete,
        path: &["record", "official", "delete"],
        description: "Delete an official (undo brings them back)",
        options: &[OFFICIAL],
        moderator: true,
        example: "/record official delete name:\"Oh Se-hoon\"",
    },
    CommandSpec {
        id: CommandId::OfficialAlias,
        path: &["record", "official", "alias"],
        description: "Add another spelling of an official's name",
        options: &[
            OFFICIAL,
            req(
                arg::ALIAS,
                "The other spelling, e.g. Oh Sehoon",
                OptionKind::Text(NAME_MAX),
            ),
        ],
        moderator: true,
        example: "/record official alias name:\"Oh Se-hoon\" alias:\"Oh Sehoon\"",
    },
    CommandSpec {
        id: CommandId::OfficialMerge,
        path: &["record", "official", "merge"],
        description: "Merge two records of the same person",
        options: &[
            look(
                req(arg::KEEP, "The record to keep", OptionKind::Text(NAME_MAX)),
                Lookup::Official,
            ),
            look(
                req(
                    arg::REMOVE,
                    "The duplicate to fold into it",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            opt(
                arg::FORCE,
                "Merge even if the two records are on different sides",
                OptionKind::Bool,
            ),
        ],
        moderator: true,
        example: "/record official merge keep:\"Oh Se-hoon\" remove:\"Oh Sehun\"",
    },
    CommandSpec {
        id: CommandId::OfficialUnalias,
        path: &["record", "official", "unalias"],
        description: "Take a spelling off an official (not their name)",
        options: &[
            OFFICIAL,
            req(
                arg::ALIAS,
                "The spelling to take off",
                OptionKind::Text(NAME_MAX),
            ),
        ],
        moderator: true,
        example: "/record official unalias name:\"Oh Se-hoon\" alias:\"Oh Sehun\"",
    },
];
