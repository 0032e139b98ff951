//! What the bot does with each event: slash commands, autocomplete, button
//! clicks and plain messages become `Input`s for the `App`; the `Reply` goes
//! back through the one message builder.

use serenity::all::{
    CommandDataOptionValue, CommandInteraction, ComponentInteraction, Context, CreateAutocompleteResponse,
    CreateInteractionResponse, CreateInteractionResponseMessage, Message as DiscordMessage,
};

use super::embed::{clip, Message};
use super::Handler;
use crate::command::Input;
use crate::content::Lang;
use crate::playbook::{self, StepId, Track};
use crate::reply::{ButtonAction, Msg, Reply, Tone};
use crate::text;

/// Discord's limit on autocomplete choices.
const CHOICES_MAX: usize = 25;
/// Discord's limit on a choice's name and value.
const CHOICE_MAX: usize = 100;

impl Handler {
    /// A reply as a message in the user's language.
    fn message(&self, lang: Lang, reply: &Reply) -> Message {
        Message::new(self.app.content(), lang, reply)
    }

    pub(super) async fn on_command(&self, ctx: &Context, cmd: &CommandInteraction) {
        let lang = self.lang(&cmd.locale);
        let options: Vec<(String, String)> = cmd
            .data
            .options
            .iter()
            .map(|o| {
                let v = match &o.value {
                    CommandDataOptionValue::String(s) => s.clone(),
                    CommandDataOptionValue::Integer(i) => i.to_string(),
                    CommandDataOptionValue::Number(n) => n.to_string(),
                    CommandDataOptionValue::Boolean(b) => b.to_string(),
                    other => format!("{other:?}"),
                };
                (o.name.clone(), v)
            })
            .collect();
        let actor = self.actor(&cmd.user, cmd.member.as_deref());
        let channel = cmd.channel_id.to_string();
        let input = match Input::from_command(&cmd.data.name, options) {
            Ok(i) => i,
            Err(e) => {
                let msg = self.message(lang, &Reply::error(e.msg())).without_files();
                let resp = CreateInteractionResponse::Message(msg.interaction());
                if let Err(e) = cmd.create_response(&ctx.http, resp).await {
                    tracing::warn!(error = %e, "could not answer an interaction");
                }
                return;
            }
        };
        // Staff views read every office: defer first so Discord does not time out.
        let slow = matches!(
            input,
            Input::Summary { .. }
                | Input::Unanswered
                | Input::History { .. }
                | Input::Backup
                | Input::Inbox { .. }
                | Input::Teach { .. }
                | Input::Forget { .. }
        );
        if slow {
            let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
            if let Err(e) = cmd.create_response(&ctx.http, defer).await {
                tracing::warn!(error = %e, "could not defer an interaction");
                return;
            }
        }
        let reply = self.handle(channel, actor, input, lang).await;
        let msg = self.message(lang, &reply);
        let result = if slow {
            cmd.edit_response(&ctx.http, msg.interaction_edit()).await.map(|_| ())
        } else {
            cmd.create_response(&ctx.http, CreateInteractionResponse::Message(msg.interaction()))
                .await
        };
        if let Err(e) = result {
            tracing::warn!(error = %e, command = %cmd.data.name, "could not answer an interaction");
        }
    }

    pub(super) async fn on_autocomplete(&self, ctx: &Context, cmd: &CommandInteraction) {
        let lang = self.lang(&cmd.locale);
        let Some(focused) = cmd.data.autocomplete() else {
            return;
        };
        let typed = text::fold_question(focused.value);
        let content = self.app.content();
        let mut resp = CreateAutocompleteResponse::new();
        match (cmd.data.name.as_str(), focused.name) {
            ("faq", "question") => {
                let mut n = 0;
                for e in self.app.knowledge().faq.entries() {
                    let q = content.text(lang, &Msg::new(format!("faq-{}.question", e.id)));
                    if typed.is_empty() || text::fold_question(&q).contains(&typed) {
                        resp = resp.add_string_choice(clip(&q, CHOICE_MAX), clip(&q, CHOICE_MAX));
                        n += 1;
                        if n == CHOICES_MAX {
                            break;
                        }
                    }
                }
            }
            ("done", "step") => {
                let channel = cmd.channel_id.to_string();
                let office = self
                    .blocking(move |app| app.office_in(&channel))
                    .await
                    .and_then(Result::ok)
                    .flatten();
                let ch = cmd.channel_id.to_string();
                let agent = match office {
                    Some(_) => None,
                    None => self
                        .blocking(move |app| app.agent_in(&ch))
                        .await
                        .and_then(Result::ok)
                        .flatten(),
                };
                // The open steps of the channel's office, or of its 代理人.
                let open: Vec<(StepId, Track)> = match (&office, &agent) {
                    (Some(o), _) => playbook::numbered(o.mode)
                        .filter(|s| o.status(*s).is_open())
                        .map(|s| (s, Track::Office(o.mode)))
                        .collect(),
                    (None, Some(a)) => playbook::steps(Track::Agent)
                        .filter(|s| playbook::status(*s, Track::Agent, &a.done).is_open())
                        .map(|s| (s, Track::Agent))
                        .collect(),
                    (None, None) => Vec::new(),
                };
                for (step, track) in open {
                    let title = content.text(lang, &Msg::new(step.title_in(track)));
                    if typed.is_empty()
                        || text::fold_question(&title).contains(&typed)
                        || step.as_str().contains(&typed)
                    {
                        resp = resp.add_string_choice(clip(&title, CHOICE_MAX), step.as_str());
                    }
                }
            }
            _ => {}
        }
        if let Err(e) = cmd
            .create_response(&ctx.http, CreateInteractionResponse::Autocomplete(resp))
            .await
        {
            tracing::warn!(error = %e, "could not answer autocomplete");
        }
    }

