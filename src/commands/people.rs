//! How each person on record is named to a Korean or a Chinese reader, from their
//! spellings (`i18n::People`), rebuilt when the names change.

use std::sync::Arc;

use super::App;
use crate::error::Result;
use crate::i18n::{Lang, People};
use crate::intake::romanize;
use crate::store::names::{self, Written};

/// The names by version, shared by an `App`'s clones.
pub type Cache = Arc<tokio::sync::Mutex<Option<(i64, Arc<People>)>>>;

/// A Korean and a Chinese reader's name of one person: a Chinese official as `신창싱(信长星)`
/// and `信长星`; a Korean official as `오세훈` and `吴世勋` (`Oh Se-hoon` where no Hanja spelling
/// is on record).
fn named(s: &Written) -> (Option<String>, Option<String>) {
    let mut all: Vec<&str> = s.local_name.iter().map(String::as_str).collect();
    all.extend(s.aliases.as_deref().unwrap_or("").split('\u{1f}'));
    let hangul = all
        .iter()
        .find(|a| romanize::in_hangul(a))
        .map(|a| a.to_string());
    let han = all
        .iter()
        .find(|a| romanize::in_han(a))
        .map(|a| a.to_string());
    if s.country == "China" {
        let hangul = hangul.or_else(|| han.as_deref().and_then(romanize::chinese_in_hangul));
        let ko = match (&hangul, &han) {
            (Some(h), Some(c)) => Some(format!("{h}({c})")),
            (Some(h), None) => Some(h.clone()),
            (None, c) => c.clone(),
        };
        (ko, han)
    } else {
        // A Chinese reader without the Hanja of a Korean name reads its romanization (the
        // record's name), not Hangul.
        let hangul = hangul.or_else(|| han.as_deref().and_then(romanize::hangul_reading));
        (hangul, han)
    }
}

impl App {
    /// How a reader of `lang` names people: nothing to read for English, whose names are
    /// the records' own.
    pub(super) async fn people_for(&self, lang: Lang) -> Result<Option<Arc<People>>> {
        match lang {
            Lang::En => Ok(None),
            _ => self.people().await.map(Some),
        }
    }

    /// The people's names as of now, read again only when a name changed.
    async fn people(&self) -> Result<Arc<People>> {
        let now = names::names_version(&self.db).await?;
        let mut cached = self.people.lock().await;
        if let Some((version, people)) = cached.as_ref()
            && *version == now
        {
            return Ok(people.clone());
        }
        let (version, rows) = names::written(&self.db).await?;
        let people = Arc::new(People(
            rows.iter().map(|s| (s.name.clone(), named(s))).collect(),
        ));
        *cached = Some((version, people.clone()));
        Ok(people)
    }
}
