//! `/digest set|off`, `/digests`, and the digest itself (`digest`): visits in the period and
//! against the one before, the busiest provinces, new officials met, forums, what was
//! added since the last digest, and the monthly chart. `serve` posts it on schedule
//! (discord::digests); `/digests` shows the same for the last complete period.

use crate::catalog::arg;
use chrono::Timelike;
use chrono_tz::Tz;
use serde_json::json;

use super::args::Args;
use super::{Actor, App};
use crate::catalog::WEEKDAYS;
use crate::domain::schedule::{self, Due, Frequency, Period};
use crate::domain::{DateRange, Day};
use crate::error::{Result, UserError, user_err};
use crate::reply::{Chart, Reply};
use crate::report;
use crate::request::Request;
use crate::store::counts;
use crate::store::{digest as store, forum};

/// DIGEST_TIMEZONE, or the sentence that says what is wrong with it.
pub fn timezone() -> Result<Tz> {
    Ok(schedule::timezone().map_err(UserError::new)?)
}

/// A stored schedule as its due times.
pub fn due(s: &store::Schedule) -> Due {
    Due {
        frequency: Frequency::parse(&s.frequency).unwrap_or(Frequency::Monthly),
        weekday: s.weekday as u32,
        day: s.day as u32,
        hour: s.hour as u32,
    }
}

pub struct SetArgs {
    channel: String,
    frequency: Frequency,
    /// ISO weekday, 1 = Monday (weekly digests).
    weekday: i64,
    /// Day of the month (monthly digests).
    day: i64,
    hour: i64,
}

impl Args for SetArgs {
    fn read(req: &Request) -> Result<Self> {
        let frequency = req
            .choice(arg::FREQUENCY)
            .and_then(Frequency::parse)
            .unwrap_or(Frequency::Monthly);
        let (weekday, day) = (req.choice(arg::WEEKDAY), req.int(arg::DAY));
        if frequency == Frequency::Weekly && day.is_some() {
            return user_err(
                "`day` is for a monthly digest; a weekly one takes weekday:, e.g. weekday:friday.",
            );
        }
        if frequency == Frequency::Monthly && weekday.is_some() {
            return user_err(
                "`weekday` is for a weekly digest; a monthly one takes day:, e.g. day:1.",
            );
        }
        Ok(SetArgs {
            channel: req.text(arg::CHANNEL).unwrap_or_default().to_string(),
            frequency,
            weekday: weekday
                .and_then(|w| WEEKDAYS.iter().position(|d| *d == w))
                .map_or(1, |i| i as i64 + 1),
            day: day.unwrap_or(1),
            hour: req.int(arg::HOUR).unwrap_or(9),
        })
    }
}

pub async fn set(app: &App, actor: &Actor, a: SetArgs) -> Result<Reply> {
    let tz = timezone()?;
    let frequency = a.frequency;
    let s = store::Schedule {
        channel_id: a.channel,
        frequency: frequency.as_str().to_string(),
        weekday: a.weekday,
        day: a.day,
        hour: a.hour,
        set_by: actor.name.clone(),
        set_at: crate::store::now(),
    };
    let summary = format!("digest {} in {}", s.frequency, s.channel_id);
    let mut change = app.change(actor, "update", &summary).await?;
    change.set_digest(&s, &actor.id).await?;
    // A period Discord refused in this channel goes out again (the channel was fixed).
    store::retry_refused(&mut change, &s.channel_id).await?;
    change.commit().await?;
    app.digest_changed.notify_one();
    let due = due(&s);
    let now = crate::clock::now();
    let (_, last) = due.latest(now, tz);
    let next = due.next(now, tz).with_timezone(&tz);
    let when = match frequency {
        Frequency::Weekly => crate::t!(
            "digest-every-weekday",
            weekday = crate::i18n::format::choice(WEEKDAYS[(s.weekday - 1) as usize])
        ),
        Frequency::Monthly => crate::t!("digest-every-month", day = s.day),
    };
    Ok(Reply::new(crate::t!("digest-set", frequency = frequency.as_str()))
        .text(crate::t!(
            "digest-set-text",
            channel = s.channel_id.as_str(),
            when = when,
            hour = format!("{:02}:00", s.hour),
            tz = tz.name(),
            span = if frequency == Frequency::Weekly { crate::t!("digest-week") } else { crate::t!("digest-month") },
            last = label(last, frequency),
            next = next.format("%Y-%m-%d %H:%M").to_string(),
        ))
        .footer(crate::t!("digest-set-footer"))
        .data(json!({
            "channel": s.channel_id, "frequency": s.frequency, "weekday": s.weekday, "day": s.day,
            "hour": s.hour, "timezone": tz.name(), "next": next.with_timezone(&chrono::Utc).to_rfc3339(),
        })))
}

