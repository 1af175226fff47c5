//! `/record draft` in Discord: a moderator pastes a report (or attaches it, or links it)
//! and sees the draft with its evidence, ephemeral, with Confirm, Edit and Discard; Edit
//! opens a form of the visit's main fields and shows the corrected draft in place; Confirm
//! writes it; Discard leaves nothing; members without rights get nowhere. Every first
//! answer within Discord's 3 seconds (the fake refuses a late one).

use serde_json::{Value, json};

use super::fake::*;
use super::{EPHEMERAL, Seen, seen, start, total_visits};

fn report() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/intake/cases/001-en-hainan-liu-xiaoming-jeju-forum.txt"
    ))
    .unwrap()
}

fn paste(who: Who) -> Value {
    command(
        who,
        &["record", "draft"],
        &[
            ("text", json!(report())),
            ("published", json!("2024-06-01")),
        ],
    )
}

/// The draft's buttons, in order: Confirm, Edit, Discard.
fn buttons(draft: &Seen) -> (String, String, String) {
    let row = &draft.body["components"][0]["components"];
    let labels: Vec<&str> = row
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Confirm", "Edit", "Discard"], "{}", draft.body);
    (
        draft.custom_id(0, 0),
        draft.custom_id(0, 1),
        draft.custom_id(0, 2),
    )
}

fn field<'a>(draft: &'a Seen, name: &str) -> &'a str {
    draft.body["embeds"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no field {name}: {}", draft.body))
}

