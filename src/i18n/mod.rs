//! The reader's language: every text a person reads is a message of `locales/<lang>/*.ftl`
//! (Project Fluent), chosen by id and filled with its arguments here, in Korean, Chinese
//! (simplified) or English. Nothing below this layer writes a sentence; `ask --json` data
//! stays language-neutral.

pub mod commands;
mod errors;
pub mod format;
mod particle;
pub mod records;

use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::error::{Arg, Message};

/// A language the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ko, Lang::Zh];

    /// `en`, `ko`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Zh => "zh",
        }
    }

    /// Of a Korean and a Chinese name of something, the one this reader reads (none for
    /// English, whose names are the records' own).
    pub fn name_of(self, ko: &Option<String>, zh: &Option<String>) -> Option<String> {
        match self {
            Lang::Ko => ko.clone(),
            Lang::Zh => zh.clone(),
            Lang::En => None,
        }
    }

    /// A language tag as Discord, `LANG` or a person gives it (`ko`, `ko_KR.UTF-8`,
    /// `zh-CN`, `zh-TW`, `en-US`); `None` for a language the bot does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let base = tag.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match base {
            "ko" | "kor" => Some(Lang::Ko),
            "zh" | "zho" | "chi" => Some(Lang::Zh),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The messages of each language, every file of its folder.
const SOURCES: [(Lang, &[&str]); 3] = [
    (
        Lang::En,
        &[
            include_str!("../../locales/en/bot.ftl"),
            include_str!("../../locales/en/replies.ftl"),
            include_str!("../../locales/en/records.ftl"),
            include_str!("../../locales/en/input.ftl"),
            include_str!("../../locales/en/transfer.ftl"),
            include_str!("../../locales/en/posts.ftl"),
            include_str!("../../locales/en/draft.ftl"),
        ],
    ),
    (
        Lang::Ko,
        &[
            include_str!("../../locales/ko/bot.ftl"),
            include_str!("../../locales/ko/replies.ftl"),
            include_str!("../../locales/ko/records.ftl"),
            include_str!("../../locales/ko/input.ftl"),
            include_str!("../../locales/ko/transfer.ftl"),
            include_str!("../../locales/ko/posts.ftl"),
            include_str!("../../locales/ko/draft.ftl"),
        ],
    ),
    (
        Lang::Zh,
        &[
            include_str!("../../locales/zh/bot.ftl"),
            include_str!("../../locales/zh/replies.ftl"),
            include_str!("../../locales/zh/records.ftl"),
            include_str!("../../locales/zh/input.ftl"),
            include_str!("../../locales/zh/transfer.ftl"),
            include_str!("../../locales/zh/posts.ftl"),
            include_str!("../../locales/zh/draft.ftl"),
        ],
    ),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(Lang, Bundle)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, files)| {
            let tag: unic_langid::LanguageIdentifier = match lang {
                Lang::En => "en",
                Lang::Ko => "ko",
                Lang::Zh => "zh-CN",
            }
            .parse()
            .expect("valid language tags");
            let mut bundle = FluentBundle::new_concurrent(vec![tag]);
            // Placeables go into chat and terminals as they are, without invisible
            // direction marks around them.
            bundle.set_use_isolating(false);
            bundle
                .add_function("JOSA", particle::josa)
                .expect("JOSA is added once");
            for text in *files {
                let resource = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|(_, errors)| panic!("{lang}: invalid Fluent: {errors:?}"));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|errors| panic!("{lang}: {errors:?}"));
            }
            (*lang, bundle)
        })
        .collect()
});

fn bundle(lang: Lang) -> &'static Bundle {
    &BUNDLES
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("every language is loaded")
        .1
}

/// Whether `lang` has a message `id` (tests check every language has every one).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Every message id of `lang`.
pub fn ids(lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (_, files) in SOURCES.iter().filter(|(l, _)| *l == lang) {
        for text in *files {
            let resource = FluentResource::try_new(text.to_string()).expect("checked at load");
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    out.push(m.id.name.to_string());
                }
            }
        }
    }
    out
}

