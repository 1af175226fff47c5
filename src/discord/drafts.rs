//! A draft's Edit button (`/record draft`): a form with the drafted visit's main fields
//! (provinces, start, end, leader, places), and once it is sent, the corrected draft in
//! place of the old one with fresh buttons. The corrections become options of the saved
//! `/record draft` request, so Confirm writes exactly the draft last shown. The form must
//! be the first answer to the click, so it is built at once from the saved request
//! (drafting is a read of a few milliseconds); a sent form is acknowledged first and the
//! message edited afterwards.

use crate::catalog::{Opt, arg};
use serde_json::Value as Json;
use serenity::all::{
    ComponentInteraction, Context, CreateActionRow, CreateInputText, CreateModal, InputTextStyle,
    MessageFlags, ModalInteraction,
};

use super::components::expired;
use super::components::submitted;
use super::handler::Handler;
use super::respond::Responder;
use crate::catalog::{self, CommandId, OptionKind};
use crate::commands::Actor;
use crate::error::{Result, UserError};
use crate::request::{Request, Upload, Value, parse_value};

/// The form's fields: the `/record draft` option, the draft's field, the label (a message
/// id), the style.
const FIELDS: [(&str, &str, &str, InputTextStyle); 5] = [
    (
        "province",
        "provinces",
        "form-provinces",
        InputTextStyle::Short,
    ),
    ("start", "start", "form-start", InputTextStyle::Short),
    ("end", "end", "form-end", InputTextStyle::Short),
    ("leader", "leader", "col-leader", InputTextStyle::Short),
    ("places", "places", "form-places", InputTextStyle::Paragraph),
];

/// The most characters an option takes, which is also the most a form field holds.
fn most(option: &str) -> usize {
    match catalog::spec(CommandId::RecordDraft)
        .option(option)
        .map(|o| o.kind)
    {
        Some(OptionKind::Text(max)) => max,
        _ => 10,
    }
}

