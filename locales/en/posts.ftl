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
