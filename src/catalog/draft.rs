//! The commands `src/commands/draft/` answers:
//! what each takes, for the console, Discord and `/help`.

use super::*;

/// The commands of this group, in the order help and Discord show them.
pub(super) const SPECS: &[CommandSpec] = &[CommandSpec {
    id: CommandId::RecordDraft,
    path: &["record", "draft"],
    description: "Draft records from a news report (text, file or link), then confirm",
    options: &[
        opt(
            arg::TEXT,
            "The report's text, pasted",
            OptionKind::Article(ARTICLE_MAX),
        ),
        opt(
            arg::FILE,
            "The report as a .txt, .html or .md file",
            OptionKind::File,
        ),
        opt(
            arg::URL,
            "The report's link: fetched, and kept as the visits' source",
            OptionKind::Text(URL_MAX),
        ),
        opt(
            arg::PUBLISHED,
            "Publication date, YYYY-MM-DD (else read from the report)",
            OptionKind::Day,
        ),
        look(
            opt(
                arg::PROVINCE,
                "Correct the visit's Chinese province(s), comma-separated",
                OptionKind::Text(SHORT_MAX),
            ),
            Lookup::Province,
        ),
        opt(
            arg::START,
            "Correct the visit's first day, YYYY-MM-DD or YYYY-MM",
            OptionKind::Date,
        ),
        opt(
            arg::END,
            "Correct the visit's last day, YYYY-MM-DD or YYYY-MM",
            OptionKind::Date,
        ),
        look(
            opt(
                arg::LEADER,
                "Correct the visit's leader (a new name is proposed as an official)",
                OptionKind::Text(NAME_MAX),
            ),
            Lookup::Official,
        ),
        look(
            opt(
                arg::PLACES,
                "Correct the Korean places visited, comma-separated",
                OptionKind::Text(SHORT_MAX),
            ),
            Lookup::Place,
        ),
        clear("Fields to empty: end,leader,places"),
        opt(
            arg::CONFIRM,
            "Write the draft without showing it first",
            OptionKind::Bool,
        ),
        opt(
            arg::FORCE,
            "Record visits even where they overlap one on record",
            OptionKind::Bool,
        ),
    ],
    moderator: true,
    example: "/record draft url:https://example.org/news/1 published:2024-06-01",
}];
