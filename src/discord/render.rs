//! A `Reply` as Discord embeds, attachments and buttons, always within Discord's limits
//! (Discord's documented limits, docs/discord.md): the fitting is done on plain strings so it can be tested
//! without Discord.

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton,
    CreateEmbed, CreateEmbedFooter,
};

use crate::reply::{Reply, Table};

pub const TITLE_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 4096;
pub const FIELDS_MAX: usize = 25;
pub const FIELD_NAME_MAX: usize = 256;
pub const FIELD_VALUE_MAX: usize = 1024;
pub const FOOTER_MAX: usize = 2048;
pub const EMBED_TOTAL_MAX: usize = 6000;
pub const CUSTOM_ID_MAX: usize = 100;

/// An embed as plain strings, already cut to fit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmbedText {
    pub title: String,
    pub description: String,
    pub fields: Vec<(String, String, bool)>,
    pub footer: Option<String>,
    /// Rows of the reply's table that did not fit (not part of the embed).
    pub rows_hidden: usize,
}

impl EmbedText {
    pub fn total(&self) -> usize {
        len(&self.title)
            + len(&self.description)
            + self
                .fields
                .iter()
                .map(|(n, v, _)| len(n) + len(v))
                .sum::<usize>()
            + self.footer.as_deref().map(len).unwrap_or(0)
    }
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// Cuts to at most `max` characters, marking the cut with an ellipsis.
pub fn cut(s: &str, max: usize) -> String {
    if len(s) <= max {
        s.to_string()
    } else {
        s.chars().take(max.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// Text outside code blocks, made inert: stored text (a purpose, a name) must not become a
/// link (`[x](https://...)`), a heading or a quote in an embed. Discord shows an escaped
/// character as itself.
fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with(['#', '>']) || trimmed.starts_with("-#") {
            out.push_str(&line[..line.len() - trimmed.len()]);
            out.push('\\');
            out.push_str(&trimmed.replace('[', "\\[").replace(']', "\\]"));
        } else {
            out.push_str(&line.replace('[', "\\[").replace(']', "\\]"));
        }
    }
    out
}

/// Text shown inside a code block must not close it.
fn fence_safe(s: &str) -> String {
    s.replace('`', "ˋ")
}

/// A table in a code block of at most `budget` characters: rows that do not fit are
/// dropped and counted; returns the block and how many rows it leaves out.
fn table_block(table: &Table, budget: usize) -> (String, usize) {
    let safe = Table {
        headers: table.headers.iter().map(|h| fence_safe(h)).collect(),
        rows: table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| fence_safe(c)).collect())
            .collect(),
        numeric: table.numeric.clone(),
    };
    let block = |rows: usize| {
        let shown = Table {
            rows: safe.rows[..rows].to_vec(),
            ..safe.clone()
        };
        let mut block = format!("```\n{}```", shown.render());
        if rows < safe.rows.len() {
            block.push_str(&format!(
                "\n… {} more rows not shown",
                safe.rows.len() - rows
            ));
        }
        block
    };
    // The most rows that fit: a binary search, since rendering is the costly part. One
    // rendering of the whole table first bounds it: rows are one line each (unless a cell
    // holds a line break), and the widths of fewer rows are never wider.
    let (mut lo, mut hi) = (0, safe.rows.len());
    if !safe.rows.iter().flatten().any(|c| c.contains('\n')) {
        let full = format!("```\n{}```", safe.render());
        if len(&full) <= budget {
            return (full, 0);
        }
        let mut used = 0;
        let mut fit = 0;
        for (i, line) in full.lines().enumerate() {
            used += len(line) + 1;
            if used > budget {
                break;
            }
            fit = i;
        }
        // Lines 0 to 2 are the fence, the header and its rule; with narrower columns a few
        // more rows may fit, so the search starts from this many if they do fit with the
        // "more rows" line.
        let rows = fit.saturating_sub(3).min(hi);
        if len(&block(rows)) <= budget {
            // Narrower columns save a few characters a row: a handful more rows at most.
            (lo, hi) = (rows, hi.min(rows + 8));
        }
    }
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if len(&block(mid)) <= budget {
            lo = mid
        } else {
            hi = mid - 1
        }
    }
    let best = block(lo);
    if len(&best) <= budget {
        (best, safe.rows.len() - lo)
    } else {
        (String::new(), safe.rows.len())
    }
}

/// A table as a CSV file (with a byte-order mark, for Excel), for a reply whose table is
/// longer than an embed holds.
pub fn table_csv(table: &Table) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = w.write_record(&table.headers);
    for row in &table.rows {
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}

/// The reply's text as one embed within every per-field and total limit.
pub fn embed_text(reply: &Reply) -> EmbedText {
    let title = cut(&reply.title, TITLE_MAX);
    let footer = reply.footer.as_deref().map(|f| cut(f, FOOTER_MAX));
    let fields: Vec<(String, String, bool)> = reply
        .fields
        .iter()
        .take(FIELDS_MAX)
        .map(|f| {
            (
                cut(&f.name, FIELD_NAME_MAX),
                cut(&inert(&f.value), FIELD_VALUE_MAX),
                f.inline,
            )
        })
        .collect();
    let mut e = EmbedText {
        title,
        description: String::new(),
        fields,
        footer,
        rows_hidden: 0,
    };
    // Fields that would break the total go first, from the end.
    while e.total() > EMBED_TOTAL_MAX - 200 && !e.fields.is_empty() {
        e.fields.pop();
    }
    let room = (EMBED_TOTAL_MAX - e.total()).min(DESCRIPTION_MAX);
    let text = reply
        .text
        .as_deref()
        .map(|t| cut(&inert(t), room.min(1500)))
        .unwrap_or_default();
    let (table, hidden) = match &reply.table {
        Some(t) => table_block(t, room.saturating_sub(len(&text) + 2)),
        None => (String::new(), 0),
    };
    e.rows_hidden = hidden;
    e.description = [text, table]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    e
}

