//! The catalog as Discord application commands: `/visits monthly` is command `visits` with
//! subcommand `monthly`; `/record visit add` is command `record`, group `visit`, subcommand
//! `add`. Write commands are hidden from members without Manage Server.

use serenity::all::{
    ChannelType, CommandOptionType, CreateCommand, CreateCommandOption, InteractionContext,
    Permissions,
};

use crate::catalog::{COMMANDS, CommandSpec, OptionKind, OptionSpec};
use crate::i18n::Lang;
use crate::i18n::commands::{self, localizations};

fn option(spec: &CommandSpec, o: &OptionSpec) -> CreateCommandOption {
    let kind = match o.kind {
        OptionKind::Integer { .. } => CommandOptionType::Integer,
        OptionKind::Bool => CommandOptionType::Boolean,
        OptionKind::File => CommandOptionType::Attachment,
        OptionKind::Channel => CommandOptionType::Channel,
        _ => CommandOptionType::String,
    };
    let mut opt = CreateCommandOption::new(kind, o.name, o.description).required(o.required);
    for (locale, name) in localizations(&format!("arg-{}", o.name)) {
        opt = opt.name_localized(locale, name);
    }
    let described = format!("opt-{}-{}", commands::key(spec.path), o.name);
    for (locale, text) in localizations(&described) {
        opt = opt.description_localized(locale, text);
    }
    match o.kind {
        OptionKind::Text(max) | OptionKind::Article(max) => {
            opt = opt.min_length(1).max_length(max.min(6000) as u16)
        }
        OptionKind::Date => opt = opt.min_length(7).max_length(10),
        OptionKind::Day => opt = opt.min_length(10).max_length(10),
        OptionKind::Month => opt = opt.min_length(7).max_length(7),
        OptionKind::Integer { min, max } => {
            opt = opt.min_int_value(min.max(0) as u64);
            if max < i64::MAX {
                opt = opt.max_int_value(max as u64);
            }
        }
        OptionKind::Choice(choices) => {
            for c in choices {
                opt = opt.add_string_choice_localized(*c, *c, choice_localizations(c));
            }
        }
        OptionKind::Channel => opt = opt.channel_types(vec![ChannelType::Text, ChannelType::News]),
        OptionKind::Bool | OptionKind::File => {}
    }
    if o.lookup.is_some() && !matches!(o.kind, OptionKind::Choice(_)) {
        opt = opt.set_autocomplete(true);
    }
    opt
}

fn subcommand(spec: &CommandSpec) -> CreateCommandOption {
    let name = spec.path.last().expect("paths are never empty");
    let sub = CreateCommandOption::new(CommandOptionType::SubCommand, *name, spec.description);
    let sub = localized_option(sub, spec.path);
    spec.options
        .iter()
        .fold(sub, |s, o| s.add_sub_option(option(spec, o)))
}

/// A subcommand or group with its name and description in every localized language.
fn localized_option(mut o: CreateCommandOption, path: &[&str]) -> CreateCommandOption {
    for (locale, name) in localizations(&format!("name-{}", commands::key(path))) {
        o = o.name_localized(locale, name);
    }
    for (locale, text) in localizations(&format!("cmd-{}", commands::key(path))) {
        o = o.description_localized(locale, text);
    }
    o
}

/// A top-level command with its name and description in every localized language.
fn localized_command(mut c: CreateCommand, path: &[&str]) -> CreateCommand {
    for (locale, name) in localizations(&format!("name-{}", commands::key(path))) {
        c = c.name_localized(locale, name);
    }
    for (locale, text) in localizations(&format!("cmd-{}", commands::key(path))) {
        c = c.description_localized(locale, text);
    }
    c
}

/// A choice's name as replies say it (`choice-<value>`), in Korean and Chinese; Discord's
/// traditional-Chinese members see it in traditional characters (locales/zh-TW).
fn choice_localizations(value: &str) -> Vec<(&'static str, String)> {
    use crate::i18n::format::{choice_in, choice_key};
    let traditional = commands::localizations(&choice_key(value))
        .into_iter()
        .find(|(locale, _)| *locale == "zh-TW")
        .map(|(_, said)| said);
    [("ko", Lang::Ko), ("zh-CN", Lang::Zh), ("zh-TW", Lang::Zh)]
        .into_iter()
        .map(|(locale, lang)| match (locale, &traditional) {
            ("zh-TW", Some(said)) => (locale, said.clone()),
            _ => (locale, choice_in(lang, value)),
        })
        .filter(|(_, said)| said != value)
        .collect()
}

