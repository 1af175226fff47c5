//! How good the drafts are: each fixture of `tests/intake/cases` (a report and the draft it
//! should give) drafted against a database holding the officials the fixtures mark
//! `known`, then precision and recall per field. `bench intake` prints the table; a test
//! asserts the targets of issue 13 on it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value as Json;

use super::{Draft, Lexicon, Report, draft};
use crate::domain::normalize;
use crate::error::Result;
use crate::store::WriteTx;
use crate::store::audit::Author;
use crate::store::change::Change;
use crate::store::names::Spellings;
use crate::store::official::Fields;

#[derive(Debug, Clone, Deserialize)]
pub struct Official {
    pub name: String,
    pub local_name: Option<String>,
    pub country: String,
    #[serde(default)]
    pub known: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub text: String,
    pub lang: String,
    #[serde(deserialize_with = "day")]
    pub published: NaiveDate,
    /// False: the moderator gives no date, and intake must find it in the text (dateline,
    /// byline time, the page's metadata).
    #[serde(default = "yes")]
    pub published_known: bool,
    pub officials: Vec<Official>,
    pub expected: Json,
}

fn yes() -> bool {
    true
}

/// The day a moderator pastes the reports evaluated without a publication date: fixed, so a
/// score does not change with the calendar (the corpus was split on this day).
pub const PASTED_ON: NaiveDate = NaiveDate::from_ymd_opt(2026, 12, 7).expect("a valid date");

impl Case {
    /// The report as the moderator gives it to intake.
    pub fn report(&self) -> Report<'_> {
        Report {
            text: &self.text,
            published: self.published_known.then_some(self.published),
        }
    }

    /// The day it is drafted: its publication when known, else the day of the split.
    pub fn today(&self) -> NaiveDate {
        if self.published_known {
            self.published
        } else {
            PASTED_ON
        }
    }

    /// Drafted as `/record draft` would, on the day the corpus was made.
    pub fn draft(&self, lexicon: &Lexicon) -> Draft {
        draft(&self.report(), lexicon, self.today())
    }
}

fn day<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(serde::de::Error::custom)
}

pub fn load(dir: &Path) -> Result<Vec<Case>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let mut case: Case = serde_json::from_slice(&std::fs::read(&p)?)?;
        case.name = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        case.text = std::fs::read_to_string(p.with_extension("txt"))?;
        out.push(case);
    }
    Ok(out)
}

/// The team's database as the fixtures describe it: every official marked `known`, with
/// all the spellings any fixture gives them. Written into `db`, a migrated database.
pub async fn seed(db: &sqlx::SqlitePool, cases: &[Case]) -> Result<()> {
    let mut people: BTreeMap<String, Official> = BTreeMap::new();
    for o in cases.iter().flat_map(|c| &c.officials).filter(|o| o.known) {
        let entry = people.entry(o.name.clone()).or_insert_with(|| o.clone());
        for a in o.aliases.iter().chain(o.local_name.iter()) {
            if !entry.aliases.contains(a) {
                entry.aliases.push(a.clone());
            }
        }
    }
    // Seeded through a change like any write, so the fixtures' people are audited too.
    let turn = std::sync::Arc::new(tokio::sync::Semaphore::new(1));
    let author = Author {
        id: "intake-eval",
        name: "intake evaluation",
    };
    let mut change = Change::begin(
        WriteTx::begin(db, &turn).await?,
        &author,
        "create",
        "the officials the intake fixtures know",
    )
    .await?;
    let mut taken = std::collections::HashSet::new();
    for o in people.values() {
        let fields = Fields {
            name: o.name.clone(),
            local_name: o.local_name.clone(),
            country: o.country.clone(),
            title: None,
            organization: None,
            province_id: None,
        };
        taken.insert(normalize(&o.name));
        taken.extend(o.local_name.as_deref().map(normalize));
        // A spelling two fixtures give to two people stays with the first.
        let aliases: Vec<String> = o
            .aliases
            .iter()
            .filter(|a| taken.insert(normalize(a)))
            .cloned()
            .collect();
        change.create_official(&fields, &aliases, &[]).await?;
    }
    change.commit().await
}

