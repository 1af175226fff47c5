//! Failures said to a person: their own mistakes and the store's refusals in their language,
//! a database that cannot take writes said plainly, anything else a short apology (logged
//! here with its whole chain).

use super::{Lang, render};
use crate::error::{Error, Message, Refusal, WhileReading, unavailable};
use crate::msg;

impl Error {
    /// The one sentence a user is shown, in `lang`. Internal failures are logged here.
    pub fn said(&self, lang: Lang) -> String {
        match self {
            Error::User(u) => {
                tracing::info!(error = %u, "refused");
                render(lang, &u.0)
            }
            Error::Refused(r) => {
                let m = refusal(r);
                tracing::info!(error = %m, "refused");
                render(lang, &m)
            }
            // One line (a console shows warnings and errors on stderr; a database that cannot
            // take writes is no error of ours, so info); the whole chain at debug.
            Error::Internal(e) => {
                tracing::debug!(error = ?e, "the whole failure");
                match unavailable(e) {
                    Some(id) => {
                        tracing::info!(error = %format!("{e:#}"), "database unavailable");
                        render(
                            lang,
                            &Message {
                                id,
                                args: Vec::new(),
                            },
                        )
                    }
                    None => {
                        tracing::error!(error = %format!("{e:#}"), "command failed");
                        let reading = e.downcast_ref::<WhileReading>().is_some();
                        render(
                            lang,
                            &if reading {
                                msg!("apology-read")
                            } else {
                                msg!("apology")
                            },
                        )
                    }
                }
            }
        }
    }

    /// The sentence in the language of the request being answered (`super::reader`).
    pub fn user_message(&self) -> String {
        self.said(super::reader())
    }
}

/// "the visit" for a record kind's name, as messages take it.
pub(super) fn kind(name: &str) -> Message {
    match name {
        "visit" => msg!("kind-visit"),
        "meeting" => msg!("kind-meeting"),
        "forum" => msg!("kind-forum"),
        "official" => msg!("kind-official"),
        "outcome" => msg!("kind-outcome"),
        // The team's setup (store::setup), in an undo's refusal.
        "watch" => msg!("kind-watch"),
        "digest" => msg!("kind-digest"),
        "language" => msg!("kind-language"),
        other => Message::verbatim(other),
    }
}

/// Names joined as a list ("a, b, c").
fn list(items: &[String]) -> String {
    items.join(", ")
}

/// Names joined by a message of two (`list-or`: "`a` or `b`"), in the reader's language.
fn joined(id: &'static str, items: &[String]) -> Message {
    chain(id, items.iter().map(|i| Message::verbatim(i.as_str())))
}

/// Messages joined pairwise by message `id` (of `$first` and `$second`).
pub(super) fn chain(id: &'static str, items: impl IntoIterator<Item = Message>) -> Message {
    let mut items = items.into_iter();
    let first = items.next().unwrap_or_else(|| Message::verbatim(""));
    items.fold(first, |first, second| Message {
        id,
        args: vec![("first", first.into()), ("second", second.into())],
    })
}

/// The closest names, each in backquotes, joined by "or".
fn near(names: &[String]) -> Message {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    joined("list-or", &quoted)
}

/// English, for logs and tests.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(Lang::En, &refusal(self)))
    }
}

impl From<Refusal> for Message {
    fn from(r: Refusal) -> Message {
        refusal(&r)
    }
}