pub async fn off(app: &App, actor: &Actor) -> Result<Reply> {
    let mut change = app.change(actor, "update", "digest off").await?;
    let was = change.digest_off().await?;
    if was {
        change.commit().await?;
    } else {
        change.rollback().await?;
    }
    app.digest_changed.notify_one();
    if !was {
        return Err(crate::msg!("no-digest-set").into());
    }
    Ok(Reply::new(crate::t!("digest-off")).data(json!({"off": true})))
}

pub struct PreviewArgs {
    frequency: Option<Frequency>,
}

impl Args for PreviewArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(PreviewArgs {
            frequency: req.choice(arg::FREQUENCY).and_then(Frequency::parse),
        })
    }
}

pub async fn preview(app: &App, a: PreviewArgs) -> Result<Reply> {
    let tz = timezone()?;
    let frequency = match a.frequency {
        Some(f) => Some(f),
        None => store::schedule(&app.db)
            .await?
            .and_then(|s| Frequency::parse(&s.frequency)),
    }
    .unwrap_or(Frequency::Monthly);
    let today = crate::clock::now().with_timezone(&tz).date_naive();
    // The last complete period: on a Sunday, this week is not over yet.
    let day = match frequency {
        Frequency::Weekly => today.pred_opt().unwrap_or(today),
        Frequency::Monthly => today,
    };
    let period = Period::before(frequency, day);
    let upto = store::current_batch(&app.db).await?;
    let mut reply = digest(app, frequency, period, upto).await?;
    reply.ephemeral = true;
    reply.footer = reply
        .footer
        .map(|f| format!("{} · {f}", crate::t!("digest-preview")));
    // When it is posted, if at all.
    let schedule = store::schedule(&app.db).await?;
    let when = match &schedule {
        Some(s) => {
            let due = due(s);
            let next = due.next(crate::clock::now(), tz).with_timezone(&tz);
            crate::t!(
                "digest-schedule",
                frequency = s.frequency.as_str(),
                channel = s.channel_id.as_str(),
                next = next.format("%Y-%m-%d %H:%M").to_string(),
                tz = tz.name()
            )
        }
        None => crate::t!("digest-none"),
    };
    reply.fields.insert(
        0,
        crate::reply::Field {
            name: crate::t!("digest-schedule-field"),
            value: when,
            inline: false,
        },
    );
    reply.data["schedule"] = json!(schedule);
    // A digest Discord refused is said first: it reached no one.
    if let Some(r) = store::latest_refusal(&app.db).await? {
        let label = Frequency::parse(&r.frequency).map_or(r.period_from.clone(), |f| {
            let refused = Period {
                from: r.period_from.parse().unwrap_or(period.from),
                to: r.period_to.parse().unwrap_or(period.to),
            };
            label(refused, f)
        });
        reply.fields.insert(
            0,
            crate::reply::Field {
                name: crate::t!("digest-not-delivered"),
                value: crate::t!(
                    "digest-refused",
                    label = label,
                    channel = r.channel_id.as_str(),
                    reason = r.reason.as_str()
                ),
                inline: false,
            },
        );
        reply.data["not_delivered"] = json!(r);
    }
    Ok(reply)
}

