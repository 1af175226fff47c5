//! Outcomes in the store (issue 12): written as audited changes and undone, refused as
//! duplicates, listed and shown, kept off deleted records, found by search, exported.

use delegation_bot::domain::{Currency, DateRange, OutcomeKind, OutcomeStatus};
use delegation_bot::store::{self, Entity, outcome, search, sheet};

use crate::helpers::TestApp;
use crate::store_writes::*;

async fn searched(t: &TestApp, text: &str) -> Vec<(String, i64)> {
    let mut conn = t.app.db.acquire().await.unwrap();
    let q = search::Query::prepare(&mut conn, text)
        .await
        .unwrap()
        .unwrap();
    let m = search::count(&mut conn, &q).await.unwrap();
    search::find(&t.app.db, &q, m, 20, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|h| (h.entity, h.id))
        .collect()
}

async fn snapshot(t: &TestApp, id: i64) -> Option<outcome::Snapshot> {
    let mut tx = t.app.db.begin().await.unwrap();
    outcome::snapshot(&mut tx, id).await.unwrap()
}

#[tokio::test]
async fn create_edit_and_delete_are_each_undone() {
    let t = TestApp::new().await;
    let jiangsu = province(&t, "Jiangsu").await;
    let mut f = outcome(
        OutcomeKind::Mou,
        "Workation MOU",
        "2024-06-03",
        vec![jiangsu],
    );
    f.korean_side = Some("Jeju Province".into());
    let id = add_outcome(&t, "kim", &f).await;
    assert_eq!(searched(&t, "workation").await, [("outcome".into(), id)]);
    assert_eq!(searched(&t, "Jeju").await, [("outcome".into(), id)]);

    let mut edited = f.clone();
    edited.status = OutcomeStatus::Realized;
    edited.amount = money("USD 1.5 billion");
    edited.title = "Workation and tourism MOU".into();
    edit_outcome(&t, "kim", id, &edited).await;
    let view = outcome::view(&t.app.db, id).await.unwrap().unwrap();
    assert_eq!(
        (view.status.as_str(), view.amount.unwrap().to_string()),
        ("realized", "USD 1,500,000,000".to_string())
    );
    assert_eq!(view.version, 2);
    assert_eq!(searched(&t, "tourism").await, [("outcome".into(), id)]);

    delete(&t, "kim", Entity::Outcome, id).await;
    assert!(outcome::view(&t.app.db, id).await.unwrap().is_none());
    assert!(searched(&t, "tourism").await.is_empty());

    // Undo the deletion, then the edit, then the creation.
    undo(&t, "kim").await.unwrap();
    let back = outcome::view(&t.app.db, id).await.unwrap().unwrap();
    assert_eq!(back.title, "Workation and tourism MOU");
    assert_eq!(searched(&t, "tourism").await, [("outcome".into(), id)]);
    undo(&t, "kim").await.unwrap();
    let s = snapshot(&t, id).await.unwrap();
    assert_eq!(outcome::Fields::from_snapshot(&s), f);
    assert!(searched(&t, "tourism").await.is_empty());
    undo(&t, "kim").await.unwrap();
    assert!(snapshot(&t, id).await.is_none(), "removed for good");
    assert!(searched(&t, "workation").await.is_empty());
    let left: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM outcome_provinces) + (SELECT count(*) FROM outcome_months)
            + (SELECT count(*) FROM outcome_month_amounts) + (SELECT count(*) FROM outcome_region_months)",
    )
    .fetch_one(&t.app.db)
    .await
    .unwrap();
    assert_eq!(left, 0, "its provinces and counts went with it");
}

