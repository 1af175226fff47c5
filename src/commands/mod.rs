//! The core: a typed `Request` from an `Actor` becomes a `Reply`. Nothing here knows
//! about Discord or the terminal; one file per command group.

mod adapter;
pub use adapter::{Delivery, PostState, Saved};
pub mod args;
pub mod checks;
mod data;
pub mod digest;
mod draft;
mod export;
mod forums;
mod help;
pub mod import;
mod officials;
mod outcomes;
mod people;
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
pub mod watch;

use sqlx::SqlitePool;

use crate::catalog::{CommandId, Lookup};
use crate::error::Result;
use crate::progress::Progress;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::audit::Author;
use crate::store::change::Change;
use crate::store::{WriteTx, official, region};

/// Who is asking: an id stable across renames, a display name, whether they may write, and
/// the language they read.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub moderator: bool,
    pub lang: crate::i18n::Lang,
}

impl Actor {
    fn author(&self) -> Author<'_> {
        Author {
            id: &self.id,
            name: &self.name,
        }
    }
}

/// Shared state: the database. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub db: SqlitePool,
    /// One write at a time (store::WriteTx).
    writes: std::sync::Arc<tokio::sync::Semaphore>,
    /// Intake's gazetteer, built once per version of the names (draft::lexicon).
    gazetteer: draft::Gazetteer,
    /// Woken when the digest's schedule changes, so `serve` posts a due digest at once.
    digest_changed: std::sync::Arc<tokio::sync::Notify>,
    /// The requests behind an adapter's buttons (adapter.rs), when it has buttons.
    saved: Option<SqlitePool>,
    /// How people are named to Korean and Chinese readers (people.rs).
    people: people::Cache,
    /// The language Discord says the server prefers (`guild_locale`), for posts when no
    /// language is set (settings.rs).
    server_locale: std::sync::Arc<std::sync::RwLock<Option<crate::i18n::Lang>>>,
}

impl App {
    pub fn new(db: SqlitePool) -> App {
        App {
            db,
            writes: std::sync::Arc::new(tokio::sync::Semaphore::new(1)),
            gazetteer: Default::default(),
            digest_changed: Default::default(),
            saved: None,
            people: Default::default(),
            server_locale: Default::default(),
        }
    }

    /// Resolves when the digest's schedule was changed (by /digest set or off).
    pub async fn digest_changed(&self) {
        self.digest_changed.notified().await
    }

    pub async fn handle(&self, actor: &Actor, req: &Request) -> Result<Reply> {
        self.handle_with(actor, req, &Progress::none()).await
    }

    /// Answers a request, reporting the progress of long work (an import) to `progress`.
    pub async fn handle_with(
        &self,
        actor: &Actor,
        req: &Request,
        progress: &Progress,
    ) -> Result<Reply> {
        let people = self.people_for(actor.lang).await?;
        let answer = async {
            self.answer_in_language(actor, req, progress)
                .await
                .map_err(crate::i18n::format::names_in_error)
        };
        crate::i18n::read_by_with(actor.lang, people, answer).await
    }

    async fn answer_in_language(
        &self,
        actor: &Actor,
        req: &Request,
        progress: &Progress,
    ) -> Result<Reply> {
        self.may_run(actor, req.spec)?;
        if !crate::i18n::format::places_known() {
            crate::i18n::format::know_places(region::names_in_languages(&self.db).await?);
        }
        let answer = self.answer(actor, req, progress).await;
        if req.spec.moderator && req.spec.id != CommandId::DataAudit {
            return answer;
        }
        let mut reply = answer.map_err(crate::error::Error::while_reading)?;
        // A report of zeros on an empty database says why, and how to fill it.
        if matches!(
            req.spec.id,
            CommandId::VisitsMonthly
                | CommandId::VisitsList
                | CommandId::Stats
                | CommandId::Provinces
                | CommandId::ForumsList
                | CommandId::OutcomesList
                | CommandId::Search
                | CommandId::DigestPreview
        ) && !crate::store::has_records(&self.db).await?
        {
            let note = crate::t!("empty-database");
            // A list's "nothing matches; widen the filters" would contradict it: the note
            // says it all where there is nothing else to show.
            let shows_more = reply.table.is_some() || !reply.fields.is_empty();
            reply.text = Some(match reply.text.take() {
                Some(t) if shows_more => format!("{note}\n{t}"),
                _ => note.to_string(),
            });
            reply.data["empty"] = serde_json::json!(true);
        }
        Ok(reply)
    }

