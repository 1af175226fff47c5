# delegation-bot: what changes to records say, in English. The Korean and Chinese files
# hold the same ids. Arguments: { $name }.

record-added = { $kind } #{ $id } added
record-updated = { $kind } #{ $id } updated
record-deleted = { $kind } #{ $id } deleted
alias-added = `{ $alias }` now finds { $name }
alias-removed = `{ $alias }` no longer finds { $name }
merged = { $removed } merged into { $kept }
post-added = Post #{ $id } added to { $name }
post-removed = Post #{ $id } removed from { $name }
forum-linked = Visit #{ $visit } linked to forum #{ $id }
history-of = History of { $kind } #{ $id }
recent-changes = Recent changes
no-changes-yet = No changes yet.
undone = Undone
really-delete = Really delete { $what }? /data undo can bring it back.

## Buttons and prompts

button-previous = Previous
button-next = Next
button-cancel = Cancel
button-confirm = Confirm
button-edit = Edit
button-discard = Discard
only-asker-confirms = Only the person who asked can confirm or cancel this.
discarded = Discarded; nothing was recorded.
cancelled = Cancelled; nothing was changed.
applying = Applying…
moderators-only-change = Only moderators can change records; the read commands (/help lists them) are open to all.
type-a-command = Type a command such as `/visits monthly`, or `/help` for the list.
not-an-option = `{ $typed }` is not an option; write options as name:value, e.g. { $example }
could-not-write = Could not write the file: { $error }
nothing-changed = Nothing was changed.
wrote = Wrote { $path }
run-again-to-apply = Run again with confirm:true to apply:

## Periods

range-all = all dates
range-from = from { $from }
range-until = until { $to }

## The console

console-banner = delegation-bot console · acting as { $name } (moderator) · /help lists commands, Ctrl-D quits
offer-sample = This database is empty. Load the sample data set (mid-2024 news report)? [Y/n]
sample-not-loaded = This database is empty; the sample data was not loaded (console --sample loads it, or `delegation-bot sample`).

## /settings

settings-title = Team settings
settings-language = Language of posts to channels
language-set = set with /settings language:
language-server = the server's preferred language in Discord; /settings language: sets another
language-default = DEFAULT_LANGUAGE, or English; /settings language: sets another

## Discord forms and refusals

form-start = Start (YYYY-MM-DD or YYYY-MM)
form-end = End (empty: none)
form-places = Korean places, comma-separated
form-purpose = Purpose
form-size = Delegation size (empty: unknown)
form-provinces = Chinese province(s), comma-separated
form-edit-visit = Edit visit #{ $id }
form-edit-draft = Edit the drafted visit
form-field-empty = { $field } cannot be empty; type it in the form.
only-asker-drafts = Only the person who asked can edit, confirm or discard this draft.
draft-unchanged = Nothing was changed; the draft is as it was.
button-delete = Delete
button-apply = Apply
team-server-only = This bot only answers in its team's server.
slow-down = Slow down: too many commands in the last minute; try again in { $seconds } seconds.
restarting = The bot is restarting; try again in a minute.
restarting-file-unread = The bot is restarting, so { $file } was not read; attach it again in a minute.
bot-may-not-post = The bot may not post in <#{ $channel }>: it lacks { $missing } there. Give its role View Channel, Send Messages, Embed Links and Attach Files in that channel, then try again.
buttons-expired = These buttons have expired; run the command again.
command-gone = This command is not known to the bot any more; type / to see the current ones.
attachment-missing = The attached file did not arrive; attach it again.
too-large = { $name } is { $size } even compressed, more than the { $limit } Discord takes per file here; { $instead }.
too-large-export = on the bot's machine, run: { $command }
too-large-ask = ask the bot's operator for it
files-part = Files, part { $part } of { $count }

## An official's title when it is a local leader's office of a known place (format::title).
## $level: city, province, region (autonomous), sar (Hong Kong, Macau) or korea.
title-prime-minister = Prime Minister
title-president = President
title-governor = { $level ->
   *[other] Governor of { $place }
}
title-vice-governor = { $level ->
   *[other] Vice Governor of { $place }
}
title-party-secretary = { $level ->
   *[other] Party Secretary of { $place }
}
title-deputy-party-secretary = { $level ->
   *[other] Deputy Party Secretary of { $place }
}
title-mayor = { $level ->
   *[other] Mayor of { $place }
}
title-vice-mayor = { $level ->
   *[other] Vice Mayor of { $place }
}