/// `m` in `lang`: its message filled with its arguments (a message argument rendered in
/// the same language first). A message the language lacks is said in English; one no
/// language has, by its id (tests keep both from happening).
pub fn render(lang: Lang, m: &Message) -> String {
    if m.id == "raw" {
        return match m.arg("text") {
            Some(Arg::Text(t)) => t.clone(),
            _ => String::new(),
        };
    }
    let (bundle, message) = match bundle(lang).get_message(m.id) {
        Some(found) => (bundle(lang), found),
        None => match bundle(Lang::En).get_message(m.id) {
            Some(found) => (bundle(Lang::En), found),
            None => return m.id.to_string(),
        },
    };
    let Some(pattern) = message.value() else {
        return m.id.to_string();
    };
    let mut args = FluentArgs::new();
    for (name, value) in &m.args {
        match value {
            Arg::Text(t) if names_option(m.id, name) => {
                // One option's name, or a list of them (`id, meetings`, `place,organizer`).
                let separator = if t.contains(", ") { ", " } else { "," };
                let said: Vec<String> = t
                    .split(separator)
                    .map(|o| commands::option_name_in(lang, o).unwrap_or_else(|| o.to_string()))
                    .collect();
                args.set(*name, FluentValue::from(said.join(separator)))
            }
            // The choices a value may take, in the reader's words (which they may type).
            Arg::Text(t) if *name == "choices" && m.id == "not-a-choice" => {
                let said: Vec<String> = t.split(", ").map(|c| format::choice_in(lang, c)).collect();
                let separator = if lang == Lang::Zh { "、" } else { ", " };
                args.set(*name, FluentValue::from(said.join(separator)))
            }
            Arg::Text(t) if *name == "command" && t.starts_with('/') => {
                let said = commands::command_path_in(lang, t).unwrap_or_else(|| t.clone());
                args.set(*name, FluentValue::from(said))
            }
            Arg::Text(t) => args.set(*name, FluentValue::from(t.as_str())),
            Arg::Int(n) => args.set(*name, FluentValue::from(*n)),
            Arg::Message(inner) => args.set(*name, FluentValue::from(render(lang, inner))),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id = m.id, %lang, ?errors, "a message was rendered with errors");
    }
    text.into_owned()
}

/// Whether argument `arg` of message `id` is an option's name, which the reader sees in
/// their language (`번호:1`, not `id:1`): the reader typed it so, or Discord showed it so.
fn names_option(id: &str, arg: &str) -> bool {
    match arg {
        "option" | "options" | "field" | "fields" => true,
        "example" => id == "clear-unknown-field",
        "name" => {
            id.starts_with("number-")
                || matches!(id, "bool-expected" | "not-a-choice" | "channel-expected")
        }
        _ => false,
    }
}

/// The text of message `id` (an id built at run time, `choice-<value>`) in `lang` alone,
/// without arguments; `None` when that language has no such message.
pub(crate) fn text_of(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// A message by id with no arguments, in `lang`.
pub fn text(lang: Lang, id: &'static str) -> String {
    render(
        lang,
        &Message {
            id,
            args: Vec::new(),
        },
    )
}

/// English, for logs and tests.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(Lang::En, self))
    }
}

pub use errors::refusal;

/// Who reads an answer: their language, and how people on record are named in it.
#[derive(Clone, Default)]
struct Reader {
    lang: Lang,
    people: Option<std::sync::Arc<People>>,
}

tokio::task_local! {
    /// The reader of the request being answered, set once by the adapter (`read_by`) for
    /// the whole answer, so the text written deep in a command's rendering needs no
    /// language passed down to it.
    static READER: Reader;
}

/// Runs `work` answering in `lang`: every `say`/`t!` inside writes in it.
pub async fn read_by<F: std::future::Future>(lang: Lang, work: F) -> F::Output {
    READER.scope(Reader { lang, people: None }, work).await
}

/// `read_by`, with people named by `people` (`format::person`; as on record without).
pub async fn read_by_with<F: std::future::Future>(
    lang: Lang,
    people: Option<std::sync::Arc<People>>,
    work: F,
) -> F::Output {
    READER.scope(Reader { lang, people }, work).await
}

/// The language of the request being answered (English outside of one).
pub fn reader() -> Lang {
    READER.try_with(|r| r.lang).unwrap_or_default()
}

/// How the request's reader names the person whose English name is `name`, if known.
fn person_said(name: &str) -> Option<String> {
    READER
        .try_with(|r| {
            let people = r.people.as_ref()?;
            let (ko, zh) = people.0.get(name)?;
            r.lang.name_of(ko, zh)
        })
        .ok()
        .flatten()
}

/// People on record by their English name: how a Korean and a Chinese reader name them
/// (`신창싱(信长星)`, `信长星`). Built by the commands from the officials' spellings.
#[derive(Debug, Default)]
pub struct People(pub std::collections::HashMap<String, (Option<String>, Option<String>)>);

/// `m` in the reader's language.
pub fn say(m: &Message) -> String {
    render(reader(), m)
}

/// `t!("visits-title", scope = s)`: the message in the reader's language, as a `String`.
#[macro_export]
macro_rules! t {
    ($($message:tt)*) => {
        $crate::i18n::say(&$crate::msg!($($message)*))
    };
}
