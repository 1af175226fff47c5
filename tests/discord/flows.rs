//! What members go through: paging, confirming, importing, the edit form, exports, and
//! errors that always end ephemeral, every first answer within Discord's 3 seconds.

use serde_json::json;

use super::fake::*;
use super::{
    EPHEMERAL, edit_path, followup_path, next_page_button, seed_visits, seen, setup, start,
    total_visits,
};

#[tokio::test]
async fn next_button_shows_page_two() {
    let dir = tempfile::tempdir().unwrap();
    seed_visits(dir.path(), "Jiangsu", "2023-03", 15);
    let (fake, _bot) = start(dir.path()).await;
    let next = next_page_button(&fake, &[]).await;
    assert!(next.ends_with(":2"), "{next}");
    let page2 = seen(&fake, button(Who::Member, &next)).await;
    assert_eq!(
        page2.callback["type"], 6,
        "the click is acknowledged, then the message edited"
    );
    let embed = &page2.body["embeds"][0];
    assert!(
        embed["footer"]["text"]
            .as_str()
            .unwrap()
            .contains("page 2 of 2"),
        "{embed}"
    );
    assert!(
        embed["description"]
            .as_str()
            .unwrap()
            .contains("2023-03-05")
    );
}

/// A saved request used to be a command line parsed again, which broke on a value with both
/// kinds of quote ("A quote is not closed"); it is JSON now.
#[tokio::test]
async fn a_name_with_both_quotes_pages_with_next() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    ask(
        dir.path(),
        &[
            "ask",
            "/record official add name:\"Kim Danny ONeil\" country:Korea",
        ],
    );
    for day in 1..=12 {
        ask(
            dir.path(),
            &[
                "ask",
                &format!(
                    "/record meeting add date:2023-01-{day:02} officials:\"Kim Danny ONeil; Oh Se-hoon\""
                ),
            ],
        );
    }
    let (fake, _bot) = start(dir.path()).await;
    let name = json!("Kim \"Danny\" O'Neil");
    let first = seen(
        &fake,
        command(Who::Member, &["official", "history"], &[("name", name)]),
    )
    .await;
    assert!(first.title().contains("Kim Danny ONeil"), "{}", first.body);
    let next = first.custom_id(0, 1);
    let page2 = seen(&fake, button(Who::Member, &next)).await;
    let footer = page2.body["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(footer.contains("page 2 of 2"), "{}", page2.body);
}

#[tokio::test]
async fn page_buttons_keep_working_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    seed_visits(dir.path(), "Hainan", "2023-04", 12);
    let (fake, bot) = start(dir.path()).await;
    let next = next_page_button(&fake, &[]).await;
    drop(bot);
    let _bot = spawn_bot(dir.path(), &fake);
    fake.wait_identified(2).await;
    let page2 = seen(&fake, button(Who::Member, &next)).await;
    let footer = page2.body["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(footer.contains("page 2 of 2"), "{}", page2.body);
    assert!(
        dir.path().join("bot.state.db").exists(),
        "button state beside the database"
    );
}

#[tokio::test]
async fn deletes_ask_for_confirmation() {
    let s = setup().await;
    let ask_first = seen(
        &s.fake,
        command(
            Who::Moderator,
            &["record", "visit", "delete"],
            &[("id", json!(2)), ("meetings", json!("unlink"))],
        ),
    )
    .await;
    assert_eq!(ask_first.callback["data"]["flags"], EPHEMERAL);
    assert!(
        ask_first.content().starts_with("Really")
            && ask_first.content().contains("unlinking its 2 meetings"),
        "the question says what goes: {}",
        ask_first.body
    );
    let confirm = ask_first.custom_id(0, 0);
    assert_eq!(
        total_visits(s.dir.path()),
        2,
        "nothing is deleted before the click"
    );
    let other = seen(&s.fake, button(Who::Admin, &confirm)).await;
    assert!(
        other.ephemeral && other.content().contains("Only the person who asked"),
        "{}",
        other.body
    );
    let click = ephemeral_button(Who::Moderator, &confirm);
    let token = click["token"].as_str().unwrap().to_string();
    let applying = seen(&s.fake, click).await;
    assert_eq!(applying.callback["type"], 6);
    assert_eq!(applying.content(), "Applying…");
    let done = s
        .fake
        .edit_matching(&token, |m| {
            m["embeds"][0]["title"]
                .as_str()
                .is_some_and(|t| t.contains("deleted"))
        })
        .await;
    assert_eq!(
        done.payload().json["components"],
        json!([]),
        "no buttons left to click"
    );
    assert_eq!(total_visits(s.dir.path()), 1);
    // A second click must not apply the change twice.
    let again = seen(&s.fake, ephemeral_button(Who::Moderator, &confirm)).await;
    assert!(again.content().contains("expired"), "{}", again.body);
    assert_eq!(total_visits(s.dir.path()), 1);
}

