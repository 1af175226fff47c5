//! Corrections of a drafted visit (what Discord's Edit form sends, or options typed with
//! the draft): checked as typed commands are, written by Confirm exactly as shown; and a
//! gazetteer that learns names added after it was built.

use super::confirm::{app, count, draft_request, moderator};

#[tokio::test]
async fn corrections_change_the_draft_and_confirm_writes_them() {
    let (app, cases, _dir) = app().await;
    let actor = moderator();
    let case = cases.iter().find(|c| c.name.starts_with("001")).unwrap();
    let fixes = [
        ("province", "Hainan, 산둥"),
        ("start", "2024-05-28"),
        ("places", "Busan"),
        ("clear", "end"),
    ];
    let shown = app
        .handle(&actor, &draft_request(case, &fixes))
        .await
        .unwrap();
    let visit = &shown.data["visits"][0];
    assert_eq!(
        visit["provinces"],
        serde_json::json!(["Hainan", "Shandong"])
    );
    assert_eq!(visit["start"], "2024-05-28");
    assert!(visit["end"].is_null());
    assert_eq!(visit["places"], serde_json::json!(["Busan"]));
    assert_eq!(
        visit["leader"], "Liu Xiaoming",
        "what was not corrected stays"
    );
    assert!(
        visit["evidence"].get("start").is_none() && visit["evidence"].get("leader").is_some(),
        "a corrected field has no quote from the report: {}",
        visit["evidence"]
    );
    assert!(
        shown.data["notes"].as_array().unwrap().iter().any(|n| n
            .as_str()
            .unwrap()
            .contains("Corrected by hand: provinces, start, end, places")),
        "{}",
        shown.data["notes"]
    );
    // Confirm runs the same request with confirm:true: the corrected visit is written.
    let confirm = shown.confirm.unwrap().request;
    use delegation_bot::catalog::arg;
    assert!(confirm.flag(arg::CONFIRM) && confirm.text(arg::PLACES) == Some("Busan"));
    app.handle(&actor, &confirm).await.unwrap();
    let (start, end): (String, Option<String>) =
        sqlx::query_as("SELECT start_date, end_date FROM visits")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((start.as_str(), end), ("2024-05-28", None));
    let places: Vec<String> = sqlx::query_scalar(
        "SELECT r.name FROM visit_places p JOIN regions r ON r.id = p.region_id ORDER BY r.name",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(places, vec!["Busan"]);
    let provinces: i64 = sqlx::query_scalar("SELECT count(*) FROM visit_provinces")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(provinces, 2, "a joint delegation of the two provinces");
}

#[tokio::test]
async fn a_correction_the_records_would_refuse_is_refused_and_writes_nothing() {
    let (app, cases, _dir) = app().await;
    let actor = moderator();
    let case = cases.iter().find(|c| c.name.starts_with("001")).unwrap();
    for (fixes, says) in [
        (vec![("places", "Atlantis")], "Atlantis"),
        (vec![("province", "Qingdao")], "Shandong"),
        (vec![("end", "2024-05-01")], "before the start"),
        (
            vec![("start", "2031-01-01"), ("clear", "end")],
            "a year ahead",
        ),
        (
            vec![("end", "2024-06-01"), ("clear", "end")],
            "both given and cleared",
        ),
    ] {
        let mut with_confirm = fixes.clone();
        with_confirm.push(("confirm", "true"));
        let err = app
            .handle(&actor, &draft_request(case, &with_confirm))
            .await
            .err()
            .unwrap_or_else(|| panic!("{fixes:?} was accepted"));
        assert!(err.is_users(), "{fixes:?}: {err:?}");
        let e = err.user_message();
        assert!(e.contains(says), "{fixes:?}: {e}");
    }
    assert_eq!(count(&app, "visits").await, 0);
    // A report that is no visit has nothing to correct.
    let video = cases.iter().find(|c| c.name.starts_with("021")).unwrap();
    let err = app
        .handle(&actor, &draft_request(video, &[("start", "2024-05-01")]))
        .await
        .err()
        .unwrap();
    assert!(
        err.user_message().contains("no drafted visit"),
        "{}",
        err.user_message()
    );
}

#[tokio::test]
async fn a_new_name_for_a_proposed_leader_corrects_how_the_draft_spells_them() {
    let (app, cases, _dir) = app().await;
    let actor = moderator();
    let case = cases.iter().find(|c| c.name.starts_with("005")).unwrap();
    let plain = app.handle(&actor, &draft_request(case, &[])).await.unwrap();
    assert_eq!(plain.data["visits"][0]["leader"], "Song Junji");
    let proposed = |d: &serde_json::Value| -> Vec<String> {
        d["new_officials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(proposed(&plain.data).contains(&"Song Junji".to_string()));
    let fixed = app
        .handle(&actor, &draft_request(case, &[("leader", "Song Junjie")]))
        .await
        .unwrap();
    assert_eq!(fixed.data["visits"][0]["leader"], "Song Junjie");
    let names = proposed(&fixed.data);
    assert!(
        names.contains(&"Song Junjie".to_string()) && !names.contains(&"Song Junji".to_string())
    );
    assert!(
        fixed.data["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| !m["officials"].to_string().contains("\"Song Junji\"")),
        "the meetings follow: {}",
        fixed.data["meetings"]
    );
    // An official on record is written as the database spells them.
    let known = app
        .handle(&actor, &draft_request(case, &[("leader", "오영훈")]))
        .await
        .unwrap();
    assert_eq!(known.data["visits"][0]["leader"], "Oh Young-hun");
}

#[tokio::test]
async fn the_gazetteer_learns_an_official_added_after_it_was_built() {
    let (app, cases, _dir) = app().await;
    let actor = moderator();
    let case = cases.iter().find(|c| c.name.starts_with("005")).unwrap();
    let is_new = |d: &serde_json::Value| {
        d["new_officials"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["name"] == "Song Junji")
    };
    let before = app.handle(&actor, &draft_request(case, &[])).await.unwrap();
    assert!(is_new(&before.data), "{}", before.data["new_officials"]);
    app.run_line(
        &actor,
        "/record official add name:\"Song Junji\" country:China title:\"Vice Governor of Shandong\"",
    )
    .await
    .unwrap();
    let after = app.handle(&actor, &draft_request(case, &[])).await.unwrap();
    assert!(!is_new(&after.data), "{}", after.data["new_officials"]);
    assert_eq!(after.data["visits"][0]["leader"], "Song Junji");
    // And forgets one deleted since.
    app.run_line(&actor, "/record official delete name:\"Song Junji\"")
        .await
        .unwrap();
    let again = app.handle(&actor, &draft_request(case, &[])).await.unwrap();
    assert!(is_new(&again.data), "{}", again.data["new_officials"]);
}
