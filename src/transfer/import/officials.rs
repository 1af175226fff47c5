//! Officials rows: checked like `/record official add`, matched by name when they come from
//! another database (one person is one record: a name already on record is that person,
//! kept as they are), written in bulk with their aliases.

use super::job::{Class, Job};
use super::{Item, Refusal};
use crate::domain::Entity;
use crate::domain::text::{NAME_MAX, SHORT_MAX};
use crate::domain::{Country, FlexDate, Text, normalize};
use crate::error::Result;
use crate::intake::romanize;
use crate::store::bulk::New;
use crate::store::kind;
use crate::store::official::{self, Fields};
use crate::store::{post, region};

/// A checked row: the fields, every name the person goes by (name, local name, aliases),
/// and their posts (None: the row has no `posts` cell).
struct Checked {
    fields: Fields,
    aliases: Vec<String>,
    posts: Option<Vec<post::Fields>>,
}

/// The `posts` cell: one post a line, `title | organization | province | from | to`
/// (empty parts left empty), checked like `/record official post`.
fn posts(job: &Job<'_>, item: &Item) -> Result<Option<Vec<post::Fields>>, Refusal> {
    let Some(cell) = item.get("posts") else {
        return Ok(None);
    };
    let at = item.at("posts");
    let mut out = Vec::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        if parts.len() > 5 {
            return Err(item.refuse(Some("posts"), crate::msg!("import-post-parts", line = line)));
        }
        let part = |i: usize| parts.get(i).copied().filter(|p| !p.is_empty());
        let Some(title) = part(0) else {
            return Err(item.refuse(
                Some("posts"),
                crate::msg!("import-post-no-title", line = line),
            ));
        };
        let date = |i: usize| part(i).map(FlexDate::parse).transpose().map_err(&at);
        let post = post::Fields {
            title: Text::parse("posts", title, SHORT_MAX)
                .map_err(&at)?
                .into_string(),
            organization: part(1)
                .map(|o| Text::parse("posts", o, SHORT_MAX).map(Text::into_string))
                .transpose()
                .map_err(&at)?,
            province_id: part(2)
                .map(|p| job.names.region(region::Country::China, p))
                .transpose()
                .map_err(item.at("posts"))?,
            from: date(3)?,
            to: date(4)?,
        };
        if let (Some(from), Some(to)) = (post.from, post.to)
            && to.last_day() < from.first_day()
        {
            return Err(item.refuse(
                Some("posts"),
                crate::msg!("import-post-ends-before-start", line = line),
            ));
        }
        out.push(post);
    }
    if let Some((a, _)) = post::overlapping(&out) {
        return Err(item.refuse(
            Some("posts"),
            crate::msg!("import-posts-overlap", title = a.title.as_str()),
        ));
    }
    Ok(Some(out))
}

fn check(job: &Job<'_>, item: &Item) -> Result<Checked, Refusal> {
    let name = Text::parse("name", item.required("name")?, NAME_MAX)
        .map_err(item.at("name"))?
        .into_string();
    let fields = Fields {
        name,
        local_name: item.text("local_name", NAME_MAX)?,
        country: Country::parse(item.required("country")?)
            .map_err(item.at("country"))?
            .label()
            .to_string(),
        title: item.text("title", SHORT_MAX)?,
        organization: item.text("organization", SHORT_MAX)?,
        province_id: item
            .get("province")
            .map(|p| job.names.region(region::Country::China, p))
            .transpose()
            .map_err(item.at("province"))?,
    };
    let mut aliases = Vec::new();
    for a in item.list("aliases") {
        let a = Text::parse("aliases", a, NAME_MAX).map_err(item.at("aliases"))?;
        if normalize(a.as_str()).is_empty() {
            return Err(item.refuse(Some("aliases"), crate::error::Refusal::AliasEmpty));
        }
        aliases.push(a.into_string());
    }
    let posts = posts(job, item)?;
    Ok(Checked {
        fields,
        aliases,
        posts,
    })
}

/// Every name of the person, normalized once each, in order.
fn all_names(c: &Checked) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for name in std::iter::once(&c.fields.name)
        .chain(&c.fields.local_name)
        .chain(&c.aliases)
    {
        let norm = normalize(name);
        if !norm.is_empty() && !out.iter().any(|(n, _)| *n == norm) {
            out.push((norm, name.trim().to_string()));
        }
    }
    out
}

