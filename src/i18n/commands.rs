//! The catalog in the reader's language: Discord's name and description localizations of
//! every command, group, option and choice, the help pages, and the console's localized
//! command and option names (`/방문 월별 시작:2024-01`). English is the catalog itself
//! (`crate::catalog`); `locales/<lang>/commands.ftl` holds the other languages, plain text
//! only, keyed by the command's path (`cmd-visits-monthly`, `opt-visits-monthly-from`,
//! `name-visits-monthly`, `arg-from`).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Lang, reader};
use crate::catalog::{COMMANDS, CommandSpec, OptionSpec};

/// Discord's locales we localize to, and the file of each. `zh-TW` is traditional Chinese,
/// which Discord's Taiwanese (and Hong Kong) members see; replies use simplified `zh`.
pub const LOCALES: [(&str, &str); 3] = [
    ("ko", include_str!("../../locales/ko/commands.ftl")),
    ("zh-CN", include_str!("../../locales/zh/commands.ftl")),
    ("zh-TW", include_str!("../../locales/zh-TW/commands.ftl")),
];

type Texts = HashMap<String, String>;

/// Each locale's texts by id.
static TEXTS: LazyLock<Vec<(&'static str, Texts)>> = LazyLock::new(|| {
    LOCALES
        .iter()
        .map(|(locale, source)| (*locale, parse(locale, source)))
        .collect()
});

fn parse(locale: &str, source: &str) -> Texts {
    use fluent_syntax::ast::{Entry, PatternElement};
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{locale}/commands.ftl: {errors:?}"));
    let mut texts = Texts::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry
            && let Some(pattern) = m.value
        {
            let text: String = pattern
                .elements
                .iter()
                .map(|e| match e {
                    PatternElement::TextElement { value } => value.to_string(),
                    PatternElement::Placeable { .. } => String::new(),
                })
                .collect();
            texts.insert(m.id.name.to_string(), text.trim().to_string());
        }
    }
    texts
}

fn texts(locale: &str) -> Option<&'static Texts> {
    TEXTS.iter().find(|(l, _)| *l == locale).map(|(_, t)| t)
}

/// The locale of `lang`'s texts; `None` for English (the catalog).
fn locale(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Ko => Some("ko"),
        Lang::Zh => Some("zh-CN"),
    }
}

/// Text `id` in the reader's language, else `english`.
fn said(id: &str, english: &str) -> String {
    locale(reader())
        .and_then(texts)
        .and_then(|t| t.get(id))
        .cloned()
        .unwrap_or_else(|| english.to_string())
}

/// The id of a command's or group's path: `visits-monthly`.
pub fn key(path: &[&str]) -> String {
    path.join("-")
}

/// A command's description in the reader's language.
pub fn command(spec: &CommandSpec) -> String {
    said(&format!("cmd-{}", key(spec.path)), spec.description)
}

/// An option's description in the reader's language.
pub fn option(spec: &CommandSpec, o: &OptionSpec) -> String {
    said(&format!("opt-{}-{}", key(spec.path), o.name), o.description)
}

/// An option's name in the reader's language.
pub fn option_name(name: &str) -> String {
    said(&format!("arg-{name}"), name)
}

/// An option's name in `lang`, if it is an option of the catalog that `lang` names.
pub fn option_name_in(lang: Lang, name: &str) -> Option<String> {
    locale(lang)
        .and_then(texts)
        .and_then(|t| t.get(&format!("arg-{name}")))
        .cloned()
}

/// A command's path as `lang` names it (`/record visit delete` → `/기록 방문 삭제`), if
/// every word of it has a name there.
pub fn command_path_in(lang: Lang, typed: &str) -> Option<String> {
    let texts = locale(lang).and_then(texts)?;
    let words: Vec<&str> = typed.strip_prefix('/')?.split(' ').collect();
    let named: Option<Vec<String>> = (1..=words.len())
        .map(|depth| {
            texts
                .get(&format!("name-{}", key(&words[..depth])))
                .cloned()
        })
        .collect();
    Some(format!("/{}", named?.join(" ")))
}

/// Text `id` in every localized locale that has it: Discord's `*_localizations`.
pub fn localizations(id: &str) -> Vec<(&'static str, String)> {
    TEXTS
        .iter()
        .filter_map(|(locale, t)| t.get(id).map(|text| (*locale, text.clone())))
        .collect()
}

/// The catalog's word for a localized command word typed at `depth` of a command's path
/// under `parent` (`방문` → `visits`); `None` when no command says it so.
pub fn command_word(parent: &[&str], typed: &str) -> Option<&'static str> {
    let depth = parent.len();
    COMMANDS
        .iter()
        .filter(|c| c.path.len() > depth && c.path[..depth] == *parent)
        .map(|c| (c.path[depth], key(&c.path[..=depth])))
        .find(|(_, id)| {
            TEXTS
                .iter()
                .any(|(_, t)| t.get(&format!("name-{id}")).is_some_and(|n| n == typed))
        })
        .map(|(word, _)| word)
}

/// The catalog's name of a localized option name of `spec` (`시작` → `from`).
pub fn option_word(spec: &CommandSpec, typed: &str) -> Option<&'static str> {
    spec.options
        .iter()
        .find(|o| {
            TEXTS.iter().any(|(_, t)| {
                t.get(&format!("arg-{}", o.name))
                    .is_some_and(|n| n == typed)
            })
        })
        .map(|o| o.name)
}

/// Every id the localized files must hold: each command, group, path word, option and its
/// name.
pub fn ids() -> Vec<String> {
    let mut ids = Vec::new();
    for c in COMMANDS.iter() {
        ids.push(format!("cmd-{}", key(c.path)));
        for depth in 1..=c.path.len() {
            ids.push(format!("name-{}", key(&c.path[..depth])));
            if depth < c.path.len() {
                ids.push(format!("cmd-{}", key(&c.path[..depth])));
            }
        }
        for o in c.options {
            ids.push(format!("opt-{}-{}", key(c.path), o.name));
            ids.push(format!("arg-{}", o.name));
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Whether `locale`'s file has text `id`.
pub fn has(locale: &str, id: &str) -> bool {
    texts(locale).is_some_and(|t| t.contains_key(id))
}