    pub(super) async fn on_button(&self, ctx: &Context, click: &ComponentInteraction) {
        let lang = self.lang(&click.locale);
        let Some(action) = ButtonAction::parse(&click.data.custom_id) else {
            return;
        };
        let input = Input::from(&action);
        tracing::debug!(button = %action.custom_id(), "button");
        let actor = self.actor(&click.user, click.member.as_ref());
        let reply = self.handle(click.channel_id.to_string(), actor, input, lang).await;
        // Errors go to the clicker alone; anything else updates the message in place.
        let msg = self.message(lang, &reply).without_files().interaction();
        let resp = if reply.tone == Tone::Error {
            CreateInteractionResponse::Message(msg)
        } else {
            CreateInteractionResponse::UpdateMessage(msg)
        };
        if let Err(e) = click.create_response(&ctx.http, resp).await {
            tracing::warn!(error = %e, "could not answer a button");
        }
    }

    pub(super) async fn on_message(&self, ctx: &Context, msg: &DiscordMessage) {
        let Some(&me) = self.me.get() else { return };
        if msg.author.bot || msg.author.id == me {
            return;
        }
        let mentioned = msg.mentions_user_id(me);
        let text = msg
            .content
            .replace(&format!("<@{me}>"), " ")
            .replace(&format!("<@!{me}>"), " ");
        if text.trim().is_empty() || text.trim_start().starts_with('/') {
            return;
        }
        let channel = msg.channel_id.to_string();
        let ch = channel.clone();
        let request = self
            .blocking(move |app| app.handoff_by_thread(&ch))
            .await
            .and_then(Result::ok)
            .flatten();
        if let Some(h) = request {
            return self.on_thread_message(ctx, msg, h.id, text).await;
        }
        if !mentioned {
            if !self.app.config().discord.message_content {
                return;
            }
            let ch = channel.clone();
            // An office's channel or a 代理人's.
            let registered = self
                .blocking(move |app| app.channel_registered(&ch))
                .await
                .and_then(Result::ok)
                .unwrap_or(false);
            if !registered {
                return;
            }
        }
        // A message carries no locale: answer in the language it is written in.
        let lang = Lang::detect(&text).unwrap_or(self.app.config().bot.locale);
        let actor = self.actor(&msg.author, None);
        let reply = self.handle(channel, actor, Input::Question(text), lang).await;
        self.answer_message(ctx, msg, lang, &reply).await;
    }

    /// Posts a reply to a message, in its channel.
    async fn answer_message(&self, ctx: &Context, msg: &DiscordMessage, lang: Lang, reply: &Reply) {
        let out = self
            .message(lang, reply)
            .without_files()
            .channel()
            .reference_message(msg);
        if let Err(e) = msg.channel_id.send_message(&ctx.http, out).await {
            tracing::warn!(error = %e, channel = %msg.channel_id, "could not answer a message");
        }
    }

    /// A message in a request's staff thread: a staff member's answer, posted
    /// to the office's channel (by the handoff task). Others are ignored.
    async fn on_thread_message(&self, ctx: &Context, msg: &DiscordMessage, id: u64, text: String) {
        let member = msg.member.as_deref().map(|m| (m.roles.as_slice(), m.nick.as_deref()));
        let actor = self.actor_with(&msg.author, member);
        if !actor.staff {
            tracing::debug!(request = id, "a non-staff message in a request's thread");
            return;
        }
        let lang = self.app.config().bot.locale;
        let input = Input::Reply {
            id: id.to_string(),
            text,
        };
        let reply = self.handle(msg.channel_id.to_string(), actor, input, lang).await;
        self.answer_message(ctx, msg, lang, &reply).await;
    }
}
