//! The one catalog of commands: names, descriptions, options, types, choices, lookups and
//! who may run them. Console parsing, `/help` and (later) Discord registration all read it.

use std::sync::LazyLock;

mod data;
mod digest;
mod draft;
mod export;
mod forums;
mod help;
mod import;
mod officials;
mod outcomes;
mod provinces;
mod record_forum;
mod record_meeting;
mod record_official;
mod record_outcome;
mod record_post;
mod record_visit;
mod search;
mod settings;
mod stats;
mod visits;
mod watch;

pub(crate) use crate::domain::text::{LONG_MAX, NAME_MAX, SEARCH_MAX, SHORT_MAX, URL_MAX};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommandId {
    VisitsMonthly,
    VisitsList,
    VisitsShow,
    OfficialHistory,
    OfficialShow,
    ForumsList,
    ForumsShow,
    Provinces,
    Stats,
    Search,
    Export,
    Help,
    VisitAdd,
    VisitEdit,
    VisitDelete,
    MeetingAdd,
    MeetingEdit,
    MeetingDelete,
    ForumAdd,
    ForumEdit,
    ForumDelete,
    ForumLink,
    OfficialAdd,
    OfficialEdit,
    OfficialDelete,
    OfficialAlias,
    OfficialUnalias,
    OfficialMerge,
    DataImport,
    DataAudit,
    DataUndo,
    RecordDraft,
    WatchAdd,
    WatchList,
    WatchRemove,
    DigestSet,
    DigestOff,
    DigestPreview,
    OutcomesList,
    OutcomesShow,
    OutcomeAdd,
    OutcomeEdit,
    OutcomeDelete,
    OfficialPost,
    OfficialPostRemove,
    Settings,
}

/// How an option's value is typed and checked before any command sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// Free text up to this many characters.
    Text(usize),
    /// A pasted article up to this many characters: taken as it is (not refused for spam,
    /// which intake drops and lists itself).
    Article(usize),
    Integer {
        min: i64,
        max: i64,
    },
    Bool,
    /// YYYY-MM-DD or YYYY-MM.
    Date,
    /// YYYY-MM-DD only.
    Day,
    /// YYYY-MM only.
    Month,
    Choice(&'static [&'static str]),
    /// An attachment on Discord, a file path in the console.
    File,
    /// A text channel: picked from the list on Discord, its id (or `<#id>`) in the console.
    Channel,
}

/// Where autocomplete suggestions come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Province,
    Place,
    Official,
    Forum,
}

#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: OptionKind,
    pub required: bool,
    pub lookup: Option<Lookup>,
}

#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub id: CommandId,
    /// e.g. `["record", "visit", "add"]` for `/record visit add`.
    pub path: &'static [&'static str],
    pub description: &'static str,
    pub options: &'static [OptionSpec],
    pub moderator: bool,
    pub example: &'static str,
}

impl CommandSpec {
    /// Answered to the one who asked only (in chat): changes (they may be refused, or ask
    /// to confirm), exports (they may not fit) and digest previews; the read commands
    /// answer the channel.
    pub fn answers_privately(&self) -> bool {
        self.moderator || matches!(self.id, CommandId::Export | CommandId::DigestPreview)
    }

    /// Asked again with a button before it runs (in chat): the deletes.
    pub fn asks_to_confirm(&self) -> bool {
        matches!(
            self.id,
            CommandId::VisitDelete
                | CommandId::MeetingDelete
                | CommandId::ForumDelete
                | CommandId::OfficialDelete
                | CommandId::OutcomeDelete
        )
    }

    pub fn name(&self) -> String {
        format!("/{}", self.path.join(" "))
    }

    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The usage line: `/visits monthly [from] [to] [province]`.
    pub fn usage(&self) -> String {
        let mut s = self.name();
        for o in self.options {
            if o.required {
                s.push_str(&format!(" {}:…", o.name));
            } else {
                s.push_str(&format!(" [{}]", o.name));
            }
        }
        s
    }
}

/// An option's name as commands declare it (`opt`, `req`) and read it (`Request::text`):
/// one of the constants of `arg`, so a misspelt name does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Opt(pub &'static str);

/// Every option's name.
pub mod arg {
    use super::Opt;