#[tokio::test]
async fn another_moderators_later_edit_stops_the_undo_of_a_create() {
    let t = TestApp::new().await;
    let hainan = province(&t, "Hainan").await;
    let f = outcome(
        OutcomeKind::Agreement,
        "Free trade port agreement",
        "2024-05-30",
        vec![hainan],
    );
    let id = add_outcome(&t, "kim", &f).await;
    let mut other = f.clone();
    other.status = OutcomeStatus::InProgress;
    edit_outcome(&t, "lee", id, &other).await;
    let msg = refusal(undo(&t, "kim").await);
    assert!(msg.contains("lee changed outcome #"), "{msg}");
    assert!(snapshot(&t, id).await.is_some());
}

#[tokio::test]
async fn deleting_a_visit_takes_its_outcomes_off_it_and_undo_puts_them_back() {
    let t = TestApp::new().await;
    let jiangsu = province(&t, "Jiangsu").await;
    let visit = add_visit(&t, "kim", vec![jiangsu], "2024-06-02").await;
    let mut f = outcome(
        OutcomeKind::Pledge,
        "Battery plant pledge",
        "2024-06-03",
        vec![jiangsu],
    );
    f.visit_id = Some(visit);
    let id = add_outcome(&t, "kim", &f).await;
    assert_eq!(outcome::of_visit(&t.app.db, visit).await.unwrap()[0].id, id);

    // The deletion of the visit, as /record visit delete makes it: its outcomes detached.
    let mut c = change(&t, "kim").await.unwrap();
    let detached = c.detach_outcomes(Entity::Visit, visit).await.unwrap();
    assert_eq!(detached, [id]);
    c.delete(Entity::Visit, visit).await.unwrap();
    c.commit().await.unwrap();
    let s = snapshot(&t, id).await.unwrap();
    assert_eq!((s.row.visit_id, s.row.stamp.version), (None, 2));
    assert!(s.row.stamp.deleted_at.is_none(), "the outcome itself stays");

    undo(&t, "kim").await.unwrap();
    assert_eq!(snapshot(&t, id).await.unwrap().row.visit_id, Some(visit));
    assert_eq!(outcome::of_visit(&t.app.db, visit).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_visit_an_outcome_refers_to_is_not_removed_by_undo() {
    let t = TestApp::new().await;
    let shandong = province(&t, "Shandong").await;
    let visit = add_visit(&t, "kim", vec![shandong], "2024-04-10").await;
    let mut f = outcome(
        OutcomeKind::Contract,
        "Port logistics contract",
        "2024-04-11",
        vec![shandong],
    );
    f.visit_id = Some(visit);
    let id = add_outcome(&t, "lee", &f).await;
    let msg = refusal(undo(&t, "kim").await);
    assert!(
        msg.contains(&format!("outcome #{id} refers to visit #{visit}")),
        "{msg}"
    );
    // Once the outcome is deleted, the undo deletes the visit instead of removing it, so
    // the deleted outcome's link still holds.
    delete(&t, "lee", Entity::Outcome, id).await;
    undo(&t, "kim").await.unwrap();
    let deleted: Option<String> = sqlx::query_scalar("SELECT deleted_at FROM visits WHERE id = ?")
        .bind(visit)
        .fetch_one(&t.app.db)
        .await
        .unwrap();
    assert!(deleted.is_some());
}

#[tokio::test]
async fn the_same_kind_and_title_for_a_province_within_a_week_is_a_duplicate() {
    let t = TestApp::new().await;
    let (jiangsu, hainan) = (province(&t, "Jiangsu").await, province(&t, "Hainan").await);
    let first = add_outcome(
        &t,
        "kim",
        &outcome(
            OutcomeKind::Mou,
            "Workation MOU",
            "2024-06-10",
            vec![jiangsu, hainan],
        ),
    )
    .await;
    let found = |f: outcome::Fields, except: Option<i64>| {
        let db = t.app.db.clone();
        async move {
            let mut tx = db.begin().await.unwrap();
            outcome::find_duplicate(&mut tx, &f, except)
                .await
                .unwrap()
                .map(|d| d.id)
        }
    };
    let same = |title: &str, when: &str, provinces: Vec<i64>| {
        outcome(OutcomeKind::Mou, title, when, provinces)
    };
    for (when, dup) in [
        ("2024-06-04", true),  // 6 days before
        ("2024-06-16", true),  // 6 days after
        ("2024-06-17", true),  // 7 days after
        ("2024-06-18", false), // 8 days after
        ("2024-06-02", false), // 8 days before
        ("2024-06", true),     // the month it falls in
        ("2024-05", false),    // a month ending 10 days before
    ] {
        let got = found(same("Workation MOU", when, vec![jiangsu]), None).await;
        assert_eq!(got, dup.then_some(first), "{when}");
    }
    // Spelling aside, the title is the same; another province, kind or title is not.
    assert_eq!(
        found(same("workation-mou", "2024-06-12", vec![hainan]), None).await,
        Some(first)
    );
    let guangdong = province(&t, "Guangdong").await;
    assert_eq!(
        found(same("Workation MOU", "2024-06-12", vec![guangdong]), None).await,
        None
    );
    assert_eq!(
        found(
            outcome(
                OutcomeKind::Agreement,
                "Workation MOU",
                "2024-06-12",
                vec![jiangsu]
            ),
            None
        )
        .await,
        None
    );
    assert_eq!(
        found(same("Tourism MOU", "2024-06-12", vec![jiangsu]), None).await,
        None
    );
    // An outcome is no duplicate of itself (an edit), nor of a deleted one.
    assert_eq!(
        found(
            same("Workation MOU", "2024-06-12", vec![jiangsu]),
            Some(first)
        )
        .await,
        None
    );
    delete(&t, "kim", Entity::Outcome, first).await;
    assert_eq!(
        found(same("Workation MOU", "2024-06-12", vec![jiangsu]), None).await,
        None
    );
    assert!(
        delegation_bot::error::Message::from(delegation_bot::error::Refusal::from(
            outcome::Duplicate {
                id: first,
                by: outcome::Repeat::Title
            }
        ))
        .to_string()
        .contains("force:true")
    );
}

#[tokio::test]
async fn lists_filter_count_and_page_and_views_name_their_links() {
    let t = TestApp::new().await;
    let (jiangsu, hainan) = (province(&t, "Jiangsu").await, province(&t, "Hainan").await);
    let visit = add_visit(&t, "kim", vec![hainan], "2024-05-29").await;
    let mut ids = Vec::new();
    for (i, (kind, when, provinces)) in [
        (OutcomeKind::Mou, "2024-01-10", vec![jiangsu]),
        (OutcomeKind::Pledge, "2024-02", vec![jiangsu, hainan]),
        (OutcomeKind::Mou, "2024-03-05", vec![hainan]),
        (OutcomeKind::Contract, "2024-05-30", vec![hainan]),
        (OutcomeKind::Mou, "2024-06-01", vec![]),
    ]
    .into_iter()
    .enumerate()
    {
        let mut f = outcome(kind, &format!("Outcome {i}"), when, provinces);
        if i == 3 {
            f.visit_id = Some(visit);
            f.amount = money("15억 원");
            f.status = OutcomeStatus::Cancelled;
            f.sources = vec![store::visit::Source {
                url: "https://example.org/a".into(),
                title: Some("A report".into()),
                published: None,
            }];
        }
        ids.push(add_outcome(&t, "kim", &f).await);
    }
    let db = &t.app.db;
    let all = outcome::Filter::default();
    assert_eq!(outcome::count(db, &all).await.unwrap(), 5);
    let page: Vec<i64> = outcome::list(db, &all, 2, 0)
        .await
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(page, [ids[4], ids[3]], "newest first");
    let second: Vec<i64> = outcome::list(db, &all, 2, 2)
        .await
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(second, [ids[2], ids[1]]);

    let filters = [
        (
            outcome::Filter {
                provinces: vec![jiangsu],
                ..Default::default()
            },
            vec![ids[1], ids[0]],
        ),
        (
            outcome::Filter {
                provinces: vec![jiangsu, hainan],
                ..Default::default()
            },
            vec![ids[3], ids[2], ids[1], ids[0]],
        ),
        (
            outcome::Filter {
                kind: Some(OutcomeKind::Mou),
                ..Default::default()
            },
            vec![ids[4], ids[2], ids[0]],
        ),
        (
            outcome::Filter {
                status: Some(OutcomeStatus::Cancelled),
                ..Default::default()
            },
            vec![ids[3]],
        ),
        // A month-only outcome matches any days of its month.
        (
            outcome::Filter {
                range: DateRange::from_bounds(Some(date("2024-02-20")), Some(date("2024-03-04")))
                    .unwrap(),
                ..Default::default()
            },
            vec![ids[1]],
        ),
        (
            outcome::Filter {
                range: DateRange::from_bounds(Some(date("2024-03")), None).unwrap(),
                provinces: vec![hainan],
                ..Default::default()
            },
            vec![ids[3], ids[2]],
        ),
    ];
    for (filter, expected) in filters {
        let listed: Vec<i64> = outcome::list(db, &filter, 10, 0)
            .await
            .unwrap()
            .iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(listed, expected, "{filter:?}");
        assert_eq!(
            outcome::count(db, &filter).await.unwrap(),
            expected.len() as i64,
            "{filter:?}"
        );
    }

    let item = &outcome::list(db, &all, 10, 0).await.unwrap()[1];
    assert_eq!(item.amount.unwrap().to_string(), "KRW 1,500,000,000");
    assert_eq!(item.provinces.as_deref(), Some("Hainan"));
    let listed_month = &outcome::list(db, &all, 10, 0).await.unwrap()[3];
    assert_eq!(listed_month.date, "2024-02");
    assert_eq!(listed_month.provinces.as_deref(), Some("Hainan, Jiangsu"));

    let view = outcome::view(db, ids[3]).await.unwrap().unwrap();
    assert_eq!(view.links.len(), 1);
    assert_eq!(
        (
            view.links[0].entity,
            view.links[0].id,
            view.links[0].label.as_deref()
        ),
        ("visit", visit, Some("Hainan · 2024-05-29"))
    );
    assert_eq!(view.sources[0].url, "https://example.org/a");
    assert!(view.last_change.unwrap().by.starts_with("kim"));
    let brief = &outcome::of_visit(db, visit).await.unwrap()[0];
    assert_eq!(
        (brief.id, brief.kind.as_str(), brief.status.as_str()),
        (ids[3], "contract", "cancelled")
    );
}

#[tokio::test]
async fn a_forum_lists_its_outcomes() {
    let t = TestApp::new().await;
    let hainan = province(&t, "Hainan").await;
    let forum = {
        let mut c = change(&t, "kim").await.unwrap();
        let f = store::forum::Fields {
            name: "Jeju Forum".into(),
            kind: "conference".into(),
            edition: Some("19th".into()),
            start: date("2024-05-29"),
            end: None,
            place: Some("Jeju".into()),
            organizer: None,
            visits: Vec::new(),
        };
        let id = c.create(&f).await.unwrap();
        c.commit().await.unwrap();
        id
    };
    let mut f = outcome(
        OutcomeKind::Mou,
        "Jeju-Hainan MOU",
        "2024-05-30",
        vec![hainan],
    );
    f.forum_id = Some(forum);
    let id = add_outcome(&t, "kim", &f).await;
    let briefs = outcome::of_forum(&t.app.db, forum).await.unwrap();
    assert_eq!(briefs.len(), 1);
    assert_eq!(briefs[0].id, id);
    let view = outcome::view(&t.app.db, id).await.unwrap().unwrap();
    assert_eq!(
        view.links[0].label.as_deref(),
        Some("Jeju Forum (19th) · 2024-05-29")
    );
}

#[tokio::test]
async fn the_sheet_carries_amounts_as_decimal_strings_with_their_currency() {
    let t = TestApp::new().await;
    let jiangsu = province(&t, "Jiangsu").await;
    let mut f = outcome(OutcomeKind::Pledge, "Chip plant", "2024-06", vec![jiangsu]);
    f.amount =
        Some(delegation_bot::domain::Money::parse("1500000.5", Some(Currency::Usd)).unwrap());
    f.korean_side = Some("Gyeonggi Province; Samsung".into());
    f.sources = vec![store::visit::Source {
        url: "https://example.org/b".into(),
        title: None,
        published: Some("2024-06-20".into()),
    }];
    let id = add_outcome(&t, "kim", &f).await;
    let mut conn = t.app.db.acquire().await.unwrap();
    let rows = sheet::rows(&mut conn, Entity::Outcome, None).await.unwrap();
    let row = serde_json::Value::Object(rows[0].clone());
    assert_eq!(
        row,
        serde_json::json!({
            "id": id, "version": 1, "kind": "investment pledge", "title": "Chip plant",
            "date": "2024-06", "status": "signed", "province": "Jiangsu", "city": null,
            "korean_side": "Gyeonggi Province; Samsung", "amount": "1500000.5", "currency": "USD",
            "visit": null, "meeting": null, "forum": null, "summary": null,
            "sources": [{"url": "https://example.org/b", "title": null, "date": "2024-06-20"}]
        })
    );
    let only = sheet::rows(&mut conn, Entity::Outcome, Some(&[id + 1][..]))
        .await
        .unwrap();
    assert!(only.is_empty());
}

#[tokio::test]
async fn a_watch_on_outcomes_is_told_with_a_label() {
    use delegation_bot::store::{outbox, watch};
    let t = TestApp::new().await;
    let jiangsu = province(&t, "Jiangsu").await;
    {
        let mut c = crate::store_writes::change(&t, "kim").await.unwrap();
        c.add_watch(&watch::NewWatch {
            channel_id: "300000000000000777",
            kind: "outcomes",
            province_id: Some(jiangsu),
            place_id: None,
            official_id: None,
            by_id: "kim",
            by: "kim",
        })
        .await
        .unwrap();
        c.commit().await.unwrap();
    }
    let mut f = outcome(
        OutcomeKind::Mou,
        "Workation MOU",
        "2024-06-03",
        vec![jiangsu],
    );
    f.amount = money("$300 million");
    add_outcome(&t, "kim", &f).await;
    // Another province's outcome is not this watch's news.
    let hainan = province(&t, "Hainan").await;
    add_outcome(
        &t,
        "kim",
        &outcome(OutcomeKind::Mou, "Other MOU", "2024-06-03", vec![hainan]),
    )
    .await;
    let pending = outbox::pending(&t.app.db, 10).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        pending[0].notice.items[0].label.as_deref(),
        Some("MOU: Workation MOU · 2024-06-03 · Jiangsu · signed · USD 300,000,000")
    );
}

/// Outcomes have more columns than any other record: a bulk load of more rows than one
/// statement takes stays under SQLite's limit of bound values (the synthetic load of
/// 20,000 visits made about 4,000 outcomes and failed here).
#[tokio::test]
async fn a_bulk_load_of_thousands_of_outcomes_fits_sqlites_limits() {
    let t = TestApp::new().await;
    let jiangsu = province(&t, "Jiangsu").await;
    let rows: Vec<store::bulk::New<outcome::Fields>> = (1..=4100)
        .map(|id| store::bulk::New {
            id,
            version: 1,
            fields: {
                let mut f = outcome(
                    OutcomeKind::Pledge,
                    &format!("Pledge {id}"),
                    "2024-06-03",
                    vec![jiangsu],
                );
                f.amount = money("USD 1");
                f
            },
        })
        .collect();
    let mut c = change(&t, "kim").await.unwrap();
    store::kind::insert_many(&mut c, &rows, "synthetic")
        .await
        .unwrap();
    c.commit().await.unwrap();
    let all = outcome::count(&t.app.db, &outcome::Filter::default())
        .await
        .unwrap();
    assert_eq!(all, 4100);
}
