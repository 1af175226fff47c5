# delegation-bot: posts messages (en). Every language holds the same ids.

## ask --chart PATH: the answer's chart as a PNG file.
ask-chart-exists = { $path } exists already; choose another path for --chart (a chart never replaces a file).
ask-chart-none = This answer has no chart, so nothing was written to { $path }.
ask-chart-failed = Cannot write the chart to { $path }: { $error }.
ask-chart-not-drawn = The chart could not be drawn: { $error }

## Watches

notice-by = By { $who } · { $summary }
notice-one = { $kind } #{ $id } { $verb }
notice-batch = { $action } by { $who } { $counted } matching watch #{ $watch }
notice-footer = Watch #{ $watch } · { $filter } · /watch remove id:{ $watch } stops it
and-more = … and { $n } more
action-import = Import
action-undo = Undo
action-merge = Merge
action-synthetic = Synthetic load
action-draft = Draft
action-change = Change
verb-added = added
verb-changed = changed
verb-deleted = deleted
verb-restored = restored
verb-removed = removed
counted = { $verb } { $list }
list-and-last = { $first } and { $last }

## Digests

digest-every-weekday = every { $weekday }
digest-every-month = on day { $day } of each month
digest-set = { $frequency ->
    [weekly] Weekly
   *[monthly] Monthly
} digest set
digest-set-text = Posted in <#{ $channel }> { $when } at { $hour } ({ $tz }), covering the { $span } before. { $last } is posted now unless it already was there; the next comes { $next }.
digest-week = Monday-Sunday week
digest-month = calendar month
digest-set-footer = /digests shows what it holds; /digest off stops it
no-digest-set = No digest is set; /digest set starts one.
digest-off = Digest off
digest-preview = Preview
digest-schedule = { $frequency ->
    [weekly] Weekly
   *[monthly] Monthly
} in <#{ $channel }>; the next on { $next } ({ $tz }).
digest-none = No digest is set; a moderator sets one with /digest set.
digest-schedule-field = Schedule
digest-not-delivered = Not delivered
digest-refused = The digest of { $label } could not be posted in <#{ $channel }>: { $reason }. Give the bot those permissions there, then run /digest set again to post it.
digest-of = the digest of { $day }
digest-title = { $frequency ->
    [weekly] Weekly
   *[monthly] Monthly
} digest · { $label }
digest-change-vs = Change vs { $label }
digest-busiest = Busiest provinces
digest-new-officials = New officials met
digest-added-since = Added since { $since }
digest-nothing = nothing
digest-month-only = Dated to the month only (in no week's counts)
counts-in-start-month = a visit counts in the month it starts
month-year = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }

## /watch

watch-what = Say what to watch: add province:, official:, place: or kind:, e.g. /watch add channel:… province:Jiangsu.
watch-resumed = Watch #{ $id } resumed
watch-added = Watch #{ $id } added
watch-added-text = From now on, changes matching “{ $filter }” are posted in <#{ $channel }>: one message per change (an import or an undo is one summary).
watch-stops = /watch remove id:{ $id } stops it
watches-title = Watches
no-watches = No watches; a moderator adds one with /watch add.
watch-line = to <#{ $channel }> · set by { $who } on { $day }
watch-paused-gone = remove it with /watch remove id:{ $id }, or add one for someone on record
watch-paused-resume = once the bot may post there, add the same watch again to resume it
watch-refused-channel = Discord refused the channel
watch-paused = **Paused** since { $day }: { $reason }; { $next }.
watches-more = More
watches-not-shown = { $n } more watches not shown
watch-removed = Watch #{ $id } removed
watch-removed-text = Changes matching “{ $filter }” are no longer posted in <#{ $channel }>.
watch-official-gone = official #{ $id } (removed)
watch-all-kinds = all kinds