    pub const ALIAS: Opt = Opt("alias");
    pub const ALIASES: Opt = Opt("aliases");
    pub const AMOUNT: Opt = Opt("amount");
    pub const CHANNEL: Opt = Opt("channel");
    pub const CITY: Opt = Opt("city");
    pub const CLEAR: Opt = Opt("clear");
    pub const COMMAND: Opt = Opt("command");
    pub const CONFIRM: Opt = Opt("confirm");
    pub const COUNTRY: Opt = Opt("country");
    pub const CURRENCY: Opt = Opt("currency");
    pub const DATE: Opt = Opt("date");
    pub const DAY: Opt = Opt("day");
    pub const EDITION: Opt = Opt("edition");
    pub const END: Opt = Opt("end");
    pub const ENTITY: Opt = Opt("entity");
    pub const FILE: Opt = Opt("file");
    pub const FORCE: Opt = Opt("force");
    pub const FORMAT: Opt = Opt("format");
    pub const FORUM: Opt = Opt("forum");
    pub const FREQUENCY: Opt = Opt("frequency");
    pub const FROM: Opt = Opt("from");
    pub const HEADERS: Opt = Opt("headers");
    pub const HOUR: Opt = Opt("hour");
    pub const ID: Opt = Opt("id");
    pub const KEEP: Opt = Opt("keep");
    pub const KIND: Opt = Opt("kind");
    pub const KOREAN_SIDE: Opt = Opt("korean_side");
    pub const LANGUAGE: Opt = Opt("language");
    pub const LEADER: Opt = Opt("leader");
    pub const LEVEL: Opt = Opt("level");
    pub const LOCAL_NAME: Opt = Opt("local_name");
    pub const MEETING: Opt = Opt("meeting");
    pub const MEETINGS: Opt = Opt("meetings");
    pub const NAME: Opt = Opt("name");
    pub const NEW_NAME: Opt = Opt("new_name");
    pub const OFFICIAL: Opt = Opt("official");
    pub const OFFICIALS: Opt = Opt("officials");
    pub const ORGANIZATION: Opt = Opt("organization");
    pub const ORGANIZER: Opt = Opt("organizer");
    pub const PAGE: Opt = Opt("page");
    pub const PLACE: Opt = Opt("place");
    pub const PLACES: Opt = Opt("places");
    pub const PROVINCE: Opt = Opt("province");
    pub const PUBLISHED: Opt = Opt("published");
    pub const PURPOSE: Opt = Opt("purpose");
    pub const REMOVE: Opt = Opt("remove");
    pub const REMOVE_SOURCE: Opt = Opt("remove_source");
    pub const SIZE: Opt = Opt("size");
    pub const SOURCE: Opt = Opt("source");
    pub const SOURCE_DATE: Opt = Opt("source_date");
    pub const SOURCE_TITLE: Opt = Opt("source_title");
    pub const START: Opt = Opt("start");
    pub const STATUS: Opt = Opt("status");
    pub const SUMMARY: Opt = Opt("summary");
    pub const TEXT: Opt = Opt("text");
    pub const TITLE: Opt = Opt("title");
    pub const TO: Opt = Opt("to");
    pub const URL: Opt = Opt("url");
    pub const VERSION: Opt = Opt("version");
    pub const VISIT: Opt = Opt("visit");
    pub const WEEKDAY: Opt = Opt("weekday");
    pub const WHAT: Opt = Opt("what");
}

pub(crate) const fn opt(name: Opt, description: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name: name.0,
        description,
        kind,
        required: false,
        lookup: None,
    }
}
pub(crate) const fn req(name: Opt, description: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name: name.0,
        description,
        kind,
        required: true,
        lookup: None,
    }
}
pub(crate) const fn look(mut o: OptionSpec, lookup: Lookup) -> OptionSpec {
    o.lookup = Some(lookup);
    o
}

