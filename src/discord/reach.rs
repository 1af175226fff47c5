//! Whether the bot may post in a channel, asked before a watch or the digest is pointed at
//! it: Discord says nothing until the first post fails, days later. The bot's permissions
//! there are computed as Discord does (the guild's roles, then the channel's overwrites for
//! @everyone, the bot's roles and the bot itself), from three lookups.

use serenity::all::{
    ChannelId, GuildId, Http, PermissionOverwriteType, Permissions, RoleId, UserId,
};

/// What a channel post needs: to see the channel, to post, an embed, and a chart file.
const NEEDED: [(Permissions, &str); 4] = [
    (Permissions::VIEW_CHANNEL, "View Channel"),
    (Permissions::SEND_MESSAGES, "Send Messages"),
    (Permissions::EMBED_LINKS, "Embed Links"),
    (Permissions::ATTACH_FILES, "Attach Files"),
];

/// The permissions a post needs that the bot lacks in `channel` (empty: it may post); the
/// names as Discord's settings show them. A channel the bot cannot even look up lacks View
/// Channel.
pub async fn missing(http: &Http, guild: GuildId, channel: u64, bot: UserId) -> Vec<&'static str> {
    let have = match permissions(http, guild, ChannelId::new(channel.max(1)), bot).await {
        Ok(p) => p,
        Err(e) => {
            tracing::info!(error = %e, channel, "the bot could not look the channel up");
            Permissions::empty()
        }
    };
    NEEDED
        .iter()
        .filter(|(p, _)| !have.contains(*p))
        .map(|(_, name)| *name)
        .collect()
}

async fn permissions(
    http: &Http,
    guild: GuildId,
    channel: ChannelId,
    bot: UserId,
) -> serenity::Result<Permissions> {
    let channel = http.get_channel(channel).await?.guild();
    let Some(channel) = channel.filter(|c| c.guild_id == guild) else {
        return Ok(Permissions::empty());
    };
    let roles = http.get_guild_roles(guild).await?;
    let member = http.get_member(guild, bot).await?;
    let everyone = RoleId::new(guild.get());
    let role = |id: RoleId| roles.iter().find(|r| r.id == id).map(|r| r.permissions);
    let mut base = role(everyone).unwrap_or_default();
    for r in &member.roles {
        base |= role(*r).unwrap_or_default();
    }
    if base.contains(Permissions::ADMINISTRATOR) {
        return Ok(Permissions::all());
    }
    let mut allowed = base;
    let apply = |allowed: &mut Permissions, allow: Permissions, deny: Permissions| {
        *allowed &= !deny;
        *allowed |= allow;
    };
    for o in &channel.permission_overwrites {
        if o.kind == PermissionOverwriteType::Role(everyone) {
            apply(&mut allowed, o.allow, o.deny);
        }
    }
    let (mut allow, mut deny) = (Permissions::empty(), Permissions::empty());
    for o in &channel.permission_overwrites {
        if let PermissionOverwriteType::Role(id) = o.kind
            && id != everyone
            && member.roles.contains(&id)
        {
            allow |= o.allow;
            deny |= o.deny;
        }
    }
    apply(&mut allowed, allow, deny);
    for o in &channel.permission_overwrites {
        if o.kind == PermissionOverwriteType::Member(bot) {
            apply(&mut allowed, o.allow, o.deny);
        }
    }
    Ok(allowed)
}
