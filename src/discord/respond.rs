//! Answering one interaction by Discord's rules (Discord's documented limits, docs/discord.md): the first
//! response within 3 s, so the bot acknowledges before it does anything that may wait and
//! edits its answer in afterwards; a deferral's EPHEMERAL flag is final, so an error after a
//! public deferral deletes the placeholder and goes out as an ephemeral follow-up; every
//! deferred interaction ends with an edit (an apology at worst, never "thinking…"); edits
//! stop when the token (15 minutes) is about to expire.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serenity::all::{
    CreateActionRow, CreateAttachment, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateModal,
    EditInteractionResponse, Http, InteractionId,
};
use serenity::builder::Builder as _;

use super::render;
use crate::error::{Error, Result};

/// Discord's interaction tokens last 15 minutes; edits stop a little before.
const TOKEN_USABLE: Duration = Duration::from_secs(14 * 60 + 30);

/// How an interaction has been acknowledged so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ack {
    Not,
    /// Type 5: "thinking…", public or ephemeral for good.
    Deferred {
        ephemeral: bool,
    },
    /// Type 6: a component's message, to be edited.
    Update {
        ephemeral: bool,
    },
}

/// A message as the adapter builds it, before it becomes a response, an edit or a follow-up.
#[derive(Default)]
pub(super) struct Message {
    pub content: String,
    pub embeds: Vec<CreateEmbed>,
    pub components: Vec<CreateActionRow>,
    pub files: Vec<CreateAttachment>,
}

impl Message {
    pub fn text(content: impl Into<String>) -> Message {
        Message {
            content: render::cut(&content.into(), 2000),
            ..Default::default()
        }
    }

    fn response(self, ephemeral: bool) -> CreateInteractionResponseMessage {
        CreateInteractionResponseMessage::new()
            .content(self.content)
            .embeds(self.embeds)
            .components(self.components)
            .add_files(self.files)
            .allowed_mentions(render::no_mentions())
            .ephemeral(ephemeral)
    }

    /// An edit replaces the text, embeds and buttons, and adds the files.
    fn edit(self) -> EditInteractionResponse {
        let edit = EditInteractionResponse::new()
            .content(self.content)
            .embeds(self.embeds)
            .components(self.components)
            .allowed_mentions(render::no_mentions());
        self.files
            .into_iter()
            .fold(edit, |e, f| e.new_attachment(f))
    }

    fn followup(self, ephemeral: bool) -> CreateInteractionResponseFollowup {
        let mut f = CreateInteractionResponseFollowup::new()
            .embeds(self.embeds)
            .components(self.components)
            .add_files(self.files)
            .allowed_mentions(render::no_mentions())
            .ephemeral(ephemeral);
        if !self.content.is_empty() {
            f = f.content(self.content);
        }
        f
    }
}

/// Edits one interaction's message from anywhere (a progress reporter), while its token lasts.
#[derive(Clone)]
pub(super) struct Editor {
    http: Arc<Http>,
    token: String,
    received: Instant,
}

impl Editor {
    pub fn usable(&self) -> bool {
        self.received.elapsed() < TOKEN_USABLE
    }

    pub async fn edit(&self, message: Message) -> Result<()> {
        if !self.usable() {
            tracing::warn!(
                "the interaction token is about to expire; the message is left as it is"
            );
            return Ok(());
        }
        message.edit().execute(&self.http, &self.token).await?;
        Ok(())
    }
}

pub(super) struct Responder {
    editor: Editor,
    id: InteractionId,
    ack: Ack,
    /// Upload limit per file for this interaction (Discord's `attachment_size_limit`).
    pub attachment_limit: usize,
}

impl Responder {
    pub fn new(http: Arc<Http>, id: InteractionId, token: &str, attachment_limit: u32) -> Self {
        Responder {
            editor: Editor {
                http,
                token: token.to_string(),
                received: Instant::now(),
            },
            id,
            ack: Ack::Not,
            attachment_limit: attachment_limit as usize,
        }
    }