pub(crate) const ID: OptionKind = OptionKind::Integer {
    min: 1,
    max: i64::MAX,
};
pub(crate) const PAGE: OptionSpec = opt(
    arg::PAGE,
    "Page number (10 entries a page)",
    OptionKind::Integer {
        min: 1,
        max: 100_000,
    },
);
pub(crate) const FROM_MONTH: OptionSpec = opt(arg::FROM, "First month, YYYY-MM", OptionKind::Month);
pub(crate) const TO_MONTH: OptionSpec = opt(arg::TO, "Last month, YYYY-MM", OptionKind::Month);
pub(crate) const FROM: OptionSpec = opt(
    arg::FROM,
    "From date, YYYY-MM-DD or YYYY-MM",
    OptionKind::Date,
);
pub(crate) const TO: OptionSpec = opt(arg::TO, "To date, YYYY-MM-DD or YYYY-MM", OptionKind::Date);
pub(crate) const PROVINCES: OptionSpec = look(
    opt(
        arg::PROVINCE,
        "Chinese province(s), comma-separated",
        OptionKind::Text(SHORT_MAX),
    ),
    Lookup::Province,
);
pub(crate) const PLACES: OptionSpec = look(
    opt(
        arg::PLACES,
        "Korean places visited, comma-separated",
        OptionKind::Text(SHORT_MAX),
    ),
    Lookup::Place,
);
/// The official a command is about, typed by any name or alias.
pub(crate) const OFFICIAL: OptionSpec = look(
    req(
        arg::NAME,
        "Official's name or alias",
        OptionKind::Text(NAME_MAX),
    ),
    Lookup::Official,
);
/// The organization an official serves in.
pub(crate) const ORGANIZATION: OptionSpec = opt(
    arg::ORGANIZATION,
    "Organization",
    OptionKind::Text(SHORT_MAX),
);
/// The Chinese province an official serves.
pub(crate) const SERVES_IN: OptionSpec = look(
    opt(
        arg::PROVINCE,
        "Chinese province the official serves",
        OptionKind::Text(NAME_MAX),
    ),
    Lookup::Province,
);
pub(crate) const LEVELS: &[&str] = &["provincial", "municipal", "county", "party", "other"];
pub(crate) const FORUM_KINDS: &[&str] = &[
    "investment forum",
    "business forum",
    "promotion conference",
    "conference",
    "other",
];
pub(crate) const COUNTRIES: &[&str] = &["China", "Korea", "Other"];
pub(crate) const VERSION: OptionSpec = opt(
    arg::VERSION,
    "The version you saw; refused if the record changed since",
    OptionKind::Integer {
        min: 1,
        max: i64::MAX,
    },
);
/// The fields each edit can empty with `clear:` (its option's description lists them).
pub fn clearable(id: CommandId) -> &'static [&'static str] {
    match id {
        CommandId::VisitEdit => &[
            "end", "city", "level", "leader", "places", "purpose", "size", "source",
        ],
        CommandId::MeetingEdit => &["place", "summary", "visit"],
        CommandId::ForumEdit => &["end", "place", "organizer", "edition"],
        CommandId::OfficialEdit => &["local_name", "title", "organization", "province"],
        CommandId::RecordDraft => &["end", "leader", "places"],
        CommandId::OutcomeEdit => &[
            "province",
            "city",
            "korean_side",
            "amount",
            "visit",
            "meeting",
            "forum",
            "summary",
            "source",
        ],
        _ => &[],
    }
}
pub(crate) const fn clear(description: &'static str) -> OptionSpec {
    opt(arg::CLEAR, description, OptionKind::Text(SHORT_MAX))
}
pub(crate) const FORCE: OptionSpec = opt(
    arg::FORCE,
    "Add even if it overlaps an existing visit",
    OptionKind::Bool,
);

pub(crate) const VISIT_FIELDS: [OptionSpec; 10] = [
    opt(
        arg::END,
        "Last day, YYYY-MM-DD (or YYYY-MM)",
        OptionKind::Date,
    ),
    opt(
        arg::CITY,
        "Origin city, e.g. Nanjing",
        OptionKind::Text(NAME_MAX),
    ),
    opt(arg::LEVEL, "Delegation level", OptionKind::Choice(LEVELS)),
    look(
        opt(
            arg::LEADER,
            "Leader of the delegation (a known official)",
            OptionKind::Text(NAME_MAX),
        ),
        Lookup::Official,
    ),
    PLACES,
    opt(
        arg::PURPOSE,
        "Purpose of the visit",
        OptionKind::Text(LONG_MAX),
    ),
    opt(
        arg::SIZE,
        "Number of people in the delegation",
        OptionKind::Integer {
            min: 1,
            max: 10_000,
        },
    ),
    opt(
        arg::SOURCE,
        "Source link (https://...)",
        OptionKind::Text(URL_MAX),
    ),
    opt(
        arg::SOURCE_TITLE,
        "Title of the source article",
        OptionKind::Text(SHORT_MAX),
    ),
    opt(
        arg::SOURCE_DATE,
        "Publication date of the source, YYYY-MM-DD",
        OptionKind::Day,
    ),
];

/// The outcome vocabularies as choices (a test keeps them equal to the domain's labels).
pub const OUTCOME_KINDS: &[&str] = &[
    "MOU",
    "agreement",
    "investment pledge",
    "contract",
    "sister-city",
    "other",
];
pub const OUTCOME_STATUSES: &[&str] = &[
    "announced",
    "signed",
    "in progress",
    "realized",
    "cancelled",
];
pub const CURRENCIES: &[&str] = &["KRW", "USD", "CNY", "EUR", "JPY"];