pub(super) async fn import(job: &mut Job<'_>, items: Vec<Item>) -> Result<()> {
    let kind = Entity::Official;
    let existing = job.existing(kind, &items).await?;
    let mut next = job.first_free_id(kind, &items).await?;
    let mut new: Vec<New<Fields>> = Vec::new();
    let mut aliases: Vec<(String, String, i64)> = Vec::new();
    let mut posts: Vec<(i64, post::Fields)> = Vec::new();
    let mut readings: Vec<(i64, Vec<String>)> = Vec::new();
    for item in &items {
        let Some(class) = job.class_of(&existing, item) else {
            continue;
        };
        let checked = match check(job, item) {
            Ok(c) => c,
            Err(r) => {
                job.refuse(kind, r);
                continue;
            }
        };
        let names = all_names(&checked);
        let (id, version) = match class {
            Class::Unchanged => unreachable!("class_of counts unchanged rows"),
            Class::Same { id, version } => {
                update(job, &existing, item, id, version, checked, &names).await?;
                continue;
            }
            Class::Restore { id, version } => (id, version),
            Class::Fresh | Class::Foreign(_) => {
                // Another database's person, or a hand-made row: the same name is the same
                // person, kept as on record.
                if let Some((held, holder)) = names
                    .iter()
                    .find_map(|(n, _)| job.names.holder(n))
                    .map(|(id, name)| (id, name.to_string()))
                {
                    job.count(kind).unchanged += 1;
                    let note = crate::msg!(
                        "import-already-on-record",
                        name = checked.fields.name.as_str(),
                        holder = holder,
                        id = held.to_string()
                    );
                    job.change(kind, item.at, held, note);
                    continue;
                }
                next += 1;
                (next - 1, 1)
            }
        };
        if let Some(r) = taken(job, item, id, &names) {
            job.refuse(kind, r);
            continue;
        }
        // Their name in the other scripts, as /record official add makes it.
        let spellings: Vec<&str> = names.iter().map(|(_, alias)| alias.as_str()).collect();
        let chinese = checked.fields.country == "China";
        readings.push((id, romanize::readings(&spellings, chinese)));
        for (norm, alias) in names {
            job.names.learn(norm.clone(), id, &checked.fields.name);
            aliases.push((norm, alias, id));
        }
        let mut career = checked.posts.clone().unwrap_or_default();
        if let Some(title) = &checked.fields.title
            && !post::holds(&career, title)
        {
            // A title given as a plain value is the post they hold, dates unknown.
            let f = &checked.fields;
            career.push(post::carried(
                title,
                f.organization.as_deref(),
                f.province_id,
            ));
        }
        posts.extend(career.into_iter().map(|p| (id, p)));
        new.push(New {
            id,
            version,
            fields: checked.fields,
        });
    }
    let today = Some(crate::clock::today());
    let officials = kind::NewOfficials {
        rows: &new,
        aliases: &aliases,
        readings: &readings,
        posts: &posts,
    };
    kind::insert_officials(&mut job.write, officials, job.opts.dataset, today).await?;
    let ids: Vec<(i64, i64)> = new.iter().map(|n| (n.id, n.version)).collect();
    job.created(kind, &ids);
    Ok(())
}

/// A name that already belongs to somebody other than `id`.
fn taken(job: &Job<'_>, item: &Item, id: i64, names: &[(String, String)]) -> Option<Refusal> {
    names
        .iter()
        .find_map(|(norm, alias)| match job.names.holder(norm) {
            Some((holder, name)) if holder != id => Some(item.refuse(
                Some(if *alias == *item.get("name").unwrap_or_default() {
                    "name"
                } else {
                    "aliases"
                }),
                crate::error::Refusal::AliasTaken {
                    alias: alias.clone(),
                    holder: name.to_string(),
                },
            )),
            _ => None,
        })
}

async fn update(
    job: &mut Job<'_>,
    existing: &super::job::Existing,
    item: &Item,
    id: i64,
    version: i64,
    checked: Checked,
    names: &[(String, String)],
) -> Result<()> {
    // A `posts` cell replaces the career; an empty one (or a file from before careers
    // were exported) leaves it as it is: /record official post-remove takes posts off.
    let same_posts = checked.posts.as_ref().is_none_or(|_| {
        !Job::diff(existing, item, id)
            .iter()
            .any(|d| d.starts_with("posts:"))
    });
    let same = |before: &official::Snapshot| {
        Fields::from_snapshot(before) == checked.fields
            && same_posts
            && names
                .iter()
                .all(|(n, _)| before.aliases.iter().any(|a| a.norm == *n))
    };
    let Some(opened) = job.open_update::<Fields>(item, id, version, same).await? else {
        return Ok(());
    };
    if let Some(r) = taken(job, item, id, names) {
        job.refuse(Entity::Official, r);
        return Ok(());
    }
    let posts = checked.posts.as_deref().filter(|_| !same_posts);
    let spellings: Vec<String> = names.iter().map(|(_, alias)| alias.clone()).collect();
    let today = crate::clock::today();
    job.write
        .import_official(id, &checked.fields, posts, &spellings, today)
        .await?;
    for (norm, _) in names {
        job.names.learn(norm.clone(), id, &checked.fields.name);
    }
    job.log_update::<Fields>(existing, item, id, opened).await
}