    async fn answer(&self, actor: &Actor, req: &Request, progress: &Progress) -> Result<Reply> {
        use CommandId::*;
        use args::read;
        match req.spec.id {
            VisitsMonthly => visits::monthly(self, read(req)?).await,
            VisitsList => visits::list(self, read(req)?).await,
            VisitsShow => visits::show(self, read(req)?).await,
            OfficialHistory => officials::history(self, read(req)?).await,
            OfficialShow => officials::show(self, read(req)?).await,
            ForumsList => forums::list(self, read(req)?).await,
            ForumsShow => forums::show(self, read(req)?).await,
            Provinces => provinces::provinces(self, read(req)?).await,
            Stats => stats::stats(self, read(req)?).await,
            Search => search::search(self, read(req)?).await,
            Export => export::export(self, read(req)?).await,
            Help => help::help(read(req)?, actor),
            VisitAdd => record_visit::add(self, actor, read(req)?).await,
            VisitEdit => record_visit::edit(self, actor, read(req)?).await,
            VisitDelete => record_visit::delete(self, actor, read(req)?).await,
            MeetingAdd => record_meeting::add(self, actor, read(req)?).await,
            MeetingEdit => record_meeting::edit(self, actor, read(req)?).await,
            MeetingDelete => record_meeting::delete(self, actor, read(req)?).await,
            ForumAdd => record_forum::add(self, actor, read(req)?).await,
            ForumEdit => record_forum::edit(self, actor, read(req)?).await,
            ForumDelete => record_forum::delete(self, actor, read(req)?).await,
            ForumLink => record_forum::link(self, actor, read(req)?).await,
            OfficialAdd => record_official::add(self, actor, read(req)?).await,
            OfficialEdit => record_official::edit(self, actor, read(req)?).await,
            OfficialDelete => record_official::delete(self, actor, read(req)?).await,
            OfficialAlias => record_official::alias(self, actor, read(req)?).await,
            OfficialUnalias => record_official::unalias(self, actor, read(req)?).await,
            OfficialMerge => record_official::merge(self, actor, read(req)?).await,
            DataImport => import::import(self, actor, read(req)?, req, progress).await,
            DataAudit => data::audit(self, read(req)?).await,
            DataUndo => data::undo(self, actor).await,
            RecordDraft => draft::draft(self, actor, read(req)?, req).await,
            WatchAdd => watch::add(self, actor, read(req)?).await,
            WatchList => watch::list(self).await,
            WatchRemove => watch::remove(self, actor, read(req)?).await,
            DigestSet => digest::set(self, actor, read(req)?).await,
            DigestOff => digest::off(self, actor).await,
            Settings => settings::settings(self, actor, read(req)?).await,
            DigestPreview => digest::preview(self, read(req)?).await,
            OutcomesList => outcomes::list(self, read(req)?).await,
            OutcomesShow => outcomes::show(self, read(req)?).await,
            OutcomeAdd => record_outcome::add(self, actor, read(req)?).await,
            OutcomeEdit => record_outcome::edit(self, actor, read(req)?).await,
            OutcomeDelete => record_outcome::delete(self, actor, read(req)?).await,
            OfficialPost => record_post::add(self, actor, read(req)?).await,
            OfficialPostRemove => record_post::remove(self, actor, read(req)?).await,
        }
    }

    /// The question to ask before a delete runs (Discord's confirmation button): what will
    /// go, or the refusal the delete itself would give.
    pub async fn confirmation(&self, req: &Request) -> Result<String> {
        let what = match req.spec.id {
            CommandId::VisitDelete => {
                let a: record_visit::DeleteArgs = args::read(req)?;
                let mut tx = self.db.begin().await?;
                let d = record_visit::deletion(self, &mut tx, &a).await?;
                d.describe(&a)
            }
            CommandId::OfficialDelete => {
                let args::Name(name) = args::read(req)?;
                format!("{} {name}", crate::i18n::format::kind_named("official"))
            }
            _ => {
                let args::Id(id) = args::read(req)?;
                // The record's kind: `outcome` of `/outcome delete`, `meeting` of
                // `/record meeting delete`.
                let kind = req.spec.path[req.spec.path.len() - 2];
                format!("{} #{id}", crate::i18n::format::kind_named(kind))
            }
        };
        Ok(crate::t!("really-delete", what = what))
    }

    /// Parses and answers one line as typed in the console or `ask`.
    pub async fn run_line(&self, actor: &Actor, line: &str) -> Result<Reply> {
        let req = Request::parse_line(line)?;
        self.handle(actor, &req).await
    }

    /// Autocomplete choices for a partly typed value (at most 25).
    pub async fn suggest(&self, lookup: Lookup, input: &str) -> Result<Vec<String>> {
        let input: String = input.chars().take(100).collect();
        match lookup {
            Lookup::Province => {
                region::suggest(&self.db, region::Country::China, last_item(&input)).await
            }
            Lookup::Place => {
                region::suggest(&self.db, region::Country::Korea, last_item(&input)).await
            }
            Lookup::Official => {
                official::suggest(&self.db, input.rsplit(';').next().unwrap_or("").trim()).await
            }
            Lookup::Forum => forums::suggest(self, &input).await,
        }
    }

    /// Starts an audited change by `actor` (store::change): every record write goes
    /// through one.
    async fn change(&self, actor: &Actor, action: &str, summary: &str) -> Result<Change> {
        Change::begin(self.begin().await?, &actor.author(), action, summary).await
    }