/// What an outcome add or edit may set besides its kind, title and date.
pub(crate) const OUTCOME_FIELDS: [OptionSpec; 10] = [
    opt(
        arg::STATUS,
        "How far it has got (default: signed)",
        OptionKind::Choice(OUTCOME_STATUSES),
    ),
    opt(
        arg::CITY,
        "Chinese city, e.g. Nanjing",
        OptionKind::Text(NAME_MAX),
    ),
    opt(
        arg::KOREAN_SIDE,
        "Korean places or organizations, free text",
        OptionKind::Text(SHORT_MAX),
    ),
    opt(
        arg::AMOUNT,
        "Amount, e.g. 1.5 billion, 1,500,000,000, 15억, 1조 5천억",
        OptionKind::Text(NAME_MAX),
    ),
    opt(
        arg::CURRENCY,
        "Currency of the amount",
        OptionKind::Choice(CURRENCIES),
    ),
    opt(arg::VISIT, "Visit number it came of", ID),
    opt(arg::MEETING, "Meeting number it came of", ID),
    look(
        opt(arg::FORUM, "Forum number it came of", ID),
        Lookup::Forum,
    ),
    opt(arg::SUMMARY, "What it says", OptionKind::Text(LONG_MAX)),
    opt(
        arg::SOURCE,
        "Source link (https://...)",
        OptionKind::Text(URL_MAX),
    ),
];
pub(crate) const SOURCE_DETAILS: [OptionSpec; 2] = [
    opt(
        arg::SOURCE_TITLE,
        "Title of the source article",
        OptionKind::Text(SHORT_MAX),
    ),
    opt(
        arg::SOURCE_DATE,
        "Publication date of the source, YYYY-MM-DD",
        OptionKind::Day,
    ),
];

macro_rules! options {
    ($($head:expr),* ; $fields:expr ; $($tail:expr),*) => {{
        const FIELDS: [OptionSpec; 10] = $fields;
        const HEAD: &[OptionSpec] = &[$($head),*];
        const TAIL: &[OptionSpec] = &[$($tail),*];
        const LEN: usize = HEAD.len() + FIELDS.len() + TAIL.len();
        const ALL: [OptionSpec; LEN] = {
            let mut out = [FIELDS[0]; LEN];
            let mut i = 0;
            while i < HEAD.len() { out[i] = HEAD[i]; i += 1; }
            let mut j = 0;
            while j < FIELDS.len() { out[i + j] = FIELDS[j]; j += 1; }
            let mut k = 0;
            while k < TAIL.len() { out[i + j + k] = TAIL[k]; k += 1; }
            out
        };
        &ALL
    }};
}
pub(crate) use options;

/// Every command, group by group in the order help and Discord list them. Each group's
/// commands are declared in `src/catalog/<group>.rs`, named after the file of
/// `src/commands/` that answers them.
pub static COMMANDS: LazyLock<Vec<CommandSpec>> = LazyLock::new(|| {
    [
        visits::SPECS,
        officials::SPECS,
        forums::SPECS,
        provinces::SPECS,
        stats::SPECS,
        search::SPECS,
        export::SPECS,
        help::SPECS,
        record_visit::SPECS,
        record_meeting::SPECS,
        record_forum::SPECS,
        record_official::SPECS,
        record_post::SPECS,
        import::SPECS,
        data::SPECS,
        draft::SPECS,
        watch::SPECS,
        digest::SPECS,
        settings::SPECS,
        outcomes::SPECS,
        record_outcome::SPECS,
    ]
    .concat()
});

pub(crate) const CHANNEL: &str = "Channel to post in (its id in the console)";
pub(crate) const FREQUENCIES: &[&str] = &["weekly", "monthly"];
/// What a watch follows (migration 0009 checks the same list).
pub const WATCH_KINDS: &[&str] = &["visits", "meetings", "forums", "outcomes", "all"];
/// In ISO order: `weekday` 1 is Monday.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The longest report `/record draft text:` takes (Discord's limit for an option);
/// longer ones come as a file or a link.
pub const ARTICLE_MAX: usize = 6000;

pub fn spec(id: CommandId) -> &'static CommandSpec {
    COMMANDS
        .iter()
        .find(|c| c.id == id)
        .expect("every command id is in the catalog")
}

