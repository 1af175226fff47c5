//! Properties of import and export over generated records: an export imported into an empty
//! database exports the same again; imported back into its own database it changes nothing;
//! and the bulk import stores what the typed commands would.

use delegation_bot::catalog::{self, CommandId};
use delegation_bot::commands::Actor;
use delegation_bot::request::Request;
use proptest::prelude::*;
use serde_json::Value;

use crate::helpers::TestApp;

/// Text as people paste it: quotes of both kinds, separators, formula starts, apostrophes,
/// line breaks, Hangul and Hanzi.
fn tricky() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\"".to_string()),
            Just("'".to_string()),
            Just(",".to_string()),
            Just(";".to_string()),
            Just(" | ".to_string()),
            Just("=".to_string()),
            Just("+".to_string()),
            Just("-".to_string()),
            Just("@".to_string()),
            Just("\n".to_string()),
            Just("서울".to_string()),
            Just("江苏".to_string()),
            "[a-zA-Z0-9 ]{1,6}",
        ],
        1..8,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

const PROVINCES: [&str; 5] = ["Jiangsu", "Hainan", "Shandong", "Liaoning", "Guangdong"];
const PLACES: [&str; 4] = ["Seoul", "Jeju", "Busan", "Incheon"];
const NAMES: [&str; 4] = ["Xin Changxing", "Oh Se-hoon", "Hao Peng", "Kim Dong-yeon"];

#[derive(Debug, Clone)]
enum Step {
    Official {
        name: usize,
        title: String,
        korean: bool,
    },
    Visit {
        provinces: Vec<usize>,
        day: u32,
        month_only: bool,
        leader: Option<usize>,
        purpose: String,
        source_title: Option<String>,
        places: Vec<usize>,
    },
    Meeting {
        visit: usize,
        people: Vec<usize>,
        summary: String,
    },
    Forum {
        name: String,
        visit: Option<usize>,
        day: u32,
    },
    DeleteVisit(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..NAMES.len(), tricky(), any::<bool>()).prop_map(|(name, title, korean)| {
            Step::Official {
                name,
                title,
                korean,
            }
        }),
        (
            proptest::collection::vec(0..PROVINCES.len(), 1..3),
            1u32..28,
            any::<bool>(),
            proptest::option::of(0..NAMES.len()),
            tricky(),
            proptest::option::of(tricky()),
            proptest::collection::vec(0..PLACES.len(), 0..3),
        )
            .prop_map(
                |(provinces, day, month_only, leader, purpose, source_title, places)| Step::Visit {
                    provinces,
                    day,
                    month_only,
                    leader,
                    purpose,
                    source_title,
                    places,
                }
            ),
        (
            0..6usize,
            proptest::collection::vec(0..NAMES.len(), 1..3),
            tricky()
        )
            .prop_map(|(visit, people, summary)| Step::Meeting {
                visit,
                people,
                summary
            }),
        (tricky(), proptest::option::of(0..6usize), 1u32..28)
            .prop_map(|(name, visit, day)| Step::Forum { name, visit, day }),
        (0..6usize).prop_map(Step::DeleteVisit),
    ]
}

/// Runs one command built from option values (the Discord path: no console quoting), and
/// ignores refusals (an unknown official, a visit that does not exist).
async fn run(t: &TestApp, who: &Actor, id: CommandId, options: Vec<(&str, String)>) {
    let raw = options
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    if let Ok(req) = Request::build(catalog::spec(id), raw) {
        let _ = t.app.handle(who, &req).await;
    }
}