pub fn embed(text: &EmbedText, image: Option<&str>) -> CreateEmbed {
    let mut e = CreateEmbed::new().title(&text.title).colour(0x3465a4);
    if !text.description.is_empty() {
        e = e.description(&text.description);
    }
    for (name, value, inline) in &text.fields {
        e = e.field(name, value, *inline);
    }
    if let Some(f) = &text.footer {
        e = e.footer(CreateEmbedFooter::new(f));
    }
    if let Some(img) = image {
        e = e.image(format!("attachment://{img}"));
    }
    e
}

/// Replies never ping anyone, whatever names the data holds.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
}

pub fn files(reply: &Reply, chart: Option<Vec<u8>>) -> Vec<CreateAttachment> {
    let mut out: Vec<CreateAttachment> = reply
        .attachments
        .iter()
        .map(|a| CreateAttachment::bytes(a.bytes.clone(), a.filename.clone()))
        .collect();
    if let Some(png) = chart {
        out.push(CreateAttachment::bytes(png, "chart.png"));
    }
    out
}

/// Previous / Next buttons whose ids name a saved request and the page to show.
pub fn page_buttons(state: i64, page: i64, pages: i64) -> CreateActionRow {
    CreateActionRow::Buttons(vec![
        CreateButton::new(format!("page:{state}:{}", page - 1))
            .label(crate::t!("button-previous"))
            .style(ButtonStyle::Secondary)
            .disabled(page <= 1),
        CreateButton::new(format!("page:{state}:{}", page + 1))
            .label(crate::t!("button-next"))
            .style(ButtonStyle::Secondary)
            .disabled(page >= pages),
    ])
}

pub fn confirm_buttons(state: i64, label: &str) -> CreateActionRow {
    CreateActionRow::Buttons(vec![
        CreateButton::new(format!("confirm:{state}"))
            .label(cut(label, 80))
            .style(ButtonStyle::Danger),
        CreateButton::new(format!("cancel:{state}"))
            .label(crate::t!("button-cancel"))
            .style(ButtonStyle::Secondary),
    ])
}

/// A draft's buttons: Confirm writes it, Edit opens a form of the visit's main fields,
/// Discard forgets it.
pub fn draft_buttons(state: i64) -> CreateActionRow {
    CreateActionRow::Buttons(vec![
        CreateButton::new(format!("confirm:{state}"))
            .label(crate::t!("button-confirm"))
            .style(ButtonStyle::Success),
        CreateButton::new(format!("edit-draft:{state}"))
            .label(crate::t!("button-edit"))
            .style(ButtonStyle::Primary),
        CreateButton::new(format!("cancel:{state}"))
            .label(crate::t!("button-discard"))
            .style(ButtonStyle::Secondary),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Reply;

    #[test]
    fn stored_markdown_stays_text() {
        let reply = Reply::new("Visit #1")
            .text("Purpose: [x](https://evil.example)\n# Not a heading\n> not a quote")
            .field("Places", "[Seoul](https://evil.example)");
        let e = embed_text(&reply);
        assert!(!e.description.contains("[x]("), "{}", e.description);
        assert!(e.description.contains("\\[x\\](https://evil.example)"));
        assert!(e.description.contains("\\# Not a heading"));
        assert!(e.description.contains("\\> not a quote"));
        assert!(e.fields[0].1.starts_with("\\[Seoul\\]"));
    }

    #[test]
    fn oversized_replies_are_cut_to_discords_limits() {
        let mut table = Table::new(&["#", "Name"], &[true, false]);
        for i in 0..2000 {
            table.row(vec![i.to_string(), "x".repeat(90) + "```"]);
        }
        let mut reply = Reply::new("t".repeat(400))
            .text("d".repeat(5000))
            .table(table)
            .footer("f".repeat(3000));
        for i in 0..40 {
            reply = reply.field(format!("{i}{}", "n".repeat(300)), "v".repeat(2000));
        }
        let e = embed_text(&reply);
        assert!(len(&e.title) <= TITLE_MAX);
        assert!(len(&e.description) <= DESCRIPTION_MAX);
        assert!(e.fields.len() <= FIELDS_MAX);
        assert!(
            e.fields
                .iter()
                .all(|(n, v, _)| len(n) <= FIELD_NAME_MAX && len(v) <= FIELD_VALUE_MAX)
        );
        assert!(e.footer.as_deref().map(len).unwrap_or(0) <= FOOTER_MAX);
        assert!(e.total() <= EMBED_TOTAL_MAX, "{}", e.total());
        assert_eq!(
            e.description.matches("```").count() % 2,
            0,
            "code fences stay balanced"
        );
    }

    #[test]
    fn custom_ids_stay_short() {
        let row = page_buttons(i64::MAX, 100_000, 100_001);
        let json = serde_json::to_value(&row).unwrap();
        for b in json["components"].as_array().unwrap() {
            assert!(b["custom_id"].as_str().unwrap().len() <= CUSTOM_ID_MAX);
        }
    }
}
