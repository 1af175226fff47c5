//! `/record draft [text] [file] [url] [published] [corrections] [confirm] [force]`: a news
//! report becomes a draft shown with its evidence; Confirm (or `confirm:true`) writes it as
//! one change. Corrections of the drafted visit (`province`, `start`, `end`, `leader`,
//! `places`, `clear`) are what Discord's Edit form sends, and may be typed as well.

mod revise;
mod view;

use crate::catalog::arg;
use std::sync::{Arc, Mutex};

use super::args::Args;
use super::{Actor, App};
use crate::domain::Day;
use crate::error::{Message, Result, refuse};
use crate::intake::{self, Draft, Lexicon, apply, fetch, html};
use crate::msg;
use crate::reply::{Confirm, Reply};
use crate::request::{Request, Upload, Value};
use crate::store::names::{self, Spellings};
use crate::store::visit::Source;

pub struct DraftArgs {
    text: Option<String>,
    file: Option<Upload>,
    url: Option<String>,
    published: Option<Day>,
    fix: revise::Fix,
    confirm: bool,
    force: bool,
}

impl Args for DraftArgs {
    fn read(req: &Request) -> Result<Self> {
        let a = DraftArgs {
            text: req.text(arg::TEXT).map(String::from),
            file: req.file(arg::FILE).cloned(),
            url: req.text(arg::URL).map(String::from),
            published: req.day(arg::PUBLISHED),
            fix: revise::Fix::read(req)?,
            confirm: req.flag(arg::CONFIRM),
            force: req.flag(arg::FORCE),
        };
        if a.text.is_some() && a.file.is_some() {
            return refuse(msg!("draft-text-and-file"));
        }
        Ok(a)
    }
}

/// The report's text, where it came from, and what the page said of itself.
struct Input {
    text: String,
    source: Option<Source>,
    published: Option<chrono::NaiveDate>,
    /// Fetched from the link now: Confirm keeps this text rather than fetch again.
    fetched: bool,
}

fn file_text(name: &str, bytes: &[u8]) -> Result<String> {
    if bytes.len() > fetch::MAX_BYTES {
        return refuse(msg!("draft-file-too-large", name = name));
    }
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    // A page is kept as markup: drafting reads its article and its publication date.
    let words = if html::is_markup(&text) {
        html::reduce(&text).text
    } else {
        text.to_string()
    };
    if words.trim().is_empty() {
        return refuse(msg!("draft-file-empty", name = name));
    }
    Ok(text.into_owned())
}

async fn input(a: &DraftArgs) -> Result<Input> {
    let url = a.url.as_deref();
    let mut source = match url {
        Some(u) => {
            // Checked as `url`, the option it was typed in.
            crate::domain::text::parse_url("url", u)?;
            Some(
                crate::domain::SourceInput::parse(u, None, None)
                    .map(Source::from)
                    .map_err(|(_, e)| e)?,
            )
        }
        None => None,
    };
    if let Some(text) = &a.text {
        return Ok(Input {
            text: text.clone(),
            source,
            published: None,
            fetched: false,
        });
    }
    match &a.file {
        Some(Upload::Bytes { name, bytes }) => {
            return Ok(Input {
                text: file_text(name, bytes)?,
                source,
                published: None,
                fetched: false,
            });
        }
        Some(Upload::Path(path)) => {
            let bytes = match std::fs::metadata(path) {
                Ok(m) if m.is_file() && m.len() as usize <= fetch::MAX_BYTES => {
                    std::fs::read(path)?
                }
                Ok(m) if m.is_file() => {
                    return refuse(msg!("draft-file-too-large", name = path));
                }
                _ => {
                    return refuse(msg!("draft-no-such-file", path = path));
                }
            };
            return Ok(Input {
                text: file_text(path, &bytes)?,
                source,
                published: None,
                fetched: false,
            });
        }
        None => {}
    }
    let Some(url) = url else {
        return refuse(msg!("draft-no-report"));
    };
    let page = fetch::fetch(url).await?;
    if page.text.trim().is_empty() {
        return refuse(msg!("draft-page-empty", url = url));
    }
    if let Some(s) = &mut source {
        s.title = page.title.clone().map(|t| t.chars().take(200).collect());
        s.published = page.published.map(|d| d.to_string());
    }
    Ok(Input {
        text: page.text,
        source,
        published: page.published,
        fetched: true,
    })
}