async fn apply(t: &TestApp, steps: &[Step]) {
    let who = &t.moderator;
    for (i, name) in NAMES.iter().enumerate() {
        let country = if i % 2 == 1 { "Korea" } else { "China" };
        run(
            t,
            who,
            CommandId::OfficialAdd,
            vec![("name", name.to_string()), ("country", country.into())],
        )
        .await;
    }
    for s in steps {
        match s.clone() {
            Step::Official {
                name,
                title,
                korean,
            } => {
                let country = if korean { "Korea" } else { "China" };
                run(
                    t,
                    who,
                    CommandId::OfficialEdit,
                    vec![
                        ("name", NAMES[name].into()),
                        ("country", country.into()),
                        ("title", title),
                    ],
                )
                .await
            }
            Step::Visit {
                provinces,
                day,
                month_only,
                leader,
                purpose,
                source_title,
                places,
            } => {
                let mut o = vec![
                    (
                        "province",
                        provinces
                            .iter()
                            .map(|p| PROVINCES[*p])
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    (
                        "start",
                        if month_only {
                            "2024-03".into()
                        } else {
                            format!("2024-03-{day:02}")
                        },
                    ),
                    ("purpose", purpose),
                    ("force", "true".into()),
                    ("source", format!("https://example.org/{day}")),
                ];
                if let Some(l) = leader {
                    o.push(("leader", NAMES[l].into()));
                }
                if let Some(t) = source_title {
                    o.push(("source_title", t.replace('\n', " ")));
                }
                if !places.is_empty() {
                    o.push((
                        "places",
                        places
                            .iter()
                            .map(|p| PLACES[*p])
                            .collect::<Vec<_>>()
                            .join(", "),
                    ));
                }
                run(t, who, CommandId::VisitAdd, o).await
            }
            Step::Meeting {
                visit,
                people,
                summary,
            } => {
                let names: Vec<&str> = people.iter().map(|p| NAMES[*p]).collect();
                run(
                    t,
                    who,
                    CommandId::MeetingAdd,
                    vec![
                        ("date", "2024-03".into()),
                        ("officials", names.join("; ")),
                        ("visit", (visit + 1).to_string()),
                        ("summary", summary),
                        ("force", "true".into()),
                    ],
                )
                .await
            }
            Step::Forum { name, visit, day } => {
                let mut o = vec![
                    ("name", name.replace('\n', " ")),
                    ("kind", "conference".into()),
                    ("start", format!("2024-03-{day:02}")),
                    ("force", "true".into()),
                ];
                if let Some(v) = visit {
                    o.push(("visit", (v + 1).to_string()));
                }
                run(t, who, CommandId::ForumAdd, o).await
            }
            Step::DeleteVisit(v) => {
                run(
                    t,
                    who,
                    CommandId::VisitDelete,
                    vec![("id", (v + 1).to_string())],
                )
                .await
            }
        }
    }
}

async fn export(t: &TestApp, format: &str) -> Vec<(String, Vec<u8>)> {
    let reply = t
        .run(&format!("/export what:all format:{format}"))
        .await
        .unwrap();
    reply
        .attachments
        .into_iter()
        .map(|a| (a.filename, a.bytes))
        .collect()
}

async fn import_all(t: &TestApp, files: &[(String, Vec<u8>)], apply: bool) -> Vec<Value> {
    let mut out = Vec::new();
    for (name, bytes) in files {
        let path = t.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let confirm = if apply { " confirm:true" } else { "" };
        out.push(
            t.ok(&format!(
                "/data import file:\"{}\"{confirm}",
                path.display()
            ))
            .await,
        );
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn exports_round_trip_and_change_nothing_at_home(steps in proptest::collection::vec(step(), 1..14)) {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
            let source = TestApp::new().await;
            apply(&source, &steps).await;
            for format in ["csv", "json"] {
                let files = export(&source, format).await;
                let target = TestApp::new().await;
                import_all(&target, &files, true).await;
                let again = export(&target, format).await;
                for ((name, a), (_, b)) in files.iter().zip(&again) {
                    assert_eq!(String::from_utf8_lossy(a), String::from_utf8_lossy(b), "{format} {name}");
                }
                for preview in import_all(&source, &files, false).await {
                    for (kind, c) in preview["counts"].as_object().unwrap() {
                        assert_eq!(
                            (c["created"].as_i64(), c["updated"].as_i64(), c["refused"].as_i64()),
                            (Some(0), Some(0), Some(0)),
                            "{format} {kind}: {preview}"
                        );
                    }
                }
            }
        });
    }
}

