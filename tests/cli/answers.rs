//! What a reader sees, kept: the answers to the sample's example questions in English,
//! Korean and Chinese, as `ask` prints them, compared with `tests/answers/<lang>.txt`. A
//! change in any answer shows up here as a diff a reader of that language can review.
//! `UPDATE_ANSWERS=1 cargo test --test cli answers` writes the files anew (read the diff
//! before committing it).

use std::path::Path;

use super::binary;
use super::questions::EXAMPLE_QUESTIONS;

/// The clock the answers are given at (relative periods and "today" depend on it).
const NOW: &str = "2026-12-08T10:00:00+09:00";

/// Besides the example questions, two a reader gets wrong.
const MISTAKES: &[&str] = &["/visits show id:999", "/visits monthly from:2024-13"];

/// The README's example questions, typed in the reader's own words.
fn typed_in(lang: &str) -> &'static [&'static str] {
    match lang {
        "ko" => &[
            "/방문 월별 시작:2024-01 끝:2024-12",
            "/방문 보기 번호:1",
            "/성순위",
            "/인사 보기 이름:오영훈",
            "/검색 텍스트:제주",
        ],
        "zh" => &[
            "/访问 按月 起始:2024-01 截止:2024-12",
            "/访问 详情 编号:1",
            "/省份",
            "/官员 详情 名称:信长星",
            "/搜索 文本:海南",
        ],
        _ => &[],
    }
}

fn answers(dir: &Path, lang: &str) -> String {
    let mut out = String::new();
    for q in EXAMPLE_QUESTIONS
        .iter()
        .chain(MISTAKES)
        .chain(typed_in(lang))
    {
        let shown = binary::command(dir, "bot.db")
            .env("DELEGATION_BOT_NOW", NOW)
            .env_remove("DIGEST_TIMEZONE")
            .args(["--lang", lang, "ask", q])
            .output()
            .expect("the binary runs");
        let text = String::from_utf8_lossy(&shown.stdout);
        let said = String::from_utf8_lossy(&shown.stderr);
        out.push_str(&format!("> {q}\n{}{}\n", text.trim_end(), said.trim_end()));
        out.push('\n');
    }
    out
}

#[test]
fn answers_to_the_example_questions_are_as_kept_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let loaded = binary::command(d, "bot.db")
        .env("DELEGATION_BOT_NOW", NOW)
        .arg("sample")
        .output()
        .unwrap();
    assert!(loaded.status.success());
    let kept_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/answers");
    let mut changed = Vec::new();
    for lang in ["en", "ko", "zh"] {
        let now = answers(d, lang);
        let file = kept_dir.join(format!("{lang}.txt"));
        if std::env::var_os("UPDATE_ANSWERS").is_some() {
            std::fs::write(&file, &now).unwrap();
            continue;
        }
        let kept = std::fs::read_to_string(&file).unwrap_or_default();
        if kept != now {
            let first = kept
                .lines()
                .zip(now.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(kept.lines().count().min(now.lines().count()));
            changed.push(format!(
                "{lang}: line {}: kept {:?}, now {:?}",
                first + 1,
                kept.lines().nth(first).unwrap_or(""),
                now.lines().nth(first).unwrap_or("")
            ));
        }
    }
    assert!(
        changed.is_empty(),
        "answers changed (UPDATE_ANSWERS=1 to keep the new ones):\n{}",
        changed.join("\n")
    );
}
