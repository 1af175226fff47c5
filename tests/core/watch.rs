//! Watches (issue 14), in the core: which changes each watch is told of, planned in the
//! transaction of the write itself, whatever path wrote it. The posting is tested against
//! the fake Discord (tests/discord/watch.rs).

use delegation_bot::store::outbox::{self, Change, Delivery};
use serde_json::json;

use crate::helpers::{TestApp, id};

const CHANNEL: &str = "300000000000000777";

async fn pending(t: &TestApp) -> Vec<Delivery> {
    outbox::pending(&t.app.db, 1000).await.unwrap()
}

/// The (entity, change, n) counts of each pending message.
async fn counts(t: &TestApp) -> Vec<Vec<(String, Change, i64)>> {
    pending(t)
        .await
        .iter()
        .map(|d| {
            d.notice
                .counts
                .iter()
                .map(|c| (c.entity.clone(), c.change, c.n))
                .collect()
        })
        .collect()
}

fn visits_csv(province: &str, n: u32) -> String {
    let mut csv = String::from("province,start\n");
    for day in 1..=n {
        csv.push_str(&format!(
            "{province},2023-{:02}-{:02}\n",
            1 + (day - 1) / 28,
            1 + (day - 1) % 28
        ));
    }
    csv
}

#[tokio::test]
async fn a_watch_is_told_of_matching_changes_by_any_path_once_per_change() {
    let t = TestApp::new().await;
    let w = id(&t
        .ok(&format!("/watch add channel:{CHANNEL} province:Jiangsu"))
        .await);
    // A command: one message.
    let v = id(&t
        .ok("/record visit add province:Jiangsu start:2024-06-03 places:Seoul")
        .await);
    let first = pending(&t).await;
    assert_eq!(first.len(), 1);
    assert_eq!(
        (first[0].watch_id, first[0].channel_id.as_str()),
        (w, CHANNEL)
    );
    let item = &first[0].notice.items[0];
    assert_eq!((item.id, item.change), (v, Change::Added));
    assert_eq!(item.label.as_deref(), Some("Jiangsu · 2024-06-03 · Seoul"));
    // Another province: nothing.
    t.ok("/record visit add province:Hainan start:2024-06-05")
        .await;
    assert_eq!(pending(&t).await.len(), 1, "a Hainan visit is not news");
    // An import of 50: one summary.
    let path = t.dir.path().join("jiangsu.csv");
    std::fs::write(&path, visits_csv("Jiangsu", 50)).unwrap();
    t.ok(&format!(
        "/data import file:\"{}\" confirm:true",
        path.display()
    ))
    .await;
    let all = counts(&t).await;
    assert_eq!(all.len(), 2, "one message for the whole import: {all:?}");
    assert_eq!(all[1], vec![("visit".to_string(), Change::Added, 50)]);
    let import = &pending(&t).await[1].notice;
    assert_eq!((import.action.as_str(), import.items.len()), ("import", 10));
    // Its undo: one summary too, though the records are gone by the commit.
    t.ok("/data undo").await;
    let all = counts(&t).await;
    assert_eq!(all.len(), 3);
    assert_eq!(all[2], vec![("visit".to_string(), Change::Removed, 50)]);
    let r = delegation_bot::commands::watch::notice(&pending(&t).await[2].notice);
    assert!(
        r.title
            .starts_with("Undo by Moderator removed 50 visits matching watch #"),
        "{}",
        r.title
    );
}

#[tokio::test]
async fn records_leaving_the_filter_and_linked_records_are_news() {
    let t = TestApp::new().await;
    t.people().await;
    let v = id(&t
        .ok("/record visit add province:Jiangsu start:2024-06-03")
        .await);
    // Set after the visit was added: what it matches now is known, so an edit that takes
    // the visit away from Jiangsu is told.
    t.ok(&format!("/watch add channel:{CHANNEL} province:Jiangsu"))
        .await;
    t.ok(&format!("/record visit edit id:{v} province:Hainan"))
        .await;
    let p = pending(&t).await;
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].notice.items[0].change, Change::Changed);
    assert!(
        p[0].notice.items[0].changes[0].starts_with("provinces"),
        "{:?}",
        p[0].notice.items[0]
    );
    // Now a Hainan visit: its edits are not news any more.
    t.ok(&format!("/record visit edit id:{v} size:5")).await;
    assert_eq!(pending(&t).await.len(), 1);
    // A meeting with a Jiangsu official is (kind all), and the delete of one too.
    let m = id(&t
        .ok("/record meeting add date:2024-06-04 officials:\"Xin Changxing; Oh Se-hoon\" place:Seoul")
        .await);
    t.ok(&format!("/record meeting delete id:{m}")).await;
    let changes: Vec<Change> = pending(&t)
        .await
        .iter()
        .skip(1)
        .map(|d| d.notice.items[0].change)
        .collect();
    assert_eq!(changes, vec![Change::Added, Change::Deleted]);
    // A watch on visits only is not told of meetings; one on an official is.
    t.ok(&format!(
        "/watch add channel:{CHANNEL} province:Jiangsu kind:visits"
    ))
    .await;
    t.ok(&format!(
        "/watch add channel:{CHANNEL} official:\"Oh Se-hoon\" kind:meetings"
    ))
    .await;
    let before = pending(&t).await.len();
    t.ok("/record meeting add date:2024-06-06 officials:\"Xin Changxing; Oh Se-hoon\"")
        .await;
    let watches: Vec<i64> = pending(&t).await[before..]
        .iter()
        .map(|d| d.watch_id)
        .collect();
    assert_eq!(watches, vec![1, 3], "kind:visits stays quiet");
}

