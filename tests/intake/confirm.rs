//! Confirm writes a draft in one transaction as one undoable change; a visit already on
//! record gets the report as a source instead; a report that is no visit offers nothing.

use std::path::Path;

use delegation_bot::catalog::{self, CommandId};
use delegation_bot::commands::{Actor, App};
use delegation_bot::intake::eval;
use delegation_bot::request::Request;
use delegation_bot::store;

pub fn moderator() -> Actor {
    Actor {
        id: "test:mod".into(),
        name: "Moderator".into(),
        moderator: true,
        lang: delegation_bot::i18n::Lang::En,
    }
}

pub async fn app() -> (App, Vec<eval::Case>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = store::open(&format!("sqlite://{}", dir.path().join("bot.db").display()))
        .await
        .unwrap();
    let cases = eval::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/intake/cases"
    )))
    .unwrap();
    eval::seed(&db, &cases).await.unwrap();
    (App::new(db), cases, dir)
}

pub fn draft_request(case: &eval::Case, extra: &[(&str, &str)]) -> Request {
    let mut raw = vec![
        ("text".to_string(), case.text.clone()),
        ("published".to_string(), case.published.to_string()),
    ];
    raw.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Request::build(catalog::spec(CommandId::RecordDraft), raw).unwrap()
}

pub async fn count(app: &App, table: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
    )))
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn confirm_writes_everything_as_one_change_and_undo_takes_it_back() {
    let (app, cases, _dir) = app().await;
    let case = cases.iter().find(|c| c.name.starts_with("028")).unwrap();
    let actor = moderator();
    let officials_before = count(&app, "officials").await;
    let batches_before: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_batches")
        .fetch_one(&app.db)
        .await
        .unwrap();
    // The draft alone writes nothing and offers Confirm.
    let shown = app.handle(&actor, &draft_request(case, &[])).await.unwrap();
    assert!(shown.confirm.is_some(), "{}", shown.title);
    assert_eq!(count(&app, "visits").await, 0);
    let reply = app
        .handle(
            &actor,
            &draft_request(
                case,
                &[("confirm", "true"), ("url", "https://news.example.org/a/1")],
            ),
        )
        .await
        .unwrap();
    assert_eq!(reply.title, "Draft recorded", "{:?}", reply.text);
    assert_eq!(count(&app, "visits").await, 1);
    assert_eq!(count(&app, "meetings").await, 1);
    // Officials not on record (Li Tao) were proposed and are added in the same change.
    let proposed = shown.data["new_officials"].as_array().unwrap().len() as i64;
    assert!(proposed >= 1, "{}", shown.data);
    assert_eq!(count(&app, "officials").await, officials_before + proposed);
    let batches: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_batches")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(batches, batches_before + 1, "one change in the audit log");
    let source: String = sqlx::query_scalar("SELECT url FROM visit_sources")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(source, "https://news.example.org/a/1");
    let undo = app.run_line(&actor, "/data undo").await.unwrap();
    assert!(undo.title.to_lowercase().contains("undo"), "{}", undo.title);
    assert_eq!(count(&app, "visits").await, 0);
    assert_eq!(count(&app, "meetings").await, 0);
    assert_eq!(count(&app, "officials").await, officials_before);
}

