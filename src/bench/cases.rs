//! The questions the benchmark asks: each command line, and beside it the same answer
//! fetched by its queries alone (sqlx, same database) — the floor the core is compared
//! with. The core adds parsing, name resolution, arithmetic and rendering.

use sqlx::SqlitePool;

use crate::commands::App;
use crate::domain::{DateRange, FlexDate, Month, OutcomeKind, OutcomeStatus};
use crate::error::Result;
use crate::store::counts;
use crate::store::{self, forum, meeting, outcome, post, search, visit};

pub struct Case {
    pub line: String,
    pub raw: Option<Raw>,
}

/// The queries behind one answer.
pub enum Raw {
    /// /visits monthly: the months (and the previous period) and the source coverage.
    Monthly {
        from: Month,
        to: Month,
        provinces: Vec<i64>,
    },
    /// /visits list: the count for the pager and one page.
    List {
        filter: visit::Filter,
        offset: i64,
    },
    /// /visits show: the visit with its meetings, forums, outcomes, names and last change.
    Show(i64),
    /// /official history: the count for the pager, one page of meetings and the titles
    /// their participants held on their dates.
    History(i64),
    /// /official show: the profile and the career.
    Profile(i64),
    /// /forums list: the count for the pager and one page.
    Forums,
    /// /forums show: the forum, the visits that attended and its outcomes.
    Forum(i64),
    /// /provinces: the ranking, the outcomes column and the source coverage.
    Provinces(DateRange),
    /// /stats: months, totals, provinces, top hosts as titled then, coverage and outcomes
    /// (side by side, as the command runs them).
    Stats(Month, Month),
    Search(&'static str),
    /// /outcomes list: the count for the pager (kept counts) and one page.
    Outcomes {
        filter: outcome::Filter,
        offset: i64,
    },
    /// /outcomes show: the outcome with its names and links.
    Outcome(i64),
}

pub async fn raw(app: &App, r: &Raw) -> Result<()> {
    let db = &app.db;
    use std::hint::black_box;
    match r {
        Raw::Monthly {
            from,
            to,
            provinces,
        } => {
            let len = from.count_to(*to);
            black_box(counts::month_counts(db, from.plus(-len), *to, provinces).await?);
            black_box(counts::coverage(db, DateRange::months(*from, *to), provinces).await?);
        }
        Raw::List { filter, offset } => {
            if filter.official.is_some() {
                black_box(visit::count(db, filter).await?);
            } else {
                let all = DateRange::from_bounds(None, None)?;
                black_box(counts::coverage(db, all, &filter.provinces).await?);
            }
            black_box(visit::list(db, filter, 10, *offset).await?);
        }
        Raw::Show(id) => {
            black_box(crate::store::visit::view(&app.db, *id).await?);
            black_box(outcome::of_visit(db, *id).await?);
        }
        Raw::History(official) => {
            let all = DateRange::from_bounds(None, None)?;
            black_box(meeting::count_with(db, *official, all).await?);
            let page = meeting::with(db, *official, all, 10, 0).await?;
            let ids: Vec<i64> = page.iter().map(|m| m.id).collect();
            black_box(post::posts_for_meetings(&mut *db.acquire().await?, &ids).await?);
        }
        Raw::Profile(official) => {
            let mut conn = db.acquire().await?;
            black_box(store::official::profile(&mut conn, *official).await?);
            black_box(post::career(&mut *conn, *official).await?);
        }
        Raw::Forums => {
            let filter = forum::ListFilter {
                range: DateRange::from_bounds(None, None)?,
                kind: None,
                place: None,
                days_only: false,
            };
            black_box(forum::count_listed(db, &filter).await?);
            black_box(forum::listed(db, &filter, 10, 0).await?);
        }
        Raw::Forum(id) => {
            black_box(forum::shown(db, *id).await?);
            black_box(forum::attended_by(db, *id).await?);
            black_box(outcome::of_forum(db, *id).await?);
        }
        Raw::Provinces(range) => {
            black_box(tokio::try_join!(
                counts::provinces(db, *range),
                counts::outcomes_by_province(db, *range),
                counts::coverage(db, *range, &[]),
            )?);
        }
        Raw::Stats(from, to) => {
            let range = DateRange::months(*from, *to);
            let len = from.count_to(*to);
            black_box(tokio::try_join!(
                counts::month_counts(db, from.plus(-len), *to, &[]),
                counts::totals(db, range),
                counts::provinces(db, range),
                counts::top_hosts_then(db, range, 5),
                counts::coverage(db, range, &[]),
                counts::outcome_totals(db, range),
            )?);
        }
        Raw::Search(text) => {
            let mut read = crate::store::read(db).await?;
            let q = search::Query::prepare(&mut read, text)
                .await?
                .expect("words");
            let matches = search::count(&mut read, &q).await?;
            black_box(search::find(&mut *read, &q, matches, 10, 0).await?);
        }
        Raw::Outcomes { filter, offset } => {
            black_box(outcome::count(db, filter).await?);
            black_box(outcome::list(db, filter, 10, *offset).await?);
        }
        Raw::Outcome(id) => {
            black_box(outcome::view(db, *id).await?);
        }
    }
    Ok(())
}

async fn province(db: &SqlitePool, name: &str) -> Result<i64> {
    Ok(
        store::region::resolve(db, store::region::Country::China, name)
            .await?
            .id,
    )
}

/// Every read command, on the busiest official and a visit from the middle of the record.
pub async fn cases(db: &SqlitePool) -> Result<Vec<Case>> {
    let store::official::Official {
        id: top,
        name: top_name,
    } = store::official::most_met(db)
        .await?
        .expect("the bench database has meetings");
    let total = visit::count(db, &visit::Filter::default()).await?;
    let outcomes = outcome::count(db, &outcome::Filter::default()).await?;
    // The default period: the 12 months up to now.
    let latest = crate::domain::Day::today().month();
    let (jiangsu, zhejiang) = (
        province(db, "Jiangsu").await?,
        province(db, "Zhejiang").await?,
    );
    let month = |m: &str| Month::parse(m).expect("valid");
    let (from, to) = (month("2024-01"), month("2024-12"));
    let case = |line: String, raw: Option<Raw>| Case { line, raw };
    let monthly = |from: Month, to: Month, provinces: Vec<i64>| {
        Some(Raw::Monthly {
            from,
            to,
            provinces,
        })
    };
    let days = DateRange {
        from: crate::domain::Day::parse("2024-01-15")?,
        to: crate::domain::Day::parse("2024-06-20")?,
    };
    Ok(vec![
        case(
            "/visits monthly".into(),
            monthly(latest.plus(-11), latest, vec![]),
        ),
        case(
            "/visits monthly from:2015-01 to:2024-12".into(),
            monthly(month("2015-01"), to, vec![]),
        ),
        case(
            "/visits monthly province:Jiangsu".into(),
            monthly(latest.plus(-11), latest, vec![jiangsu]),
        ),
        case(
            "/visits monthly province:\"Jiangsu, Zhejiang\"".into(),
            monthly(latest.plus(-11), latest, vec![jiangsu, zhejiang]),
        ),
        case(
            "/visits list".into(),
            Some(Raw::List {
                filter: visit::Filter::default(),
                offset: 0,
            }),
        ),
        case(
            "/visits list province:Jiangsu page:5".into(),
            Some(Raw::List {
                filter: visit::Filter {
                    provinces: vec![jiangsu],
                    ..Default::default()
                },
                offset: 40,
            }),
        ),
        case(
            format!("/visits list official:\"{top_name}\""),
            Some(Raw::List {
                filter: visit::Filter {
                    official: Some(top),
                    ..Default::default()
                },
                offset: 0,
            }),
        ),
        case(
            format!("/visits show id:{}", total / 2),
            Some(Raw::Show(total / 2)),
        ),
        case(
            format!("/official history name:\"{top_name}\""),
            Some(Raw::History(top)),
        ),
        case(
            format!("/official show name:\"{top_name}\""),
            Some(Raw::Profile(top)),
        ),
        case("/forums list".into(), Some(Raw::Forums)),
        case("/forums show id:1".into(), Some(Raw::Forum(1))),
        case(
            "/provinces".into(),
            Some(Raw::Provinces(DateRange::from_bounds(None, None)?)),
        ),
        case(
            "/provinces from:2024-01-15 to:2024-06-20".into(),
            Some(Raw::Provinces(days)),
        ),
        case(
            "/stats from:2024-01 to:2024-12".into(),
            Some(Raw::Stats(from, to)),
        ),
        case(
            "/search text:semiconductor".into(),
            Some(Raw::Search("semiconductor")),
        ),
        case(
            "/search text:\"Jeju semiconductor\"".into(),
            Some(Raw::Search("Jeju semiconductor")),
        ),
        case(
            "/search text:semicon*".into(),
            Some(Raw::Search("semicon*")),
        ),
        case("/search text:서울".into(), Some(Raw::Search("서울"))),
        case("/search text:江苏".into(), Some(Raw::Search("江苏"))),
        case(
            "/search text:\"제주 江苏 tourism\"".into(),
            Some(Raw::Search("제주 江苏 tourism")),
        ),
        case("/search text:苏".into(), Some(Raw::Search("苏"))),
        case(
            "/outcomes list".into(),
            Some(Raw::Outcomes {
                filter: outcome::Filter::default(),
                offset: 0,
            }),
        ),
        case(
            "/outcomes list province:Jiangsu page:5".into(),
            Some(Raw::Outcomes {
                filter: outcome::Filter {
                    provinces: vec![jiangsu],
                    ..Default::default()
                },
                offset: 40,
            }),
        ),
        case(
            "/outcomes list kind:MOU status:signed from:2024-01".into(),
            Some(Raw::Outcomes {
                filter: outcome::Filter {
                    kind: Some(OutcomeKind::Mou),
                    status: Some(OutcomeStatus::Signed),
                    range: DateRange::from_bounds(Some(FlexDate::Month(from)), None)?,
                    ..Default::default()
                },
                offset: 0,
            }),
        ),
        case(
            "/outcomes list from:2024-01-15 to:2024-06-20".into(),
            Some(Raw::Outcomes {
                filter: outcome::Filter {
                    range: days,
                    ..Default::default()
                },
                offset: 0,
            }),
        ),
        case(
            format!("/outcomes show id:{}", (outcomes / 2).max(1)),
            Some(Raw::Outcome((outcomes / 2).max(1))),
        ),
    ])
}
