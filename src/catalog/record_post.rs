//! The commands `src/commands/record_post.rs` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::OfficialPost,
        path: &["record", "official", "post"],
        description: "Add a post an official held or holds, with its dates",
        options: &[
            OFFICIAL,
            req(
                arg::TITLE,
                "Title, e.g. Party Secretary of Qinghai",
                OptionKind::Text(SHORT_MAX),
            ),
            req(
                arg::FROM,
                "First day in the post, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            opt(
                arg::TO,
                "Last day in the post (leave out if still held)",
                OptionKind::Date,
            ),
            ORGANIZATION,
            look(
                opt(
                    arg::PROVINCE,
                    "Chinese province of the post",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Province,
            ),
        ],
        moderator: true,
        example: "/record official post name:\"Xin Changxing\" title:\"Party Secretary of Qinghai\" from:2022-04 to:2022-12",
    },
    CommandSpec {
        id: CommandId::OfficialPostRemove,
        path: &["record", "official", "post-remove"],
        description: "Take a post off an official's career (/official show numbers them)",
        options: &[OFFICIAL, req(arg::ID, "Post number", ID)],
        moderator: true,
        example: "/record official post-remove name:\"Xin Changxing\" id:3",
    },
];
