//! The reader's language (issue 22): every message in every language, replies and errors
//! in Korean and Chinese, the catalog's localized names, places named in the reader's
//! language, times with their offset.

use std::collections::{BTreeMap, BTreeSet};

use delegation_bot::catalog::COMMANDS;
use delegation_bot::commands::Actor;
use delegation_bot::console;
use delegation_bot::i18n::{self, Lang};
use delegation_bot::request::Request;

use crate::helpers::TestApp;

/// The `$variables` of each message of a language's files.
fn variables(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let folder = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
    for file in [
        "bot.ftl",
        "replies.ftl",
        "records.ftl",
        "input.ftl",
        "transfer.ftl",
        "posts.ftl",
        "draft.ftl",
    ] {
        let text = std::fs::read_to_string(format!("{folder}/{file}")).unwrap();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ')
                && let Some((id, _)) = line.split_once(" =")
            {
                current = Some(id.trim().to_string());
                out.entry(id.trim().to_string())
                    .or_insert_with(BTreeSet::new);
            }
            if let Some(id) = &current {
                let vars = out.get_mut(id).unwrap();
                for part in line.split("$").skip(1) {
                    let name: String = part
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_message_has_every_language_with_the_same_arguments() {
    let english = variables("en");
    assert!(english.len() > 200, "{} messages", english.len());
    for lang in ["ko", "zh"] {
        let other = variables(lang);
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        for (id, vars) in &english {
            assert_eq!(&other[id], vars, "{lang} {id}: the same arguments");
        }
    }
    for lang in Lang::ALL {
        for id in i18n::ids(Lang::En) {
            assert!(i18n::has(lang, &id), "{lang} {id}");
        }
    }
}

#[test]
fn every_command_option_and_name_is_localized_within_discords_rules() {
    let name_ok = |s: &str| {
        (1..=32).contains(&s.chars().count())
            && s.chars()
                .all(|c| (c == '-' || c == '_' || c.is_alphanumeric()) && c.to_lowercase().eq([c]))
    };
    for (locale, _) in i18n::commands::LOCALES {
        let missing: Vec<String> = i18n::commands::ids()
            .into_iter()
            .filter(|id| !i18n::commands::has(locale, id))
            .collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        for id in i18n::commands::ids() {
            let text = i18n::commands::localizations(&id)
                .into_iter()
                .find(|(l, _)| *l == locale)
                .unwrap()
                .1;
            if id.starts_with("name-") || id.starts_with("arg-") {
                assert!(name_ok(&text), "{locale} {id} = {text}: not a Discord name");
            } else {
                assert!(
                    (1..=100).contains(&text.chars().count()),
                    "{locale} {id}: 1-100 characters"
                );
            }
        }
        // Two options of one command may not share a localized name.
        for c in COMMANDS.iter() {
            let names: BTreeSet<String> = c
                .options
                .iter()
                .map(|o| {
                    i18n::commands::localizations(&format!("arg-{}", o.name))
                        .into_iter()
                        .find(|(l, _)| *l == locale)
                        .unwrap()
                        .1
                })
                .collect();
            assert_eq!(names.len(), c.options.len(), "{locale} {}", c.name());
        }
    }
}

#[test]
fn the_console_takes_localized_command_and_option_names() {
    let ko = Request::parse_line("/방문 월별 시작:2024-01 끝:2024-06").unwrap();
    let en = Request::parse_line("/visits monthly from:2024-01 to:2024-06").unwrap();
    assert_eq!(ko.spec.id, en.spec.id);
    assert_eq!(ko.to_line(), en.to_line());
    let zh = Request::parse_line("/访问 按月 起始：2024-01").unwrap();
    assert_eq!(zh.spec.id, en.spec.id);
    assert_eq!(
        zh.month(delegation_bot::catalog::arg::FROM),
        en.month(delegation_bot::catalog::arg::FROM)
    );
}

/// Runs of English words in a text a person reads: four or more in a row, outside
/// `code`, slash commands and options.
fn english_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut in_code = false;
    for word in text.split(|c: char| c.is_whitespace() || ",.;:()·—".contains(c)) {
        if word.matches('`').count() % 2 == 1 {
            in_code = !in_code;
        }
        let english = !in_code
            && word.len() > 1
            && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
            && !word.starts_with('/');
        if english {
            run.push(word);
        } else {
            if run.len() >= 4 {
                runs.push(run.join(" "));
            }
            run.clear();
        }
    }
    if run.len() >= 4 {
        runs.push(run.join(" "));
    }
    runs
}

#[tokio::test]
async fn replies_to_the_example_questions_are_in_the_readers_language() {
    let t = TestApp::with_sample().await;
    let help = ["/help", "/help visits monthly"];
    let questions = crate::questions::EXAMPLE_QUESTIONS.iter().chain(&help);
    for lang in [Lang::Ko, Lang::Zh] {
        let who = TestApp::reader(lang);
        for q in questions.clone() {
            let reply = t.app.run_line(&who, q).await.unwrap();
            // What the bot writes, not the records' own words (names, purposes, sources).
            let mut said = vec![reply.title.clone()];
            said.extend(reply.footer.clone());
            said.extend(reply.fields.iter().map(|f| f.name.clone()));
            if let Some(table) = &reply.table {
                said.extend(table.headers.clone());
            }
            for text in &said {
                let runs = english_runs(text);
                assert!(runs.is_empty(), "{lang} {q}: English in {text:?}: {runs:?}");
            }
            let shown = console::render(&reply);
            assert!(
                shown
                    .chars()
                    .any(|c| matches!(c, '가'..='힣' | '一'..='鿿')),
                "{lang} {q}: {shown}"
            );
        }
    }
}

#[tokio::test]
async fn errors_are_said_in_the_readers_language() {
    let t = TestApp::with_sample().await;
    for (lang, marker) in [(Lang::Ko, '없'), (Lang::Zh, '没')] {
        let who = TestApp::reader(lang);
        for line in ["/visits show id:999", "/forums show id:999"] {
            let e = t.app.run_line(&who, line).await.unwrap_err();
            let said = e.said(lang);
            assert!(said.contains("999"), "{said}");
            assert!(said.contains(marker), "{lang} {line}: {said}");
            assert!(english_runs(&said).is_empty(), "{said}");
        }
        let member = Actor {
            moderator: false,
            ..who.clone()
        };
        let e = t
            .app
            .run_line(&member, "/record visit delete id:1")
            .await
            .unwrap_err();
        assert!(english_runs(&e.said(lang)).is_empty(), "{}", e.said(lang));
    }
}

/// Each line refused, in its reader's language, with words that contain `expected`.
async fn refusals_say(t: &TestApp, cases: &[(Lang, &str, &str)]) {
    for (lang, line, expected) in cases {
        let said = t
            .app
            .run_line(&TestApp::reader(*lang), line)
            .await
            .unwrap_err()
            .said(*lang);
        assert!(said.contains(expected), "{lang} {line}: {said}");
    }
}

#[tokio::test]
async fn errors_name_options_as_the_reader_sees_them() {
    let t = TestApp::with_sample().await;
    let cases = [
        (Lang::Ko, "/visits show id:abc", "번호:1"),
        (Lang::Ko, "/방문 월별 시작:2024-13", "시작:"),
        (
            Lang::Ko,
            "/visits list province:Jiangsu Hainan",
            "성:\"Jiangsu Hainan\"",
        ),
        (Lang::Zh, "/visits show id:abc", "编号:1"),
        (Lang::En, "/visits show id:abc", "id:1"),
    ];
    refusals_say(&t, &cases).await;
}

#[tokio::test]
async fn places_are_named_and_times_shown_as_the_reader_reads_them() {
    let t = TestApp::with_sample().await;
    let ko = t
        .app
        .run_line(&TestApp::reader(Lang::Ko), "/visits show id:1")
        .await
        .unwrap();
    assert!(ko.title.contains("하이난성"), "{}", ko.title);
    let places = &ko
        .fields
        .iter()
        .find(|f| f.value.contains("서울"))
        .unwrap()
        .value;
    assert!(places.contains("제주"), "{places}");
    let zh = t
        .app
        .run_line(&TestApp::reader(Lang::Zh), "/visits show id:1")
        .await
        .unwrap();
    assert!(zh.title.contains("海南省"), "{}", zh.title);
    let en = t
        .app
        .run_line(&TestApp::reader(Lang::En), "/visits show id:1")
        .await
        .unwrap();
    assert!(en.title.contains("Hainan"), "{}", en.title);
    // A Chinese city too.
    let added = t
        .ok("/record visit add province:Shandong city:Qingdao start:2024-07 places:Busan")
        .await;
    let line = format!("/visits show id:{}", added["id"]);
    let ko = t
        .app
        .run_line(&TestApp::reader(Lang::Ko), &line)
        .await
        .unwrap();
    let origin = &ko.fields[0].value;
    assert!(
        origin.contains("산둥성") && origin.contains("칭다오"),
        "{origin}"
    );
    // Amounts as Korean writes money, in what a change says too.
    let added = t
        .ok("/outcome add kind:MOU title:Battery date:2024-06-04 province:Jiangsu amount:\"1.5조원\" status:signed")
        .await;
    let deleted = t
        .app
        .run_line(
            &TestApp::reader(Lang::Ko),
            &format!("/outcome delete id:{}", added["id"]),
        )
        .await
        .unwrap();
    let text = deleted.text.unwrap();
    assert!(text.contains("1조 5,000억 원"), "{text}");
    // The last change is told in the digest's time zone (Asia/Seoul), with its offset.
    let footer = en.footer.unwrap();
    assert!(footer.contains("(UTC+09:00)"), "{footer}");
    assert!(!footer.contains('Z'), "{footer}");
}

#[tokio::test]
async fn a_new_official_is_found_by_the_readings_of_every_script() {
    let t = TestApp::with_sample().await;
    t.ok("/record official add name:김동연 country:Korea").await;
    t.ok("/record official add name:\"Wang Weizhong\" local_name:王伟中 country:China")
        .await;
    t.ok("/record official add name:\"Kim Jin-tae\" local_name:金晋泰 country:Korea")
        .await;
    // Hangul romanized; Hanzi in pinyin and Korean transcription; Hanja read in Korean.
    for (typed, found) in [
        ("Kim Dong-yeon", "김동연"),
        ("왕웨이중", "Wang Weizhong"),
        ("김진태", "Kim Jin-tae"),
    ] {
        let shown = t.ok(&format!("/official show name:\"{typed}\"")).await;
        assert_eq!(shown["name"], found, "{typed}");
    }
    let found = t.ok("/search text:왕웨이중").await;
    assert!(
        found["results"].to_string().contains("Wang Weizhong"),
        "{found}"
    );
    // Readers see the name in their own script.
    let ko = t
        .app
        .run_line(
            &TestApp::reader(Lang::Ko),
            "/official show name:\"Wang Weizhong\"",
        )
        .await
        .unwrap();
    assert!(ko.title.contains("왕웨이중(王伟中)"), "{}", ko.title);
    let zh = t
        .app
        .run_line(
            &TestApp::reader(Lang::Zh),
            "/official show name:\"Wang Weizhong\"",
        )
        .await
        .unwrap();
    assert!(zh.title.starts_with("王伟中"), "{}", zh.title);
    // A generated reading is marked, and removable like any spelling.
    let en = t.ok("/official show name:\"Wang Weizhong\"").await;
    assert!(en["generated"].to_string().contains("왕웨이중"), "{en}");
    t.ok("/record official unalias name:\"Wang Weizhong\" alias:왕웨이중")
        .await;
    assert!(t.run("/official show name:왕웨이중").await.is_err());
}

#[tokio::test]
async fn officials_imported_or_from_before_readings_are_found_in_every_script() {
    let t = TestApp::new().await;
    // A spreadsheet of officials typed in their own script only.
    let file = t.dir.path().join("officials.csv");
    std::fs::write(
        &file,
        "name,local_name,country\nXin Changxing,信长星,China\nKim Dong-yon,김동연,Korea\n",
    )
    .unwrap();
    t.ok(&format!(
        "/data import file:\"{}\" confirm:true",
        file.display()
    ))
    .await;
    for (typed, found) in [
        ("신창싱", "Xin Changxing"),
        ("Kim Dong-yeon", "Kim Dong-yon"),
    ] {
        let shown = t.ok(&format!("/official show name:\"{typed}\"")).await;
        assert_eq!(shown["name"], found, "{typed}");
    }
    // Officials written before readings existed (here: straight into the store, as
    // migration 0033 found them) get theirs once, in one change by the bot that undo takes
    // back like any other.
    let mut write = crate::store_writes::change(&t, "old").await.unwrap();
    let old = delegation_bot::store::official::Fields {
        name: "Wang Weizhong".into(),
        local_name: Some("王伟中".into()),
        country: "China".into(),
        title: None,
        organization: None,
        province_id: None,
    };
    write.create(&old).await.unwrap();
    write.commit().await.unwrap();
    assert!(t.run("/official show name:왕웨이중").await.is_err());
    assert_eq!(t.app.generate_readings().await.unwrap(), 1);
    let shown = t.ok("/official show name:왕웨이중").await;
    assert_eq!(shown["name"], "Wang Weizhong");
    assert_eq!(t.app.generate_readings().await.unwrap(), 0, "only once");
    let audit = t.ok("/data audit").await.to_string();
    assert!(
        audit.contains("generated readings of 1 officials"),
        "{audit}"
    );
}

#[tokio::test]
async fn posts_to_channels_follow_the_teams_language() {
    let t = TestApp::with_sample().await;
    let said = |t: &TestApp| {
        let app = t.app.clone();
        async move {
            app.for_team(async { delegation_bot::t!("settings-title") })
                .await
        }
    };
    let shown = t.ok("/settings").await;
    assert_eq!(shown["language"], "en", "English unless set");
    // Discord reports the server's preferred language with every interaction.
    t.app.server_prefers("zh-CN");
    assert_eq!(t.ok("/settings").await["language"], "zh");
    assert_eq!(said(&t).await, "团队设置");
    // A moderator's choice wins over the server's.
    t.ok("/settings language:ko").await;
    assert_eq!(t.ok("/settings").await["language"], "ko");
    assert_eq!(said(&t).await, "팀 설정");
    // Members may not change it.
    let member = Actor {
        moderator: false,
        ..TestApp::reader(Lang::En)
    };
    assert!(
        t.app
            .run_line(&member, "/settings language:en")
            .await
            .is_err()
    );
}

#[tokio::test]
async fn search_and_filters_take_any_spelling() {
    let t = TestApp::with_sample().await;
    // The same visit by its province in three scripts, and by a place with a particle.
    for text in ["하이난", "海南", "Hainan", "하이난성에서", "제주에서"] {
        let found = t.ok(&format!("/search text:{text}")).await;
        assert!(
            found["results"].to_string().contains("Visit #1"),
            "{text}: {found}"
        );
    }
    for line in [
        "/visits list place:서울",
        "/visits list province:하이난",
        "/visits list province:海南省",
        "/visits list province:하이난성",
    ] {
        let listed = t.ok(line).await;
        assert!(listed["total"].as_i64().unwrap() >= 1, "{line}: {listed}");
    }
    // Lists separated as Korean and Chinese keyboards write them.
    for provinces in ["장쑤·하이난", "江苏、海南", "Jiangsu; Hainan"] {
        let listed = t
            .ok(&format!("/visits list province:\"{provinces}\""))
            .await;
        assert_eq!(listed["total"], 2, "{provinces}");
    }
    let forums = t.ok("/forums list place:제주").await;
    assert_eq!(forums["total"], 1, "{forums}");
    // 산시 is two provinces: say so, in the reader's language.
    let e = t
        .app
        .run_line(&TestApp::reader(Lang::Ko), "/visits list province:산시성")
        .await
        .unwrap_err();
    let said = e.said(Lang::Ko);
    assert!(said.contains("山西") && said.contains("陕西"), "{said}");
}

#[tokio::test]
async fn korean_and_chinese_words_for_choices_are_understood() {
    for (line, key, canonical) in [
        ("/outcomes list kind:투자협약", None, "agreement"),
        ("/outcomes list kind:\"업무협약(MOU)\"", None, "MOU"),
        ("/outcomes list kind:투자의향서", None, "investment pledge"),
        ("/outcomes list kind:投资协议", None, "agreement"),
        ("/outcomes list kind:合作备忘录", None, "MOU"),
        ("/outcomes list status:체결", None, "signed"),
        ("/digests frequency:월간", Some("frequency"), "monthly"),
        ("/digests frequency:每月", Some("frequency"), "monthly"),
        ("/digests frequency:주간", Some("frequency"), "weekly"),
    ] {
        let req = Request::parse_line(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        let option = key.unwrap_or(if line.contains("status") {
            "status"
        } else {
            "kind"
        });
        assert_eq!(
            req.choice(delegation_bot::catalog::Opt(option)),
            Some(canonical),
            "{line}"
        );
    }
    let export = Request::parse_line("/export what:방문 format:csv").unwrap();
    assert_eq!(
        export.choice(delegation_bot::catalog::arg::WHAT),
        Some("visits")
    );
    let export = Request::parse_line("/export what:会见 format:csv").unwrap();
    assert_eq!(
        export.choice(delegation_bot::catalog::arg::WHAT),
        Some("meetings")
    );
}

#[tokio::test]
async fn every_commands_example_answers_in_korean_and_chinese() {
    for lang in [Lang::Ko, Lang::Zh] {
        let t = TestApp::with_sample().await;
        let who = TestApp::reader(lang);
        let mut english = Vec::new();
        for spec in COMMANDS.iter() {
            let said: Vec<String> = match t.app.run_line(&who, spec.example).await {
                Ok(reply) => {
                    let mut said = vec![reply.title.clone()];
                    said.extend(reply.footer.clone());
                    said.extend(reply.fields.iter().map(|f| f.name.clone()));
                    said.extend(reply.confirm.iter().map(|c| c.prompt.clone()));
                    // /data undo quotes the change's summary, which the audit log keeps as
                    // it was written (in English).
                    if spec.id != delegation_bot::catalog::CommandId::DataUndo {
                        said.extend(reply.text.clone());
                    }
                    if let Some(table) = &reply.table {
                        said.extend(table.headers.clone());
                    }
                    said
                }
                Err(e) => vec![e.said(lang)],
            };
            for text in said {
                // What the example typed (a title, a name) comes back as typed.
                let runs: Vec<String> = english_runs(&text)
                    .into_iter()
                    .filter(|run| !spec.example.contains(run.as_str()))
                    .collect();
                if !runs.is_empty() {
                    english.push(format!("{}: {text:?} {runs:?}", spec.example));
                }
            }
        }
        assert!(english.is_empty(), "{lang}:\n{}", english.join("\n"));
    }
}

#[tokio::test]
async fn a_value_with_a_space_gets_a_hint_about_quotes() {
    let t = TestApp::with_sample().await;
    let e = t
        .app
        .run_line(
            &TestApp::reader(Lang::Ko),
            "/visits list province:Hainan Jiangsu",
        )
        .await
        .unwrap_err();
    let said = e.said(Lang::Ko);
    assert!(said.contains("성:\"Hainan Jiangsu\""), "{said}");
    assert!(said.contains("따옴표"), "{said}");
}

/// Discord shows choices to a traditional-Chinese member in traditional characters: every
/// choice Chinese readers see by a Chinese name has one in locales/zh-TW.
#[test]
fn every_choice_has_a_traditional_name() {
    use delegation_bot::catalog::OptionKind;
    for c in COMMANDS.iter() {
        for o in c.options {
            let OptionKind::Choice(choices) = o.kind else {
                continue;
            };
            for value in choices {
                if i18n::format::choice_in(Lang::Zh, value) == *value {
                    continue; // a code (KRW) is said as it is
                }
                let key = format!("choice-{}", value.to_lowercase().replace(' ', "-"));
                assert!(
                    i18n::commands::has("zh-TW", &key),
                    "{} {}: no traditional name for {value}",
                    c.name(),
                    o.name
                );
            }
        }
    }
    let traditional = i18n::commands::localizations("choice-weekly");
    assert!(
        traditional.contains(&("zh-TW", "每週".to_string())),
        "{traditional:?}"
    );
}

/// A local leader's title reads as the reader's news writes it: `장쑤성 당서기`,
/// `江苏省委书记`, `서울시장`, `首尔市长`; an English reader sees it as typed.
#[tokio::test]
async fn officials_titles_in_the_readers_language() {
    let t = TestApp::with_sample().await;
    for (name, ko, zh, en) in [
        (
            "Xin Changxing",
            "장쑤성 당서기",
            "江苏省委书记",
            "Party Secretary of Jiangsu",
        ),
        ("Oh Se-hoon", "서울시장", "首尔市长", "Mayor of Seoul"),
    ] {
        let line = format!("/official show name:\"{name}\"");
        for (lang, said) in [(Lang::Ko, ko), (Lang::Zh, zh), (Lang::En, en)] {
            let reply = t.app.run_line(&TestApp::reader(lang), &line).await.unwrap();
            let shown = format!("{:?}", reply.fields);
            assert!(shown.contains(said), "{lang:?} {name}: {shown}");
        }
    }
    // Titles of other shapes, and places the bot does not know, stay as typed.
    t.ok("/record official add name:\"Zhou Naixiang\" country:China title:\"Governor of Shandong Province\"")
        .await;
    t.ok("/record official add name:\"Li Wei\" country:China title:\"Director of the Qingdao Commerce Bureau\"")
        .await;
    for (name, zh) in [
        ("Zhou Naixiang", "山东省省长"),
        ("Li Wei", "Director of the Qingdao Commerce Bureau"),
    ] {
        let reply = t
            .app
            .run_line(
                &TestApp::reader(Lang::Zh),
                &format!("/official show name:\"{name}\""),
            )
            .await
            .unwrap();
        let shown = format!("{:?}", reply.fields);
        assert!(shown.contains(zh), "{name}: {shown}");
    }
}

/// /data audit says what each change did in the reader's words; names and numbers stay.
#[tokio::test]
async fn the_audit_log_speaks_the_readers_language() {
    let t = TestApp::with_sample().await;
    t.ok("/record visit edit id:1 purpose:\"Investment talks\"")
        .await;
    t.ok("/record official alias name:\"Xin Changxing\" alias:신창씽")
        .await;
    t.ok("/data undo").await;
    let said = |lang| {
        let app = t.app.clone();
        async move {
            let reply = app
                .run_line(&TestApp::reader(lang), "/data audit")
                .await
                .unwrap();
            format!("{:?}", reply.table)
        }
    };
    let ko = said(Lang::Ko).await;
    for words in [
        "방문 수정 #1",
        "되돌리기: 별칭 추가 신창씽 for Xin Changxing",
        "가져오기 ",
    ] {
        assert!(ko.contains(words), "{words}: {ko}");
    }
    let zh = said(Lang::Zh).await;
    assert!(zh.contains("编辑访问 #1"), "{zh}");
    let en = said(Lang::En).await;
    assert!(en.contains("edit visit #1"), "{en}");
}

/// A meeting's or a forum's place that names a place on record reads in the reader's
/// language (`Seoul` → `서울`, `首尔`); a venue the bot does not know stays as typed.
#[tokio::test]
async fn meeting_and_forum_places_in_the_readers_language() {
    let t = TestApp::with_sample().await;
    t.ok("/record meeting add date:2024-05-30 officials:\"Liu Xiaoming; Oh Se-hoon\" place:\"Lotte Hotel Seoul\"")
        .await;
    let show = |lang, line: &'static str| {
        let app = t.app.clone();
        async move {
            let r = app.run_line(&TestApp::reader(lang), line).await.unwrap();
            format!("{:?} {:?} {:?}", r.fields, r.table, r.text)
        }
    };
    let ko = show(Lang::Ko, "/visits show id:2").await;
    assert!(ko.contains("· 서울"), "{ko}");
    let zh = show(Lang::Zh, "/forums show id:2").await;
    assert!(zh.contains("首尔"), "{zh}");
    let history = show(Lang::Ko, "/official history name:\"Oh Se-hoon\"").await;
    assert!(history.contains("Lotte Hotel Seoul"), "{history}");
}

#[tokio::test]
async fn a_chinese_reader_sees_a_korean_name_in_hanja_or_romanized_never_in_hangul() {
    let t = TestApp::with_sample().await;
    t.ok("/record official add name:\"Kim Dong-yeon\" country:Korea local_name:김동연")
        .await;
    t.ok("/record meeting add date:2024-06-03 officials:\"Xin Changxing; Kim Dong-yeon\"")
        .await;
    let history = "/official history \"Xin Changxing\"";
    let zh = t
        .app
        .run_line(&TestApp::reader(Lang::Zh), history)
        .await
        .unwrap();
    let zh = console::render(&zh);
    // No Hanja on record: the record's romanized name.
    assert!(
        zh.contains("Kim Dong-yeon") && !zh.contains("김동연"),
        "{zh}"
    );
    // Hanja on record (the sample's 吴世勋): that.
    assert!(zh.contains("吴世勋") && !zh.contains("오세훈"), "{zh}");
    let ko = t
        .app
        .run_line(&TestApp::reader(Lang::Ko), history)
        .await
        .unwrap();
    assert!(console::render(&ko).contains("김동연"));
}

#[tokio::test]
async fn a_delegations_city_is_the_chinese_city_of_its_name() {
    let t = TestApp::with_sample().await;
    // Jinan is also a Korean county (진안군); a delegation's city is Chinese.
    t.ok("/record visit edit id:1 city:Jinan").await;
    for (lang, city) in [(Lang::Ko, "지난"), (Lang::Zh, "济南")] {
        let shown = t
            .app
            .run_line(&TestApp::reader(lang), "/visits show id:1")
            .await
            .unwrap();
        let shown = console::render(&shown);
        assert!(shown.contains(city), "{lang}: {shown}");
        assert!(
            !shown.contains("진안") && !shown.contains("镇安"),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn a_deletion_is_said_in_the_readers_language_and_logged_in_english() {
    let t = TestApp::with_sample().await;
    t.ok("/outcome add kind:MOU title:\"Port MOU\" date:2024-05-30 province:Hainan visit:1")
        .await;
    let zh = TestApp::reader(Lang::Zh);
    let reply = t
        .app
        .run_line(&zh, "/record visit delete id:1 meetings:unlink")
        .await
        .unwrap();
    let said = reply.text.unwrap_or_default();
    assert!(said.contains("成果（#1）"), "{said}");
    assert!(english_runs(&said).is_empty(), "{said}");
    // The audit log keeps the summary in English, whoever made the change.
    let audit = t.ok("/data audit").await.to_string();
    assert!(audit.contains("its links to 2 forums"), "{audit}");
    assert!(!audit.contains('和'), "{audit}");
}

#[tokio::test]
async fn suggestions_name_people_and_places_as_the_reader_does() {
    let t = TestApp::with_sample().await;
    let cases = [
        (Lang::Ko, "/official show name:오세운", "`오세훈`"),
        (Lang::Zh, "/official show name:吴世训", "`吴世勋`"),
        (Lang::En, "/official show name:吴世训", "`Oh Se-hoon`"),
        (Lang::Ko, "/visits list province:하이낭", "`하이난성`"),
    ];
    refusals_say(&t, &cases).await;
    // A record named in Hangul is not named twice in its heading.
    t.ok("/record official add name:저우나이샹 local_name:周乃翔 country:China")
        .await;
    let shown = t
        .app
        .run_line(&TestApp::reader(Lang::Ko), "/official show name:周乃翔")
        .await
        .unwrap();
    assert_eq!(shown.title, "저우나이샹(周乃翔)");
}

#[tokio::test]
async fn help_lists_and_finds_commands_by_the_readers_names() {
    let t = TestApp::with_sample().await;
    let ko = TestApp::reader(Lang::Ko);
    let all = console::render(&t.app.run_line(&ko, "/도움말").await.unwrap());
    assert!(all.contains("/visits monthly (/방문 월별)"), "{all}");
    let one = t.app.run_line(&ko, "/도움말 방문 월별").await.unwrap();
    assert!(one.title.starts_with("/visits monthly"), "{}", one.title);
    let group = t
        .app
        .run_line(&TestApp::reader(Lang::Zh), "/帮助 访问")
        .await;
    assert!(group.is_ok(), "{group:?}");
}

#[tokio::test]
async fn what_an_outcome_came_of_is_named_in_the_readers_words() {
    let t = TestApp::with_sample().await;
    t.ok("/outcome add kind:MOU title:\"Port MOU\" date:2024-05-30 province:Hainan visit:1")
        .await;
    let shown = t
        .app
        .run_line(&TestApp::reader(Lang::Zh), "/outcomes show id:1")
        .await
        .unwrap();
    let shown = console::render(&shown);
    assert!(shown.contains("访问 #1 · 海南省 · 2024-05-29"), "{shown}");
    let sample = t
        .app
        .run_line(&TestApp::reader(Lang::Zh), "/visits show id:1")
        .await
        .unwrap();
    assert!(console::render(&sample).contains("此条为示例数据"));
}

#[tokio::test]
async fn korean_particles_fit_the_word_and_choices_are_the_readers() {
    let t = TestApp::with_sample().await;
    let cases = [
        (Lang::Ko, "/visits show id:999", "#999를"),
        (Lang::Ko, "/visits show id:abc", "`번호`는"),
        (Lang::Ko, "/outcomes list status:x", "발표, 체결"),
    ];
    refusals_say(&t, &cases).await;
}

#[tokio::test]
async fn fields_to_clear_are_named_in_the_readers_words() {
    let t = TestApp::with_sample().await;
    let ko = TestApp::reader(Lang::Ko);
    t.app
        .run_line(&ko, "/기록 방문 수정 번호:1 비우기:목적")
        .await
        .unwrap();
    let v = t.ok("/visits show id:1").await;
    assert!(v["data"]["purpose"].is_null(), "{v}");
    let e = t
        .app
        .run_line(&ko, "/기록 방문 수정 번호:1 비우기:없음")
        .await
        .unwrap_err()
        .said(Lang::Ko);
    assert!(e.contains("비우기:") && e.contains("목적"), "{e}");
}
