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