#[tokio::test]
async fn a_removed_watch_posts_nothing_and_bad_watches_are_refused() {
    let t = TestApp::new().await;
    let w = id(&t
        .ok(&format!("/watch add channel:{CHANNEL} province:Jiangsu"))
        .await);
    t.ok("/record visit add province:Jiangsu start:2024-06-03")
        .await;
    assert_eq!(pending(&t).await.len(), 1);
    t.ok(&format!("/watch remove id:{w}")).await;
    assert!(
        pending(&t).await.is_empty(),
        "its pending message goes with it"
    );
    t.ok("/record visit add province:Jiangsu start:2024-06-10")
        .await;
    assert!(pending(&t).await.is_empty());
    for (line, says) in [
        (format!("/watch add channel:{CHANNEL}"), "Say what to watch"),
        (
            "/watch add channel:general province:Jiangsu".to_string(),
            "takes a channel",
        ),
        (
            format!("/watch add channel:{CHANNEL} province:Atlantis"),
            "Atlantis",
        ),
        (format!("/watch remove id:{w}"), "no watch"),
    ] {
        let e = t.refused(&line).await;
        assert!(e.contains(says), "{line}: {e}");
    }
    let e = t
        .app
        .run_line(
            &t.member,
            &format!("/watch add channel:{CHANNEL} province:Jiangsu"),
        )
        .await
        .unwrap_err();
    assert!(e.user_message().contains("moderators"), "{e:?}");
    // The list is for everyone.
    let list = t.app.run_line(&t.member, "/watches").await.unwrap();
    assert_eq!(list.data["watches"], json!([]));
}

#[tokio::test]
async fn a_paused_watch_says_why_and_adding_it_again_resumes_it() {
    let t = TestApp::new().await;
    let w = id(&t
        .ok(&format!("/watch add channel:{CHANNEL} province:Jiangsu"))
        .await);
    t.ok("/record visit add province:Jiangsu start:2024-06-03")
        .await;
    outbox::pause(
        &t.app.db,
        w,
        "Missing Permissions: the bot may not post there",
    )
    .await
    .unwrap();
    assert!(pending(&t).await.is_empty(), "a paused watch posts nothing");
    t.ok("/record visit add province:Jiangsu start:2024-06-04")
        .await;
    assert!(pending(&t).await.is_empty(), "nor piles up");
    let list = t.run("/watches").await.unwrap();
    assert!(list.fields[0].value.contains("Paused"), "{:?}", list.fields);
    assert!(list.fields[0].value.contains("Missing Permissions"));
    let again = t
        .ok(&format!("/watch add channel:{CHANNEL} province:Jiangsu"))
        .await;
    assert_eq!((id(&again), again["resumed"].as_bool()), (w, Some(true)));
    t.ok("/record visit add province:Jiangsu start:2024-06-05")
        .await;
    // What it had to post when it paused is kept, and goes out with the new one.
    assert_eq!(pending(&t).await.len(), 2);
    let e = t
        .refused(&format!("/watch add channel:{CHANNEL} province:Jiangsu"))
        .await;
    assert!(e.contains("already"), "{e}");
}

