//! The outcomes' kept counts (migration 0015) must always agree with counting the outcomes
//! themselves, after every kind of write (adds, edits that move dates, provinces, kinds,
//! statuses and amounts, deletes, undo, a bulk load, a hand edit), for whole months and
//! part-months alike; and amounts are summed exactly, per currency, never across them.

use delegation_bot::domain::{
    Amount, Currency, DateRange, Day, Money, Month, OutcomeKind, OutcomeStatus,
};
use delegation_bot::store::counts::{self, ByKind, OutcomeTotals, Split};
use delegation_bot::store::{Entity, outcome};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::SqlitePool;

use crate::helpers::TestApp;
use crate::store_writes::*;

const PROVINCES: [&str; 4] = ["Jiangsu", "Hainan", "Guangdong", "Shandong"];

fn when(rng: &mut ChaCha8Rng) -> String {
    // Three months and their edges, so writes move outcomes across month boundaries.
    let d = Day::parse("2024-01-01").unwrap().naive() + chrono::Days::new(rng.random_range(0..91));
    if rng.random_bool(0.15) {
        d.format("%Y-%m").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

fn random_fields(rng: &mut ChaCha8Rng, provinces: &[i64], step: usize) -> outcome::Fields {
    let mut picked: Vec<i64> = Vec::new();
    for _ in 0..rng.random_range(0..=3) {
        let p = provinces[rng.random_range(0..provinces.len())];
        if !picked.contains(&p) {
            picked.push(p);
        }
    }
    let kind = OutcomeKind::ALL[rng.random_range(0..OutcomeKind::ALL.len())];
    let mut f = outcome(kind, &format!("Outcome {step}"), &when(rng), picked);
    f.status = OutcomeStatus::ALL[rng.random_range(0..OutcomeStatus::ALL.len())];
    if rng.random_bool(0.6) {
        f.amount = Some(Money {
            amount: Amount::from_minor(rng.random_range(1i64..10_000_000_000_000)).unwrap(),
            currency: Currency::ALL[rng.random_range(0..Currency::ALL.len())],
            about: rng.random_bool(0.2),
        });
    }
    f
}

/// One random write; refusals (nothing to undo) are part of the mix.
async fn random_write(t: &TestApp, rng: &mut ChaCha8Rng, provinces: &[i64], step: usize) {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM outcomes WHERE deleted_at IS NULL")
        .fetch_all(&t.app.db)
        .await
        .unwrap();
    let who = if rng.random_bool(0.8) { "kim" } else { "lee" };
    match rng.random_range(0..11) {
        0..=4 => {
            add_outcome(t, who, &random_fields(rng, provinces, step)).await;
        }
        5..=6 if !ids.is_empty() => {
            let id = ids[rng.random_range(0..ids.len())];
            edit_outcome(t, who, id, &random_fields(rng, provinces, step)).await;
        }
        7 if !ids.is_empty() => {
            delete(t, who, Entity::Outcome, ids[rng.random_range(0..ids.len())]).await;
        }
        // A visit on one of the days: the days are recounted with the visits' own.
        8 => {
            add_visit(t, who, vec![provinces[0]], &when(rng)).await;
        }
        _ => {
            let _ = undo(t, who).await;
        }
    }
}

/// The reports' definitions, counted straight from the outcomes: the oracle.
mod records {
    use super::*;

    /// An outcome's date against ?1..?2: a day inside, or a month that overlaps.
    const WITHIN: &str = "(o.date_precision = 'day' AND o.date BETWEEN ?1 AND ?2
        OR o.date_precision = 'month' AND o.date BETWEEN substr(?1, 1, 7) || '-01' AND ?2)";

    pub async fn by_province(db: &SqlitePool, r: DateRange) -> Vec<(String, i64)> {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT g.name, count(*) AS n FROM outcomes o JOIN outcome_provinces p ON p.outcome_id = o.id
               JOIN regions g ON g.id = p.region_id
              WHERE o.deleted_at IS NULL AND {WITHIN} GROUP BY g.id ORDER BY n DESC, g.name"
        )))
        .bind(r.from.to_string())
        .bind(r.to.to_string())
        .fetch_all(db)
        .await
        .unwrap()
    }

    async fn sums(db: &SqlitePool, r: DateRange, statuses: &str) -> Vec<Money> {
        let rows: Vec<(String, i64, bool)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT currency, sum(amount_minor), max(amount_about) FROM outcomes o
              WHERE o.deleted_at IS NULL AND {WITHIN} AND currency IS NOT NULL AND status IN ({statuses})
              GROUP BY currency"
        )))
        .bind(r.from.to_string())
        .bind(r.to.to_string())
        .fetch_all(db)
        .await
        .unwrap();
        let mut out: Vec<Money> = rows
            .into_iter()
            .map(|(c, n, about)| Money::from_stored(n, &c, about).unwrap())
            .collect();
        out.sort_by_key(|m| m.currency);
        out
    }

    pub async fn totals(db: &SqlitePool, r: DateRange) -> OutcomeTotals {
        let kinds: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT kind, count(*) FROM outcomes o WHERE o.deleted_at IS NULL AND {WITHIN} GROUP BY kind"
        )))
        .bind(r.from.to_string())
        .bind(r.to.to_string())
        .fetch_all(db)
        .await
        .unwrap();
        let by_kind: Vec<(OutcomeKind, i64)> = OutcomeKind::ALL
            .iter()
            .filter_map(|k| {
                kinds
                    .iter()
                    .find(|(label, _)| label == k.label())
                    .map(|(_, n)| (*k, *n))
            })
            .collect();
        OutcomeTotals {
            count: by_kind.iter().map(|(_, n)| n).sum(),
            by_kind: ByKind(by_kind),
            pledged: sums(db, r, "'announced', 'signed', 'in progress', 'realized'").await,
            realized: sums(db, r, "'realized'").await,
        }
    }

    pub async fn count(db: &SqlitePool, f: &outcome::Filter) -> i64 {
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM outcomes o WHERE o.deleted_at IS NULL AND {WITHIN}
                AND (?3 IS NULL OR o.kind = ?3) AND (?4 IS NULL OR o.status = ?4)
                AND (?5 = '[]' OR o.id IN (SELECT outcome_id FROM outcome_provinces
                                           WHERE region_id IN (SELECT value FROM json_each(?5))))"
        )))
        .bind(f.range.from.to_string())
        .bind(f.range.to.to_string())
        .bind(f.kind.map(OutcomeKind::label))
        .bind(f.status.map(OutcomeStatus::label))
        .bind(serde_json::to_string(&f.provinces).unwrap())
        .fetch_one(db)
        .await
        .unwrap()
    }
}

