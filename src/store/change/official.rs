//! The audited writes of an official beyond its fields: spellings, posts, a new title, a
//! merge. Each method notes the records it touches before writing and logs them after, so
//! a command cannot change a person without the audit log (and undo) knowing.

use chrono::NaiveDate;

use super::{Before, Change};
use crate::domain::Entity;
use crate::error::Result;
use crate::store::kind::Record;
use crate::store::official::{self, Fields, Snapshot};
use crate::store::post::{self, PostRow, Retitled};
use crate::store::{meeting, visit, watch};

/// An official's title before and after a change to their posts.
pub struct Titles {
    pub before: Option<String>,
    pub now: Option<String>,
}

impl Change {
    /// Adds a spelling an official is known by.
    pub async fn add_alias(&mut self, official: i64, alias: &str) -> Result<()> {
        let before = self.before(Entity::Official, official).await?;
        official::add_alias(&mut self.tx, official, alias).await?;
        self.log(before).await
    }

    /// Keeps an official's spellings in the other scripts, generated from those typed.
    pub async fn add_readings(&mut self, official: i64, readings: &[String]) -> Result<()> {
        let before = self.before(Entity::Official, official).await?;
        official::add_readings(&mut self.tx, official, readings).await?;
        self.log(before).await
    }

    /// Takes a spelling off an official.
    pub async fn remove_alias(&mut self, official: i64, alias: &str) -> Result<()> {
        let before = self.before(Entity::Official, official).await?;
        official::remove_alias(&mut self.tx, official, alias).await?;
        self.log(before).await
    }

    /// Writes an official's fields; a new title is the post held from `today` (the one
    /// held until then ends), as `/record official edit title:` promises.
    pub async fn edit_official(
        &mut self,
        id: i64,
        fields: &Fields,
        today: NaiveDate,
    ) -> Result<Retitled> {
        let before = self.before(Entity::Official, id).await?;
        let title_before = official::title(&mut self.tx, id).await?;
        fields.write(&mut self.tx, id).await?;
        let retitled = if fields.title != title_before {
            let post = carried_post(fields);
            post::change_title(&mut self.tx, id, post.as_ref(), today).await?
        } else {
            Retitled::Same
        };
        post::settle_titles(&mut self.tx, &[id], today).await?;
        self.log(before).await?;
        Ok(retitled)
    }

    /// Adds a post to an official's career; their title follows the post held `today`.
    pub async fn add_post(
        &mut self,
        official: i64,
        fields: &post::Fields,
        today: NaiveDate,
    ) -> Result<(i64, Titles)> {
        let before = self.before_posts(official).await?;
        let id = post::add(&mut self.tx, official, fields).await?;
        Ok((id, self.after_posts(official, before, today).await?))
    }

    /// Takes post `id` off an official's career.
    pub async fn remove_post(
        &mut self,
        official: i64,
        id: i64,
        today: NaiveDate,
    ) -> Result<(PostRow, Titles)> {
        let before = self.before_posts(official).await?;
        let row = post::remove(&mut self.tx, official, id).await?;
        Ok((row, self.after_posts(official, before, today).await?))
    }

    async fn before_posts(&mut self, official: i64) -> Result<(Before, Option<String>)> {
        let before = self.before(Entity::Official, official).await?;
        Ok((before, official::title(&mut self.tx, official).await?))
    }

    /// The official's version moves on with their posts, their title follows, and the
    /// change is logged.
    async fn after_posts(
        &mut self,
        official: i64,
        (before, title): (Before, Option<String>),
        today: NaiveDate,
    ) -> Result<Titles> {
        post::touch_official(&mut self.tx, official, today).await?;
        let now = official::title(&mut self.tx, official).await?;
        self.log(before).await?;
        Ok(Titles { before: title, now })
    }