/// Descriptions of the top-level commands and groups, which the catalog does not name.
fn group_description(path: &[&str]) -> &'static str {
    match path {
        ["visits"] => "Delegation visits: monthly counts, lists, details",
        ["official"] => "Officials: meeting history and profile",
        ["forums"] => "Investment forums, business forums and conferences",
        ["record"] => "Add, edit and delete records (moderators)",
        ["record", "visit"] => "Delegation visits",
        ["record", "meeting"] => "Meetings between officials",
        ["record", "forum"] => "Forums and conferences",
        ["record", "official"] => "Officials and their aliases",
        ["data"] => "Import, audit log and undo (moderators)",
        ["watch"] => "Post in a channel when matching records change (moderators)",
        ["digest"] => "Post a weekly or monthly summary to a channel (moderators)",
        ["outcome"] => "Add, edit and delete MOUs, agreements and pledges (moderators)",
        ["outcomes"] => "MOUs, agreements and pledges: lists and details",
        _ => "Commands",
    }
}

/// Every command of the catalog, grouped as Discord wants them.
pub fn commands() -> Vec<CreateCommand> {
    let mut tops: Vec<&str> = Vec::new();
    for c in COMMANDS.iter() {
        if !tops.contains(&c.path[0]) {
            tops.push(c.path[0]);
        }
    }
    tops.into_iter()
        .map(|top| {
            let members: Vec<&CommandSpec> = COMMANDS.iter().filter(|c| c.path[0] == top).collect();
            let moderator = members.iter().all(|c| c.moderator);
            let mut cmd = localized_command(CreateCommand::new(top), &[top])
                .contexts(vec![InteractionContext::Guild]);
            if moderator {
                cmd = cmd.default_member_permissions(Permissions::MANAGE_GUILD);
            }
            if let [single] = members.as_slice()
                && single.path.len() == 1
            {
                return single
                    .options
                    .iter()
                    .fold(cmd.description(single.description), |c, o| {
                        c.add_option(option(single, o))
                    });
            }
            cmd = cmd.description(group_description(&[top]));
            let mut groups: Vec<&str> = Vec::new();
            for m in &members {
                match m.path.len() {
                    2 => cmd = cmd.add_option(subcommand(m)),
                    3 if !groups.contains(&m.path[1]) => groups.push(m.path[1]),
                    _ => {}
                }
            }
            for g in groups {
                let group = members
                    .iter()
                    .filter(|m| m.path.len() == 3 && m.path[1] == g)
                    .fold(
                        localized_option(
                            CreateCommandOption::new(
                                CommandOptionType::SubCommandGroup,
                                g,
                                group_description(&[top, g]),
                            ),
                            &[top, g],
                        ),
                        |grp, m| grp.add_sub_option(subcommand(m)),
                    );
                cmd = cmd.add_option(group);
            }
            cmd
        })
        .collect()
}

/// Why Discord refused the commands, naming the command at fault where its answer says
/// (`/record: names, descriptions and choices ... (options.3.description)`), and whether it
/// was a refusal (4xx: trying again will not help) rather than an outage.
pub fn refusal(e: &serenity::Error) -> (bool, String) {
    use serenity::http::HttpError;
    let serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) = e else {
        return (false, e.to_string());
    };
    let status = r.status_code.as_u16();
    let names: Vec<String> = commands()
        .iter()
        .filter_map(|c| serde_json::to_value(c).ok())
        .map(|c| c["name"].as_str().unwrap_or_default().to_string())
        .collect();
    let mut said: Vec<String> = r
        .error
        .errors
        .iter()
        .map(|single| {
            let mut path = single.path.splitn(2, '.');
            let command = path
                .next()
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| names.get(i))
                .map_or("the commands".to_string(), |n| format!("/{n}"));
            match path.next() {
                Some(rest) => format!("{command} ({rest}): {}", single.message),
                None => format!("{command}: {}", single.message),
            }
        })
        .collect();
    if said.is_empty() {
        said.push(r.error.message.clone());
    }
    (
        (400..500).contains(&status) && status != 429,
        format!("HTTP {status}, {}", said.join("; ")),
    )
}