pub async fn lexicon(db: &sqlx::SqlitePool) -> Result<Lexicon> {
    let mut conn = db.acquire().await?;
    Ok(Lexicon::build(&Spellings::load(&mut conn).await?))
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Clone, Copy, Default)]
pub struct Count {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Count {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Count) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

pub const FIELDS: [&str; 7] = [
    "provinces",
    "leader",
    "start date",
    "end date",
    "Korean places",
    "officials met",
    "forums",
];

#[derive(Debug, Default)]
pub struct Evaluation {
    pub fields: BTreeMap<&'static str, Count>,
    pub not_a_visit_right: usize,
    pub cases: usize,
    /// Drafted field values (or their evidence) that hold junk.
    pub junk: Vec<String>,
    /// Per case, what differed: for reading, not for scoring.
    pub misses: Vec<(String, Vec<String>)>,
}

impl Evaluation {
    pub fn field(&self, name: &str) -> Count {
        self.fields.get(name).copied().unwrap_or_default()
    }
    pub fn not_a_visit_accuracy(&self) -> f64 {
        ratio(self.not_a_visit_right, self.cases)
    }
}

/// Whom a name means: the fixture's officials by any spelling, else the draft's proposed
/// officials by their local name.
struct Identity {
    keys: HashMap<String, String>,
}

impl Identity {
    fn new(case: &Case, d: &Draft) -> Identity {
        let mut keys = HashMap::new();
        for o in &case.officials {
            for k in std::iter::once(&o.name)
                .chain(o.local_name.iter())
                .chain(o.aliases.iter())
            {
                keys.insert(normalize(k), o.name.clone());
            }
        }
        for n in &d.new_officials {
            let canon = std::iter::once(&n.name)
                .chain(n.local_name.iter())
                .chain(n.aliases.iter())
                .find_map(|k| keys.get(&normalize(k)).cloned());
            if let Some(c) = canon {
                keys.insert(normalize(&n.name), c);
            }
        }
        Identity { keys }
    }

