//! Writes made at the store level, each one audited change committed as the commands
//! commit theirs (audit batch, snapshots before and after, counts recounted): for outcomes
//! and officials' posts, whose commands come later, and the records they link to.

use delegation_bot::domain::{FlexDate, Money, OutcomeKind, OutcomeStatus};
use delegation_bot::error::{Error, Result};
use delegation_bot::store::audit::Author;
use delegation_bot::store::change::Change;
use delegation_bot::store::region::{self, Country};
use delegation_bot::store::undo::{self, Undone};
use delegation_bot::store::{Entity, WriteTx, meeting, official, outcome, post, visit};

use crate::helpers::TestApp;

pub fn author(who: &str) -> Author<'_> {
    Author { id: who, name: who }
}

pub async fn province(t: &TestApp, name: &str) -> i64 {
    region::resolve(&t.app.db, Country::China, name)
        .await
        .unwrap()
        .id
}

pub fn date(s: &str) -> FlexDate {
    FlexDate::parse(s).unwrap()
}

/// An outcome with only what is required, signed, without an amount.
pub fn outcome(kind: OutcomeKind, title: &str, when: &str, provinces: Vec<i64>) -> outcome::Fields {
    outcome::Fields {
        kind,
        title: title.into(),
        date: date(when),
        status: OutcomeStatus::Signed,
        provinces,
        city: None,
        korean_side: None,
        amount: None,
        visit_id: None,
        meeting_id: None,
        forum_id: None,
        summary: None,
        sources: Vec::new(),
    }
}

pub fn money(text: &str) -> Option<Money> {
    Some(Money::parse(text, None).unwrap())
}

/// One audited change by `who`, as the commands start theirs (store::change).
pub async fn change(t: &TestApp, who: &str) -> Result<Change> {
    let turn = std::sync::Arc::new(tokio::sync::Semaphore::new(1));
    let tx = WriteTx::begin(&t.app.db, &turn).await?;
    Change::begin(tx, &author(who), "change", who).await
}

pub async fn add_outcome(t: &TestApp, who: &str, f: &outcome::Fields) -> i64 {
    let mut c = change(t, who).await.unwrap();
    let id = c.create(f).await.unwrap();
    c.commit().await.unwrap();
    id
}

pub async fn edit_outcome(t: &TestApp, who: &str, id: i64, f: &outcome::Fields) {
    let mut c = change(t, who).await.unwrap();
    c.update(id, f).await.unwrap();
    c.commit().await.unwrap();
}

/// Soft-deletes a record as one audited change.
pub async fn delete(t: &TestApp, who: &str, entity: Entity, id: i64) {
    let mut c = change(t, who).await.unwrap();
    c.delete(entity, id).await.unwrap();
    c.commit().await.unwrap();
}

pub async fn undo(t: &TestApp, who: &str) -> Result<Undone> {
    let turn = std::sync::Arc::new(tokio::sync::Semaphore::new(1));
    let tx = WriteTx::begin(&t.app.db, &turn).await?;
    undo::undo_last(tx, &author(who)).await
}

/// The sentence a refused store call gives.
pub fn refusal<T: std::fmt::Debug>(r: Result<T>) -> String {
    match r {
        Err(e @ (Error::User(_) | Error::Refused(_))) => e.user_message(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub async fn add_visit(t: &TestApp, who: &str, provinces: Vec<i64>, start: &str) -> i64 {
    let f = visit::Fields {
        provinces,
        start: date(start),
        end: None,
        city: None,
        level: None,
        leader_id: None,
        places: Vec::new(),
        purpose: None,
        size: None,
        sources: Vec::new(),
    };
    let mut c = change(t, who).await.unwrap();
    let id = c.create(&f).await.unwrap();
    c.commit().await.unwrap();
    id
}

pub async fn add_meeting(t: &TestApp, who: &str, on: &str, people: Vec<i64>) -> i64 {
    let f = meeting::Fields {
        date: date(on),
        place: Some("Seoul".into()),
        summary: None,
        visit_id: None,
        participants: people,
    };
    let mut c = change(t, who).await.unwrap();
    let id = c.create(&f).await.unwrap();
    c.commit().await.unwrap();
    id
}

pub async fn add_official(
    t: &TestApp,
    who: &str,
    name: &str,
    country: &str,
    title: Option<&str>,
) -> i64 {
    let f = official::Fields {
        name: name.into(),
        local_name: None,
        country: country.into(),
        title: title.map(String::from),
        organization: None,
        province_id: None,
    };
    let mut c = change(t, who).await.unwrap();
    let id = c.create(&f).await.unwrap();
    c.commit().await.unwrap();
    id
}

/// A post with a title and its dates (`from` and `to` as typed; empty for none).
pub fn post(title: &str, from: &str, to: &str) -> post::Fields {
    post::Fields {
        title: title.into(),
        organization: None,
        province_id: None,
        from: (!from.is_empty()).then(|| date(from)),
        to: (!to.is_empty()).then(|| date(to)),
    }
}

/// Adds a post as an audited change to its official.
pub async fn add_post(t: &TestApp, who: &str, official: i64, f: &post::Fields) -> Result<i64> {
    let mut c = change(t, who).await?;
    let (id, _) = c
        .add_post(official, f, delegation_bot::clock::today())
        .await?;
    c.commit().await?;
    Ok(id)
}

/// Removes a post as an audited change to its official.
pub async fn remove_post(t: &TestApp, who: &str, official: i64, id: i64) -> Result<()> {
    let mut c = change(t, who).await?;
    c.remove_post(official, id, delegation_bot::clock::today())
        .await?;
    c.commit().await
}
