//! CSV and JSON files of records: what `/export` writes and `/data import` reads. One set
//! of column names serves both formats, so whatever export writes, import accepts; hand-made
//! spreadsheets may also name columns by the synonyms below, in English or Korean.

pub mod export;
pub mod import;
pub mod item;
mod json;
mod sheet;

use crate::domain::normalize;

pub use crate::domain::Entity;

/// The column every exported row carries to say which database it came from.
pub const DATABASE: &str = "database";

/// What a file knows of a kind of record: its columns, those a hand-made file may add, the
/// ones it needs, and the header words that name them.
pub trait Columns: Sized {
    fn columns(self) -> &'static [&'static str];
    fn extra(self) -> &'static [&'static str];
    fn required(self) -> &'static [&'static str];
    fn column(self, header: &str) -> Option<&'static str>;
}

impl Columns for Entity {
    /// The columns export writes, in order. Import accepts these, `extra`, and synonyms.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Entity::Visit => &[
                "id", "version", "province", "city", "level", "start", "end", "leader", "places",
                "purpose", "size", "sources", DATABASE,
            ],
            Entity::Official => &[
                "id",
                "version",
                "name",
                "local_name",
                "country",
                "title",
                "organization",
                "province",
                "aliases",
                "posts",
                DATABASE,
            ],
            Entity::Meeting => &[
                "id",
                "version",
                "date",
                "officials",
                "place",
                "visit",
                "summary",
                DATABASE,
            ],
            Entity::Forum => &[
                "id",
                "version",
                "name",
                "kind",
                "edition",
                "start",
                "end",
                "place",
                "organizer",
                "visits",
                DATABASE,
            ],
            Entity::Outcome => &[
                "id",
                "version",
                "kind",
                "title",
                "date",
                "status",
                "province",
                "city",
                "korean_side",
                "amount",
                "currency",
                "visit",
                "meeting",
                "forum",
                "summary",
                "sources",
                DATABASE,
            ],
        }
    }

    /// Columns a hand-made file may use besides the exported ones.
    fn extra(self) -> &'static [&'static str] {
        match self {
            Entity::Visit | Entity::Outcome => &["source", "source_title", "source_date"],
            _ => &[],
        }
    }

    fn required(self) -> &'static [&'static str] {
        match self {
            Entity::Visit => &["province", "start"],
            Entity::Official => &["name", "country"],
            Entity::Meeting => &["date", "officials"],
            Entity::Forum => &["name", "kind", "start"],
            Entity::Outcome => &["kind", "title", "date"],
        }
    }

    /// The column a header names, for this kind: exact names first, then the synonyms
    /// spreadsheets use (case, spaces and punctuation do not matter).
    fn column(self, header: &str) -> Option<&'static str> {
        let key = normalize(header);
        if key.is_empty() {
            return None;
        }
        self.columns()
            .iter()
            .chain(self.extra())
            .find(|c| normalize(c) == key)
            .copied()
            .or_else(|| {
                SYNONYMS
                    .iter()
                    .filter(|(kinds, _, _)| kinds.contains(&self))
                    .find(|(_, _, words)| words.iter().any(|w| normalize(w) == key))
                    .map(|(_, column, _)| *column)
            })
    }
}

/// Which kind a set of headers describes: the first kind (outcomes, meetings, forums,
/// officials, visits) whose required columns they all name.
pub fn detect<'a>(headers: impl IntoIterator<Item = &'a str> + Clone) -> Option<Entity> {
    [
        Entity::Outcome,
        Entity::Meeting,
        Entity::Forum,
        Entity::Official,
        Entity::Visit,
    ]
    .into_iter()
    .find(|k| {
        k.required()
            .iter()
            .all(|r| headers.clone().into_iter().any(|h| k.column(h) == Some(*r)))
    })
}

const ALL_KINDS: &[Entity] = &Entity::ALL;
const VISITS: &[Entity] = &[Entity::Visit];
const OFFICIALS: &[Entity] = &[Entity::Official];
const MEETINGS: &[Entity] = &[Entity::Meeting];
const FORUMS: &[Entity] = &[Entity::Forum];
const DATED: &[Entity] = &[Entity::Visit, Entity::Forum];
const NAMED: &[Entity] = &[Entity::Official, Entity::Forum];
const PLACED: &[Entity] = &[Entity::Meeting, Entity::Forum];
const OUTCOMES: &[Entity] = &[Entity::Outcome];
const SOURCED: &[Entity] = &[Entity::Visit, Entity::Outcome];