fn periods() -> Vec<DateRange> {
    let month = |m: &str| Month::parse(m).unwrap();
    let mut periods = vec![DateRange::from_bounds(None, None).unwrap()];
    for (from, to) in [
        ("2024-01", "2024-03"),
        ("2024-02", "2024-02"),
        ("2023-12", "2024-04"),
    ] {
        periods.push(DateRange::months(month(from), month(to)));
    }
    for (from, to) in [
        ("2024-01-15", "2024-03-10"),
        ("2024-02-03", "2024-02-20"),
        ("2024-02-16", "2024-02-16"),
        ("2024-01-31", "2024-02-01"),
    ] {
        periods.push(DateRange {
            from: Day::parse(from).unwrap(),
            to: Day::parse(to).unwrap(),
        });
    }
    periods
}

async fn assert_counts_agree(t: &TestApp, provinces: &[i64], at: &str) {
    let db = &t.app.db;
    for range in periods() {
        // Each period as the reports split it, and as days only.
        let by_days = Split {
            months: None,
            head: Some(range),
            tail: None,
            days_only: false,
        };
        for split in [Split::of(range), by_days] {
            let at = format!("{range} as {split:?} {at}");
            assert_eq!(
                counts::outcomes_by_province(db, split).await.unwrap(),
                records::by_province(db, range).await,
                "by province {at}"
            );
            assert_eq!(
                counts::outcome_totals(db, split).await.unwrap(),
                records::totals(db, range).await,
                "totals {at}"
            );
        }
        let mut filters = vec![outcome::Filter {
            range,
            ..Default::default()
        }];
        for p in provinces {
            filters.push(outcome::Filter {
                range,
                provinces: vec![*p],
                ..Default::default()
            });
        }
        filters.push(outcome::Filter {
            range,
            provinces: provinces[..2].to_vec(),
            ..Default::default()
        });
        for kind in OutcomeKind::ALL {
            filters.push(outcome::Filter {
                range,
                kind: Some(*kind),
                provinces: vec![provinces[0]],
                ..Default::default()
            });
        }
        for status in OutcomeStatus::ALL {
            filters.push(outcome::Filter {
                range,
                status: Some(*status),
                ..Default::default()
            });
        }
        for f in &filters {
            assert_eq!(
                outcome::count(db, f).await.unwrap(),
                records::count(db, f).await,
                "count {f:?} {at}"
            );
        }
    }
}