#[tokio::test]
async fn a_visit_on_record_gets_the_report_as_a_source_instead() {
    let (app, cases, _dir) = app().await;
    let actor = moderator();
    app.run_line(
        &actor,
        "/record visit add province:Hainan start:2024-05-30 leader:\"Liu Xiaoming\"",
    )
    .await
    .unwrap();
    let case = cases.iter().find(|c| c.name.starts_with("001")).unwrap();
    let shown = app.handle(&actor, &draft_request(case, &[])).await.unwrap();
    assert_eq!(
        shown.data["duplicates"],
        serde_json::json!([{"visit": 0, "id": 1}])
    );
    assert!(shown.confirm.unwrap().prompt.contains("#1"));
    let reply = app
        .handle(
            &actor,
            &draft_request(
                case,
                &[
                    ("confirm", "true"),
                    ("url", "https://news.example.org/hainan"),
                ],
            ),
        )
        .await
        .unwrap();
    assert_eq!(count(&app, "visits").await, 1, "{:?}", reply.text);
    assert!(reply.text.unwrap().contains("source"));
    let source: String = sqlx::query_scalar("SELECT url FROM visit_sources WHERE visit_id = 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(source, "https://news.example.org/hainan");
    // force:true records it as a visit of its own, as typed commands do.
    let case = cases.iter().find(|c| c.name.starts_with("019")).unwrap();
    app.handle(
        &actor,
        &draft_request(case, &[("confirm", "true"), ("force", "true")]),
    )
    .await
    .unwrap();
    assert_eq!(count(&app, "visits").await, 2);
}

#[tokio::test]
async fn a_report_that_is_no_visit_says_why_and_offers_nothing() {
    let (app, cases, _dir) = app().await;
    let case = cases.iter().find(|c| c.name.starts_with("021")).unwrap();
    let reply = app
        .handle(&moderator(), &draft_request(case, &[]))
        .await
        .unwrap();
    assert_eq!(reply.title, "Not a visit");
    assert!(reply.confirm.is_none());
    assert!(reply.text.unwrap().contains("video"));
    let refused = app
        .handle(&moderator(), &draft_request(case, &[("confirm", "true")]))
        .await
        .err()
        .unwrap();
    assert!(refused.user_message().contains("video"));
    assert_eq!(count(&app, "visits").await, 0);
}

#[tokio::test]
async fn spam_in_a_pasted_report_is_dropped_not_refused() {
    let (app, cases, _dir) = app().await;
    let case = cases.iter().find(|c| c.name.starts_with("032")).unwrap();
    let reply = app
        .handle(&moderator(), &draft_request(case, &[]))
        .await
        .unwrap();
    let removed = reply.data["removed"].as_array().unwrap();
    assert!(
        removed
            .iter()
            .any(|r| r.as_str().unwrap().contains("온라인카지노"))
    );
    assert_eq!(
        reply.data["visits"][0]["provinces"],
        serde_json::json!(["Heilongjiang"])
    );
}

#[tokio::test]
async fn drafted_outcomes_are_recorded_with_the_visit_and_undone_with_it() {
    let (app, cases, _dir) = app().await;
    let actor = moderator();
    let case = cases.iter().find(|c| c.name.starts_with("012")).unwrap();
    let shown = app.handle(&actor, &draft_request(case, &[])).await.unwrap();
    let drafted = shown.data["outcomes"].as_array().unwrap().len() as i64;
    assert!(drafted >= 1, "{}", shown.data);
    let reply = app
        .handle(&actor, &draft_request(case, &[("confirm", "true")]))
        .await
        .unwrap();
    assert_eq!(
        reply.data["outcomes"].as_array().unwrap().len() as i64,
        drafted
    );
    assert_eq!(count(&app, "outcomes").await, drafted);
    let id = reply.data["outcomes"][0].as_i64().unwrap();
    let outcome = app
        .run_line(&actor, &format!("/outcomes show id:{id}"))
        .await
        .unwrap();
    assert_eq!(outcome.data["kind"], "MOU", "{}", outcome.data);
    assert_eq!(outcome.data["status"], "signed");
    assert_eq!(
        outcome.data["links"][0]["entity"], "visit",
        "{}",
        outcome.data
    );
    assert_eq!(
        outcome.data["links"][0]["id"], reply.data["visits"][0],
        "linked to its visit"
    );
    // The same report again, forced as a new visit: its outcome repeats the one on record
    // and is skipped, named.
    let again = app
        .handle(
            &actor,
            &draft_request(case, &[("confirm", "true"), ("force", "true")]),
        )
        .await
        .unwrap();
    assert!(
        again.text.unwrap().contains(&format!("outcome #{id}")),
        "the repeat is named"
    );
    assert_eq!(count(&app, "outcomes").await, drafted);
    app.run_line(&actor, "/data undo").await.unwrap();
    app.run_line(&actor, "/data undo").await.unwrap();
    assert_eq!(count(&app, "outcomes").await, 0);
}

#[tokio::test]
async fn a_visit_on_record_and_no_link_says_so_rather_than_claim_a_source() {
    let (app, cases, _dir) = app().await;
    let actor = moderator();
    app.run_line(
        &actor,
        "/record visit add province:Hainan start:2024-05-30 leader:\"Liu Xiaoming\"",
    )
    .await
    .unwrap();
    let case = cases.iter().find(|c| c.name.starts_with("001")).unwrap();
    let reply = app
        .handle(&actor, &draft_request(case, &[("confirm", "true")]))
        .await
        .unwrap();
    let text = reply.text.unwrap();
    assert!(text.contains("already on record as visit #1"), "{text}");
    assert!(!text.contains("added as a source"), "{text}");
    assert_eq!(reply.data["sources_added_to"], serde_json::json!([]));
    assert_eq!(count(&app, "visits").await, 1);
}

/// A visit announced for later is drafted with its dates, and Confirm records it only once
/// it has begun, or now as a planned visit with force:true.
#[tokio::test]
async fn an_announced_visit_is_recorded_once_begun_or_when_forced() {
    let (app, _cases, _dir) = app().await;
    let actor = moderator();
    let start = delegation_bot::clock::today() + chrono::Days::new(20);
    let end = start + chrono::Days::new(2);
    let text = format!(
        "Hubei governor to lead delegation to Korea\n\nA Hubei Province delegation led by Governor Wang Zhonglin will visit Seoul from {} to {}, the provincial government said.",
        start.format("%B %-d, %Y"),
        end.format("%B %-d, %Y")
    );
    let build = |extra: &[(&str, &str)]| {
        let mut raw = vec![
            ("text".to_string(), text.clone()),
            (
                "published".to_string(),
                delegation_bot::clock::today().to_string(),
            ),
        ];
        raw.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        Request::build(catalog::spec(CommandId::RecordDraft), raw).unwrap()
    };
    let draft = app.handle(&actor, &build(&[])).await.unwrap();
    let data = draft.data;
    assert_eq!(data["visits"][0]["start"], start.to_string(), "{data}");
    let visits = count(&app, "visits").await;
    let refused = app
        .handle(&actor, &build(&[("confirm", "true")]))
        .await
        .unwrap_err();
    let said = format!("{refused:?}");
    assert!(said.contains("draft-visit-not-begun"), "{said}");
    assert_eq!(count(&app, "visits").await, visits, "nothing written");
    app.handle(&actor, &build(&[("confirm", "true"), ("force", "true")]))
        .await
        .unwrap();
    assert_eq!(count(&app, "visits").await, visits + 1);
}