/// Header words spreadsheets use for each column (README "Import and export" lists them).
/// Compared after `normalize`, so `Start Date`, `start_date` and `START-DATE` are one word.
const SYNONYMS: &[(&[Entity], &str, &[&str])] = &[
    (ALL_KINDS, "id", &["no", "number", "번호", "编号"]),
    (ALL_KINDS, "version", &["버전", "版本"]),
    (ALL_KINDS, DATABASE, &["데이터베이스", "数据库"]),
    (
        DATED,
        "start",
        &[
            "start date",
            "from",
            "begin",
            "first day",
            "시작일",
            "시작",
            "시작 날짜",
            "방문 시작일",
            "방문일",
            "개막일",
            "开始日期",
        ],
    ),
    (
        DATED,
        "end",
        &[
            "end date",
            "until",
            "last day",
            "종료일",
            "종료",
            "종료 날짜",
            "방문 종료일",
            "폐막일",
            "结束日期",
        ],
    ),
    (
        VISITS,
        "province",
        &[
            "provinces",
            "origin",
            "origin province",
            "성",
            "성/시",
            "성시",
            "출발 성",
            "省",
            "省份",
        ],
    ),
    (VISITS, "city", &["origin city", "도시", "시", "城市"]),
    (VISITS, "level", &["급", "수준", "단계", "级别"]),
    (
        VISITS,
        "leader",
        &["head", "delegation leader", "단장", "대표", "団長", "团长"],
    ),
    (
        VISITS,
        "places",
        &[
            "place",
            "korean places",
            "places visited",
            "방문지",
            "방문 지역",
            "방문 장소",
        ],
    ),
    (VISITS, "purpose", &["목적", "방문 목적", "내용", "目的"]),
    (
        VISITS,
        "size",
        &[
            "delegation size",
            "members",
            "인원",
            "규모",
            "대표단 규모",
            "人数",
        ],
    ),
    (SOURCED, "sources", &["출처", "来源"]),
    (
        SOURCED,
        "source",
        &["url", "link", "source url", "링크", "출처 링크"],
    ),
    (SOURCED, "source_title", &["출처 제목", "기사 제목"]),
    (
        SOURCED,
        "source_date",
        &["published", "출처 날짜", "기사 날짜"],
    ),
    (
        NAMED,
        "name",
        &["이름", "성명", "명칭", "행사명", "姓名", "名称"],
    ),
    (
        OFFICIALS,
        "local_name",
        &["local", "한글명", "현지명", "중문명", "원어명", "本名"],
    ),
    (OFFICIALS, "country", &["side", "국가", "나라", "国家"]),
    (OFFICIALS, "title", &["position", "직함", "직위", "职务"]),
    (
        OFFICIALS,
        "organization",
        &["organisation", "org", "소속", "기관", "单位"],
    ),
    (OFFICIALS, "province", &["성", "성/시", "省", "省份"]),
    (
        OFFICIALS,
        "aliases",
        &["alias", "별칭", "다른 표기", "别名"],
    ),
    (
        OFFICIALS,
        "posts",
        &[
            "positions",
            "roles",
            "career",
            "직책",
            "경력",
            "이력",
            "职务",
            "履历",
        ],
    ),
    (MEETINGS, "date", &["day", "날짜", "일자", "회담일", "日期"]),
    (
        MEETINGS,
        "officials",
        &["participants", "people", "참석자", "인물", "参加者"],
    ),
    (PLACED, "place", &["venue", "location", "장소", "地点"]),
    (MEETINGS, "visit", &["visit id", "방문", "방문 번호"]),
    (MEETINGS, "summary", &["요약", "내용", "摘要"]),
    (FORUMS, "kind", &["type", "종류", "유형", "类型"]),
    (FORUMS, "edition", &["회차", "届"]),
    (FORUMS, "organizer", &["host", "주최", "주관", "主办"]),
    (FORUMS, "visits", &["visit ids", "방문", "방문 번호"]),
    (OUTCOMES, "kind", &["type", "종류", "유형", "类型"]),
    (OUTCOMES, "title", &["outcome", "제목", "성과", "标题"]),
    (
        OUTCOMES,
        "date",
        &[
            "signed",
            "day",
            "날짜",
            "일자",
            "체결일",
            "日期",
            "签署日期",
        ],
    ),
    (OUTCOMES, "status", &["state", "상태", "状态"]),
    (
        OUTCOMES,
        "province",
        &["provinces", "chinese side", "성", "성/시", "省", "省份"],
    ),
    (OUTCOMES, "city", &["도시", "城市"]),
    (
        OUTCOMES,
        "korean_side",
        &["korean party", "counterpart", "한국 측", "상대", "韩方"],
    ),
    (
        OUTCOMES,
        "amount",
        &["value", "sum", "금액", "규모", "金额"],
    ),
    (OUTCOMES, "currency", &["통화", "货币", "币种"]),
    (OUTCOMES, "visit", &["visit id", "방문", "방문 번호"]),
    (OUTCOMES, "meeting", &["meeting id", "회담", "회담 번호"]),
    (OUTCOMES, "forum", &["forum id", "포럼", "포럼 번호"]),
    (OUTCOMES, "summary", &["요약", "내용", "摘要"]),
];