async fn province_ids(t: &TestApp) -> Vec<i64> {
    let mut ids = Vec::new();
    for p in PROVINCES {
        ids.push(province(t, p).await);
    }
    ids
}

#[tokio::test]
async fn kept_counts_agree_with_the_outcomes_after_every_kind_of_write() {
    let t = TestApp::new().await;
    let provinces = province_ids(&t).await;
    let mut rng = ChaCha8Rng::seed_from_u64(12);
    for step in 0..120 {
        random_write(&t, &mut rng, &provinces, step).await;
        if step % 30 == 29 {
            assert_counts_agree(&t, &provinces, &format!("after step {step}")).await;
        }
    }
    let (live, stale): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM outcomes WHERE deleted_at IS NULL),
                (SELECT count(*) FROM stale_days) + (SELECT count(*) FROM stale_outcome_months)",
    )
    .fetch_one(&t.app.db)
    .await
    .unwrap();
    assert!(live > 25, "the writes left outcomes to count ({live})");
    assert_eq!(stale, 0, "every write leaves the counts current");
    let totals = counts::outcome_totals(&t.app.db, DateRange::from_bounds(None, None).unwrap())
        .await
        .unwrap();
    assert!(totals.pledged.len() >= 3, "several currencies: {totals:?}");
}

#[tokio::test]
async fn amounts_are_summed_per_currency_and_period_never_across_currencies() {
    let t = TestApp::new().await;
    let jiangsu = province(&t, "Jiangsu").await;
    for (when, amount, status) in [
        ("2024-01-10", "USD 1.5 billion", OutcomeStatus::Signed),
        ("2024-01-20", "$0.10", OutcomeStatus::Realized),
        ("2024-01-31", "15억 원", OutcomeStatus::Announced),
        ("2024-02", "USD 0.20", OutcomeStatus::Signed),
        ("2024-02-15", "USD 300 million", OutcomeStatus::Cancelled),
        ("2024-02-29", "1조 5천억 원", OutcomeStatus::Realized),
    ] {
        let mut f = outcome(OutcomeKind::Pledge, when, when, vec![jiangsu]);
        f.amount = money(amount);
        f.status = status;
        add_outcome(&t, "kim", &f).await;
    }
    let shown = |ms: Vec<Money>| ms.iter().map(ToString::to_string).collect::<Vec<_>>();
    let totals = |from: &str, to: &str| {
        let db = t.app.db.clone();
        let range = DateRange::from_bounds(
            Some(delegation_bot::domain::FlexDate::parse(from).unwrap()),
            Some(delegation_bot::domain::FlexDate::parse(to).unwrap()),
        )
        .unwrap();
        async move { counts::outcome_totals(&db, range).await.unwrap() }
    };
    let january = totals("2024-01", "2024-01").await;
    assert_eq!(january.count, 3);
    assert_eq!(
        shown(january.pledged),
        ["KRW 1,500,000,000", "USD 1,500,000,000.10"]
    );
    assert_eq!(shown(january.realized), ["USD 0.10"]);
    let february = totals("2024-02", "2024-02").await;
    // The cancelled pledge is counted as an outcome but pledges nothing.
    assert_eq!(february.count, 3);
    assert_eq!(
        shown(february.pledged),
        ["KRW 1,500,000,000,000", "USD 0.20"]
    );
    let both = totals("2024-01", "2024-02").await;
    assert_eq!(
        shown(both.pledged.clone()),
        ["KRW 1,501,500,000,000", "USD 1,500,000,000.30"]
    );
    assert_eq!(
        serde_json::to_value(&both).unwrap(),
        serde_json::json!({
            "count": 6,
            "by_kind": {"investment pledge": 6},
            "pledged": [{"currency": "KRW", "amount": "1501500000000"},
                        {"currency": "USD", "amount": "1500000000.3"}],
            "realized": [{"currency": "KRW", "amount": "1500000000000"},
                         {"currency": "USD", "amount": "0.1"}]
        })
    );
    // Part of a month: its days, and the outcome known only to February.
    let part = totals("2024-02-10", "2024-02-20").await;
    assert_eq!(
        (part.count, shown(part.pledged)),
        (2, vec!["USD 0.20".to_string()])
    );
    let none = totals("2024-03", "2024-03").await;
    assert_eq!((none.count, none.pledged.len()), (0, 0));
}