    /// Opens the edit of record `id`: the change, and the record's fields as they are.
    /// Refused when the record is gone or moved on since the `version` its editor saw, then
    /// when the edit names nothing to change (`nothing` says what to type).
    async fn edit<R: crate::store::kind::Record>(
        &self,
        actor: &Actor,
        id: i64,
        version: Option<i64>,
        changes: bool,
        nothing: crate::error::Message,
    ) -> Result<(Change, R)> {
        let summary = format!("edit {} #{id}", R::ENTITY.as_str());
        let mut change = self.change(actor, "update", &summary).await?;
        let current = change.live::<R>(id, version).await?;
        if !changes {
            return Err(nothing.into());
        }
        Ok((change, R::fields(&current)))
    }

    /// Deletes the forum or meeting `id` (`described` names it in the audit log); the
    /// outcomes that came of it stay, no longer linked, and the reply says so.
    async fn delete_detaching<R: crate::store::kind::Record>(
        &self,
        actor: &Actor,
        id: i64,
        described: impl FnOnce(&R::Snapshot) -> String,
    ) -> Result<Reply> {
        let kind = R::ENTITY;
        let summary = format!("delete {} #{id}", kind.as_str());
        let mut change = self.change(actor, "delete", &summary).await?;
        let current = change.live::<R>(id, None).await?;
        change
            .summarize(&format!("{summary} {}", described(&current)))
            .await?;
        let outcomes = change.detach_outcomes(kind, id).await?;
        change.delete(kind, id).await?;
        change.commit().await?;
        Ok(Reply::new(done(Done::Deleted, kind, id))
            .text(crate::t!(
                "detached-undo",
                detached = detached_text(&outcomes)
            ))
            .data(serde_json::json!({"id": id, "outcomes": outcomes})))
    }

    /// The process's one turn to write (store::WriteTx).
    pub(crate) async fn begin(&self) -> Result<WriteTx> {
        WriteTx::begin(&self.db, &self.writes).await
    }
}

/// In a comma-separated list, the item being typed.
fn last_item(input: &str) -> &str {
    input.rsplit(',').next().unwrap_or("").trim()
}

/// What a deletion did to the outcomes that came of the deleted record: they stay,
/// without the link. "Outcomes #3, #4 stay, no longer linked to it. " (empty for none).
pub(crate) fn detached_text(outcomes: &[i64]) -> String {
    if outcomes.is_empty() {
        return String::new();
    }
    let ids: Vec<String> = outcomes.iter().map(|o| format!("#{o}")).collect();
    let said = crate::t!(
        "outcomes-stay-unlinked",
        n = outcomes.len() as i64,
        ids = ids.join(", ")
    );
    format!("{said} ")
}

/// "1 visit", "2 visits"
pub(crate) fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What a change did to one record, as its reply's title says.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Done {
    Added,
    Updated,
    Deleted,
}

/// "Visit #3 added", in the reader's language.
pub(crate) fn done(done: Done, entity: crate::store::Entity, id: i64) -> String {
    let kind = crate::i18n::format::kind_said(entity.as_str());
    match done {
        Done::Added => crate::t!("record-added", kind = kind, id = id),
        Done::Updated => crate::t!("record-updated", kind = kind, id = id),
        Done::Deleted => crate::t!("record-deleted", kind = kind, id = id),
    }
}

/// A record's view ends with who changed it last, and says when it is not real data.
pub(crate) fn record_footer(
    reply: Reply,
    last_change: Option<&crate::store::audit::LastChange>,
    version: i64,
    dataset: &str,
) -> Reply {
    let reply = match last_change {
        Some(change) => reply.footer(crate::t!(
            "last-change",
            who = change.by.as_str(),
            at = crate::i18n::format::time(&change.at),
            version = version
        )),
        None => reply,
    };
    if dataset == "user" {
        reply
    } else {
        // The sample's own word in the reader's language; a synthetic set's name as it is.
        let named = match dataset {
            "sample" => crate::t!("dataset-sample"),
            other => other.to_string(),
        };
        reply.text(crate::t!("not-real-data", dataset = named))
    }
}

/// "a, b and c"
/// A period's outcomes in a field: "3 · MOU 2, agreement 1", and the amounts pledged,
/// one currency per line (None when nothing carried an amount).
fn outcome_fields(o: &crate::store::counts::OutcomeTotals) -> (String, Option<String>) {
    let by_kind = o
        .by_kind
        .0
        .iter()
        .map(|(k, n)| format!("{} {n}", crate::i18n::format::choice(&k.to_string())))
        .collect::<Vec<_>>()
        .join(", ");
    let pledged = o
        .pledged
        .iter()
        .map(crate::i18n::format::money)
        .collect::<Vec<_>>()
        .join("\n");
    (
        if o.count == 0 {
            crate::t!("none-recorded")
        } else {
            format!("{} · {by_kind}", o.count)
        },
        Some(pledged).filter(|p| !p.is_empty()),
    )
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => crate::t!(
            "list-and-last",
            first = init.join(", "),
            last = last.as_str()
        ),
    }
}
