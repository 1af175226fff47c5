//! The fake's rules on their own, spoken to with serenity's HTTP client as the bot speaks:
//! each rule refuses what Discord refuses, with Discord's status and code, and lets through
//! what Discord lets through (serenity's empty arrays).

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use serenity::all::{
    CommandOptionType, CreateActionRow, CreateAttachment, CreateCommand, CreateCommandOption,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateModal, EditInteractionResponse, GuildId, Http,
    HttpBuilder, InputTextStyle, InteractionId, InteractionResponseFlags, MessageFlags,
};
use serenity::builder::Builder as _;

use super::fake::*;

fn http(fake: &FakeDiscord) -> Arc<Http> {
    Arc::new(
        HttpBuilder::new(TOKEN)
            .proxy(&fake.base)
            .ratelimiter_disabled(true)
            .application_id(serenity::all::ApplicationId::new(APP_ID.parse().unwrap()))
            .build(),
    )
}

/// Discord's status and code for a refused request.
fn refusal<T: std::fmt::Debug>(r: serenity::Result<T>) -> (u16, isize) {
    match r {
        Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(e))) => {
            (e.status_code.as_u16(), e.error.code)
        }
        other => panic!("not refused: {other:?}"),
    }
}

/// An interaction the fake has dispatched (its clock runs from now), not sent to any bot.
fn dispatched(fake: &FakeDiscord, interaction: Value) -> (InteractionId, String) {
    fake.track(&interaction);
    (
        InteractionId::new(interaction["id"].as_str().unwrap().parse().unwrap()),
        interaction["token"].as_str().unwrap().to_string(),
    )
}

fn defer(ephemeral: bool) -> CreateInteractionResponse {
    CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral))
}

fn text(content: &str) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(CreateInteractionResponseMessage::new().content(content))
}

#[tokio::test]
async fn first_responses_come_within_3_seconds_and_once() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let (id, token) = dispatched(&fake, command(Who::Member, &["stats"], &[]));
    fake.advance(DEADLINE + Duration::from_millis(1));
    assert_eq!(
        refusal(defer(false).execute(&http, (id, &token)).await),
        (404, 10062)
    );
    let (id, token) = dispatched(&fake, command(Who::Member, &["stats"], &[]));
    defer(false).execute(&http, (id, &token)).await.unwrap();
    assert_eq!(
        refusal(defer(false).execute(&http, (id, &token)).await),
        (400, 40060)
    );
    assert_eq!(fake.take_violations().len(), 2);
}

#[tokio::test]
async fn edits_need_an_acknowledged_interaction_and_a_live_token() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let (id, token) = dispatched(&fake, command(Who::Member, &["stats"], &[]));
    let edit = || EditInteractionResponse::new().content("done");
    assert_eq!(refusal(edit().execute(&http, &token).await), (404, 10015));
    defer(false).execute(&http, (id, &token)).await.unwrap();
    edit().execute(&http, &token).await.unwrap();
    fake.advance(TOKEN_LIFETIME);
    assert_eq!(refusal(edit().execute(&http, &token).await), (401, 50027));
    let followup = CreateInteractionResponseFollowup::new().content("more");
    assert_eq!(
        refusal(followup.execute(&http, (None, &token)).await),
        (401, 50027)
    );
    assert_eq!(fake.take_violations().len(), 3);
}

#[tokio::test]
async fn uploads_keep_to_the_interactions_limit_and_25_mib_a_request() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let (id, token) = dispatched(&fake, command(Who::Member, &["export"], &[]));
    defer(true).execute(&http, (id, &token)).await.unwrap();
    let file = |n: usize| CreateAttachment::bytes(vec![b'x'; n], format!("{n}.csv"));
    let fits = EditInteractionResponse::new().new_attachment(file(ATTACHMENT_SIZE_LIMIT));
    fits.execute(&http, &token).await.unwrap();
    let over = EditInteractionResponse::new().new_attachment(file(ATTACHMENT_SIZE_LIMIT + 1));
    assert_eq!(refusal(over.execute(&http, &token).await), (413, 40005));
    let three = CreateInteractionResponseFollowup::new()
        .add_files((0..3).map(|_| file(ATTACHMENT_SIZE_LIMIT)))
        .ephemeral(true);
    assert_eq!(
        refusal(three.execute(&http, (None, &token)).await),
        (413, 40005),
        "30 MiB in one request"
    );
    assert_eq!(fake.take_violations().len(), 2);
}

