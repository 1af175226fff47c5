//! What the adapter reads back from its own buttons and forms: the custom ids it gave them,
//! the values a form was sent with, and what an expired button says.

use serenity::all::{ActionRowComponent, ModalInteraction};

/// Said when a button's saved request is gone (a day old, or clicked already).
pub(super) fn expired() -> String {
    crate::t!("buttons-expired")
}

/// The saved draft an Edit button (`edit-draft:{state}`) or its form stands for.
pub(super) fn edit_id(custom_id: &str) -> Option<i64> {
    custom_id.strip_prefix("edit-draft:")?.parse().ok()
}

/// What a form was sent with: (field, value) in order.
pub(super) fn submitted(m: &ModalInteraction) -> Vec<(String, String)> {
    m.data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|c| match c {
            ActionRowComponent::InputText(t) => {
                Some((t.custom_id.clone(), t.value.clone().unwrap_or_default()))
            }
            _ => None,
        })
        .collect()
}