/// The command whose path is the longest prefix of `words`, with the number of words used.
/// Commands that moved, as the console still reads them: `/record outcome add` is
/// `/outcome add` (the outcome writes got their own moderator command, to leave `/record`
/// room under Discord's size cap), `/watch list` is `/watches` and `/digest preview` is
/// `/digests` (so `/watch` and `/digest` hold only moderators' commands, hidden from
/// members in Discord), and `/record official role` is `/record official post` (one word
/// for a held office).
pub const MOVED: [(&[&str], &[&str]); 5] = [
    (
        &["record", "official", "role"],
        &["record", "official", "post"],
    ),
    (
        &["record", "official", "role-remove"],
        &["record", "official", "post-remove"],
    ),
    (&["record", "outcome"], &["outcome"]),
    (&["watch", "list"], &["watches"]),
    (&["digest", "preview"], &["digests"]),
];

pub fn find(words: &[&str]) -> Option<(&'static CommandSpec, usize)> {
    for (old, new) in MOVED {
        let moved = words.len() >= old.len()
            && old
                .iter()
                .zip(words)
                .all(|(o, w)| o.eq_ignore_ascii_case(w));
        if moved {
            let mut now: Vec<&str> = new.to_vec();
            now.extend(&words[old.len()..]);
            let (spec, used) = find(&now)?;
            return Some((spec, used + old.len() - new.len()));
        }
    }
    COMMANDS
        .iter()
        .filter(|c| {
            c.path.len() <= words.len()
                && c.path
                    .iter()
                    .zip(words)
                    .all(|(p, w)| p.eq_ignore_ascii_case(w))
        })
        .max_by_key(|c| c.path.len())
        .map(|c| (c, c.path.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalog_follows_discord_naming_rules() {
        let mut paths = HashSet::new();
        for c in COMMANDS.iter() {
            assert!(paths.insert(c.path), "duplicate {}", c.name());
            assert!(
                !c.description.is_empty() && c.description.chars().count() <= 100,
                "{}",
                c.name()
            );
            assert!(c.options.len() <= 25, "{}", c.name());
            for word in c.path {
                assert!(valid_name(word), "{word}");
            }
            let mut seen_optional = false;
            let mut names = HashSet::new();
            for o in c.options {
                assert!(valid_name(o.name), "{} {}", c.name(), o.name);
                assert!(names.insert(o.name), "{} repeats {}", c.name(), o.name);
                assert!(
                    !o.description.is_empty() && o.description.chars().count() <= 100,
                    "{}",
                    o.name
                );
                assert!(
                    !(o.required && seen_optional),
                    "{}: required {} after optional",
                    c.name(),
                    o.name
                );
                seen_optional |= !o.required;
                if let OptionKind::Choice(choices) = o.kind {
                    assert!(choices.len() <= 25);
                }
            }
        }
    }

    #[test]
    fn every_example_is_a_valid_command() {
        for c in COMMANDS.iter() {
            let r = crate::request::Request::parse_line(c.example);
            assert!(r.is_ok(), "{}: {:?}", c.example, r.err());
            assert_eq!(r.unwrap().spec.id, c.id, "{}", c.example);
        }
    }

    #[test]
    fn each_clear_option_lists_what_its_edit_can_empty() {
        for c in COMMANDS.iter() {
            let fields = clearable(c.id);
            match c.option("clear") {
                Some(o) => {
                    let listed = o.description.rsplit(": ").next().unwrap();
                    assert_eq!(listed, fields.join(","), "{}", c.name());
                    assert!(fields.iter().all(|f| c.option(f).is_some()), "{}", c.name());
                }
                None => assert!(fields.is_empty(), "{}", c.name()),
            }
        }
    }

    fn valid_name(s: &str) -> bool {
        (1..=32).contains(&s.chars().count())
            && s.chars()
                .all(|c| c == '-' || c == '_' || (c.is_alphanumeric() && !c.is_uppercase()))
    }

    #[test]
    fn outcome_choices_are_the_domains_labels() {
        use crate::domain::{Currency, OutcomeKind, OutcomeStatus};
        assert_eq!(OUTCOME_KINDS, OutcomeKind::labels());
        assert_eq!(OUTCOME_STATUSES, OutcomeStatus::labels());
        assert_eq!(CURRENCIES, Currency::labels());
    }

    #[test]
    fn longest_path_wins() {
        let (c, used) = find(&["record", "visit", "add", "x"]).unwrap();
        assert_eq!((c.id, used), (CommandId::VisitAdd, 3));
        assert!(find(&["visits"]).is_none());
        assert_eq!(find(&["stats"]).unwrap().0.id, CommandId::Stats);
    }
}
