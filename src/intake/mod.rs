//! Intake: a news report (English, Korean or Chinese) becomes a draft of the records it
//! states — visits, meetings, forums, outcomes and the officials not yet on record — each
//! field with the sentence it came from. A pure function of the text, the publication date
//! and the names the database knows (`Lexicon`); rule-based and explainable: regular
//! expressions, gazetteers (aho-corasick) and the database's names. Fetching a URL is a
//! separate, guarded step (`fetch`); writing a confirmed draft is `apply`.
//!
//! The stages, one file each: `clean` (junk, boilerplate, captions, datelines), `sentences`,
//! `dates`, `lexicon` (names in the text), `titles`, `people`, `romanize`, `events`
//! (forums and outcomes), `assemble` (visits, meetings, not-a-visit).

mod assemble;
mod clean;
mod dates;
pub mod eval;
mod events;
pub mod fetch;
pub mod html;
mod lexicon;
mod meetings;
mod people;
pub mod romanize;
mod sentences;
mod titles;
mod unled;

pub mod apply;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Message;
use crate::msg;

pub use lexicon::Lexicon;

/// A pattern of the engine, compiled once (callers keep it in a `LazyLock`). Word
/// boundaries are ASCII ones: with a Unicode `\b` the regex crate's fast engines give up on
/// text holding Hangul or Hanzi and fall back to a slow one (most of the drafting time of a
/// long report went there), and the patterns put `\b` only beside Latin words and digits.
fn pattern(p: &str) -> regex::Regex {
    regex::Regex::new(&p.replace(r"\b", r"(?-u:\b)")).expect("a valid pattern")
}

/// Notes and reasons are messages (`crate::error::Message`): data (`ask --json`) says them
/// in English, as a sentence each, and reads such a sentence back as it is.
pub(crate) mod english {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::error::Message;

    pub fn one<S: Serializer>(m: &Option<Message>, s: S) -> Result<S::Ok, S::Error> {
        match m {
            Some(m) => s.collect_str(m),
            None => s.serialize_none(),
        }
    }

    pub fn list<S: Serializer>(ms: &[Message], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(ms.iter().map(|m| m.to_string()))
    }

    pub fn read_one<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Message>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.map(Message::verbatim))
    }

    pub fn read_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Message>, D::Error> {
        Ok(Vec::<String>::deserialize(d)?
            .into_iter()
            .map(Message::verbatim)
            .collect())
    }
}

/// Which sentence each field came from: field name → the sentence (cleaned).
pub type Evidence = BTreeMap<String, String>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub visits: Vec<VisitDraft>,
    pub meetings: Vec<MeetingDraft>,
    pub forums: Vec<ForumDraft>,
    pub outcomes: Vec<OutcomeDraft>,
    pub new_officials: Vec<NewOfficial>,
    /// Why the report gives no visit, in one sentence; `None` when it does. Said in English
    /// in data (`ask --json`), in the reader's language in the draft shown.
    #[serde(
        serialize_with = "english::one",
        deserialize_with = "english::read_one",
        default
    )]
    pub not_a_visit: Option<Message>,
    /// The kind of report that is not a visit: video_call, korean_delegation_in_china,
    /// national_level, other_country, no_specific_visit.
    pub not_a_visit_kind: Option<String>,
    /// Junk dropped from the text: spam, portal boilerplate, photo captions.
    pub removed: Vec<String>,
    /// Drafted visits that overlap one on record: `visit` is the index in `visits`.
    pub duplicates: Vec<Duplicate>,
    /// What the reader should check: dates left empty because they were ambiguous, a
    /// publication date that had to be assumed, names romanized by rule. Said in English in
    /// data, in the reader's language in the draft shown.
    #[serde(
        serialize_with = "english::list",
        deserialize_with = "english::read_list"
    )]
    pub notes: Vec<Message>,
    /// The publication date the partial dates were read against.
    pub published: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitDraft {
    pub provinces: Vec<String>,
    pub city: Option<String>,
    pub level: Option<String>,
    pub leader: Option<String>,
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub start: Option<String>,
    pub end: Option<String>,
    pub places: Vec<String>,
    pub purpose: Option<String>,
    pub size: Option<i64>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingDraft {
    pub date: Option<String>,
    pub officials: Vec<String>,
    pub place: Option<String>,
    /// Index of the drafted visit it belongs to.
    pub visit: Option<usize>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ForumDraft {
    pub name: String,
    pub kind: String,
    pub edition: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub place: Option<String>,
    pub visit: Option<usize>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutcomeDraft {
    /// MOU, agreement, contract, investment, sister-city, other.
    pub kind: String,
    pub title: String,
    pub date: Option<String>,
    pub chinese_side: Option<String>,
    pub korean_side: Option<String>,
    /// The exact amount as digits (never summed across currencies).
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub visit: Option<usize>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewOfficial {
    /// Romanized: pinyin for Chinese names, Revised Romanization with the usual surname
    /// spellings for Korean ones (an approximation the moderator may correct).
    pub name: String,
    pub local_name: Option<String>,
    pub title: Option<String>,
    /// China, Korea or Other.
    pub country: String,
    /// Other spellings seen in the report (Hanzi beside a Hangul transliteration).
    pub aliases: Vec<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    pub visit: usize,
    pub id: i64,
}

/// The report as the engine reads it.
pub struct Report<'a> {
    pub text: &'a str,
    /// Given by the moderator (`published:`), else read from the text.
    pub published: Option<NaiveDate>,
}

/// A report made ready to read: its text cleaned (a page's markup read as the article it
/// holds), split into sentences, dated; with what was removed and a note on where the
/// date came from when nobody gave it.
struct Prepared {
    doc: sentences::Doc,
    removed: Vec<String>,
    notes: Vec<Message>,
}

fn prepare(report: &Report<'_>, today: NaiveDate) -> Prepared {
    let page = html::is_markup(report.text).then(|| html::reduce(report.text));
    let text = page.as_ref().map_or(report.text, |p| p.text.as_str());
    let cleaned = clean::clean(text);
    let mut notes = Vec::new();
    let from_page = page.as_ref().and_then(|p| p.published);
    let published = match report.published.or(from_page).or(cleaned.published) {
        Some(d) => d,
        None => match dates::written_on(&cleaned.lines, today) {
            Some(d) => {
                notes.push(msg!("draft-note-date-assumed", date = d.to_string()));
                d
            }
            None => {
                notes.push(msg!("draft-note-date-today", date = today.to_string()));
                today
            }
        },
    };
    Prepared {
        doc: sentences::Doc::new(&cleaned, published),
        removed: cleaned.removed,
        notes,
    }
}

/// What the engine reads in a report, for a developer (`bench intake --trace`).
pub fn trace(report: &Report<'_>, lexicon: &Lexicon, today: NaiveDate) -> String {
    let doc = prepare(report, today).doc;
    format!(
        "published {}\n{}",
        doc.published,
        assemble::trace(&doc, lexicon)
    )
}

/// Drafts the records a report states. `today` is the fallback reference for partial dates
/// when neither the moderator nor the text gives a publication date (noted in the draft).
pub fn draft(report: &Report<'_>, lexicon: &Lexicon, today: NaiveDate) -> Draft {
    let Prepared {
        doc,
        removed,
        notes,
    } = prepare(report, today);
    let mut out = assemble::assemble(&doc, lexicon);
    out.removed = removed;
    out.notes.splice(0..0, notes);
    out.published = Some(doc.published.to_string());
    out
}