#[tokio::test]
async fn imports_take_an_attachment_preview_then_apply() {
    let s = setup().await;
    let csv = b"province,start,places\nShandong,2024-07-03,Incheon\n";
    let url = s.fake.host_file("new.csv", csv);
    let i = command_with_file(
        Who::Moderator,
        &["data", "import"],
        "file",
        "new.csv",
        &url,
        csv.len(),
    );
    let preview = seen(&s.fake, i).await;
    assert_eq!(
        preview.callback["data"]["flags"], EPHEMERAL,
        "moderator check, then an ephemeral deferral"
    );
    assert!(preview.title().contains("Preview"), "{}", preview.body);
    assert_eq!(total_visits(s.dir.path()), 2);
    // The upload waits for Apply with the button's state, not in a temporary folder.
    let state = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        s.dir.path().join("bot.state.db").display()
    ))
    .await
    .unwrap();
    let kept: Vec<u8> =
        sqlx::query_scalar("SELECT file_bytes FROM saved_requests WHERE file_name = 'new.csv'")
            .fetch_one(&state)
            .await
            .unwrap();
    assert_eq!(kept, csv);
    state.close().await;
    let click = ephemeral_button(Who::Moderator, &preview.custom_id(0, 0));
    let token = click["token"].as_str().unwrap().to_string();
    assert_eq!(s.fake.reply(click).await["type"], 6);
    s.fake
        .edit_matching(&token, |m| {
            m["embeds"][0]["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Imported"))
        })
        .await;
    assert_eq!(total_visits(s.dir.path()), 3);
}

#[tokio::test]
async fn a_long_import_preview_comes_whole_as_a_file() {
    let s = setup().await;
    let mut csv = String::from("province,start\n");
    for i in 0..80 {
        csv.push_str(&format!("Nowhere{i},2024-07-03\n"));
    }
    let url = s.fake.host_file("bad.csv", csv.as_bytes());
    let i = command_with_file(
        Who::Moderator,
        &["data", "import"],
        "file",
        "bad.csv",
        &url,
        csv.len(),
    );
    let token = i["token"].as_str().unwrap().to_string();
    let preview = seen(&s.fake, i).await;
    assert!(preview.title().contains("Preview"), "{}", preview.body);
    let edit = s
        .fake
        .wait_for("the preview's edit", |r| r.path == edit_path(&token))
        .await
        .payload();
    let (_, details) = edit
        .files
        .iter()
        .find(|(n, _)| n == "details.csv")
        .expect("the whole table as a file");
    let text = String::from_utf8_lossy(details);
    for i in [2, 40, 81] {
        assert!(text.contains(&format!("line {i},")), "line {i}: {text}");
    }
    assert!(
        preview.body["components"]
            .as_array()
            .is_none_or(|c| c.is_empty()),
        "no Apply for a file with refused rows"
    );
}

#[tokio::test]
async fn attachments_that_cannot_be_downloaded_are_refused_plainly() {
    let s = setup().await;
    let missing = format!("{}/files/gone.csv", s.fake.base);
    let gone = seen(
        &s.fake,
        command_with_file(
            Who::Moderator,
            &["data", "import"],
            "file",
            "gone.csv",
            &missing,
            40,
        ),
    )
    .await;
    assert!(
        gone.ephemeral && gone.content().contains("HTTP 404"),
        "{}",
        gone.body
    );
    let csv = b"province,start\nShandong,2024-07-03\nShandong,2024-07-04\n";
    let url = s.fake.host_file("lies.csv", csv);
    let lies = seen(
        &s.fake,
        command_with_file(
            Who::Moderator,
            &["data", "import"],
            "file",
            "lies.csv",
            &url,
            10,
        ),
    )
    .await;
    assert!(
        lies.content().contains("larger than Discord said"),
        "{}",
        lies.body
    );
    let huge = seen(
        &s.fake,
        command_with_file(
            Who::Moderator,
            &["data", "import"],
            "file",
            "huge.csv",
            &url,
            30_000_000,
        ),
    )
    .await;
    assert!(huge.content().contains("at most"), "{}", huge.body);
    assert_eq!(total_visits(s.dir.path()), 2);
}

