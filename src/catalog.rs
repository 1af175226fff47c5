//! The one catalog of commands: names, descriptions, options, types, choices, lookups and
//! who may run them. Console parsing, `/help` and (later) Discord registration all read it.

use crate::domain::text::{LONG_MAX, NAME_MAX, SEARCH_MAX, SHORT_MAX, URL_MAX};

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

#[derive(Debug)]
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

const fn opt(name: &'static str, description: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind,
        required: false,
        lookup: None,
    }
}
const fn req(name: &'static str, description: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind,
        required: true,
        lookup: None,
    }
}
const fn look(mut o: OptionSpec, lookup: Lookup) -> OptionSpec {
    o.lookup = Some(lookup);
    o
}

const ID: OptionKind = OptionKind::Integer {
    min: 1,
    max: i64::MAX,
};
const PAGE: OptionSpec = opt(
    "page",
    "Page number (10 entries a page)",
    OptionKind::Integer {
        min: 1,
        max: 100_000,
    },
);
const FROM_MONTH: OptionSpec = opt("from", "First month, YYYY-MM", OptionKind::Month);
const TO_MONTH: OptionSpec = opt("to", "Last month, YYYY-MM", OptionKind::Month);
const FROM: OptionSpec = opt("from", "From date, YYYY-MM-DD or YYYY-MM", OptionKind::Date);
const TO: OptionSpec = opt("to", "To date, YYYY-MM-DD or YYYY-MM", OptionKind::Date);
const PROVINCES: OptionSpec = look(
    opt(
        "province",
        "Chinese province(s), comma-separated",
        OptionKind::Text(SHORT_MAX),
    ),
    Lookup::Province,
);
const PLACES: OptionSpec = look(
    opt(
        "places",
        "Korean places visited, comma-separated",
        OptionKind::Text(SHORT_MAX),
    ),
    Lookup::Place,
);
const LEVELS: &[&str] = &["provincial", "municipal", "county", "party", "other"];
const FORUM_KINDS: &[&str] = &[
    "investment forum",
    "business forum",
    "promotion conference",
    "conference",
    "other",
];
const COUNTRIES: &[&str] = &["China", "Korea", "Other"];
const VERSION: OptionSpec = opt(
    "version",
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
const fn clear(description: &'static str) -> OptionSpec {
    opt("clear", description, OptionKind::Text(SHORT_MAX))
}
const FORCE: OptionSpec = opt(
    "force",
    "Add even if it overlaps an existing visit",
    OptionKind::Bool,
);

const VISIT_FIELDS: [OptionSpec; 10] = [
    opt("end", "Last day, YYYY-MM-DD (or YYYY-MM)", OptionKind::Date),
    opt(
        "city",
        "Origin city, e.g. Nanjing",
        OptionKind::Text(NAME_MAX),
    ),
    opt("level", "Delegation level", OptionKind::Choice(LEVELS)),
    look(
        opt(
            "leader",
            "Leader of the delegation (a known official)",
            OptionKind::Text(NAME_MAX),
        ),
        Lookup::Official,
    ),
    PLACES,
    opt(
        "purpose",
        "Purpose of the visit",
        OptionKind::Text(LONG_MAX),
    ),
    opt(
        "size",
        "Number of people in the delegation",
        OptionKind::Integer {
            min: 1,
            max: 10_000,
        },
    ),
    opt(
        "source",
        "Source link (https://...)",
        OptionKind::Text(URL_MAX),
    ),
    opt(
        "source_title",
        "Title of the source article",
        OptionKind::Text(SHORT_MAX),
    ),
    opt(
        "source_date",
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
const OUTCOME_FIELDS: [OptionSpec; 10] = [
    opt(
        "status",
        "How far it has got (default: signed)",
        OptionKind::Choice(OUTCOME_STATUSES),
    ),
    opt(
        "city",
        "Chinese city, e.g. Nanjing",
        OptionKind::Text(NAME_MAX),
    ),
    opt(
        "korean_side",
        "Korean places or organizations, free text",
        OptionKind::Text(SHORT_MAX),
    ),
    opt(
        "amount",
        "Amount, e.g. 1.5 billion, 1,500,000,000, 15억, 1조 5천억",
        OptionKind::Text(NAME_MAX),
    ),
    opt(
        "currency",
        "Currency of the amount",
        OptionKind::Choice(CURRENCIES),
    ),
    opt("visit", "Visit number it came of", ID),
    opt("meeting", "Meeting number it came of", ID),
    look(opt("forum", "Forum number it came of", ID), Lookup::Forum),
    opt("summary", "What it says", OptionKind::Text(LONG_MAX)),
    opt(
        "source",
        "Source link (https://...)",
        OptionKind::Text(URL_MAX),
    ),
];
const SOURCE_DETAILS: [OptionSpec; 2] = [
    opt(
        "source_title",
        "Title of the source article",
        OptionKind::Text(SHORT_MAX),
    ),
    opt(
        "source_date",
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

pub static COMMANDS: &[CommandSpec] = &[
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
            opt("city", "Origin city", OptionKind::Text(NAME_MAX)),
            look(
                opt("place", "Korean place visited", OptionKind::Text(NAME_MAX)),
                Lookup::Place,
            ),
            look(
                opt(
                    "official",
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
        options: &[req("id", "Visit number", ID)],
        moderator: false,
        example: "/visits show id:1",
    },
    CommandSpec {
        id: CommandId::OfficialHistory,
        path: &["official", "history"],
        description: "An official's meetings in date order",
        options: &[
            look(
                req(
                    "name",
                    "Official's name or alias",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            FROM,
            TO,
            PAGE,
        ],
        moderator: false,
        example: "/official history name:\"Oh Young-hun\"",
    },
    CommandSpec {
        id: CommandId::OfficialShow,
        path: &["official", "show"],
        description: "An official's profile, aliases and counts",
        options: &[look(
            req(
                "name",
                "Official's name or alias",
                OptionKind::Text(NAME_MAX),
            ),
            Lookup::Official,
        )],
        moderator: false,
        example: "/official show name:\"Xin Changxing\"",
    },
    CommandSpec {
        id: CommandId::ForumsList,
        path: &["forums", "list"],
        description: "Investment forums, business forums and conferences",
        options: &[
            FROM,
            TO,
            opt("kind", "Kind of event", OptionKind::Choice(FORUM_KINDS)),
            opt(
                "place",
                "Place (any part of it)",
                OptionKind::Text(NAME_MAX),
            ),
            PAGE,
        ],
        moderator: false,
        example: "/forums list from:2024-01",
    },
    CommandSpec {
        id: CommandId::ForumsShow,
        path: &["forums", "show"],
        description: "One forum and the delegations that attended",
        options: &[look(req("id", "Forum number", ID), Lookup::Forum)],
        moderator: false,
        example: "/forums show id:1",
    },
    CommandSpec {
        id: CommandId::Provinces,
        path: &["provinces"],
        description: "Provinces ranked by visits, meetings and forums attended",
        options: &[FROM, TO],
        moderator: false,
        example: "/provinces from:2024-01",
    },
    CommandSpec {
        id: CommandId::Stats,
        path: &["stats"],
        description: "Overview of a period: totals, busiest month, top provinces and hosts",
        options: &[FROM_MONTH, TO_MONTH],
        moderator: false,
        example: "/stats from:2024-01 to:2024-12",
    },
    CommandSpec {
        id: CommandId::Search,
        path: &["search"],
        description: "Search visits, officials, forums, meetings and outcomes",
        options: &[
            req(
                "text",
                "Whole words to look for; end one with * to match its beginning",
                OptionKind::Text(SEARCH_MAX),
            ),
            PAGE,
        ],
        moderator: false,
        example: "/search text:\"Jeju Forum\"",
    },
    CommandSpec {
        id: CommandId::Export,
        path: &["export"],
        description: "Download records as CSV or JSON",
        options: &[
            req(
                "what",
                "Which records",
                OptionKind::Choice(&[
                    "visits",
                    "meetings",
                    "forums",
                    "officials",
                    "outcomes",
                    "all",
                ]),
            ),
            req(
                "format",
                "File format",
                OptionKind::Choice(&["csv", "json"]),
            ),
            opt(
                "headers",
                "Language of the CSV header row (import reads either)",
                OptionKind::Choice(&["en", "ko"]),
            ),
        ],
        moderator: false,
        example: "/export what:visits format:csv",
    },
    CommandSpec {
        id: CommandId::Help,
        path: &["help"],
        description: "List the commands, or explain one",
        options: &[opt(
            "command",
            "A command, e.g. visits monthly",
            OptionKind::Text(NAME_MAX),
        )],
        moderator: false,
        example: "/help visits",
    },
    CommandSpec {
        id: CommandId::VisitAdd,
        path: &["record", "visit", "add"],
        description: "Add a delegation visit",
        options: options!(
            look(req("province", "Chinese province(s), comma-separated", OptionKind::Text(SHORT_MAX)), Lookup::Province),
            req("start", "First day, YYYY-MM-DD (or YYYY-MM for a month)", OptionKind::Date);
            VISIT_FIELDS;
            FORCE
        ),
        moderator: true,
        example: "/record visit add province:Hainan start:2024-05-29 end:2024-05-31 leader:\"Liu Xiaoming\" places:\"Jeju, Seoul\" source:https://example.org/a",
    },
    CommandSpec {
        id: CommandId::VisitEdit,
        path: &["record", "visit", "edit"],
        description: "Change fields of a visit (clear:end,size empties fields)",
        options: options!(
            req("id", "Visit number", ID),
            PROVINCES,
            opt("start", "First day, YYYY-MM-DD or YYYY-MM", OptionKind::Date);
            VISIT_FIELDS;
            FORCE,
            VERSION,
            clear("Fields to empty: end,city,level,leader,places,purpose,size,source"),
            opt("remove_source", "A source link to take off the visit", OptionKind::Text(URL_MAX))
        ),
        moderator: true,
        example: "/record visit edit id:3 size:25",
    },
    CommandSpec {
        id: CommandId::VisitDelete,
        path: &["record", "visit", "delete"],
        description: "Delete a visit (undo brings it back)",
        options: &[
            req("id", "Visit number", ID),
            opt(
                "meetings",
                "Its meetings: unlink (keep them) or delete (with the visit)",
                OptionKind::Choice(&["unlink", "delete"]),
            ),
        ],
        moderator: true,
        example: "/record visit delete id:3",
    },
    CommandSpec {
        id: CommandId::MeetingAdd,
        path: &["record", "meeting", "add"],
        description: "Add a meeting between officials",
        options: &[
            req(
                "date",
                "Date, YYYY-MM-DD (or YYYY-MM for a month)",
                OptionKind::Date,
            ),
            look(
                req(
                    "officials",
                    "Officials present, separated by ;",
                    OptionKind::Text(LONG_MAX),
                ),
                Lookup::Official,
            ),
            opt(
                "place",
                "Where, e.g. Seoul City Hall",
                OptionKind::Text(NAME_MAX),
            ),
            opt("visit", "Visit number this meeting belongs to", ID),
            opt("summary", "What was discussed", OptionKind::Text(LONG_MAX)),
            opt(
                "force",
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
            req("id", "Meeting number", ID),
            opt("date", "Date, YYYY-MM-DD or YYYY-MM", OptionKind::Date),
            look(
                opt(
                    "officials",
                    "Officials present, separated by ;",
                    OptionKind::Text(LONG_MAX),
                ),
                Lookup::Official,
            ),
            opt("place", "Where", OptionKind::Text(NAME_MAX)),
            opt(
                "visit",
                "Visit number (0 to unlink)",
                OptionKind::Integer {
                    min: 0,
                    max: i64::MAX,
                },
            ),
            opt("summary", "What was discussed", OptionKind::Text(LONG_MAX)),
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
        options: &[req("id", "Meeting number", ID)],
        moderator: true,
        example: "/record meeting delete id:2",
    },
    CommandSpec {
        id: CommandId::ForumAdd,
        path: &["record", "forum", "add"],
        description: "Add an investment forum, business forum or conference",
        options: &[
            req("name", "Name, e.g. Jeju Forum", OptionKind::Text(SHORT_MAX)),
            req("kind", "Kind of event", OptionKind::Choice(FORUM_KINDS)),
            req(
                "start",
                "First day, YYYY-MM-DD (or YYYY-MM)",
                OptionKind::Date,
            ),
            opt("end", "Last day, YYYY-MM-DD or YYYY-MM", OptionKind::Date),
            opt("place", "Where", OptionKind::Text(NAME_MAX)),
            opt("organizer", "Who organized it", OptionKind::Text(SHORT_MAX)),
            opt("edition", "Edition, e.g. 19th", OptionKind::Text(NAME_MAX)),
            opt("visit", "Visit number of a delegation that attended", ID),
            opt(
                "force",
                "Add even if a forum with that name, edition and start exists",
                OptionKind::Bool,
            ),
        ],
        moderator: true,
        example: "/record forum add name:\"Jeju Forum\" kind:\"investment forum\" start:2024-05-29 edition:19th",
    },
    CommandSpec {
        id: CommandId::ForumEdit,
        path: &["record", "forum", "edit"],
        description: "Change fields of a forum (clear:end empties a field)",
        options: &[
            look(req("id", "Forum number", ID), Lookup::Forum),
            opt("name", "Name", OptionKind::Text(SHORT_MAX)),
            opt("kind", "Kind of event", OptionKind::Choice(FORUM_KINDS)),
            opt(
                "start",
                "First day, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            opt("end", "Last day, YYYY-MM-DD or YYYY-MM", OptionKind::Date),
            opt("place", "Where", OptionKind::Text(NAME_MAX)),
            opt("organizer", "Who organized it", OptionKind::Text(SHORT_MAX)),
            opt("edition", "Edition, e.g. 19th", OptionKind::Text(NAME_MAX)),
            VERSION,
            clear("Fields to empty: end,place,organizer,edition"),
        ],
        moderator: true,
        example: "/record forum edit id:1 organizer:\"Jeju Special Self-Governing Province\"",
    },
    CommandSpec {
        id: CommandId::ForumDelete,
        path: &["record", "forum", "delete"],
        description: "Delete a forum (undo brings it back)",
        options: &[look(req("id", "Forum number", ID), Lookup::Forum)],
        moderator: true,
        example: "/record forum delete id:1",
    },
    CommandSpec {
        id: CommandId::ForumLink,
        path: &["record", "forum", "link"],
        description: "Record that a visiting delegation attended a forum",
        options: &[
            look(req("forum", "Forum number", ID), Lookup::Forum),
            req("visit", "Visit number", ID),
        ],
        moderator: true,
        example: "/record forum link forum:1 visit:1",
    },
    CommandSpec {
        id: CommandId::OfficialAdd,
        path: &["record", "official", "add"],
        description: "Add an official",
        options: &[
            req(
                "name",
                "Romanized name, e.g. Oh Se-hoon",
                OptionKind::Text(NAME_MAX),
            ),
            req("country", "Which side", OptionKind::Choice(COUNTRIES)),
            opt(
                "title",
                "Title, e.g. Mayor of Seoul",
                OptionKind::Text(SHORT_MAX),
            ),
            opt("organization", "Organization", OptionKind::Text(SHORT_MAX)),
            look(
                opt(
                    "province",
                    "Chinese province the official serves",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Province,
            ),
            opt(
                "local_name",
                "Name in the local script, e.g. 오세훈",
                OptionKind::Text(NAME_MAX),
            ),
            opt(
                "aliases",
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
                    "name",
                    "Official's current name or alias",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            opt("new_name", "New romanized name", OptionKind::Text(NAME_MAX)),
            opt("country", "Which side", OptionKind::Choice(COUNTRIES)),
            opt("title", "Title", OptionKind::Text(SHORT_MAX)),
            opt("organization", "Organization", OptionKind::Text(SHORT_MAX)),
            look(
                opt(
                    "province",
                    "Chinese province the official serves",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Province,
            ),
            opt(
                "local_name",
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
        options: &[look(
            req(
                "name",
                "Official's name or alias",
                OptionKind::Text(NAME_MAX),
            ),
            Lookup::Official,
        )],
        moderator: true,
        example: "/record official delete name:\"Oh Se-hoon\"",
    },
    CommandSpec {
        id: CommandId::OfficialAlias,
        path: &["record", "official", "alias"],
        description: "Add another spelling of an official's name",
        options: &[
            look(
                req(
                    "name",
                    "Official's name or alias",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            req(
                "alias",
                "The other spelling, e.g. Oh Sehoon",
                OptionKind::Text(NAME_MAX),
            ),
        ],
        moderator: true,
        example: "/record official alias name:\"Oh Se-hoon\" alias:\"Oh Sehoon\"",
    },
    CommandSpec {
        id: CommandId::OfficialPost,
        path: &["record", "official", "post"],
        description: "Add a post an official held or holds, with its dates",
        options: &[
            look(
                req(
                    "name",
                    "Official's name or alias",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            req(
                "title",
                "Title, e.g. Party Secretary of Qinghai",
                OptionKind::Text(SHORT_MAX),
            ),
            req(
                "from",
                "First day in the post, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            opt(
                "to",
                "Last day in the post (leave out if still held)",
                OptionKind::Date,
            ),
            opt("organization", "Organization", OptionKind::Text(SHORT_MAX)),
            look(
                opt(
                    "province",
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
        options: &[
            look(
                req(
                    "name",
                    "Official's name or alias",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            req("id", "Post number", ID),
        ],
        moderator: true,
        example: "/record official post-remove name:\"Xin Changxing\" id:3",
    },
    CommandSpec {
        id: CommandId::OfficialMerge,
        path: &["record", "official", "merge"],
        description: "Merge two records of the same person",
        options: &[
            look(
                req("keep", "The record to keep", OptionKind::Text(NAME_MAX)),
                Lookup::Official,
            ),
            look(
                req(
                    "remove",
                    "The duplicate to fold into it",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            opt(
                "force",
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
            look(
                req(
                    "name",
                    "Official's name or alias",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            req(
                "alias",
                "The spelling to take off",
                OptionKind::Text(NAME_MAX),
            ),
        ],
        moderator: true,
        example: "/record official unalias name:\"Oh Se-hoon\" alias:\"Oh Sehun\"",
    },
    CommandSpec {
        id: CommandId::DataImport,
        path: &["data", "import"],
        description: "Import a CSV or JSON file: preview, then apply (all or nothing)",
        options: &[
            req("file", "The CSV or JSON file", OptionKind::File),
            opt("confirm", "Apply without a preview", OptionKind::Bool),
            opt(
                "force",
                "Import visits even if they overlap existing ones",
                OptionKind::Bool,
            ),
        ],
        moderator: true,
        example: "/data import file:visits.csv",
    },
    CommandSpec {
        id: CommandId::DataAudit,
        path: &["data", "audit"],
        description: "Recent changes, or the history of one record",
        options: &[
            opt(
                "entity",
                "Kind of record",
                OptionKind::Choice(&["visit", "meeting", "forum", "official", "outcome"]),
            ),
            opt("id", "Record number", ID),
            PAGE,
        ],
        moderator: true,
        example: "/data audit entity:visit id:1",
    },
    CommandSpec {
        id: CommandId::DataUndo,
        path: &["data", "undo"],
        description: "Undo your last change",
        options: &[],
        moderator: true,
        example: "/data undo",
    },
    CommandSpec {
        id: CommandId::RecordDraft,
        path: &["record", "draft"],
        description: "Draft records from a news report (text, file or link), then confirm",
        options: &[
            opt(
                "text",
                "The report's text, pasted",
                OptionKind::Article(ARTICLE_MAX),
            ),
            opt(
                "file",
                "The report as a .txt, .html or .md file",
                OptionKind::File,
            ),
            opt(
                "url",
                "The report's link: fetched, and kept as the visits' source",
                OptionKind::Text(URL_MAX),
            ),
            opt(
                "published",
                "Publication date, YYYY-MM-DD (else read from the report)",
                OptionKind::Day,
            ),
            look(
                opt(
                    "province",
                    "Correct the visit's Chinese province(s), comma-separated",
                    OptionKind::Text(SHORT_MAX),
                ),
                Lookup::Province,
            ),
            opt(
                "start",
                "Correct the visit's first day, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            opt(
                "end",
                "Correct the visit's last day, YYYY-MM-DD or YYYY-MM",
                OptionKind::Date,
            ),
            look(
                opt(
                    "leader",
                    "Correct the visit's leader (a new name is proposed as an official)",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            look(
                opt(
                    "places",
                    "Correct the Korean places visited, comma-separated",
                    OptionKind::Text(SHORT_MAX),
                ),
                Lookup::Place,
            ),
            clear("Fields to empty: end,leader,places"),
            opt(
                "confirm",
                "Write the draft without showing it first",
                OptionKind::Bool,
            ),
            opt(
                "force",
                "Record visits even where they overlap one on record",
                OptionKind::Bool,
            ),
        ],
        moderator: true,
        example: "/record draft url:https://example.org/news/1 published:2024-06-01",
    },
    CommandSpec {
        id: CommandId::WatchAdd,
        path: &["watch", "add"],
        description: "Post to a channel whenever matching records are added, changed or deleted",
        options: &[
            req("channel", CHANNEL, OptionKind::Channel),
            look(
                opt("province", "Chinese province", OptionKind::Text(NAME_MAX)),
                Lookup::Province,
            ),
            look(
                opt(
                    "official",
                    "Official who led, met or attended",
                    OptionKind::Text(NAME_MAX),
                ),
                Lookup::Official,
            ),
            look(
                opt("place", "Korean place visited", OptionKind::Text(NAME_MAX)),
                Lookup::Place,
            ),
            opt(
                "kind",
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
        options: &[req("id", "Watch number (/watches)", ID)],
        moderator: true,
        example: "/watch remove id:1",
    },
    CommandSpec {
        id: CommandId::DigestSet,
        path: &["digest", "set"],
        description: "Post a weekly or monthly digest to a channel",
        options: &[
            req("channel", CHANNEL, OptionKind::Channel),
            req("frequency", "How often", OptionKind::Choice(FREQUENCIES)),
            opt(
                "weekday",
                "Weekly: the day it is posted (default Monday)",
                OptionKind::Choice(WEEKDAYS),
            ),
            opt(
                "day",
                "Monthly: the day of the month it is posted (default 1)",
                OptionKind::Integer { min: 1, max: 28 },
            ),
            opt(
                "hour",
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
        id: CommandId::Settings,
        path: &["settings"],
        description: "The team's settings: the language of watch and digest posts",
        options: &[opt(
            "language",
            "Language of what the bot posts to channels",
            OptionKind::Choice(&["ko", "zh", "en"]),
        )],
        moderator: true,
        example: "/settings language:ko",
    },
    CommandSpec {
        id: CommandId::DigestPreview,
        path: &["digests"],
        description: "The team's digest: its schedule, any not delivered, and the last complete period",
        options: &[opt(
            "frequency",
            "Week or month (default: as set, else monthly)",
            OptionKind::Choice(FREQUENCIES),
        )],
        moderator: false,
        example: "/digests frequency:weekly",
    },
    CommandSpec {
        id: CommandId::OutcomesList,
        path: &["outcomes", "list"],
        description: "MOUs, agreements, pledges and other outcomes, newest first, with filters",
        options: &[
            PROVINCES,
            opt("kind", "Kind of outcome", OptionKind::Choice(OUTCOME_KINDS)),
            opt(
                "status",
                "How far it has got",
                OptionKind::Choice(OUTCOME_STATUSES),
            ),
            FROM,
            TO,
            PAGE,
        ],
        moderator: false,
        example: "/outcomes list province:Jiangsu kind:MOU",
    },
    CommandSpec {
        id: CommandId::OutcomesShow,
        path: &["outcomes", "show"],
        description: "Everything about one outcome",
        options: &[req("id", "Outcome number", ID)],
        moderator: false,
        example: "/outcomes show id:1",
    },
    CommandSpec {
        id: CommandId::OutcomeAdd,
        path: &["outcome", "add"],
        description: "Add an outcome: MOU, agreement, pledge, contract, sister-city tie",
        options: options!(
            req("kind", "Kind of outcome", OptionKind::Choice(OUTCOME_KINDS)),
            req("title", "Title, e.g. Workation MOU", OptionKind::Text(SHORT_MAX)),
            req("date", "Date, YYYY-MM-DD (or YYYY-MM for a month)", OptionKind::Date),
            PROVINCES;
            OUTCOME_FIELDS;
            SOURCE_DETAILS[0],
            SOURCE_DETAILS[1],
            opt("force", "Add even if the same outcome is on record within a week", OptionKind::Bool)
        ),
        moderator: true,
        example: "/outcome add kind:MOU title:\"Workation MOU\" date:2024-06-03 province:Jiangsu korean_side:Jeju amount:\"1.5 billion\" currency:USD",
    },
    CommandSpec {
        id: CommandId::OutcomeEdit,
        path: &["outcome", "edit"],
        description: "Change fields of an outcome (clear:amount empties a field)",
        options: options!(
            req("id", "Outcome number", ID),
            opt("kind", "Kind of outcome", OptionKind::Choice(OUTCOME_KINDS)),
            opt("title", "Title", OptionKind::Text(SHORT_MAX)),
            opt("date", "Date, YYYY-MM-DD or YYYY-MM", OptionKind::Date),
            PROVINCES;
            OUTCOME_FIELDS;
            SOURCE_DETAILS[0],
            SOURCE_DETAILS[1],
            opt("remove_source", "A source link to take off the outcome", OptionKind::Text(URL_MAX)),
            opt("force", "Save even if the same outcome is on record within a week", OptionKind::Bool),
            VERSION,
            clear("Fields to empty: province,city,korean_side,amount,visit,meeting,forum,summary,source")
        ),
        moderator: true,
        example: "/outcome edit id:1 status:realized",
    },
    CommandSpec {
        id: CommandId::OutcomeDelete,
        path: &["outcome", "delete"],
        description: "Delete an outcome (undo brings it back)",
        options: &[req("id", "Outcome number", ID)],
        moderator: true,
        example: "/outcome delete id:1",
    },
];

const CHANNEL: &str = "Channel to post in (its id in the console)";
const FREQUENCIES: &[&str] = &["weekly", "monthly"];
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
        for c in COMMANDS {
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
        for c in COMMANDS {
            let r = crate::request::Request::parse_line(c.example);
            assert!(r.is_ok(), "{}: {:?}", c.example, r.err());
            assert_eq!(r.unwrap().spec.id, c.id, "{}", c.example);
        }
    }

    #[test]
    fn each_clear_option_lists_what_its_edit_can_empty() {
        for c in COMMANDS {
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
