//! `/settings`: the team's language for what the bot posts to channels (watches,
//! digests). A member's own replies follow their Discord's language; a channel has many
//! readers, so its posts follow the team's choice.

use crate::catalog::arg;
use serde_json::json;

use super::args::Args;
use super::{Actor, App};
use crate::error::Result;
use crate::i18n::Lang;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::team;
use crate::t;

pub struct SettingsArgs {
    language: Option<Lang>,
}

impl Args for SettingsArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(SettingsArgs {
            language: req.choice(arg::LANGUAGE).and_then(Lang::from_tag),
        })
    }
}

pub async fn settings(app: &App, actor: &Actor, a: SettingsArgs) -> Result<Reply> {
    if let Some(lang) = a.language {
        let summary = format!("team language {}", lang.code());
        let mut change = app.change(actor, "update", &summary).await?;
        change.set_team_language(lang.code()).await?;
        change.commit().await?;
    }
    let (lang, why) = app.team_language().await?;
    Ok(Reply::new(t!("settings-title"))
        .field(t!("settings-language"), language_name(lang))
        .footer(why)
        .data(json!({"language": lang.code()})))
}

fn language_name(lang: Lang) -> String {
    match lang {
        Lang::Ko => "한국어 (ko)".into(),
        Lang::Zh => "中文 (zh)".into(),
        Lang::En => "English (en)".into(),
    }
}

impl App {
    /// The language of the bot's posts to channels, and why: set with `/settings`, else the
    /// server's preferred language as Discord reports it, else DEFAULT_LANGUAGE, else
    /// English.
    pub async fn team_language(&self) -> Result<(Lang, String)> {
        if let Some(lang) = team::language(&self.db)
            .await?
            .and_then(|c| Lang::from_tag(&c))
        {
            return Ok((lang, t!("language-set")));
        }
        if let Some(lang) = *self.server_locale.read().expect("not poisoned") {
            return Ok((lang, t!("language-server")));
        }
        if let Some(lang) = crate::configuration::settings()
            .default_language
            .as_deref()
            .and_then(Lang::from_tag)
        {
            return Ok((lang, t!("language-default")));
        }
        Ok((Lang::En, t!("language-default")))
    }

    /// Remembers the server's preferred language (an interaction's `guild_locale`).
    pub fn server_prefers(&self, locale: &str) {
        let lang = Lang::from_tag(locale);
        if let Ok(mut known) = self.server_locale.write()
            && *known != lang
        {
            *known = lang;
        }
    }
}

impl App {
    /// Runs `work` (a watch's message, a digest) in the team's language.
    pub async fn for_team<F: std::future::Future>(&self, work: F) -> F::Output {
        let lang = match self.team_language().await {
            Ok((lang, _)) => lang,
            Err(e) => {
                tracing::warn!(error = %e, "the team's language is unknown; posting in English");
                Lang::En
            }
        };
        let people = self.people_for(lang).await.unwrap_or_else(|e| {
            tracing::warn!(error = %e, "people's names are unknown; posting them as on record");
            None
        });
        crate::i18n::read_by_with(lang, people, work).await
    }
}