/// Everything a reader can see, minus the databases' identities.
async fn readout(t: &TestApp) -> Vec<String> {
    let mut out = Vec::new();
    for (_, bytes) in export(t, "csv").await {
        let text = String::from_utf8(bytes).unwrap();
        let identity_free: Vec<String> = text
            .lines()
            .map(|l| l.rsplit_once(',').map_or(l, |(a, _)| a).to_string())
            .collect();
        out.push(identity_free.join("\n"));
    }
    for line in [
        "/stats from:2015-01 to:2024-12",
        "/provinces from:2015-01 to:2024-12",
        "/visits monthly from:2023-01 to:2024-12",
        "/visits monthly from:2023-01 to:2024-12 province:Jiangsu",
        "/search text:batteries",
        "/search text:Seoul",
        "/official history name:\"Oh Se-hoon\"",
    ] {
        out.push(format!("{line}: {}", t.ok(line).await));
    }
    out
}

#[tokio::test]
async fn the_bulk_import_stores_what_typed_commands_would() {
    let mut visits =
        String::from("province,start,end,leader,places,purpose,size,source,source_title\n");
    let mut typed = Vec::new();
    let mut meetings = String::from("date,officials,place,visit,summary\n");
    let mut typed_meetings = Vec::new();
    for i in 0..120u32 {
        let province = PROVINCES[(i % 5) as usize];
        let month = 1 + (i * 7) % 12;
        let (start, end) = (
            format!("2024-{month:02}-{:02}", 1 + i % 20),
            format!("2024-{month:02}-{:02}", 3 + i % 20),
        );
        let leader = if i % 3 == 0 {
            ""
        } else {
            NAMES[(i % 2) as usize * 2]
        };
        let places = PLACES[(i % 4) as usize];
        let purpose = format!("Talks on batteries and \"trade\", round {i}");
        visits.push_str(&format!("{province},{start},{end},{leader},{places},\"{}\",{},https://example.org/{i},Report {i}\n", purpose.replace('"', "\"\""), 5 + i));
        let mut line = format!(
            "/record visit add province:{province} start:{start} end:{end} places:{places} purpose:'{purpose}' size:{} source:https://example.org/{i} source_title:\"Report {i}\" force:true",
            5 + i
        );
        if !leader.is_empty() {
            line.push_str(&format!(" leader:\"{leader}\""));
        }
        typed.push(line);
        if i % 2 == 0 {
            let people = format!("{}; {}", NAMES[1], NAMES[(i % 2) as usize * 2]);
            meetings.push_str(&format!("{start},{people},Seoul,{},Round {i}\n", i + 1));
            typed_meetings.push(format!("/record meeting add date:{start} officials:\"{people}\" place:Seoul visit:{} summary:\"Round {i}\" force:true", i + 1));
        }
    }
    let bulk = TestApp::new().await;
    let by_hand = TestApp::new().await;
    for t in [&bulk, &by_hand] {
        t.ok("/record official add name:\"Xin Changxing\" country:China province:Jiangsu")
            .await;
        t.ok("/record official add name:\"Oh Se-hoon\" country:Korea title:\"Mayor of Seoul\"")
            .await;
        t.ok("/record official add name:\"Hao Peng\" country:China province:Liaoning")
            .await;
    }
    for (name, text) in [("visits.csv", &visits), ("meetings.csv", &meetings)] {
        let path = bulk.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        bulk.ok(&format!(
            "/data import file:\"{}\" confirm:true force:true",
            path.display()
        ))
        .await;
    }
    for line in typed.iter().chain(&typed_meetings) {
        by_hand.ok(line).await;
    }
    let (a, b) = (readout(&bulk).await, readout(&by_hand).await);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
}
