//! Where a fact comes from, as typed: a web link, its title and the day it was published,
//! each checked, and a refusal naming the part that is wrong.

use super::text::{SHORT_MAX, parse_url};
use super::{Day, Text};
use crate::error::UserError;
use crate::msg;

/// A source as checked: the link, its title (one line), its publication day (ISO).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInput {
    pub url: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

impl SourceInput {
    /// A source from a link, an optional title and an optional publication date. A refusal
    /// names the part that is wrong: `source`, `source_title` or `source_date`.
    pub fn parse(
        url: &str,
        title: Option<&str>,
        published: Option<&str>,
    ) -> Result<SourceInput, (&'static str, UserError)> {
        Ok(SourceInput {
            url: parse_url("source", url).map_err(|e| ("source", e))?,
            title: title
                .map(|t| {
                    let t = Text::parse("source_title", t, SHORT_MAX)?;
                    if t.as_str().contains('\n') {
                        return Err(UserError::from(msg!("source-title-one-line")));
                    }
                    Ok(t)
                })
                .transpose()
                .map_err(|e| ("source_title", e))?
                .map(Text::into_string),
            published: published
                .map(|d| {
                    Day::parse(d).map_err(|e| {
                        (
                            "source_date",
                            UserError::from(msg!("in-option", option = "source_date", error = e.0)),
                        )
                    })
                })
                .transpose()?
                .map(|d| d.to_string()),
        })
    }
}
