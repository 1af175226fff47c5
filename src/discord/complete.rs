//! Autocomplete: names ranked by the core, completing the item being typed in a list.

use serenity::all::{
    AutocompleteOption, CommandInteraction, CommandOptionType, Context, CreateAutocompleteResponse,
    CreateInteractionResponse,
};

use super::handler::Handler;
use super::{options, render};
use crate::catalog::OptionKind;
use crate::error::Result;

impl Handler {
    pub(super) async fn autocomplete(&self, ctx: &Context, cmd: &CommandInteraction) -> Result<()> {
        let (path, _) = options::flatten(&cmd.data);
        let Some(focused) = cmd.data.autocomplete() else {
            return Ok(());
        };
        let response = match options::spec_of(&path).and_then(|s| s.option(focused.name)) {
            Some(spec_option) => match spec_option.lookup {
                Some(lookup) => {
                    let names = self.app.suggest(lookup, focused.value).await?;
                    self.choices(focused, spec_option.kind, names)
                }
                None => CreateAutocompleteResponse::new(),
            },
            None => CreateAutocompleteResponse::new(),
        };
        cmd.create_response(&ctx.http, CreateInteractionResponse::Autocomplete(response))
            .await?;
        Ok(())
    }

    /// Choices that complete the item being typed in a list ("Hainan, guang" -> "Hainan, Guangdong").
    pub(super) fn choices(
        &self,
        focused: AutocompleteOption<'_>,
        kind: OptionKind,
        names: Vec<String>,
    ) -> CreateAutocompleteResponse {
        let mut r = CreateAutocompleteResponse::new();
        if focused.kind == CommandOptionType::Integer || matches!(kind, OptionKind::Integer { .. })
        {
            for label in names.into_iter().take(25) {
                if let Some(id) = label
                    .trim_start_matches('#')
                    .split(' ')
                    .next()
                    .and_then(|i| i.parse::<i64>().ok())
                {
                    r = r.add_int_choice(render::cut(&label, 100), id);
                }
            }
            return r;
        }
        let typed = focused.value;
        let prefix = match typed.rfind([',', ';']) {
            Some(i) => format!("{} ", typed[..=i].trim_end()),
            None => String::new(),
        };
        for name in names.into_iter().take(25) {
            let value = format!("{prefix}{name}");
            if value.chars().count() <= 100 {
                r = r.add_string_choice(value.clone(), value);
            }
        }
        r
    }
}
