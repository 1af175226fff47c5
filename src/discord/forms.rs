//! `/record visit edit id:N` alone opens a form prefilled with the visit; submitting it
//! edits what changed (an emptied field is cleared), guarded by the version the form was
//! opened with.

use serenity::all::{
    Context, CreateActionRow, CreateInputText, CreateModal, InputTextStyle, ModalInteraction,
};

use super::handler::Handler;
use super::render;
use super::respond::Responder;
use crate::catalog::CommandId;
use crate::error::Result;
use crate::request::Request;
use crate::store::visit::View;

/// The form's fields: key (an option of `/record visit edit`), label (a message id), style,
/// most characters.
const FIELDS: [(&str, &str, InputTextStyle, usize); 5] = [
    ("start", "form-start", InputTextStyle::Short, 10),
    ("end", "form-end", InputTextStyle::Short, 10),
    ("places", "form-places", InputTextStyle::Paragraph, 1000),
    ("purpose", "form-purpose", InputTextStyle::Paragraph, 1000),
    ("size", "form-size", InputTextStyle::Short, 5),
];

impl Handler {
    /// The form with the visit's current values (a read, which never waits on a write). A
    /// form must be the first response, so it cannot follow a deferral.
    pub(super) async fn edit_modal(&self, r: &mut Responder, id: i64) -> Result<()> {
        let visit = match self.app.visit(id).await {
            Ok(view) => view,
            Err(e) => return r.refuse(e).await,
        };
        let rows = FIELDS
            .iter()
            .map(|&(key, label, style, max)| {
                let label = crate::i18n::text(crate::i18n::reader(), label);
                let mut input = CreateInputText::new(style, label, key)
                    .required(key == "start")
                    .max_length(max as u16);
                let value = prefill(&visit, key, max);
                if !value.is_empty() {
                    input = input.value(value);
                }
                CreateActionRow::InputText(input)
            })
            .collect();
        let modal = CreateModal::new(
            format!("edit-visit:{id}:{}", visit.version),
            render::cut(&crate::t!("form-edit-visit", id = id), 45),
        )
        .components(rows);
        r.modal(modal).await
    }

    pub(super) async fn modal(&self, ctx: &Context, m: &ModalInteraction) -> Result<()> {
        if let Some(id) = super::components::edit_id(&m.data.custom_id) {
            return self.draft_edited(ctx, m, id).await;
        }
        let actor = self.gate.actor(&m.user, m.member.as_ref());
        let mut parts = m.data.custom_id.split(':');
        let (Some("edit-visit"), Some(id)) = (
            parts.next(),
            parts.next().and_then(|i| i.parse::<i64>().ok()),
        ) else {
            return Ok(());
        };
        let version = parts.next().and_then(|v| v.parse::<i64>().ok());
        let mut r = Responder::new(ctx.http.clone(), m.id, &m.token, m.attachment_size_limit);
        r.defer(true).await?;
        let values = super::components::submitted(m);
        let outcome = async {
            let current = self.app.visit(id).await?;
            let req = edit_request(id, version, &current, &values)?;
            let result = self.app.handle(&actor, &req).await;
            self.finish(&mut r, &actor, &req, result).await
        }
        .await;
        match outcome {
            Ok(()) => Ok(()),
            Err(e) => r.refuse(e).await,
        }
    }
}

/// The edit a submitted form asks for: the fields that differ from what the form showed,
/// and `clear` for those emptied.
fn edit_request(
    id: i64,
    version: Option<i64>,
    current: &View,
    values: &[(String, String)],
) -> Result<Request> {
    let mut raw = vec![("id".to_string(), id.to_string())];
    let mut cleared = Vec::new();
    for (key, value) in values {
        let Some(&(_, _, _, max)) = FIELDS.iter().find(|f| f.0 == key) else {
            continue;
        };
        if value.trim() == prefill(current, key, max).trim() {
            continue;
        }
        if value.trim().is_empty() {
            cleared.push(key.clone());
        } else {
            raw.push((key.clone(), value.clone()));
        }
    }
    if raw.len() == 1 && cleared.is_empty() {
        return Err(crate::msg!("nothing-changed").into());
    }
    if !cleared.is_empty() {
        raw.push(("clear".into(), cleared.join(",")));
    }
    if let Some(v) = version {
        raw.push(("version".into(), v.to_string()));
    }
    Ok(Request::build(
        crate::catalog::spec(CommandId::VisitEdit),
        raw,
    )?)
}

/// A visit field as the form shows it, at most `max` characters (Discord refuses a longer
/// prefill; an unchanged field is compared with this same text, so the cut never edits).
pub(super) fn prefill(visit: &View, key: &str, max: usize) -> String {
    let text = match key {
        "start" => visit.start.clone(),
        "end" => visit.end.clone().unwrap_or_default(),
        "places" => visit.places.join(", "),
        "purpose" => visit.purpose.clone().unwrap_or_default(),
        "size" => visit.size.map(|n| n.to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::arg;

    fn visit(start: &str, end: Option<&str>, places: Vec<String>, size: Option<i64>) -> View {
        View {
            id: 1,
            provinces: vec!["Hainan".into()],
            city: None,
            level: None,
            start: start.into(),
            end: end.map(String::from),
            planned: false,
            leader: None,
            places,
            purpose: None,
            size,
            meetings: Vec::new(),
            forums: Vec::new(),
            sources: Vec::new(),
            version: 3,
            dataset: "default".into(),
            last_change: None,
        }
    }

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn emptied_fields_are_cleared_and_unchanged_ones_left_alone() {
        let current = visit(
            "2024-05-29",
            Some("2024-05-31"),
            vec!["Jeju".into(), "Seoul".into()],
            Some(25),
        );
        let req = edit_request(
            1,
            Some(3),
            &current,
            &values(&[
                ("start", "2024-05-29"),
                ("end", ""),
                ("places", "Jeju, Seoul"),
                ("purpose", ""),
                ("size", ""),
            ]),
        )
        .unwrap();
        assert_eq!(req.text(arg::CLEAR), Some("end,size"));
        assert!(!req.has(arg::START) && !req.has(arg::PLACES) && !req.has(arg::PURPOSE));
        assert_eq!(req.int(arg::VERSION), Some(3));
        let nothing = edit_request(1, None, &current, &values(&[("start", "2024-05-29")]));
        assert!(nothing.is_err());
    }

    #[test]
    fn prefills_fit_their_fields_and_an_untouched_long_one_is_no_change() {
        let places: Vec<String> = (0..200).map(|i| format!("Place {i}")).collect();
        let current = visit("2024-05-29", None, places, None);
        let shown = prefill(&current, "places", 1000);
        assert_eq!(shown.chars().count(), 1000);
        let nothing = edit_request(1, None, &current, &values(&[("places", &shown)]));
        assert!(
            nothing.is_err(),
            "the cut prefill sent back unchanged edits nothing"
        );
    }
}