    pub fn editor(&self) -> Editor {
        self.editor.clone()
    }

    async fn respond(&self, response: CreateInteractionResponse) -> Result<()> {
        response
            .execute(&self.editor.http, (self.id, &self.editor.token))
            .await?;
        Ok(())
    }

    /// Type 5: "thinking…", ephemeral or not for good.
    pub async fn defer(&mut self, ephemeral: bool) -> Result<()> {
        let data = CreateInteractionResponseMessage::new().ephemeral(ephemeral);
        self.respond(CreateInteractionResponse::Defer(data)).await?;
        self.ack = Ack::Deferred { ephemeral };
        Ok(())
    }

    /// Type 6, for a button: its message is edited later. `ephemeral`: that message is.
    pub async fn defer_update(&mut self, ephemeral: bool) -> Result<()> {
        self.respond(CreateInteractionResponse::Acknowledge).await?;
        self.ack = Ack::Update { ephemeral };
        Ok(())
    }

    /// Type 9, which must be the first response.
    pub async fn modal(&mut self, modal: CreateModal) -> Result<()> {
        self.respond(CreateInteractionResponse::Modal(modal)).await
    }

    /// The answer: a message when nothing was sent yet, else the edit of the placeholder
    /// (or of a button's message). `ephemeral` applies only to a first message.
    pub async fn answer(&mut self, message: Message, ephemeral: bool) -> Result<()> {
        match self.ack {
            Ack::Not => {
                self.respond(CreateInteractionResponse::Message(
                    message.response(ephemeral),
                ))
                .await?;
                self.ack = Ack::Deferred { ephemeral };
                Ok(())
            }
            Ack::Deferred { .. } | Ack::Update { .. } => self.editor.edit(message).await,
        }
    }

    /// Another message after the answer (more files than one message takes), as private as
    /// the answer.
    pub async fn follow(&self, message: Message) -> Result<()> {
        let ephemeral = match self.ack {
            Ack::Deferred { ephemeral } | Ack::Update { ephemeral } => ephemeral,
            Ack::Not => true,
        };
        self.followup(message, ephemeral).await
    }

    async fn followup(&self, message: Message, ephemeral: bool) -> Result<()> {
        if self.editor.usable() {
            message
                .followup(ephemeral)
                .execute(&self.editor.http, (None, &self.editor.token))
                .await?;
        }
        Ok(())
    }

    /// A refusal or a failure, which only the user sees: an ephemeral message, the edit of an
    /// ephemeral placeholder, or, after a public deferral, the placeholder deleted and an
    /// ephemeral follow-up. Internal errors are logged here with their chain.
    pub async fn refuse(&mut self, error: Error) -> Result<()> {
        crate::operate::metrics::note(&error);
        let text = error.user_message();
        self.refuse_text(&text).await
    }

    /// Tells only the one who clicked, leaving the message as it is (someone else's
    /// button, or one that has expired).
    pub async fn notice(&mut self, text: &str) -> Result<()> {
        match self.ack {
            Ack::Not => self.refuse_text(text).await,
            _ => self.followup(Message::text(text), true).await,
        }
    }

    pub async fn refuse_text(&mut self, text: &str) -> Result<()> {
        let message = Message::text(text);
        match self.ack {
            Ack::Not => {
                self.respond(CreateInteractionResponse::Message(message.response(true)))
                    .await?;
                self.ack = Ack::Deferred { ephemeral: true };
            }
            Ack::Deferred { ephemeral: true } | Ack::Update { ephemeral: true } => {
                self.editor.edit(message).await?
            }
            Ack::Deferred { ephemeral: false } => {
                self.editor
                    .http
                    .delete_original_interaction_response(&self.editor.token)
                    .await?;
                self.ack = Ack::Deferred { ephemeral: true };
                self.followup(message, true).await?;
            }
            // A public message stays as it is; the one who clicked is told privately.
            Ack::Update { ephemeral: false } => self.followup(message, true).await?,
        }
        Ok(())
    }
}