/// The gazetteer of the names version it was built from, shared by the App's clones.
pub type Gazetteer = Arc<Mutex<Option<(i64, Arc<Lexicon>)>>>;

/// The gazetteer for the names the database holds now: the one kept, unless the names
/// moved on since it was built (`store::names::edits`); building one takes tens of
/// milliseconds, so it is done once per change of the names, off the async threads.
pub async fn lexicon(app: &App) -> Result<Arc<Lexicon>> {
    let mut conn = app.db.acquire().await?;
    let version = names::edits(&mut conn).await?;
    if let Some((v, lexicon)) = app.gazetteer.lock().expect("not poisoned").as_ref()
        && *v == version
    {
        return Ok(lexicon.clone());
    }
    let spellings = Spellings::load(&mut conn).await?;
    drop(conn);
    let lexicon = Arc::new(
        tokio::task::spawn_blocking(move || Lexicon::build(&spellings))
            .await
            .map_err(anyhow::Error::new)?,
    );
    *app.gazetteer.lock().expect("not poisoned") = Some((version, lexicon.clone()));
    Ok(lexicon)
}

/// The draft of a report, corrected as the request asks (`revise`), with the visits
/// already on record marked.
async fn make(
    app: &App,
    text: &str,
    published: Option<chrono::NaiveDate>,
    fix: &revise::Fix,
) -> Result<Draft> {
    let lexicon = lexicon(app).await?;
    let report = intake::Report { text, published };
    let mut draft = intake::draft(&report, &lexicon, crate::clock::today());
    revise::revise(app, &mut draft, fix).await?;
    let mut tx = app.db.begin().await?;
    draft.duplicates = apply::duplicates(&mut tx, &draft)
        .await?
        .into_iter()
        .map(|(visit, id)| intake::Duplicate { visit, id })
        .collect();
    tx.rollback().await?;
    Ok(draft)
}

/// `req` is the request `a` was read from: Confirm repeats it with `confirm:true`.
pub async fn draft(app: &App, actor: &Actor, a: DraftArgs, req: &Request) -> Result<Reply> {
    let input = input(&a).await?;
    let published = a.published.map(|d| d.naive()).or(input.published);
    let draft = make(app, &input.text, published, &a.fix).await?;
    if a.confirm {
        let mut change = app.change(actor, "create", "draft from a report").await?;
        let applied = apply::apply(&mut change, &draft, input.source.as_ref(), a.force).await?;
        change.commit().await?;
        return Ok(view::recorded(&applied));
    }
    let mut reply = view::render(&draft);
    if !draft.visits.is_empty() {
        // Confirm (and Edit) read exactly this text against the same date: a fetched page
        // is kept rather than fetched again, and a date taken from the page or the clock
        // is written down.
        let mut confirm = req.with(arg::CONFIRM, Value::Bool(true));
        if input.fetched {
            confirm = confirm.with(
                arg::FILE,
                Value::File(Upload::bytes("report.txt", input.text.clone().into_bytes())),
            );
        }
        if let (None, Some(d)) = (
            a.published,
            draft.published.as_deref().and_then(|d| d.parse().ok()),
        ) {
            confirm = confirm.with(
                arg::PUBLISHED,
                Value::Day(crate::domain::Day::from_naive(d)),
            );
        }
        let dupes = draft
            .duplicates
            .iter()
            .map(|d| Message::verbatim(format!("#{}", d.id)))
            .reduce(|first, second| msg!("list-comma", first = first, second = second));
        reply.confirm = Some(Confirm {
            prompt: match dupes {
                None => crate::t!("draft-confirm-prompt"),
                Some(ids) => crate::t!("draft-confirm-adds-source", ids = ids),
            },
            request: confirm,
        });
    }
    Ok(reply)
}
