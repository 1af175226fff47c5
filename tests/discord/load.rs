//! The bot under the long jobs real teams run: a 20,000-row import while others keep using
//! it, an export of 100,000 visits, and many members at once. Every first answer is within
//! Discord's 3 seconds because the strict fake refuses a late one (and fails the test); no
//! test here depends on how fast the import or the export is.

use std::io::Read as _;

use serde_json::{Value, json};

use super::fake::*;
use super::{next_page_button, seed_visits, seen, start, total_visits};

const PROVINCES: [&str; 20] = [
    "Beijing",
    "Tianjin",
    "Hebei",
    "Shanxi",
    "Liaoning",
    "Jilin",
    "Heilongjiang",
    "Shanghai",
    "Jiangsu",
    "Zhejiang",
    "Anhui",
    "Fujian",
    "Jiangxi",
    "Shandong",
    "Henan",
    "Hubei",
    "Hunan",
    "Guangdong",
    "Guangxi",
    "Hainan",
];

/// `n` one-day visits, no two from one province on the same day, from 2001 on.
fn import_file(n: usize) -> String {
    let first = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap();
    let mut csv = String::from("province,start,places,purpose\n");
    for i in 0..n {
        let day = first + chrono::Days::new((i / PROVINCES.len()) as u64);
        csv.push_str(&format!(
            "{},{day},Seoul,Trade talks {i}\n",
            PROVINCES[i % PROVINCES.len()]
        ));
    }
    csv
}

fn title_starts(m: &Value, prefix: &str) -> bool {
    m["embeds"][0]["title"]
        .as_str()
        .is_some_and(|t| t.starts_with(prefix))
}

/// Another member's multi-page list and its Next button, and a moderator's new visit: each
/// acknowledged within the deadline. Returns the new visit's token: its answer comes once
/// the write has had its turn.
async fn others_meanwhile(fake: &FakeDiscord, day: &str) -> String {
    let next = next_page_button(fake, &[]).await;
    let page2 = seen(fake, button(Who::Member, &next)).await;
    assert!(
        page2.body["embeds"][0]["footer"]["text"]
            .to_string()
            .contains("page 2"),
        "{}",
        page2.body
    );
    let add = command(
        Who::Moderator,
        &["record", "visit", "add"],
        &[("province", json!("Hainan")), ("start", json!(day))],
    );
    let token = add["token"].as_str().unwrap().to_string();
    assert_eq!(
        fake.reply(add).await["type"],
        5,
        "acknowledged before waiting for its turn"
    );
    token
}

#[tokio::test]
async fn a_20000_row_import_keeps_every_deadline_while_others_read_and_write() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    seed_visits(dir.path(), "Jiangsu", "2023-03", 15);
    let before = total_visits(dir.path());
    let (fake, _bot) = start(dir.path()).await;
    let csv = import_file(20_000);
    assert!(csv.len() < ATTACHMENT_SIZE_LIMIT);
    let url = fake.host_file("visits-20000.csv", csv.as_bytes());
    let import = command_with_file(
        Who::Moderator,
        &["data", "import"],
        "file",
        "visits-20000.csv",
        &url,
        csv.len(),
    );
    let token = import["token"].as_str().unwrap().to_string();
    let ack = fake.reply(import).await;
    assert_eq!(
        (ack["type"].as_u64(), ack["data"]["flags"].as_u64()),
        (Some(5), Some(64))
    );
    // The preview is the whole import rolled back: others go on meanwhile.
    let mut adds = vec![others_meanwhile(&fake, "2022-01-01").await];
    let preview = fake
        .edit_matching(&token, |m| title_starts(m, "Preview"))
        .await
        .payload()
        .json;
    assert!(
        preview["embeds"][0]["description"]
            .to_string()
            .contains("20000 records read"),
        "{preview}"
    );
    let apply = preview["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap();
    let click = ephemeral_button(Who::Moderator, apply);
    let apply_token = click["token"].as_str().unwrap().to_string();
    assert_eq!(fake.reply(click).await["type"], 6, "Apply answers at once");
    adds.push(others_meanwhile(&fake, "2022-01-02").await);
    let done = fake
        .edit_matching(&apply_token, |m| title_starts(m, "Imported"))
        .await;
    // Progress edits (if the import reports any) come between "Applying…" and the summary,
    // never after it.
    let path = super::edit_path(&apply_token);
    let edits: Vec<Value> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PATCH" && r.path == path)
        .map(|r| r.payload().json)
        .collect();
    assert_eq!(edits[0]["content"], "Applying…");
    assert_eq!(
        edits.last(),
        Some(&done.payload().json),
        "the summary is the last word"
    );
    for e in &edits[1..edits.len() - 1] {
        assert!(
            e["content"].as_str().unwrap_or_default().contains(" rows "),
            "{e}"
        );
    }
    for add in adds {
        fake.edit_matching(&add, |m| title_starts(m, "Visit #"))
            .await;
    }
    assert_eq!(total_visits(dir.path()), before + 20_000 + 2);
}