impl Handler {
    /// The draft request saved behind button `id`, if it is still there and was made by
    /// `actor`; else what to tell them.
    async fn saved_draft(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<std::result::Result<Request, String>> {
        let Some(saved) = self.app.recall(id).await?.filter(|s| s.kind == "confirm") else {
            return Ok(Err(expired()));
        };
        if saved.user_id != actor.id {
            return Ok(Err(crate::t!("only-asker-drafts")));
        }
        let upload = saved.file.map(|(name, bytes)| Upload::bytes(name, bytes));
        let req = Request::from_json(&saved.request, upload)?;
        if req.spec.id != CommandId::RecordDraft {
            return Ok(Err(expired()));
        }
        // The draft as shown, not written: the saved request is the one Confirm runs.
        Ok(Ok(req.without(arg::CONFIRM)))
    }

    /// Edit: the form, prefilled with the drafted visit.
    pub(super) async fn draft_form(
        &self,
        ctx: &Context,
        c: &ComponentInteraction,
        id: i64,
    ) -> Result<()> {
        let actor = self.gate.actor(&c.user, c.member.as_ref());
        let mut r = Responder::new(ctx.http.clone(), c.id, &c.token, c.attachment_size_limit);
        let outcome = async {
            let preview = match self.saved_draft(&actor, id).await? {
                Ok(req) => req,
                Err(notice) => return r.notice(&notice).await,
            };
            let data = self.app.handle(&actor, &preview).await?.data;
            let visit = &data["visits"][0];
            let rows = FIELDS
                .iter()
                .map(|&(option, field, label, style)| {
                    let max = most(option);
                    let label = crate::i18n::text(crate::i18n::reader(), label);
                    let mut input = CreateInputText::new(style, label, option)
                        .required(matches!(option, "province" | "start"))
                        .max_length(max as u16);
                    let value = prefill(&visit[field], max);
                    if !value.is_empty() {
                        input = input.value(value);
                    }
                    CreateActionRow::InputText(input)
                })
                .collect();
            r.modal(
                CreateModal::new(format!("edit-draft:{id}"), crate::t!("form-edit-draft"))
                    .components(rows),
            )
            .await
        }
        .await;
        match outcome {
            Ok(()) => Ok(()),
            Err(e) => r.refuse(e).await,
        }
    }

    /// The form sent: the draft again, corrected, in place of the old one.
    pub(super) async fn draft_edited(
        &self,
        ctx: &Context,
        m: &ModalInteraction,
        id: i64,
    ) -> Result<()> {
        let actor = self.gate.actor(&m.user, m.member.as_ref());
        let mut r = Responder::new(ctx.http.clone(), m.id, &m.token, m.attachment_size_limit);
        match &m.message {
            // Opened from the draft's button: that message is updated.
            Some(message) => {
                let ephemeral = message
                    .flags
                    .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
                r.defer_update(ephemeral).await?
            }
            None => r.defer(true).await?,
        }
        let values = submitted(m);
        let outcome = async {
            let preview = match self.saved_draft(&actor, id).await? {
                Ok(req) => req,
                Err(notice) => return r.notice(&notice).await,
            };
            let shown = self.app.handle(&actor, &preview).await?.data;
            let corrected = match corrections(&preview, &shown["visits"][0], &values) {
                Ok(req) => req,
                Err(e) => return r.notice(&e.to_string()).await,
            };
            match self.app.handle(&actor, &corrected).await {
                Ok(reply) => {
                    self.finish(&mut r, &actor, &corrected, Ok(reply)).await?;
                    // The old buttons stand for the old draft: forgotten, so a stale
                    // Confirm cannot write it (and only now, so that the new buttons'
                    // state never takes the old one's number).
                    self.app.forget(id).await?;
                    Ok(())
                }
                // A correction refused (an unknown place): the draft stays as it was.
                Err(e) if e.is_users() => r.notice(&e.user_message()).await,
                Err(e) => Err(e),
            }
        }
        .await;
        match outcome {
            Ok(()) => Ok(()),
            Err(e) => r.refuse(e).await,
        }
    }
}

/// The draft request with the form's changes as corrections: the fields that differ from
/// what the form showed, and `clear` for those emptied. Earlier corrections stay.
fn corrections(
    preview: &Request,
    visit: &Json,
    values: &[(String, String)],
) -> std::result::Result<Request, UserError> {
    let spec = preview.spec;
    let clearable = catalog::clearable(spec.id);
    let mut req = preview.clone();
    let mut clear: Vec<String> = preview
        .text(arg::CLEAR)
        .unwrap_or_default()
        .split(',')
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect();
    let mut changed = false;
    for (key, value) in values {
        let Some(&(option, field, label, _)) = FIELDS.iter().find(|f| f.0 == key) else {
            continue;
        };
        let max = most(option);
        if value.trim() == prefill(&visit[field], max).trim() {
            continue;
        }
        changed = true;
        let spec_option = spec.option(option).expect("the form's fields are options");
        if value.trim().is_empty() {
            if !clearable.contains(&option) {
                return Err(UserError::from(crate::msg!(
                    "form-field-empty",
                    field = crate::i18n::text(crate::i18n::reader(), label)
                )));
            }
            req = req.without(Opt(option));
            if !clear.iter().any(|c| c == option) {
                clear.push(option.to_string());
            }
        } else {
            let parsed = parse_value(option, spec_option.kind, value)?;
            req = req.with(Opt(spec_option.name), parsed);
            clear.retain(|c| c != option);
        }
    }
    if !changed {
        return Err(UserError::from(crate::msg!("draft-unchanged")));
    }
    Ok(if clear.is_empty() {
        req.without(arg::CLEAR)
    } else {
        req.with(arg::CLEAR, Value::Text(clear.join(",")))
    })
}

/// A drafted visit's field as the form shows it, at most `max` characters (Discord refuses
/// a longer prefill; an unchanged field is compared with this same text, so the cut never
/// corrects anything).
fn prefill(v: &Json, max: usize) -> String {
    let text = match v {
        Json::String(s) => s.clone(),
        Json::Number(n) => n.to_string(),
        Json::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn changed_fields_become_corrections_and_emptied_ones_are_cleared() {
        let preview = Request::parse_line("/record draft text:\"A report.\" clear:end").unwrap();
        let visit = json!({"provinces": ["Hainan"], "start": "2024-05-29", "end": null,
                           "leader": "Liu Xiaoming", "places": ["Jeju", "Seoul"]});
        let req = corrections(
            &preview,
            &visit,
            &values(&[
                ("province", "Hainan"),
                ("start", "2024-05-29"),
                ("end", "2024-05-31"),
                ("leader", "Liu Xiaoming"),
                ("places", ""),
            ]),
        )
        .unwrap();
        assert_eq!(
            req.date(arg::END).map(|d| d.to_string()).as_deref(),
            Some("2024-05-31")
        );
        assert_eq!(
            req.text(arg::CLEAR),
            Some("places"),
            "end is set again, places emptied"
        );
        assert!(!req.has(arg::PROVINCE) && !req.has(arg::START) && !req.has(arg::LEADER));
        let unchanged = corrections(
            &preview,
            &visit,
            &values(&[("province", "Hainan"), ("places", "Jeju, Seoul")]),
        );
        assert!(unchanged.is_err());
        let no_start = corrections(&preview, &visit, &values(&[("start", " ")]));
        assert!(
            no_start
                .unwrap_err()
                .to_string()
                .contains("cannot be empty")
        );
        let bad = corrections(&preview, &visit, &values(&[("start", "29 May")]));
        assert!(bad.is_err(), "dates are checked as typed options are");
    }
}