/// The form's fields, as the member sees them prefilled: (custom_id, value).
fn form_values(form: &Value) -> Vec<(String, String)> {
    form["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let input = &row["components"][0];
            (
                input["custom_id"].as_str().unwrap().to_string(),
                input["value"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_moderator_drafts_a_report_edits_it_and_confirms() {
    let dir = tempfile::tempdir().unwrap();
    let (fake, _bot) = start(dir.path()).await;
    let draft = seen(&fake, paste(Who::Moderator)).await;
    assert_eq!(draft.callback["type"], 5, "acknowledged before drafting");
    assert_eq!(draft.callback["data"]["flags"], EPHEMERAL);
    assert!(draft.ephemeral);
    assert_eq!(draft.title(), "Draft: Hainan visit, 2024-05-29");
    let visit = field(&draft, "Visit 1");
    assert!(
        visit.contains("Liu Xiaoming") && visit.contains("Jeju, Seoul"),
        "{visit}"
    );
    assert!(
        visit.contains("May 29 to 31"),
        "the evidence is quoted: {visit}"
    );
    assert!(field(&draft, "Meetings").contains("Oh Young-hun"));
    let (confirm, edit, _) = buttons(&draft);
    assert_eq!(
        total_visits(dir.path()),
        0,
        "nothing is written before Confirm"
    );

    // Edit: the form is the first answer to the click, prefilled with the drafted visit.
    let form = fake.reply(ephemeral_button(Who::Moderator, &edit)).await;
    assert_eq!(form["type"], 9, "{form}");
    let shown = form_values(&form);
    assert_eq!(
        shown,
        [
            ("province", "Hainan"),
            ("start", "2024-05-29"),
            ("end", "2024-05-31"),
            ("leader", "Liu Xiaoming"),
            ("places", "Jeju, Seoul"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    let custom_id = form["data"]["custom_id"].as_str().unwrap().to_string();
    let sent = [
        ("province", "Hainan"),
        ("start", "2024-05-28"),
        ("end", "2024-05-31"),
        ("leader", "Liu Xiaoming"),
        ("places", "제주"),
    ];
    let edited = seen(
        &fake,
        modal_submit_on_ephemeral(Who::Moderator, &custom_id, &sent),
    )
    .await;
    assert_eq!(
        edited.callback["type"], 6,
        "the draft's message is updated in place"
    );
    assert_eq!(
        edited.title(),
        "Draft: Hainan visit, 2024-05-28",
        "{}",
        edited.body
    );
    let visit = field(&edited, "Visit 1");
    assert!(
        visit.contains("places: Jeju") && !visit.contains("Seoul"),
        "{visit}"
    );
    assert!(field(&edited, "Check").contains("Corrected by hand: start, places"));
    let (new_confirm, _, _) = buttons(&edited);
    assert_ne!(new_confirm, confirm);
    // The old draft's Confirm is gone with it.
    let stale = seen(&fake, ephemeral_button(Who::Moderator, &confirm)).await;
    assert!(stale.content().contains("expired"), "{}", stale.body);
    assert_eq!(total_visits(dir.path()), 0);

    // Confirm writes the draft as last shown, in one change.
    let click = ephemeral_button(Who::Moderator, &new_confirm);
    let token = click["token"].as_str().unwrap().to_string();
    let applying = seen(&fake, click).await;
    assert_eq!(applying.callback["type"], 6);
    let done = fake
        .edit_matching(&token, |m| m["embeds"][0]["title"] == "Draft recorded")
        .await;
    assert_eq!(
        done.payload().json["components"],
        json!([]),
        "no buttons left"
    );
    let shown = ask(dir.path(), &["ask", "--json", "/visits show id:1"]);
    assert_eq!(shown["data"]["start"], "2024-05-28", "{shown}");
    assert_eq!(shown["data"]["end"], "2024-05-31", "{shown}");
    assert_eq!(shown["data"]["places"], json!(["Jeju"]), "{shown}");
    assert_eq!(shown["data"]["leader"], "Liu Xiaoming", "{shown}");
    let history = ask(
        dir.path(),
        &["ask", "--json", "/official history name:\"Oh Young-hun\""],
    );
    assert_eq!(
        history["ok"], true,
        "proposed officials are added: {history}"
    );
    // One /data undo by the same moderator takes it all back.
    let undo = seen(&fake, command(Who::Moderator, &["data", "undo"], &[])).await;
    assert!(
        undo.title().to_lowercase().contains("undo"),
        "{}",
        undo.body
    );
    assert_eq!(total_visits(dir.path()), 0, "one undo takes it all back");
}

#[tokio::test]
async fn a_refused_correction_keeps_the_draft_and_discard_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (fake, _bot) = start(dir.path()).await;
    // The report as an attached file this time.
    let text = report();
    let url = fake.host_file("report.txt", text.as_bytes());
    let mut attach = command_with_file(
        Who::Moderator,
        &["record", "draft"],
        "file",
        "report.txt",
        &url,
        text.len(),
    );
    attach["data"]["options"][0]["options"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "published", "type": 3, "value": "2024-06-01"}));
    let draft = seen(&fake, attach).await;
    assert!(draft.ephemeral);
    assert_eq!(
        draft.title(),
        "Draft: Hainan visit, 2024-05-29",
        "{}",
        draft.body
    );
    let (confirm, edit, discard) = buttons(&draft);

    // Someone else cannot open the form (nor Confirm, nor Discard).
    let other = fake.reply(ephemeral_button(Who::Admin, &edit)).await;
    assert_eq!(other["type"], 4, "{other}");
    assert_eq!(other["data"]["flags"], EPHEMERAL);
    assert!(
        other["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Only the person who asked"),
        "{other}"
    );
    let other = seen(&fake, ephemeral_button(Who::Admin, &confirm)).await;
    assert!(
        other.content().contains("Only the person who asked"),
        "{}",
        other.body
    );

    // A place that does not exist: said privately, the draft stays with its buttons.
    let form = fake.reply(ephemeral_button(Who::Moderator, &edit)).await;
    let custom_id = form["data"]["custom_id"].as_str().unwrap().to_string();
    let mut sent = form_values(&form);
    sent[4].1 = "Atlantis".into();
    let fields: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let submit = modal_submit_on_ephemeral(Who::Moderator, &custom_id, &fields);
    let token = submit["token"].as_str().unwrap().to_string();
    let refused = seen(&fake, submit).await;
    assert_eq!(refused.callback["type"], 6);
    assert!(
        refused.ephemeral && refused.content().contains("Atlantis"),
        "{}",
        refused.body
    );
    assert!(
        fake.requests()
            .iter()
            .all(|r| !(r.method == "PATCH" && r.path == super::edit_path(&token))),
        "the draft's message is left as it was"
    );

    // Discard: nothing written, the buttons gone, Confirm no longer works.
    let click = ephemeral_button(Who::Moderator, &discard);
    let gone = seen(&fake, click).await;
    assert_eq!(gone.callback["type"], 6);
    assert_eq!(gone.content(), "Discarded; nothing was recorded.");
    assert_eq!(gone.body["components"], json!([]));
    let late = seen(&fake, ephemeral_button(Who::Moderator, &confirm)).await;
    assert!(late.content().contains("expired"), "{}", late.body);
    assert_eq!(total_visits(dir.path()), 0);
    let nobody = ask(
        dir.path(),
        &["ask", "--json", "/official show name:\"Liu Xiaoming\""],
    );
    assert_eq!(
        nobody["ok"], false,
        "no proposed official was added: {nobody}"
    );
}

#[tokio::test]
async fn members_without_rights_cannot_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (fake, _bot) = start(dir.path()).await;
    // Discord hides the command from them (default_member_permissions)...
    let hidden = fake.dispatchable(&paste(Who::Member));
    assert!(hidden.is_err(), "a member sees no /record");
    // ...and when a server admin lets them see it, the bot still refuses, at once.
    fake.allow("record", "500000000000000002");
    let refused = seen(&fake, paste(Who::Member)).await;
    assert_eq!(refused.callback["type"], 4);
    assert!(refused.ephemeral);
    assert!(
        refused.content().contains("Only moderators"),
        "{}",
        refused.body
    );
    assert_eq!(total_visits(dir.path()), 0);
}

#[tokio::test]
async fn a_linked_report_is_fetched_once_and_kept_as_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeDiscord::start().await;
    fake.allow_moderators();
    let _bot = spawn_bot_with(dir.path(), &fake, &[("DRAFT_FETCH_ALLOW_LOOPBACK", "1")]);
    fake.wait_identified(1).await;
    let link = fake.host_file("hainan-jeju.txt", report().as_bytes());
    let draft = seen(
        &fake,
        command(
            Who::Moderator,
            &["record", "draft"],
            &[("url", json!(link)), ("published", json!("2024-06-01"))],
        ),
    )
    .await;
    assert_eq!(
        draft.callback["type"], 5,
        "acknowledged before the download"
    );
    assert_eq!(
        draft.title(),
        "Draft: Hainan visit, 2024-05-29",
        "{}",
        draft.body
    );
    let (confirm, _, _) = buttons(&draft);
    // The page changes after the draft was shown (here: into another report).
    let other = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/intake/cases/021-en-shandong-kita-online-forum.txt"
    ))
    .unwrap();
    fake.host_file("hainan-jeju.txt", &other);
    let click = ephemeral_button(Who::Moderator, &confirm);
    let token = click["token"].as_str().unwrap().to_string();
    seen(&fake, click).await;
    fake.edit_matching(&token, |m| m["embeds"][0]["title"] == "Draft recorded")
        .await;
    // Confirm wrote the page as drafted: it was not fetched again.
    let shown = ask(dir.path(), &["ask", "--json", "/visits show id:1"]);
    assert!(
        shown.to_string().contains(&link),
        "the link is the visit's source: {shown}"
    );
}
