use crate::helpers::{TestApp, id};

#[tokio::test]
async fn names_resolve_through_normalized_aliases() {
    let t = TestApp::new().await;
    t.people().await;
    t.ok("/record official alias name:\"Oh Se-hoon\" alias:\"Oh Sehun\"")
        .await;
    for spelling in [
        "Oh Se-hoon",
        "oh sehoon",
        "OH  SE HOON",
        "오세훈",
        "Oh Sehun",
    ] {
        let data = t.ok(&format!("/official show name:\"{spelling}\"")).await;
        assert_eq!(data["name"], "Oh Se-hoon", "{spelling}");
    }
}

#[tokio::test]
async fn unknown_names_get_suggestions_and_create_nothing() {
    let t = TestApp::new().await;
    t.people().await;
    let before = t.fingerprint().await;
    let msg = t
        .refused("/record meeting add date:2024-06-03 officials:\"Xin Changxing; Oh Se-hun\"")
        .await;
    assert!(
        msg.contains("Oh Se-hun") && msg.contains("did you mean `Oh Se-hoon`"),
        "{msg}"
    );
    let msg = t.refused("/official history name:Nobody").await;
    assert!(msg.contains("No official called `Nobody`"), "{msg}");
    assert_eq!(before, t.fingerprint().await);
}

#[tokio::test]
async fn an_alias_of_someone_else_is_refused() {
    let t = TestApp::new().await;
    t.people().await;
    let msg = t
        .refused("/record official alias name:\"Han Duck-soo\" alias:\"Oh Se-hoon\"")
        .await;
    assert!(msg.contains("already names Oh Se-hoon"), "{msg}");
    let msg = t
        .refused("/record official add name:\"oh sehoon\" country:Korea")
        .await;
    assert!(msg.contains("merge"), "{msg}");
}

#[tokio::test]
async fn history_lists_meetings_in_date_order_with_counterparts() {
    let t = TestApp::new().await;
    t.people().await;
    let v = id(&t.ok("/record visit add province:Jiangsu start:2024-06 leader:\"Xin Changxing\" places:Seoul").await);
    t.ok(&format!("/record meeting add date:2024-06-12 officials:\"Xin Changxing; Oh Se-hoon\" place:\"Seoul City Hall\" visit:{v}")).await;
    t.ok(&format!("/record meeting add date:2024-06-11 officials:\"Xin Changxing; Han Duck-soo\" place:Seoul visit:{v}")).await;
    t.ok("/record meeting add date:2023-01-05 officials:\"Oh Se-hoon; Liu Xiaoming\"")
        .await;
    let h = t.ok("/official history name:\"Xin Changxing\"").await;
    assert_eq!(h["official"], "Xin Changxing");
    let meetings = h["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 2);
    assert_eq!(meetings[0]["date"], "2024-06-11");
    assert_eq!(
        meetings[0]["counterparts"],
        serde_json::json!(["Han Duck-soo"])
    );
    assert_eq!(meetings[1]["place"], "Seoul City Hall");
    assert_eq!(meetings[1]["visit"], v);
    let ranged = t
        .ok("/official history name:\"Oh Se-hoon\" from:2024-01")
        .await;
    assert_eq!(ranged["meetings"].as_array().unwrap().len(), 1);
    let profile = t.ok("/official show name:\"xin changxing\"").await;
    assert_eq!(profile["visits_led"], 1);
    assert_eq!(profile["meetings"], 2);
}

#[tokio::test]
async fn a_meeting_outside_its_visit_is_refused() {
    let t = TestApp::new().await;
    t.people().await;
    let v = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 end:2024-05-31")
        .await);
    let msg = t
        .refused(&format!(
            "/record meeting add date:2024-06-10 officials:\"Liu Xiaoming; Oh Young-hun\" visit:{v}"
        ))
        .await;
    assert!(msg.contains("outside visit"), "{msg}");
    t.refused("/record meeting add date:2024-05-30 officials:\"Liu Xiaoming\" visit:77")
        .await;
}

#[tokio::test]
async fn merge_moves_meetings_and_aliases() {
    let t = TestApp::new().await;
    t.people().await;
    t.ok("/record official add name:\"Oh Sehun\" country:Korea local_name:오세훈씨")
        .await;
    t.ok("/record meeting add date:2024-06-12 officials:\"Xin Changxing; Oh Sehun\"")
        .await;
    t.ok("/record visit add province:Jiangsu start:2024-06-12 leader:\"Oh Sehun\"")
        .await;
    t.ok("/record official merge keep:\"Oh Se-hoon\" remove:\"Oh Sehun\"")
        .await;
    let h = t.ok("/official history name:\"Oh Se-hoon\"").await;
    assert_eq!(h["meetings"].as_array().unwrap().len(), 1);
    assert_eq!(
        t.ok("/official show name:\"Oh Sehun\"").await["name"],
        "Oh Se-hoon",
        "the old spelling finds the kept record"
    );
    assert_eq!(
        t.ok("/visits list official:\"Oh Se-hoon\"").await["total"],
        1
    );
    t.refused("/record official merge keep:\"Oh Se-hoon\" remove:오세훈")
        .await;
}

#[tokio::test]
async fn officials_in_records_cannot_be_deleted() {
    let t = TestApp::new().await;
    t.people().await;
    t.ok("/record meeting add date:2024-06-12 officials:\"Xin Changxing; Oh Se-hoon\"")
        .await;
    let msg = t
        .refused("/record official delete name:\"Oh Se-hoon\"")
        .await;
    assert!(msg.contains("merge"), "{msg}");
    t.ok("/record official delete name:\"Oh Young-hun\"").await;
    t.refused("/official show name:\"Oh Young-hun\"").await;
    // The name is free again once its holder is deleted.
    t.ok("/record official add name:\"Oh Young-hun\" country:Korea")
        .await;
}