/// `/record visit edit id:1` alone: the form Discord shows (a type 9 callback).
async fn edit_form(fake: &FakeDiscord) -> serde_json::Value {
    let i = command(
        Who::Moderator,
        &["record", "visit", "edit"],
        &[("id", json!(1))],
    );
    let r = fake.reply(i).await;
    assert_eq!(r["type"], 9, "a modal");
    r
}

#[tokio::test]
async fn visit_edit_without_fields_opens_a_prefilled_form() {
    let s = setup().await;
    let r = edit_form(&s.fake).await;
    let rows = r["data"]["components"].as_array().unwrap();
    assert_eq!(rows[0]["components"][0]["value"], "2024-05-29");
    let custom_id = r["data"]["custom_id"].as_str().unwrap().to_string();
    let fields = [
        ("start", "2024-05-29"),
        ("end", ""),
        ("places", "Jeju, Seoul"),
        ("purpose", "Jeju Forum"),
        ("size", ""),
    ];
    let done = seen(&s.fake, modal_submit(Who::Moderator, &custom_id, &fields)).await;
    assert_eq!(
        done.callback["type"], 5,
        "a form that writes is acknowledged first"
    );
    assert!(
        done.ephemeral && done.title().contains("updated"),
        "{}",
        done.body
    );
    let shown = ask(s.dir.path(), &["ask", "--json", "/visits show id:1"]);
    assert_eq!(shown["data"]["purpose"], "Jeju Forum");
    assert!(
        shown["data"]["end"].is_null() && shown["data"]["size"].is_null(),
        "emptied fields are cleared: {shown}"
    );
}

#[tokio::test]
async fn a_form_submitted_after_someone_elses_edit_is_refused() {
    let s = setup().await;
    let r = edit_form(&s.fake).await;
    let custom_id = r["data"]["custom_id"].as_str().unwrap().to_string();
    ask(s.dir.path(), &["ask", "/record visit edit id:1 size:44"]);
    let fields = [
        ("start", "2024-05-29"),
        ("end", "2024-05-31"),
        ("places", "Jeju, Seoul"),
        ("purpose", "Changed"),
        ("size", "44"),
    ];
    let done = seen(&s.fake, modal_submit(Who::Moderator, &custom_id, &fields)).await;
    assert!(
        done.ephemeral && done.content().contains("changed since version"),
        "{}",
        done.body
    );
    let shown = ask(s.dir.path(), &["ask", "--json", "/visits show id:1"]);
    assert_ne!(shown["data"]["purpose"], "Changed");
}