#[tokio::test]
async fn a_bulk_load_is_counted_like_single_writes() {
    let t = TestApp::new().await;
    let said = delegation_bot::synthetic::generate(&t.app, &t.moderator, 600, 5, false)
        .await
        .unwrap();
    assert!(said.contains("outcomes"), "{said}");
    let (outcomes, linked, posts, officials): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM outcomes), (SELECT count(*) FROM outcomes o JOIN visits v ON v.id = o.visit_id
                   WHERE o.date BETWEEN v.start_date AND v.span_end),
                (SELECT count(*) FROM posts), (SELECT count(*) FROM officials)",
    )
    .fetch_one(&t.app.db)
    .await
    .unwrap();
    assert!(
        (80..=160).contains(&outcomes),
        "about one visit in five: {outcomes}"
    );
    assert_eq!(linked, outcomes, "each dated within its visit");
    assert!(posts > officials, "some officials held several posts");
    let provinces: Vec<i64> = sqlx::query_scalar(
        "SELECT region_id FROM outcome_provinces GROUP BY region_id ORDER BY count(*) DESC LIMIT 4",
    )
    .fetch_all(&t.app.db)
    .await
    .unwrap();
    let all = DateRange::from_bounds(None, None).unwrap();
    assert_eq!(
        counts::outcome_totals(&t.app.db, all).await.unwrap(),
        records::totals(&t.app.db, all).await
    );
    let mut filters = vec![outcome::Filter::default()];
    filters.extend(provinces.iter().map(|p| outcome::Filter {
        provinces: vec![*p],
        ..Default::default()
    }));
    for year in ["2016", "2020", "2024"] {
        let m = |s: &str| Month::parse(s).unwrap();
        let range = DateRange::months(m(&format!("{year}-01")), m(&format!("{year}-12")));
        assert_eq!(
            counts::outcomes_by_province(&t.app.db, range)
                .await
                .unwrap(),
            records::by_province(&t.app.db, range).await,
            "{year}"
        );
        filters.push(outcome::Filter {
            range,
            provinces: vec![provinces[0]],
            ..Default::default()
        });
    }
    for f in &filters {
        assert_eq!(
            outcome::count(&t.app.db, f).await.unwrap(),
            records::count(&t.app.db, f).await,
            "{f:?}"
        );
    }
    // A single write on top of the load.
    add_outcome(
        &t,
        "kim",
        &outcome(
            OutcomeKind::Mou,
            "One more",
            "2020-06-01",
            vec![provinces[0]],
        ),
    )
    .await;
    assert_eq!(
        counts::outcome_totals(&t.app.db, all).await.unwrap(),
        records::totals(&t.app.db, all).await
    );
}

#[tokio::test]
async fn a_hand_edit_outside_the_bot_is_counted_at_the_next_start() {
    let t = TestApp::new().await;
    let hainan = province(&t, "Hainan").await;
    let mut f = outcome(
        OutcomeKind::Mou,
        "Jeju-Hainan MOU",
        "2024-05-30",
        vec![hainan],
    );
    f.amount = money("USD 100");
    add_outcome(&t, "kim", &f).await;
    // As if typed into the sqlite3 shell: the trigger marks the days, nothing recounts them.
    sqlx::query("UPDATE outcomes SET date = '2024-06-02', kind = 'agreement' WHERE id = 1")
        .execute(&t.app.db)
        .await
        .unwrap();
    let url = format!("sqlite://{}", t.dir.path().join("test.db").display());
    let reopened = delegation_bot::store::open(&url).await.unwrap();
    let june = DateRange::months(
        Month::parse("2024-06").unwrap(),
        Month::parse("2024-06").unwrap(),
    );
    let totals = counts::outcome_totals(&reopened, june).await.unwrap();
    assert_eq!(
        (totals.count, totals.by_kind),
        (1, ByKind(vec![(OutcomeKind::Agreement, 1)]))
    );
    assert_eq!(
        counts::outcomes_by_province(&reopened, june).await.unwrap(),
        [("Hainan".to_string(), 1)]
    );
    assert_eq!(totals.pledged.len(), 1);
    reopened.close().await;
    // A change of status alone is marked too: a cancelled outcome pledges nothing.
    sqlx::query("UPDATE outcomes SET status = 'cancelled' WHERE id = 1")
        .execute(&t.app.db)
        .await
        .unwrap();
    let reopened = delegation_bot::store::open(&url).await.unwrap();
    let totals = counts::outcome_totals(&reopened, june).await.unwrap();
    assert_eq!((totals.count, totals.pledged), (1, vec![]));
}