    fn of(&self, name: &str) -> String {
        self.keys
            .get(&normalize(name))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }
}

fn strings(v: &Json) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn opt(v: &Json) -> Option<String> {
    v.as_str().map(String::from)
}

fn set_count(pred: &[String], exp: &[String]) -> Count {
    let tp = pred.iter().filter(|p| exp.contains(p)).count();
    Count {
        tp,
        fp: pred.len() - tp,
        fn_: exp.iter().filter(|e| !pred.contains(e)).count(),
    }
}

fn value_count(pred: Option<&String>, exp: Option<&String>) -> Count {
    match (pred, exp) {
        (Some(p), Some(e)) if p == e => Count {
            tp: 1,
            fp: 0,
            fn_: 0,
        },
        (Some(_), Some(_)) => Count {
            tp: 0,
            fp: 1,
            fn_: 1,
        },
        (Some(_), None) => Count {
            tp: 0,
            fp: 1,
            fn_: 0,
        },
        (None, Some(_)) => Count {
            tp: 0,
            fp: 0,
            fn_: 1,
        },
        (None, None) => Count::default(),
    }
}

/// Forum names match when one holds the other, or when most of their words are shared.
fn same_forum(a: &str, b: &str) -> bool {
    let (na, nb) = (normalize(a), normalize(b));
    if na.is_empty() || nb.is_empty() {
        return false;
    }
    if na.contains(&nb) || nb.contains(&na) {
        return true;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared * 3 >= wa.len().max(wb.len()) * 2 && shared >= 2
}

pub fn is_junk(s: &str) -> bool {
    static JUNK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)casino|카지노|바카라|슬롯사이트|토토|copyright|all rights reserved|저작권|무단\s?전재|版权所有|\(photo|\[photo|사진\s*=|图为|related articles|관련기사|subscribe|구독하기")
            .expect("a valid pattern")
    });
    JUNK.is_match(s) || crate::domain::spam::check("field", s).is_err()
}

fn drafted_values(d: &Draft) -> Vec<String> {
    let mut out = Vec::new();
    let ev = |e: &super::Evidence, out: &mut Vec<String>| out.extend(e.values().cloned());
    for v in &d.visits {
        out.extend(v.provinces.iter().cloned());
        out.extend(v.leader.iter().cloned());
        out.extend(v.places.iter().cloned());
        out.extend(v.purpose.iter().cloned());
        out.extend(v.city.iter().cloned());
        ev(&v.evidence, &mut out);
    }
    for m in &d.meetings {
        out.extend(m.officials.iter().cloned());
        out.extend(m.place.iter().cloned());
        ev(&m.evidence, &mut out);
    }
    for f in &d.forums {
        out.push(f.name.clone());
        ev(&f.evidence, &mut out);
    }
    for o in &d.outcomes {
        out.push(o.title.clone());
        ev(&o.evidence, &mut out);
    }
    for n in &d.new_officials {
        out.push(n.name.clone());
        out.extend(n.title.iter().cloned());
    }
    out
}

/// Scores one case into `e`.
pub fn score(case: &Case, d: &Draft, e: &mut Evaluation) {
    let exp = &case.expected;
    let id = Identity::new(case, d);
    let mut misses = Vec::new();
    e.cases += 1;
    let expected_nav = !exp["not_a_visit"].is_null();
    if expected_nav == d.not_a_visit.is_some() {
        e.not_a_visit_right += 1;
    } else {
        misses.push(format!(
            "not a visit: expected {}, drafted {:?}",
            exp["not_a_visit"], d.not_a_visit
        ));
    }
    for j in drafted_values(d) {
        if is_junk(&j) {
            e.junk.push(format!("{}: {j}", case.name));
        }
    }
    // Visits: pair drafted with expected ones (leader, then start, then province).
    let ev: Vec<&Json> = exp["visits"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let mut used = vec![false; d.visits.len()];
    for (ei, x) in ev.iter().enumerate() {
        let best = d
            .visits
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, v)| {
                let mut s = 0;
                if v.leader.as_ref().map(|l| id.of(l)) == opt(&x["leader"]) {
                    s += 4;
                }
                if v.start == opt(&x["start"]) {
                    s += 2;
                }
                if v.provinces
                    .iter()
                    .any(|p| strings(&x["provinces"]).contains(p))
                {
                    s += 1;
                }
                (s, i)
            })
            .filter(|(s, _)| *s > 0)
            .max_by_key(|(s, i)| (*s, std::cmp::Reverse(*i)));
        match best {
            Some((_, i)) => {
                used[i] = true;
                pairs.push((Some(i), Some(ei)));
            }
            None => pairs.push((None, Some(ei))),
        }
    }
    pairs.extend(
        used.iter()
            .enumerate()
            .filter(|(_, u)| !**u)
            .map(|(i, _)| (Some(i), None)),
    );
    let mut add = |field: &'static str, c: Count, e: &mut Evaluation, what: String| {
        if c.fp + c.fn_ > 0 {
            misses.push(format!("{field}: {what}"));
        }
        e.fields.entry(field).or_default().add(c);
    };
    for (p, x) in pairs {
        let v = p.map(|i| &d.visits[i]);
        let x = x.map(|i| ev[i]);
        let get = |f: &str| x.and_then(|x| opt(&x[f]));
        let provinces = v.map(|v| v.provinces.clone()).unwrap_or_default();
        let expected = x.map(|x| strings(&x["provinces"])).unwrap_or_default();
        add(
            "provinces",
            set_count(&provinces, &expected),
            e,
            format!("{provinces:?} vs {expected:?}"),
        );
        let leader = v.and_then(|v| v.leader.as_ref()).map(|l| id.of(l));
        add(
            "leader",
            value_count(leader.as_ref(), get("leader").as_ref()),
            e,
            format!("{leader:?} vs {:?}", get("leader")),
        );
        let start = v.and_then(|v| v.start.clone());
        add(
            "start date",
            value_count(start.as_ref(), get("start").as_ref()),
            e,
            format!("{start:?} vs {:?}", get("start")),
        );
        let end = v.and_then(|v| v.end.clone());
        add(
            "end date",
            value_count(end.as_ref(), get("end").as_ref()),
            e,
            format!("{end:?} vs {:?}", get("end")),
        );
        let places = v.map(|v| v.places.clone()).unwrap_or_default();
        let expected = x.map(|x| strings(&x["places"])).unwrap_or_default();
        add(
            "Korean places",
            set_count(&places, &expected),
            e,
            format!("{places:?} vs {expected:?}"),
        );
    }
    let mut met: Vec<String> = Vec::new();
    for m in &d.meetings {
        for o in &m.officials {
            let o = id.of(o);
            if !met.contains(&o) {
                met.push(o);
            }
        }
    }
    let mut expected_met: Vec<String> = Vec::new();
    for m in exp["meetings"].as_array().into_iter().flatten() {
        for o in strings(&m["officials"]) {
            if !expected_met.contains(&o) {
                expected_met.push(o);
            }
        }
    }
    add(
        "officials met",
        set_count(&met, &expected_met),
        e,
        format!("{met:?} vs {expected_met:?}"),
    );
    let forums: Vec<String> = d.forums.iter().map(|f| f.name.clone()).collect();
    let expected_forums: Vec<String> = exp["forums"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| opt(&f["name"]))
        .collect();
    let tp = expected_forums
        .iter()
        .filter(|x| forums.iter().any(|f| same_forum(f, x)))
        .count();
    let fp = forums
        .iter()
        .filter(|f| !expected_forums.iter().any(|x| same_forum(f, x)))
        .count();
    add(
        "forums",
        Count {
            tp,
            fp,
            fn_: expected_forums.len() - tp,
        },
        e,
        format!("{forums:?} vs {expected_forums:?}"),
    );
    if !misses.is_empty() {
        e.misses.push((case.name.clone(), misses));
    }
}

/// Drafts and scores every case against `lexicon`.
pub fn evaluate(cases: &[Case], lexicon: &Lexicon) -> Evaluation {
    let mut e = Evaluation::default();
    for case in cases {
        score(case, &case.draft(lexicon), &mut e);
    }
    e
}

/// The table README shows: precision and recall (F1 for officials met) per field.
pub fn table(e: &Evaluation) -> String {
    let mut out = String::from("| field | precision | recall | F1 |\n|---|---|---|---|\n");
    for f in FIELDS {
        let c = e.field(f);
        out.push_str(&format!(
            "| {f} | {:.2} | {:.2} | {:.2} |\n",
            c.precision(),
            c.recall(),
            c.f1()
        ));
    }
    out.push_str(&format!(
        "| not a visit (accuracy) | {:.2} | | |\n| junk in a drafted field | {} | | |\n",
        e.not_a_visit_accuracy(),
        e.junk.len()
    ));
    out
}