/// `/export what:all format:csv` on 100,000 visits (about 32 MB of visits and 18 MB of
/// meetings as CSV: over the 10 MiB a file may have and the 25 MiB a request may carry).
#[tokio::test]
async fn exporting_100000_visits_fits_the_upload_limits_or_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    ask(
        dir.path(),
        &["sample", "--synthetic", "100000", "--seed", "1"],
    );
    let (fake, _bot) = start(dir.path()).await;
    let values = [("what", json!("all")), ("format", json!("csv"))];
    let export = command(Who::Member, &["export"], &values);
    let token = export["token"].as_str().unwrap().to_string();
    let answer = seen(&fake, export).await;
    assert!(answer.ephemeral);
    let mut sent = vec![fake.edited_original(&token).await];
    sent.extend(fake.followups(&token));
    let files: Vec<(String, Vec<u8>)> = sent.iter().flat_map(|r| r.payload().files).collect();
    assert_eq!(
        files.len(),
        5,
        "visits, meetings, forums, officials, outcomes"
    );
    assert!(files.iter().all(|(_, b)| b.len() <= ATTACHMENT_SIZE_LIMIT));
    let (name, gz) = files
        .iter()
        .find(|(n, _)| n.starts_with("visits-"))
        .unwrap();
    assert!(name.ends_with(".csv.gz"), "{name}");
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut text)
        .unwrap();
    assert!(
        text.len() > ATTACHMENT_SIZE_LIMIT,
        "compressed because it was over the limit"
    );
    let rows = csv::Reader::from_reader(&text[..]).records().count();
    assert_eq!(rows, 100_000, "every visit is in the file");
    // Where even that cannot fit, the asker is told how to export on the bot's machine.
    let mut small = command(Who::Member, &["export"], &values);
    small["attachment_size_limit"] = json!(1 << 20);
    let small_token = small["token"].as_str().unwrap().to_string();
    let told = seen(&fake, small).await;
    assert!(told.ephemeral, "{}", told.body);
    assert!(told.content().contains("even compressed"), "{}", told.body);
    assert!(
        told.content()
            .contains("delegation-bot export --what all --format csv"),
        "{}",
        told.body
    );
    let path = super::edit_path(&small_token);
    assert!(
        fake.requests()
            .iter()
            .filter(|r| r.path == path)
            .all(|r| r.payload().files.is_empty())
    );
}

#[tokio::test]
async fn many_members_at_once_are_all_answered_and_every_write_lands() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let (fake, _bot) = start(dir.path()).await;
    let before = total_visits(dir.path());
    // 100 interactions dispatched without waiting: 20 members, every fifth one a write.
    let mut tokens = Vec::new();
    for i in 0..100u32 {
        let interaction = if i % 5 == 4 {
            command(
                Who::Many {
                    n: i % 4,
                    moderator: true,
                },
                &["record", "visit", "add"],
                &[
                    ("province", json!("Gansu")),
                    ("start", json!(format!("2020-03-{:02}", 1 + i % 28))),
                    ("force", json!(true)),
                ],
            )
        } else {
            let who = Who::Many {
                n: 4 + i % 16,
                moderator: false,
            };
            match i % 3 {
                0 => command(who, &["visits", "list"], &[]),
                1 => command(who, &["provinces"], &[]),
                _ => command(who, &["search"], &[("text", json!("Jeju"))]),
            }
        };
        tokens.push(interaction["token"].as_str().unwrap().to_string());
        fake.send(interaction);
    }
    for token in &tokens {
        let (edit, followup) = (super::edit_path(token), super::followup_path(token));
        let answer = fake
            .wait_long("every answer", std::time::Duration::from_secs(120), |r| {
                (r.method == "PATCH" && r.path == edit)
                    || (r.method == "POST" && r.path == followup)
            })
            .await;
        let body = answer.payload().json.to_string();
        assert!(!body.contains("went wrong"), "{body}");
        assert!(
            !body.contains("Slow down"),
            "no member hit the rate limit: {body}"
        );
    }
    assert_eq!(
        total_visits(dir.path()),
        before + 20,
        "every write landed once"
    );
}
