use crate::helpers::{TestApp, id};

#[tokio::test]
async fn undo_reverts_add_edit_and_delete_in_turn() {
    let t = TestApp::new().await;
    let empty = t.ok("/visits list").await;
    let v = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 size:10")
        .await);
    t.ok(&format!("/record visit edit id:{v} size:20")).await;
    t.ok(&format!("/record visit delete id:{v}")).await;
    t.refused(&format!("/visits show id:{v}")).await;

    t.ok("/data undo").await; // the delete
    assert_eq!(t.ok(&format!("/visits show id:{v}")).await["size"], 20);
    t.ok("/data undo").await; // the edit
    assert_eq!(t.ok(&format!("/visits show id:{v}")).await["size"], 10);
    t.ok("/data undo").await; // the add
    assert_eq!(t.ok("/visits list").await["total"], empty["total"]);
    let msg = t.refused("/data undo").await;
    assert!(msg.contains("no change left"), "{msg}");
}

#[tokio::test]
async fn undo_is_per_user_and_never_overwrites_someone_elses_change() {
    let t = TestApp::new().await;
    let other = TestApp::other_moderator();
    let v = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 size:10")
        .await);
    t.app
        .run_line(&other, &format!("/record visit edit id:{v} size:99"))
        .await
        .unwrap();
    let before = t.fingerprint().await;
    let msg = t.refused("/data undo").await;
    assert!(msg.contains("Other changed visit"), "{msg}");
    assert_eq!(before, t.fingerprint().await);
    // The other moderator can undo their own edit.
    t.app.run_line(&other, "/data undo").await.unwrap();
    assert_eq!(t.ok(&format!("/visits show id:{v}")).await["size"], 10);
}

#[tokio::test]
async fn undo_of_a_merge_restores_both_people() {
    let t = TestApp::new().await;
    t.people().await;
    t.ok("/record official add name:\"Oh Sehun\" country:Korea")
        .await;
    t.ok("/record meeting add date:2024-06-12 officials:\"Xin Changxing; Oh Sehun\"")
        .await;
    let before = t.ok("/official history name:\"Oh Sehun\"").await;
    t.ok("/record official merge keep:\"Oh Se-hoon\" remove:\"Oh Sehun\"")
        .await;
    t.ok("/data undo").await;
    assert_eq!(
        t.ok("/official show name:\"Oh Sehun\"").await["name"],
        "Oh Sehun"
    );
    assert_eq!(
        t.ok("/official history name:\"Oh Sehun\"").await["meetings"],
        before["meetings"]
    );
    assert_eq!(
        t.ok("/official show name:\"Oh Se-hoon\"").await["meetings"],
        0
    );
}

#[tokio::test]
async fn every_write_is_in_the_audit_log_with_before_and_after() {
    let t = TestApp::new().await;
    let v = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 size:10")
        .await);
    t.ok(&format!("/record visit edit id:{v} size:20")).await;
    let history = t.ok(&format!("/data audit entity:visit id:{v}")).await;
    let entries = history["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["actor"], "Moderator");
    assert_eq!(entries[1]["changes"], serde_json::json!(["size: 10 → 20"]));
    let recent = t.ok("/data audit").await;
    assert_eq!(recent["total"], 2);
    t.refused("/data audit entity:visit").await;
}

#[tokio::test]
async fn a_stale_edit_is_refused_naming_what_changed() {
    let t = TestApp::new().await;
    let other = TestApp::other_moderator();
    let v = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 size:10")
        .await);
    let seen = t.ok(&format!("/visits show id:{v}")).await["version"]
        .as_i64()
        .unwrap();
    t.app
        .run_line(
            &other,
            &format!("/record visit edit id:{v} size:20 version:{seen}"),
        )
        .await
        .unwrap();
    let before = t.fingerprint().await;
    let msg = t
        .refused(&format!(
            "/record visit edit id:{v} purpose:Trade version:{seen}"
        ))
        .await;
    assert!(msg.contains("size: 10 → 20 by Other"), "{msg}");
    assert_eq!(
        before,
        t.fingerprint().await,
        "the stale edit changed nothing"
    );
    let now = t.ok(&format!("/visits show id:{v}")).await["version"]
        .as_i64()
        .unwrap();
    t.ok(&format!(
        "/record visit edit id:{v} purpose:Trade version:{now}"
    ))
    .await;
    // Forums, meetings and officials are guarded the same way.
    let f = id(&t
        .ok("/record forum add name:\"Jeju Forum\" kind:conference start:2024-05-29")
        .await);
    t.ok(&format!("/record forum edit id:{f} place:Jeju version:1"))
        .await;
    t.refused(&format!("/record forum edit id:{f} place:Seoul version:1"))
        .await;
}