/// The language of the header row of an exported CSV file. Import reads either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Headers {
    /// The column names themselves (`province`, `start`), as JSON keys are.
    #[default]
    En,
    /// Korean words a Korean spreadsheet would use (`성/시`, `시작일`): synonyms import
    /// reads back as the same columns.
    Ko,
}

impl Headers {
    /// `en` or `ko`, as the catalog and the command line offer them.
    pub fn parse(code: &str) -> Option<Headers> {
        match code {
            "en" => Some(Headers::En),
            "ko" => Some(Headers::Ko),
            _ => None,
        }
    }

    /// The header of `column` of `kind` in this language.
    pub fn name(self, kind: Entity, column: &'static str) -> &'static str {
        match self {
            Headers::En => column,
            Headers::Ko => KOREAN
                .iter()
                .find(|(kinds, c, _)| *c == column && kinds.contains(&kind))
                .map_or(column, |(_, _, word)| *word),
        }
    }
}

/// The Korean header export writes for each column: one of its `SYNONYMS`, so that
/// import reads the file back (a test checks every column of every kind).
const KOREAN: &[(&[Entity], &str, &str)] = &[
    (ALL_KINDS, "id", "번호"),
    (ALL_KINDS, "version", "버전"),
    (ALL_KINDS, DATABASE, "데이터베이스"),
    (DATED, "start", "시작일"),
    (DATED, "end", "종료일"),
    (
        &[Entity::Visit, Entity::Official, Entity::Outcome],
        "province",
        "성/시",
    ),
    (&[Entity::Visit, Entity::Outcome], "city", "도시"),
    (VISITS, "level", "급"),
    (VISITS, "leader", "단장"),
    (VISITS, "places", "방문지"),
    (VISITS, "purpose", "목적"),
    (VISITS, "size", "인원"),
    (SOURCED, "sources", "출처"),
    (OFFICIALS, "name", "이름"),
    (OFFICIALS, "local_name", "원어명"),
    (OFFICIALS, "country", "국가"),
    (OFFICIALS, "title", "직함"),
    (OFFICIALS, "organization", "소속"),
    (OFFICIALS, "aliases", "별칭"),
    (OFFICIALS, "posts", "경력"),
    (&[Entity::Meeting, Entity::Outcome], "date", "날짜"),
    (MEETINGS, "officials", "참석자"),
    (PLACED, "place", "장소"),
    (&[Entity::Meeting, Entity::Outcome], "visit", "방문 번호"),
    (&[Entity::Meeting, Entity::Outcome], "summary", "요약"),
    (FORUMS, "name", "행사명"),
    (&[Entity::Forum, Entity::Outcome], "kind", "종류"),
    (FORUMS, "edition", "회차"),
    (FORUMS, "organizer", "주최"),
    (FORUMS, "visits", "방문 번호"),
    (OUTCOMES, "title", "제목"),
    (OUTCOMES, "status", "상태"),
    (OUTCOMES, "korean_side", "한국 측"),
    (OUTCOMES, "amount", "금액"),
    (OUTCOMES, "currency", "통화"),
    (OUTCOMES, "meeting", "회담 번호"),
    (OUTCOMES, "forum", "포럼 번호"),
];

/// One source in a `sources` cell: `url`, `url | title`, or `url | title | date`. A title
/// that holds a `|` itself is always followed by the date part (empty if none), so that
/// `split_source` finds the title whole: the date is what follows the last `|`.
pub fn source_line(url: &str, title: &str, date: &str) -> String {
    let mut line = url.to_string();
    if !title.is_empty() || !date.is_empty() {
        line.push_str(" | ");
        line.push_str(title);
    }
    if !date.is_empty() || title.contains('|') {
        line.push_str(" | ");
        line.push_str(date);
    }
    line
}

/// The inverse of `source_line` (a link holds no space, so the first ` | ` ends it):
/// (url, title, date), empty parts as `None`.
pub fn split_source(line: &str) -> (&str, Option<&str>, Option<&str>) {
    let line = line.trim();
    let (url, rest) = line.split_once(" | ").unwrap_or((line, ""));
    let (title, date) = rest.rsplit_once('|').unwrap_or((rest, ""));
    (
        url.trim(),
        Some(title.trim()).filter(|t| !t.is_empty()),
        Some(date.trim()).filter(|d| !d.is_empty()),
    )
}

/// Spreadsheet programs run cells that start with these as formulas.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Export prefixes a cell that a spreadsheet would run as a formula with `'`, and a cell
/// that starts with `'` itself with one more, so that import can take exactly one off.
pub fn neutralize(cell: &str) -> String {
    if (cell.starts_with(FORMULA_START) && cell != "-") || cell.starts_with('\'') {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The inverse of `neutralize`. A hand-typed `'hello` (not a formula, not an apostrophe
/// escaped by export) is kept as it is.
pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_and_apostrophes_survive_a_round_trip() {
        for cell in ["=1+1", "+82 10", "@SUM(A1)", "-3", "'=not a formula", "''"] {
            let safe = neutralize(cell);
            assert!(safe.starts_with('\''), "{cell}");
            assert_eq!(unneutralize(&safe), cell);
        }
        assert_eq!(neutralize("Jeju"), "Jeju");
        assert_eq!(unneutralize("'quoted"), "'quoted");
    }

    #[test]
    fn source_lines_keep_titles_whole() {
        for (url, title, date) in [
            ("https://a.org", "", ""),
            ("https://a.org", "A title", ""),
            ("https://a.org", "", "2024-05-01"),
            ("https://a.org", "News | Korea", ""),
            ("https://a.org", "News | Korea | 2024", "2024-05-01"),
            ("https://a.org", "Ends with |", ""),
            ("https://a.org", "|", "2024-05-01"),
            ("https://a.org", "", "2024-05-01"),
        ] {
            let line = source_line(url, title, date);
            let (u, t, d) = split_source(&line);
            assert_eq!(
                (u, t.unwrap_or(""), d.unwrap_or("")),
                (url, title, date),
                "{line}"
            );
        }
    }

    #[test]
    fn kinds_are_detected_from_columns_and_synonyms() {
        assert_eq!(detect(["province", "start"]), Some(Entity::Visit));
        assert_eq!(detect(["Province", "Start Date"]), Some(Entity::Visit));
        assert_eq!(detect(["성/시", "시작일"]), Some(Entity::Visit));
        assert_eq!(
            detect(["date", "officials", "place"]),
            Some(Entity::Meeting)
        );
        assert_eq!(detect(["name", "country"]), Some(Entity::Official));
        assert_eq!(detect(["name", "kind", "start"]), Some(Entity::Forum));
        assert_eq!(
            detect(["kind", "title", "date", "amount"]),
            Some(Entity::Outcome)
        );
        assert_eq!(detect(["foo"]), None);
        assert_eq!(Entity::Visit.column("START_DATE"), Some("start"));
        assert_eq!(Entity::Visit.column("Source Date"), Some("source_date"));
        assert_eq!(Entity::Visit.column("colour"), None);
    }

    #[test]
    fn korean_headers_name_every_column_and_read_back() {
        for kind in Entity::ALL {
            let headers: Vec<&str> = kind
                .columns()
                .iter()
                .map(|c| Headers::Ko.name(kind, c))
                .collect();
            for (column, header) in kind.columns().iter().zip(&headers) {
                assert_ne!(column, header, "{kind:?}: `{column}` has no Korean header");
                assert_eq!(kind.column(header), Some(*column), "{kind:?}: `{header}`");
                assert_eq!(Headers::En.name(kind, column), *column);
            }
            assert_eq!(detect(headers.iter().copied()), Some(kind), "{headers:?}");
        }
    }
}