/// Outcomes are not a kind of record yet (issue 12): a watch matches them by what their
/// audit snapshot names, so it works when they land. Written here as any write path will
/// write them: an audit batch with its entries, committed through the store.
#[tokio::test]
async fn outcomes_are_matched_by_what_they_name() {
    let t = TestApp::new().await;
    t.ok("/record visit add province:Jiangsu start:2024-06-03")
        .await;
    t.ok(&format!(
        "/watch add channel:{CHANNEL} province:Jiangsu kind:outcomes"
    ))
    .await;
    t.ok(&format!(
        "/watch add channel:{CHANNEL} place:Jeju kind:outcomes"
    ))
    .await;
    let turn = std::sync::Arc::new(tokio::sync::Semaphore::new(1));
    let mut tx = delegation_bot::store::WriteTx::begin(&t.app.db, &turn)
        .await
        .unwrap();
    let batch: i64 = sqlx::query_scalar(
        "INSERT INTO audit_batches (actor_id, actor, at, action, summary)
         VALUES ('u:mod', 'Moderator', '2024-06-03T00:00:00Z', 'create', 'add outcome') RETURNING id",
    )
    .fetch_one(&mut **tx)
    .await
    .unwrap();
    for (id, after) in [
        // Linked to the Jiangsu visit.
        (
            1,
            json!({"id": 1, "version": 1, "kind": "MOU", "visit_id": 1, "korean_side": "Busan"}),
        ),
        // Naming a Korean place in its Korean side.
        (
            2,
            json!({"id": 2, "version": 1, "kind": "agreement", "korean_side": "Jeju Special Self-Governing Province"}),
        ),
        // Neither.
        (
            3,
            json!({"id": 3, "version": 1, "kind": "contract", "korean_side": "Seoul"}),
        ),
    ] {
        sqlx::query("INSERT INTO audit_entries (batch_id, entity, entity_id, before, after) VALUES (?, 'outcome', ?, NULL, ?)")
            .bind(batch)
            .bind(id)
            .bind(after.to_string())
            .execute(&mut **tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let told: Vec<(i64, Vec<i64>)> = pending(&t)
        .await
        .iter()
        .map(|d| (d.watch_id, d.notice.items.iter().map(|i| i.id).collect()))
        .collect();
    assert_eq!(told, vec![(1, vec![1]), (2, vec![2])]);
}

#[tokio::test]
async fn a_watch_on_outcomes_is_told_of_outcome_commands_and_nothing_else() {
    let t = TestApp::new().await;
    let outcomes = id(&t
        .ok(&format!(
            "/watch add channel:{CHANNEL} province:Jiangsu kind:outcomes"
        ))
        .await);
    let visits = id(&t
        .ok("/watch add channel:300000000000000778 province:Jiangsu kind:visits")
        .await);
    t.ok("/record visit add province:Jiangsu start:2024-06-01")
        .await;
    let o = id(&t
        .ok("/outcome add kind:MOU title:\"Workation MOU\" date:2024-06-03 province:Jiangsu amount:\"$300 million\"")
        .await);
    t.ok("/outcome add kind:MOU title:\"Hainan MOU\" date:2024-06-03 province:Hainan")
        .await;
    t.ok(&format!("/outcome edit id:{o} status:realized")).await;
    t.ok(&format!("/outcome delete id:{o}")).await;
    let told: Vec<(i64, String, i64, Change)> = pending(&t)
        .await
        .iter()
        .flat_map(|d| {
            d.notice
                .items
                .iter()
                .map(|i| (d.watch_id, i.entity.clone(), i.id, i.change))
                .collect::<Vec<_>>()
        })
        .collect();
    let of = |w: i64| -> Vec<(String, i64, Change)> {
        told.iter()
            .filter(|(watch, ..)| *watch == w)
            .map(|(_, e, i, c)| (e.clone(), *i, *c))
            .collect()
    };
    assert_eq!(
        of(outcomes),
        [
            ("outcome".to_string(), o, Change::Added),
            ("outcome".to_string(), o, Change::Changed),
            ("outcome".to_string(), o, Change::Deleted),
        ]
    );
    assert!(of(visits).iter().all(|(e, ..)| e == "visit"), "{told:?}");
    let first = &pending(&t).await[1].notice.items[0];
    assert_eq!(
        first.label.as_deref(),
        Some("MOU: Workation MOU · 2024-06-03 · Jiangsu · signed · USD 300,000,000")
    );
}

/// Watches, the digest and the team's language are changes like any other: /data audit
/// says who made them, undo takes them back, and an undo that would overwrite somebody
/// else's later change is refused.
#[tokio::test]
async fn setup_changes_are_audited_and_undone() {
    let t = TestApp::with_sample().await;
    let w = id(&t
        .ok(&format!("/watch add channel:{CHANNEL} province:Jiangsu"))
        .await);
    let audit = t.ok("/data audit").await.to_string();
    assert!(audit.contains(&format!("watch #{w}")), "{audit}");
    t.ok("/data undo").await;
    let list = t.ok("/watches").await;
    assert_eq!(list["watches"], json!([]), "the added watch is gone");

    // A removed watch comes back as it was, under its number.
    let w = id(&t
        .ok(&format!(
            "/watch add channel:{CHANNEL} official:\"Oh Se-hoon\" kind:meetings"
        ))
        .await);
    t.ok(&format!("/watch remove id:{w}")).await;
    t.ok("/data undo").await;
    let list = t.ok("/watches").await;
    assert_eq!(list["watches"][0]["id"], w, "{list}");
    assert_eq!(list["watches"][0]["kind"], "meetings", "{list}");

    // The digest and the team's language likewise.
    t.ok("/digest set channel:300000000000000001 frequency:monthly")
        .await;
    t.ok("/data undo").await;
    assert!(t.refused("/digest off").await.contains("digest"));
    t.ok("/settings language:ko").await;
    t.ok("/settings language:zh").await;
    t.ok("/data undo").await;
    assert_eq!(t.ok("/settings").await["language"], "ko");

    // Somebody else changed the watch since: the first undo leaves their work alone.
    let w = id(&t
        .ok(&format!("/watch add channel:{CHANNEL} place:Busan"))
        .await);
    t.app
        .run_line(
            &TestApp::other_moderator(),
            &format!("/watch remove id:{w}"),
        )
        .await
        .unwrap();
    let refused = t.refused("/data undo").await;
    assert!(
        refused.contains(&format!("watch #{w}")) || refused.contains("Other"),
        "{refused}"
    );
}