/// The digest of `period`, counting what was added after the last digest posted, up to
/// audit batch `upto`.
pub async fn digest(app: &App, frequency: Frequency, period: Period, upto: i64) -> Result<Reply> {
    let db = &app.db;
    let range = DateRange {
        from: Day::from_naive(period.from),
        to: Day::from_naive(period.to),
    };
    let prev = period.previous(frequency);
    let prev_range = DateRange {
        from: Day::from_naive(prev.from),
        to: Day::from_naive(prev.to),
    };
    let (to_month, from_month) = (range.to.month(), range.to.month().plus(-11));
    // A week counts only records dated to the day: one known only to its month belongs to
    // no week, and is listed apart once (`month_only`).
    let weekly = frequency == Frequency::Weekly;
    let split = |r: DateRange| {
        let s = counts::Split::of(r);
        if weekly { s.days_only() } else { s }
    };
    let (current, before, provinces, counts, outcomes) = tokio::try_join!(
        counts::coverage(db, split(range), &[]),
        counts::coverage(db, split(prev_range), &[]),
        counts::provinces(db, split(range)),
        counts::month_counts(db, from_month, to_month, &[]),
        counts::outcome_totals(db, split(range)),
    )?;
    let (outcome_count, pledged) = super::outcome_fields(&outcomes);
    let new_officials =
        store::new_officials(db, &period.from.to_string(), &period.to.to_string(), weekly).await?;
    let filter = forum::ListFilter {
        range,
        kind: None,
        place: None,
        days_only: weekly,
    };
    let forums_total = forum::count_listed(db, &filter).await?;
    let forums = forum::listed(db, &filter, 10, 0).await?;
    let (since, after) = match store::previous_post(db, Some(upto)).await? {
        Some((batch, at)) => (
            crate::t!("digest-of", day = at.get(..10).unwrap_or(&at)),
            batch,
        ),
        None => {
            let first = store::first_batch_since(db, &format!("{}T00:00:00Z", period.from)).await?;
            (format!("{}", period.from), first - 1)
        }
    };
    let added = store::added_between(db, after, upto).await?;
    let month_only = if weekly {
        store::month_only_added(db, after, upto).await?
    } else {
        Vec::new()
    };
    let months = report::summarize(from_month, to_month, &counts, 0);

    let top: Vec<_> = provinces.iter().take(5).collect();
    let label = label(period, frequency);
    let prev_label = self::label(prev, frequency);
    let list_or_dash = |lines: Vec<String>| {
        if lines.is_empty() {
            "—".to_string()
        } else {
            lines.join("\n")
        }
    };
    let officials_lines: Vec<String> = new_officials
        .iter()
        .take(10)
        .map(|o| match &o.title {
            Some(t) => format!(
                "{}, {t} ({})",
                crate::i18n::format::person(&o.name),
                o.first_met
            ),
            None => format!("{} ({})", crate::i18n::format::person(&o.name), o.first_met),
        })
        .chain(
            (new_officials.len() > 10).then(|| crate::t!("and-more", n = new_officials.len() - 10)),
        )
        .collect();
    let forum_lines: Vec<String> = forums
        .iter()
        .map(|f| {
            let name = match &f.edition {
                Some(e) => format!("{} ({e})", f.name),
                None => f.name.clone(),
            };
            format!(
                "{name} · {}{}",
                f.start,
                f.place
                    .as_ref()
                    .map(|p| format!(" · {p}"))
                    .unwrap_or_default()
            )
        })
        .chain((forums_total > 10).then(|| crate::t!("and-more", n = forums_total - 10)))
        .collect();
    let added_total: i64 = added.values().sum();
    let added_words: Vec<String> = added
        .iter()
        .map(|(k, n)| crate::i18n::format::count(k, *n))
        .collect();
    let tz = timezone().map(|t| t.name().to_string()).unwrap_or_default();
    Ok(Reply::new(crate::t!(
        "digest-title",
        frequency = frequency.as_str(),
        label = label.as_str()
    ))
    .inline(crate::t!("col-visits"), current.visits.to_string())
    .inline(
        crate::t!("digest-change-vs", label = prev_label),
        report::change_words(before.visits, current.visits),
    )
    .field(
        crate::t!("digest-busiest"),
        list_or_dash(
            top.iter()
                .map(|p| {
                    format!(
                        "{} ({})",
                        crate::i18n::format::place(&p.province),
                        crate::i18n::format::count("visit", p.visits)
                    )
                })
                .collect(),
        ),
    )
    .field(crate::t!("digest-new-officials"), list_or_dash(officials_lines))
    .field(crate::t!("col-forums"), list_or_dash(forum_lines))
    .field(crate::t!("col-outcomes"), outcome_count)
    .field_opt(&crate::t!("pledged"), pledged)
    .field(
        crate::t!("digest-added-since", since = since.as_str()),
        if added_words.is_empty() {
            crate::t!("digest-nothing")
        } else {
            super::join_and(&added_words)
        },
    )
    .field_opt(
        &crate::t!("digest-month-only"),
        (!month_only.is_empty()).then(|| {
            list_or_dash(
                month_only
                    .iter()
                    .take(10)
                    .map(|m| m.line())
                    .chain((month_only.len() > 10).then(|| crate::t!("and-more", n = month_only.len() - 10)))
                    .collect(),
            )
        }),
    )
    .chart(Chart {
        title: crate::t!(
            "chart-per-month",
            from = from_month.to_string(),
            to = to_month.to_string()
        ),
        labels: months.months.iter().map(|c| c.month.to_string()).collect(),
        values: months.months.iter().map(|c| c.visits).collect(),
    })
    .footer(format!(
        "{} ({tz}) · {} · {}",
        crate::t!(
            "span",
            from = period.from.to_string(),
            to = period.to.to_string()
        ),
        crate::t!("counts-in-start-month"),
        report::coverage_text(current)
    ))
    .data(json!({
        "frequency": frequency.as_str(), "from": range.from, "to": range.to, "label": label,
        "visits": current.visits,
        "previous": {"from": prev_range.from, "to": prev_range.to, "visits": before.visits},
        "change_percent": report::change_percent(before.visits, current.visits),
        "top_provinces": top,
        "new_officials": new_officials,
        "forums": forums.iter().map(|f| json!({
            "id": f.id, "name": f.name, "edition": f.edition, "start": f.start, "place": f.place,
        })).collect::<Vec<_>>(),
        "outcomes": outcomes,
        "added_since_last": {"since": since, "after_batch": after, "upto_batch": upto, "total": added_total, "records": added},
        "months": months.months,
        "month_only": month_only,
    })))
}

/// A period as its digest names it: "November 2026", "2026년 11월", or a week's days.
fn label(period: Period, frequency: Frequency) -> String {
    use chrono::Datelike;
    match frequency {
        Frequency::Monthly => crate::t!(
            "month-year",
            year = period.from.year(),
            month = period.from.month()
        ),
        Frequency::Weekly => crate::t!(
            "span",
            from = period.from.to_string(),
            to = period.to.to_string()
        ),
    }
}

/// When a scheduled digest is due now: the schedule, the period and when it fell due.
pub async fn due_now(app: &App, tz: Tz) -> Result<Option<(store::Schedule, Period, String)>> {
    let Some(s) = store::schedule(&app.db).await? else {
        return Ok(None);
    };
    let (when, period) = due(&s).latest(crate::clock::now(), tz);
    let when = when.with_timezone(&tz);
    Ok(Some((
        s,
        period,
        format!("{} {:02}:00", when.date_naive(), when.hour()),
    )))
}
