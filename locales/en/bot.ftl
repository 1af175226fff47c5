# delegation-bot: every text a person reads, in English. The Korean and Chinese files
# hold the same ids. Arguments: { $name }; numbers select plurals.

## Failures

apology = Sorry, something went wrong on our side; the change was not made. Please try again later.
apology-read = Sorry, something went wrong on our side while answering; please try again later.
database-full = The database's disk is full, so nothing was changed; reading still works. Tell the bot's operator.
database-read-only = The database is read-only right now, so nothing was changed; reading still works. Tell the bot's operator.
database-busy = The database is busy with another change, so nothing was changed; try again in a moment.

## Kinds of record, as sentences name them

kind-visit = visit
kind-meeting = meeting
kind-forum = forum
kind-official = official
kind-outcome = outcome
kind-watch = watch
kind-digest = digest
kind-language = the team language

date-unknown = an unknown date
date-now = now

## What the store refuses

missing-visit = There is no visit #{ $id }; /visits list shows the numbers.
missing-meeting = There is no meeting #{ $id }; /official history lists meetings with their numbers.
missing-forum = There is no forum #{ $id }; /forums list shows the numbers.
missing-official = There is no official #{ $id }; /search finds officials by name.
missing-outcome = There is no outcome #{ $id }; /outcomes list shows the numbers.
stale = That { $kind } (#{ $id }) changed since version { $seen } ({ $changes }); look at it again (now version { $now }) and redo your edit.
stale-unknown = it was changed
unknown-official = No official called `{ $typed }` is on record; check the spelling. Moderators add people with /record official add.
unknown-official-near = No official called `{ $typed }` is on record; did you mean { $near }? Moderators add people with /record official add.
officials-not-separated = No official called `{ $typed }` is on record; separate officials with ;, e.g. { $example }.
no-officials = Name at least one official, separated by ; e.g. officials:"Liu Xiaoming; Oh Young-hun".
unknown-province = `{ $typed }` is not a Chinese province I know; check the spelling.
unknown-province-near = `{ $typed }` is not a Chinese province I know; did you mean { $near }?
unknown-place = `{ $typed }` is not a Korean place I know; check the spelling.
unknown-place-near = `{ $typed }` is not a Korean place I know; did you mean { $near }?
city-for-province = { $city } is a city in { $provinces }; give its province, e.g. { $province }.
list-or = { $first } or { $second }
list-and-in = { $first } and in { $second }
list-semicolon = { $first }; { $second }
change-by = { $change } by { $who }
no-province = Name at least one province, e.g. Jiangsu.
no-place = Name at least one Korean place, e.g. Seoul.
alias-empty = An alias needs at least one letter or digit.
alias-taken = `{ $alias }` already names { $holder }; if they are one person, use /record official merge.
alias-is-name = `{ $alias }` is their name; change it with /record official edit new_name:... or local_name:...
alias-not-theirs = `{ $alias }` is not one of { $name }'s aliases; /official show lists them.
post-ends-before-start = The end ({ $to }) is before the start ({ $from }); type an end on or after the start.
separator-in-field = `{ $field }` may not contain `|`, which separates the parts of a post in exports; use / or a comma.
post-overlaps = { $name } already holds `{ $title }` from { $from } to { $to } (post #{ $id }), which overlaps; remove it with { $remove } first, or change the dates.
post-not-theirs = Post #{ $id } is not one of { $name }'s; /official show lists their posts with their numbers.
nothing-to-undo = You have no change left to undo; /data audit shows recent changes.
undo-changed-since = Cannot undo "{ $summary }": { $who } changed { $kind } #{ $id } since; edit it by hand instead.
undo-referred = Cannot undo "{ $summary }": { $kind } #{ $id } refers to { $target_kind } #{ $target }, which that change added; change or delete { $kind } #{ $id } first.
undo-alias-taken = Cannot undo: the alias `{ $alias }` now belongs to someone else; remove it there first.
watch-exists = Watch #{ $id } already does that; /watches shows them all.
no-watch = There is no watch #{ $id }; /watches shows them.
not-sqlite-url = DATABASE_URL is not a SQLite URL: { $url }
bot-running-serve = A running delegation-bot (serve, or a restore) holds { $database }; stop it first, or give this one another DATABASE_URL.
bot-running-restore = A running delegation-bot (serve, or a restore) holds { $database }; stop it before restoring (systemctl stop delegation-bot, or docker compose stop bot).
restoring = { $database } is being restored from a backup right now; try again when the restore has finished.
in-use = { $database } is open in { $holders }; close it (exit the console, stop the bot) before restoring.
in-use-unknown = { $database } is open in another program; close it (exit the console, stop the bot) before restoring.
lock-failed = Cannot lock { $path } ({ $why }); the file system may not support locks.
lock-file-failed = Cannot create the lock file { $path } ({ $why }); the folder that holds the database must be writable.
database-replaced = The database { $database } was replaced (restored from a backup, or moved) after this program opened it, so nothing was written; restart it to work on the new file.
file-exists = { $path } exists already; choose a new file name.
backup-this-second = { $path } exists already (a backup was taken this second); try again in a second.
not-our-database = { $path } is not a sound delegation-bot database ({ $why }); nothing was changed.
newer-database = { $path } was made by a newer delegation-bot (migration { $theirs }; this one knows up to { $ours }); upgrade first.
in-memory = DATABASE_URL names an in-memory database; restore needs a database file.
no-file = There is no file { $path }.
live-database = { $path } is the live database itself; name a backup.

## Input

source-title-one-line = `source_title` is one line; put the title on a single line.
in-option = { $option }: { $error }

## Records that repeat or do not fit
duplicate-meeting = Meeting #{ $id } on the same day with the same officials is on record; check it with /data audit entity:meeting id:{ $id }, or add force:true to record both.
duplicate-forum = Forum #{ $id } has the same name, edition and start; see /forums show id:{ $id }, or add force:true to record both.
duplicate-outcome = Outcome #{ $id } of { $by } within { $days } days is on record; check it with /outcomes show id:{ $id }, or add force:true to record both.
repeat-title = the same kind and title for the same province
repeat-amount = the same kind, provinces and amount
misfit-outside = dated { $date }, outside visit #{ $visit } ({ $from } to { $to })
misfit-provinces = for { $provinces }, which visit #{ $visit } did not come from ({ $came })
misfit-both = { $first }, and { $second }
outcome-misfit = This outcome is { $what }; fix the date, provinces or visit, or add force:true to link it anyway.
outcome-linked-anyway = Linked to visit #{ $visit } although it is { $what } (force:true).

ambiguous-place = `{ $typed }` is the name of two provinces: { $options }; type the one you mean, e.g. { $example }.

## What /data audit says a change did, its first words in the reader's language
## (format::summary); the rest (names, numbers, a file's name) stays as stored.
said-add = add { $kind }
said-edit = edit { $kind }
said-delete = delete { $kind }
said-link = link visit
said-alias = alias
said-unalias = remove alias
said-merge = merge
said-add-post = add post
said-remove-post = remove post
said-import = import
said-undo = undo:
said-draft = draft from a report:
said-readings = generated readings of { $n } officials
said-watch = watch
said-remove-watch = remove watch
said-digest-off = digest off
said-digest = digest
said-team-language = team language

## The command line.
sample-loaded = Loaded the sample data set ({ $counts }), from the mid-2024 news report; every record is marked as sample data.
sample-already-loaded = The sample data is loaded already; /visits list shows it.
file-written = Wrote { $path }
database-up-to-date = Database { $url } is up to date.