#[tokio::test]
async fn bodies_are_checked_against_the_spec_and_discords_rules() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    // serenity checks the content's length itself; sent as it is, Discord refuses it.
    let (id, token) = dispatched(&fake, command(Who::Member, &["stats"], &[]));
    let long = json!({"type": 4, "data": {"content": "x".repeat(2001)}});
    let r = http
        .create_interaction_response(id, &token, &long, vec![])
        .await;
    assert_eq!(refusal(r), (400, 50035), "content over 2000");
    let cases: Vec<(&str, CreateInteractionResponse)> = vec![
        (
            "a deferral with a flag other than EPHEMERAL",
            CreateInteractionResponse::Defer(
                CreateInteractionResponseMessage::new()
                    .flags(InteractionResponseFlags::SUPPRESS_EMBEDS),
            ),
        ),
        ("an empty message", text("")),
        (
            "a modal with six rows",
            CreateInteractionResponse::Modal(
                CreateModal::new("m", "Form").components(
                    (0..6)
                        .map(|i| {
                            CreateActionRow::InputText(CreateInputText::new(
                                InputTextStyle::Short,
                                "L",
                                format!("f{i}"),
                            ))
                        })
                        .collect(),
                ),
            ),
        ),
        (
            "a prefill longer than its field",
            CreateInteractionResponse::Modal(CreateModal::new("m", "Form").components(
                vec![CreateActionRow::InputText(
                    CreateInputText::new(InputTextStyle::Short, "L", "f")
                        .max_length(5)
                        .value("123456"),
                )],
            )),
        ),
        (
            "an update answering a command",
            CreateInteractionResponse::Acknowledge,
        ),
    ];
    for (what, response) in cases {
        let (id, token) = dispatched(&fake, command(Who::Member, &["stats"], &[]));
        assert_eq!(
            refusal(response.execute(&http, (id, &token)).await),
            (400, 50035),
            "{what}"
        );
    }
    // Ephemerality is fixed by the first response: an edit cannot set it.
    let (id, token) = dispatched(&fake, command(Who::Member, &["stats"], &[]));
    defer(false).execute(&http, (id, &token)).await.unwrap();
    let private = EditInteractionResponse::new()
        .content("x")
        .flags(MessageFlags::EPHEMERAL);
    assert_eq!(refusal(private.execute(&http, &token).await), (400, 50035));
    // Edits and follow-ups meet the spec's schemas too (sent as they are: serenity's own
    // checks would stop these first).
    let embeds: Vec<Value> = (0..11).map(|i| json!({"title": format!("{i}")})).collect();
    let eleven = json!({"embeds": embeds});
    let r = http
        .edit_original_interaction_response(&token, &eleven, vec![])
        .await;
    assert_eq!(refusal(r), (400, 50035), "eleven embeds in an edit");
    let long_title = json!({"embeds": [{"title": "t".repeat(257)}], "flags": 64});
    let r = http
        .create_followup_message(&token, &long_title, vec![])
        .await;
    assert_eq!(refusal(r), (400, 50035), "a title over 256 in a follow-up");
    let fine = json!({"embeds": [{"title": "t".repeat(256)}], "flags": 64});
    http.create_followup_message(&token, &fine, vec![])
        .await
        .unwrap();
    assert_eq!(fake.take_violations().len(), 9);
}

#[tokio::test]
async fn commands_are_checked_and_serenitys_empty_arrays_pass() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let guild = GuildId::new(GUILD.parse().unwrap());
    // serenity sends `options: []`, `choices: []` and `channel_types: []` for every option.
    let good = CreateCommand::new("watch")
        .description("Watch a channel")
        .add_option(
            CreateCommandOption::new(CommandOptionType::Channel, "channel", "Where").required(true),
        )
        .add_option(
            CreateCommandOption::new(CommandOptionType::String, "what", "What")
                .set_autocomplete(true),
        );
    guild.set_commands(&http, vec![good.clone()]).await.unwrap();
    let body = fake.requests().last().unwrap().payload().json;
    assert_eq!(body[0]["options"][0]["channel_types"], json!([]), "{body}");
    assert_eq!(body[0]["options"][1]["choices"], json!([]), "{body}");
    let bad = [
        CreateCommand::new("Watch").description("Uppercase name"),
        CreateCommand::new("watch").description(""),
        good.clone().add_option(
            CreateCommandOption::new(
                CommandOptionType::String,
                "later",
                "Required after optional",
            )
            .required(true),
        ),
        CreateCommand::new("watch")
            .description("Choices and autocomplete")
            .add_option(
                CreateCommandOption::new(CommandOptionType::String, "what", "What")
                    .add_string_choice("a", "a")
                    .set_autocomplete(true),
            ),
    ];
    for command in bad {
        let r = guild.set_commands(&http, vec![command]).await;
        assert_eq!(refusal(r), (400, 50035));
    }
    assert_eq!(fake.take_violations().len(), 4);
}
