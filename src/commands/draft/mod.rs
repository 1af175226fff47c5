//! `/record draft [text] [file] [url] [published] [confirm] [force]`: a news report becomes
//! a draft shown with its evidence; Confirm (or `confirm:true`) writes it as one change.

use serde_json::json;

use super::{Actor, App};
use crate::error::{Result, user_err};
use crate::intake::{self, Draft, Lexicon, apply, fetch, html};
use crate::reply::{Confirm, Reply};
use crate::request::{Request, Upload, Value};
use crate::store::names::Spellings;
use crate::store::visit::Source;

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
        return user_err(format!(
            "{name} is larger than 2 MB; give the article's text alone."
        ));
    }
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let lower = name.to_lowercase();
    Ok(if lower.ends_with(".html") || lower.ends_with(".htm") {
        html::reduce(&text).text
    } else {
        text.into_owned()
    })
}

async fn input(req: &Request) -> Result<Input> {
    let url = req.text("url");
    let mut source = match url {
        Some(u) => Some(Source::parse(u, None, None).map_err(|(_, e)| e)?),
        None => None,
    };
    if let Some(text) = req.text("text") {
        return Ok(Input {
            text: text.to_string(),
            source,
            published: None,
            fetched: false,
        });
    }
    match req.file("file") {
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
                    return user_err(format!(
                        "{path} is larger than 2 MB; give the article's text alone."
                    ));
                }
                _ => {
                    return user_err(format!(
                        "There is no file `{path}`; give the path of a .txt, .html or .md file."
                    ));
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
        return user_err(
            "Give the report: text:\"...\", a file (file:), or its link (url:https://...).",
        );
    };
    let page = fetch::fetch(url).await?;
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

/// The draft of a report, with the visits already on record marked.
pub async fn make(app: &App, text: &str, published: Option<chrono::NaiveDate>) -> Result<Draft> {
    let lexicon = {
        let mut conn = app.db.acquire().await?;
        Lexicon::build(&Spellings::load(&mut conn).await?)
    };
    let report = intake::Report { text, published };
    let mut draft = intake::draft(&report, &lexicon, crate::clock::today());
    let mut tx = app.db.begin().await?;
    draft.duplicates = apply::duplicates(&mut tx, &draft)
        .await?
        .into_iter()
        .map(|(visit, id)| intake::Duplicate { visit, id })
        .collect();
    tx.rollback().await?;
    Ok(draft)
}

pub async fn draft(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let given = ["text", "file"].iter().filter(|o| req.has(o)).count();
    if given > 1 {
        return user_err(
            "Give the report once: text: or file: (a url: with them is kept as the source).",
        );
    }
    let input = input(req).await?;
    let published = req.day("published").map(|d| d.naive()).or(input.published);
    let draft = make(app, &input.text, published).await?;
    if req.flag("confirm") {
        let mut tx = app.begin().await?;
        let applied = apply::apply(
            &mut tx,
            &actor.author(),
            &draft,
            input.source.as_ref(),
            req.flag("force"),
        )
        .await?;
        tx.commit().await?;
        return Ok(recorded(&applied));
    }
    let mut reply = render(&draft);
    if !draft.visits.is_empty() {
        // Confirm writes exactly this text: a fetched page is kept, not fetched again.
        let mut confirm = req.with("confirm", Value::Bool(true));
        if input.fetched {
            confirm = confirm.with(
                "file",
                Value::File(Upload::bytes("report.txt", input.text.clone().into_bytes())),
            );
        }
        if let (None, Some(d)) = (req.day("published"), published) {
            confirm = confirm.with("published", Value::Day(crate::domain::Day::from_naive(d)));
        }
        let dupes: Vec<String> = draft
            .duplicates
            .iter()
            .map(|d| format!("#{}", d.id))
            .collect();
        reply.confirm = Some(Confirm {
            prompt: if dupes.is_empty() {
                "Confirm to record this draft.".into()
            } else {
                format!(
                    "Confirm adds the report as a source to {} instead of recording the visit again.",
                    dupes.join(", ")
                )
            },
            request: confirm,
        });
    }
    Ok(reply)
}

fn quote(s: Option<&String>) -> String {
    match s {
        Some(s) => {
            let cut: String = s.chars().take(110).collect();
            format!(
                "\n> {}{}",
                cut,
                if s.chars().count() > 110 { "…" } else { "" }
            )
        }
        None => String::new(),
    }
}

/// The draft as a reply: one field per visit, then meetings, forums, outcomes, new
/// officials and what was removed, each with a short quote of its evidence.
pub fn render(d: &Draft) -> Reply {
    let data = serde_json::to_value(d).unwrap_or_default();
    let Some(first) = d.visits.first() else {
        let reason = d
            .not_a_visit
            .clone()
            .unwrap_or_else(|| "The report gives no visit to record.".into());
        return Reply::new("Not a visit").text(reason).data(data);
    };
    let mut reply = Reply::new(format!(
        "Draft: {} visit, {}",
        first.provinces.join(", "),
        first.start.as_deref().unwrap_or("date unknown")
    ))
    .text(
        "Check each field against its quote. Confirm writes everything as one change (/data undo takes it back); nothing is written before.",
    );
    for (i, v) in d.visits.iter().enumerate() {
        let dup = d
            .duplicates
            .iter()
            .find(|x| x.visit == i)
            .map(|x| {
                format!(
                    "\nAlready on record as #{}: Confirm adds the report to it as a source.",
                    x.id
                )
            })
            .unwrap_or_default();
        let mut value = format!(
            "{} · {}{} · led by {}\n{} → {} · places: {}{}{}",
            v.provinces.join(", "),
            v.level.as_deref().unwrap_or("level unknown"),
            v.city
                .as_deref()
                .map(|c| format!(" · {c}"))
                .unwrap_or_default(),
            v.leader.as_deref().unwrap_or("—"),
            v.start.as_deref().unwrap_or("?"),
            v.end.as_deref().unwrap_or("?"),
            if v.places.is_empty() {
                "—".into()
            } else {
                v.places.join(", ")
            },
            v.size.map(|s| format!(" · {s} people")).unwrap_or_default(),
            dup
        );
        value.push_str(&quote(v.evidence.get("start").or(v.evidence.get("leader"))));
        reply = reply.field(format!("Visit {}", i + 1), value);
    }
    let list = |lines: Vec<String>| lines.join("\n");
    if !d.meetings.is_empty() {
        reply = reply.field(
            "Meetings",
            list(
                d.meetings
                    .iter()
                    .map(|m| {
                        format!(
                            "{} · {}{}{}",
                            m.date.as_deref().unwrap_or("no date"),
                            m.officials.join(", "),
                            m.place
                                .as_deref()
                                .map(|p| format!(" · {p}"))
                                .unwrap_or_default(),
                            quote(m.evidence.get("officials"))
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.forums.is_empty() {
        reply = reply.field(
            "Forums",
            list(
                d.forums
                    .iter()
                    .map(|f| {
                        format!(
                            "{}{} · {}{}",
                            f.name,
                            f.edition
                                .as_deref()
                                .map(|e| format!(" ({e})"))
                                .unwrap_or_default(),
                            f.start.as_deref().unwrap_or("no date"),
                            f.place
                                .as_deref()
                                .map(|p| format!(" · {p}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.outcomes.is_empty() {
        reply = reply.field(
            "Outcomes (kept until the outcome record lands)",
            list(
                d.outcomes
                    .iter()
                    .map(|o| {
                        format!(
                            "{}: {}{}",
                            o.kind,
                            o.title.chars().take(120).collect::<String>(),
                            match (&o.amount, &o.currency) {
                                (Some(a), Some(c)) => format!(" · {a} {c}"),
                                _ => String::new(),
                            }
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.new_officials.is_empty() {
        reply = reply.field(
            "New officials (added on Confirm)",
            list(
                d.new_officials
                    .iter()
                    .map(|o| {
                        format!(
                            "{}{} · {} · {}",
                            o.name,
                            o.local_name
                                .as_deref()
                                .map(|l| format!(" ({l})"))
                                .unwrap_or_default(),
                            o.country,
                            o.title.as_deref().unwrap_or("no title")
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.notes.is_empty() {
        reply = reply.field("Check", list(d.notes.clone()));
    }
    if !d.removed.is_empty() {
        reply = reply.footer(format!(
            "Removed {} lines of junk (spam, boilerplate, captions), e.g. {}",
            d.removed.len(),
            d.removed[0].chars().take(60).collect::<String>()
        ));
    }
    reply.data(data)
}

fn recorded(a: &apply::Applied) -> Reply {
    let ids = |what: &str, ids: &[i64]| {
        (!ids.is_empty()).then(|| {
            format!(
                "{what} {}",
                ids.iter()
                    .map(|i| format!("#{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    };
    let mut parts: Vec<String> = [
        ids("visits", &a.visits),
        ids("report added as a source to visits", &a.sources_added_to),
        ids("meetings", &a.meetings),
        ids("forums", &a.forums),
        ids("new officials", &a.officials),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        parts.push("nothing new".into());
    }
    let mut text = format!("Recorded: {}.", parts.join("; "));
    if a.outcomes_kept > 0 {
        text.push_str(&format!(
            " {} outcome(s) are kept in the draft for when the outcome record lands.",
            a.outcomes_kept
        ));
    }
    for s in &a.skipped {
        text.push(' ');
        text.push_str(s);
    }
    text.push_str(" /data undo takes it all back.");
    Reply::new("Draft recorded")
        .text(text)
        .data(serde_json::to_value(a).unwrap_or(json!({})))
}