#[tokio::test]
async fn malformed_options_get_an_ephemeral_error_at_once() {
    let s = setup().await;
    let bad = [
        ("province", json!("Hainan")),
        ("start", json!("2024-02-30")),
    ];
    let r = seen(
        &s.fake,
        command(Who::Moderator, &["record", "visit", "add"], &bad),
    )
    .await;
    assert_eq!(r.callback["type"], 4);
    assert!(
        r.ephemeral && r.content().contains("not a real calendar date"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn an_error_after_a_public_deferral_ends_ephemeral() {
    let s = setup().await;
    let i = command(
        Who::Member,
        &["visits", "monthly"],
        &[("province", json!("Atlantis"))],
    );
    let token = i["token"].as_str().unwrap().to_string();
    let r = seen(&s.fake, i).await;
    assert_eq!(r.callback["type"], 5);
    assert_eq!(
        r.callback["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL,
        0,
        "a report answers the channel"
    );
    assert!(
        r.ephemeral,
        "the error is an ephemeral follow-up: {}",
        r.body
    );
    assert!(r.content().contains("Atlantis"), "{}", r.body);
    let requests = s.fake.requests();
    let deleted = requests
        .iter()
        .position(|q| q.method == "DELETE" && q.path == edit_path(&token));
    let told = requests
        .iter()
        .position(|q| q.method == "POST" && q.path == followup_path(&token));
    assert!(
        deleted.is_some() && deleted < told,
        "the public placeholder goes first"
    );
    assert!(
        !requests
            .iter()
            .any(|q| q.method == "PATCH" && q.path == edit_path(&token)),
        "nothing public"
    );
}

#[tokio::test]
async fn export_replies_with_a_file_only_to_the_asker() {
    let s = setup().await;
    let values = [("what", json!("visits")), ("format", json!("csv"))];
    let r = seen(&s.fake, command(Who::Member, &["export"], &values)).await;
    assert_eq!(r.callback["type"], 5);
    assert!(r.ephemeral);
    let files = s
        .fake
        .requests()
        .into_iter()
        .filter(|q| q.method == "PATCH")
        .flat_map(|q| q.payload().files)
        .collect::<Vec<_>>();
    let (name, bytes) = files
        .iter()
        .find(|(n, _)| n.ends_with(".csv"))
        .expect("a CSV attachment");
    assert!(name.starts_with("visits-"));
    assert!(String::from_utf8_lossy(bytes).starts_with("\u{feff}id,version,province,"));
}

/// A failed acknowledgement means Discord shows "This interaction failed": the change is then
/// not made at all, rather than made behind the member's back.
#[tokio::test]
async fn failing_callbacks_neither_crash_the_bot_nor_write_behind_the_members_back() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    for (status, day) in [(500u16, "2024-09-01"), (429, "2024-10-01")] {
        s.fake.fail_callbacks(&[status]);
        let values = [("province", json!("Gansu")), ("start", json!(day))];
        let r = s
            .fake
            .interact(command(
                Who::Moderator,
                &["record", "visit", "add"],
                &values,
            ))
            .await;
        assert_eq!(r.status, status);
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        total_visits(s.dir.path()),
        before,
        "no write without an acknowledgement"
    );
    let values = [("province", json!("Gansu")), ("start", json!("2024-11-01"))];
    let added = seen(
        &s.fake,
        command(Who::Moderator, &["record", "visit", "add"], &values),
    )
    .await;
    assert!(
        added.title().contains("added"),
        "the bot still answers: {}",
        added.body
    );
    assert_eq!(total_visits(s.dir.path()), before + 1, "written once");
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(
        log.contains("answering the interaction failed"),
        "the failure is logged: {log}"
    );
}

#[tokio::test]
async fn serve_and_ask_write_one_file_at_the_same_time() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    let dir = s.dir.path().to_path_buf();
    let console = std::thread::spawn(move || {
        (1..=10)
            .map(|day| {
                ask(
                    &dir,
                    &[
                        "ask",
                        "--json",
                        &format!("/record visit add province:Yunnan start:2019-01-{day:02}"),
                    ],
                )
            })
            .filter(|v| v["ok"] == true)
            .count()
    });
    for day in 1..=10 {
        let values = [
            ("province", json!("Yunnan")),
            ("start", json!(format!("2019-02-{day:02}"))),
        ];
        let r = seen(
            &s.fake,
            command(Who::Moderator, &["record", "visit", "add"], &values),
        )
        .await;
        assert!(r.title().contains("added"), "{}", r.body);
    }
    assert_eq!(console.join().unwrap(), 10, "every console write succeeded");
    assert_eq!(total_visits(s.dir.path()), before + 20, "no write lost");
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(!log.contains("locked"), "{log}");
}

/// Issue 12 through Discord: an outcome typed as options, shown to the channel with its
/// amount grouped, deleted only after the confirmation.
#[tokio::test]
async fn an_outcome_is_recorded_shown_and_deleted_after_confirmation() {
    let s = setup().await;
    let added = seen(
        &s.fake,
        command(
            Who::Moderator,
            &["outcome", "add"],
            &[
                ("kind", json!("MOU")),
                ("title", json!("Workation MOU")),
                ("date", json!("2024-06")),
                ("province", json!("Jiangsu")),
                ("amount", json!("15억")),
                ("currency", json!("KRW")),
            ],
        ),
    )
    .await;
    assert!(added.ephemeral, "{}", added.body);
    assert_eq!(added.title(), "Outcome #1 added", "{}", added.body);
    let shown = seen(
        &s.fake,
        command(Who::Member, &["outcomes", "show"], &[("id", json!(1))]),
    )
    .await;
    assert!(!shown.ephemeral);
    assert!(
        shown.body["embeds"][0]
            .to_string()
            .contains("KRW 1,500,000,000"),
        "{}",
        shown.body
    );
    let ask_first = seen(
        &s.fake,
        command(Who::Moderator, &["outcome", "delete"], &[("id", json!(1))]),
    )
    .await;
    assert!(
        ask_first.content().starts_with("Really delete outcome #1?"),
        "{}",
        ask_first.body
    );
    let outcomes = |dir: &std::path::Path| {
        ask(dir, &["ask", "--json", "/outcomes list"])["data"]["total"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(
        outcomes(s.dir.path()),
        1,
        "nothing deleted before the click"
    );
    let click = ephemeral_button(Who::Moderator, &ask_first.custom_id(0, 0));
    let token = click["token"].as_str().unwrap().to_string();
    seen(&s.fake, click).await;
    s.fake
        .edit_matching(&token, |m| {
            m["embeds"][0]["title"]
                .as_str()
                .is_some_and(|t| t.contains("deleted"))
        })
        .await;
    assert_eq!(outcomes(s.dir.path()), 0);
}