/// What the store refused, as a message.
pub fn refusal(r: &Refusal) -> Message {
    use Refusal::*;
    match r {
        NotFound { kind: k, id } => match *k {
            "visit" => msg!("missing-visit", id = id.to_string()),
            "meeting" => msg!("missing-meeting", id = id.to_string()),
            "forum" => msg!("missing-forum", id = id.to_string()),
            "official" => msg!("missing-official", id = id.to_string()),
            _ => msg!("missing-outcome", id = id.to_string()),
        },
        Stale {
            kind: k,
            id,
            seen,
            now,
            changes,
        } => {
            let what = if changes.is_empty() {
                msg!("stale-unknown")
            } else {
                chain(
                    "list-semicolon",
                    changes.iter().map(|(change, who)| {
                        msg!("change-by", change = change.as_str(), who = who.as_str())
                    }),
                )
            };
            msg!(
                "stale",
                kind = kind(k),
                id = id.to_string(),
                seen = seen.to_string(),
                now = now.to_string(),
                changes = what
            )
        }
        UnknownOfficial { typed, near } if near.is_empty() => {
            msg!("unknown-official", typed = typed.as_str())
        }
        UnknownOfficial { typed, near } => {
            msg!(
                "unknown-official-near",
                typed = typed.as_str(),
                near = self::near(near)
            )
        }
        OfficialsNotSeparated {
            typed,
            first,
            second,
        } => msg!(
            "officials-not-separated",
            typed = typed.as_str(),
            example = crate::domain::text::typed("officials", &format!("{first}; {second}"))
        ),
        NoOfficials => msg!("no-officials"),
        UnknownPlace { typed, china, near } if near.is_empty() => {
            if *china {
                msg!("unknown-province", typed = typed.as_str())
            } else {
                msg!("unknown-place", typed = typed.as_str())
            }
        }
        UnknownPlace { typed, china, near } => {
            if *china {
                msg!(
                    "unknown-province-near",
                    typed = typed.as_str(),
                    near = self::near(near)
                )
            } else {
                msg!(
                    "unknown-place-near",
                    typed = typed.as_str(),
                    near = self::near(near)
                )
            }
        }
        AmbiguousPlace { typed, options } => msg!(
            "ambiguous-place",
            typed = typed.as_str(),
            options = joined("list-or", options),
            example = "Shanxi"
        ),
        CityForProvince {
            typed,
            city,
            provinces,
        } => {
            let named = if crate::domain::normalize(typed) == crate::domain::normalize(city) {
                city.clone()
            } else {
                format!("{typed} ({city})")
            };
            msg!(
                "city-for-province",
                city = named,
                provinces = joined("list-and-in", provinces),
                province = provinces.first().cloned().unwrap_or_default()
            )
        }
        NoPlace { china } => {
            if *china {
                msg!("no-province")
            } else {
                msg!("no-place")
            }
        }
        AliasEmpty => msg!("alias-empty"),
        AliasTaken { alias, holder } => {
            msg!(
                "alias-taken",
                alias = alias.as_str(),
                holder = holder.as_str()
            )
        }
        AliasIsName { alias } => msg!("alias-is-name", alias = alias.as_str()),
        AliasNotTheirs { alias, name } => {
            msg!(
                "alias-not-theirs",
                alias = alias.as_str(),
                name = name.as_str()
            )
        }
        PostEndsBeforeStart { from, to } => {
            msg!(
                "post-ends-before-start",
                from = from.as_str(),
                to = to.as_str()
            )
        }
        Separator { field } => msg!("separator-in-field", field = *field),
        PostOverlaps {
            name,
            title,
            from,
            to,
            id,
        } => msg!(
            "post-overlaps",
            name = name.as_str(),
            title = title.as_str(),
            from = match from {
                Some(f) => Message::verbatim(f.as_str()),
                None => msg!("date-unknown"),
            },
            to = match to {
                Some(t) => Message::verbatim(t.as_str()),
                None => msg!("date-now"),
            },
            id = id.to_string(),
            remove = format!(
                "/record official post-remove {} id:{id}",
                crate::domain::text::typed("name", name)
            )
        ),
        PostNotTheirs { id, name } => {
            msg!("post-not-theirs", id = id.to_string(), name = name.as_str())
        }
        NothingToUndo => msg!("nothing-to-undo"),
        UndoChangedSince {
            summary,
            who,
            kind: k,
            id,
        } => msg!(
            "undo-changed-since",
            summary = summary.as_str(),
            who = who.as_str(),
            kind = kind(k),
            id = id.to_string()
        ),
        UndoReferred {
            summary,
            kind: k,
            id,
            target_kind,
            target,
        } => msg!(
            "undo-referred",
            summary = summary.as_str(),
            kind = kind(k),
            id = id.to_string(),
            target_kind = kind(target_kind),
            target = target.to_string()
        ),
        Duplicate {
            kind: "meeting",
            id,
            ..
        } => msg!("duplicate-meeting", id = id.to_string()),
        Duplicate {
            kind: "forum", id, ..
        } => msg!("duplicate-forum", id = id.to_string()),
        Duplicate { id, by, .. } => msg!(
            "duplicate-outcome",
            id = id.to_string(),
            by = super::records::repeat(by),
            days = crate::store::outcome::DUPLICATE_DAYS.to_string()
        ),
        UndoAliasTaken { alias } => msg!("undo-alias-taken", alias = alias.as_str()),
        WatchExists { id } => msg!("watch-exists", id = id.to_string()),
        NoWatch { id } => msg!("no-watch", id = id.to_string()),
        NotSqliteUrl { url } => msg!("not-sqlite-url", url = url.as_str()),
        BotRunning { database, purpose } => match *purpose {
            "restore" => msg!("bot-running-restore", database = database.as_str()),
            _ => msg!("bot-running-serve", database = database.as_str()),
        },
        Restoring { database } => msg!("restoring", database = database.as_str()),
        InUse { database, holders } if holders.is_empty() => {
            msg!("in-use-unknown", database = database.as_str())
        }
        InUse { database, holders } => {
            msg!(
                "in-use",
                database = database.as_str(),
                holders = list(holders)
            )
        }
        LockFailed { path, why } => msg!("lock-failed", path = path.as_str(), why = why.as_str()),
        LockFileFailed { path, why } => {
            msg!("lock-file-failed", path = path.as_str(), why = why.as_str())
        }
        Replaced { database } => msg!("database-replaced", database = database.as_str()),
        FileExists { path } => msg!("file-exists", path = path.as_str()),
        BackupThisSecond { path } => msg!("backup-this-second", path = path.as_str()),
        NotOurDatabase { path, why } => {
            msg!("not-our-database", path = path.as_str(), why = why.as_str())
        }
        NewerDatabase { path, theirs, ours } => msg!(
            "newer-database",
            path = path.as_str(),
            theirs = theirs.to_string(),
            ours = ours.to_string()
        ),
        InMemory => msg!("in-memory"),
        NoFile { path } => msg!("no-file", path = path.as_str()),
        LiveDatabase { path } => msg!("live-database", path = path.as_str()),
    }
}