    /// Merges the duplicate `gone` into `kept`: their meetings and the visits they led move
    /// to the kept person, who gains their posts and spellings and fills gaps from their
    /// fields; the duplicate is deleted. Returns the watches that now follow `kept`.
    pub async fn merge_officials(
        &mut self,
        kept: &Snapshot,
        gone: &Snapshot,
        meetings: &[i64],
        visits: &[i64],
        today: NaiveDate,
    ) -> Result<Vec<i64>> {
        let (keep, remove) = (kept.row.id, gone.row.id);
        // Undo replays entries in reverse: the kept record must give the aliases back first.
        let mut touched: Vec<(Entity, i64)> =
            vec![(Entity::Official, remove), (Entity::Official, keep)];
        touched.extend(meetings.iter().map(|m| (Entity::Meeting, *m)));
        touched.extend(visits.iter().map(|v| (Entity::Visit, *v)));
        let mut befores = Vec::new();
        for (entity, id) in &touched {
            befores.push(self.before(*entity, *id).await?);
        }
        for m in meetings {
            let mut f = self.fields::<meeting::Fields>(*m).await?;
            for p in f.participants.iter_mut().filter(|p| **p == remove) {
                *p = keep;
            }
            f.participants.sort_unstable();
            f.participants.dedup();
            f.write(&mut self.tx, *m).await?;
        }
        for v in visits {
            let mut f = self.fields::<visit::Fields>(*v).await?;
            f.leader_id = Some(keep);
            f.write(&mut self.tx, *v).await?;
        }
        official::soft_delete(&mut self.tx, remove).await?;
        let watches = watch::move_official(&mut self.tx, remove, keep).await?;
        // The kept record's career gains the duplicate's posts it did not have.
        post::move_to(&mut self.tx, remove, keep).await?;
        let (k, g) = (&kept.row, &gone.row);
        let merged = Fields {
            name: k.name.clone(),
            local_name: k.local_name.clone().or(g.local_name.clone()),
            country: k.country.clone(),
            title: k.title.clone().or(g.title.clone()),
            organization: k.organization.clone().or(g.organization.clone()),
            province_id: k.province_id.or(g.province_id),
        };
        merged.write(&mut self.tx, keep).await?;
        post::settle_titles(&mut self.tx, &[keep], today).await?;
        for a in &gone.aliases {
            official::add_alias(&mut self.tx, keep, &a.alias).await?;
        }
        for before in befores {
            self.log(before).await?;
        }
        Ok(watches)
    }

    /// Writes what an import row says of an existing official: fields, a career (`posts`,
    /// when the row replaces it) and spellings. Not logged here: the import logs the row
    /// against the record as it compared it (`log_json`).
    pub async fn import_official(
        &mut self,
        id: i64,
        fields: &Fields,
        posts: Option<&[post::Fields]>,
        spellings: &[String],
        today: NaiveDate,
    ) -> Result<()> {
        let title_before = official::title(&mut self.tx, id).await?;
        fields.write(&mut self.tx, id).await?;
        let post = carried_post(fields);
        if let Some(posts) = posts {
            post::replace(&mut self.tx, id, posts).await?;
            if let Some(post) = &post {
                post::carry(&mut self.tx, id, post).await?;
            }
        } else if fields.title != title_before {
            // The same as /record official edit title: the post held today ends today.
            post::change_title(&mut self.tx, id, post.as_ref(), today).await?;
        }
        post::settle_titles(&mut self.tx, &[id], today).await?;
        for alias in spellings {
            official::add_alias(&mut self.tx, id, alias).await?;
        }
        Ok(())
    }

    /// The fields of a record this change is about to rewrite.
    async fn fields<R: Record>(&mut self, id: i64) -> Result<R> {
        let s = R::load(&mut self.tx, id)
            .await?
            .ok_or_else(|| super::missing(R::ENTITY, id))?;
        Ok(R::fields(&s))
    }
}

/// The post an official's title stands for, its dates unknown.
fn carried_post(f: &Fields) -> Option<post::Fields> {
    f.title
        .as_deref()
        .map(|t| post::carried(t, f.organization.as_deref(), f.province_id))
}
