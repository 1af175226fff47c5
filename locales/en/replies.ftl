# delegation-bot: the replies to commands, in English. The Korean and Chinese files hold
# the same ids. Arguments: { $name }; numbers select plurals.

## Counts and common words

n-visits = { $n ->
    [one] 1 visit
   *[other] { $n } visits
}
n-meetings = { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
}
n-forums = { $n ->
    [one] 1 forum
   *[other] { $n } forums
}
n-officials = { $n ->
    [one] 1 official
   *[other] { $n } officials
}
n-outcomes = { $n ->
    [one] 1 outcome
   *[other] { $n } outcomes
}
span = { $from } to { $to }
total = Total
none-recorded = none recorded
all-provinces = all provinces
page-label = page { $page } of { $pages } · { $total } in all
page-more = (add page:{ $next } for more)
empty-database = Nothing is recorded yet: load the sample data (`delegation-bot sample`, or answer yes when the console offers it), import a file with /data import, or add a visit with /record visit add.
last-change = last change by { $who } at { $at } · version { $version }
not-real-data = This record is { $dataset } data, not a real record.
dataset-sample = sample
level-of = { $level } level

## Columns and fields

col-month = Month
col-visits = Visits
col-meetings = Meetings
col-forums = Forums
col-outcomes = Outcomes
col-start = Start
col-province = Province
col-leader = Leader
col-places = Places
visit-label = Visit
field-origin = Origin
field-dates = Dates
field-korean-places = Korean places
field-purpose = Purpose
field-size = Delegation size
field-meetings = Meetings
field-forums = Forums
field-outcomes = Outcomes
field-sources = Sources

## Reports

change-up-down = { $percent } ({ $previous } → { $total })
change-new = new activity (0 → { $total })
change-none = no change (0 → 0)
coverage-no-visits = no visits
coverage-no-sources = no visit cites a source
coverage-all-sourced = every visit cites a source ({ $n })
coverage-some-sourced = { $sourced } of { $n } visits cite a source
coverage-by-month = { $sources }; { $n ->
    [one] 1 is dated by month only and matched by its month
   *[other] { $n } are dated by month only and matched by their month
}

## /visits

monthly-title = Visits per month · { $scope }
monthly-text = { $from } to { $to } · a visit counts in the month it starts
month-with-visits = { $month } ({ $n ->
    [one] 1 visit
   *[other] { $n } visits
})
mean-per-month = Mean per month
busiest-month = Busiest month
change-vs = Change vs { $from } to { $to }
chart-per-month = Visits per month, { $from } to { $to }
start-planned = { $start } (planned)
scope-city = city { $city }
scope-place = in { $place }
scope-official = with { $name }
visits-title = Visits
visits-by-month = { $n ->
    [one] 1 visit dated by month only, matched by its month
   *[other] { $n } visits dated by month only, matched by their month
}
no-visits-match = No visits match; widen the filters or check /visits monthly.
planned-not-started = {" "}(planned: it has not started yet)
label-visit = Visit
label-meeting = Meeting
label-forum = Forum
label-official = Official
label-outcome = Outcome

## /outcomes

col-date = Date
col-kind = Kind
col-title = Title
col-amount = Amount
col-status = Status
outcomes-title = Outcomes
outcome-label = Outcome
no-outcomes-match = No outcomes match; widen the filters, or add one with /outcome add.
link-deleted = { $kind } #{ $id } (deleted)
field-chinese-side = Chinese side
field-korean-side = Korean side
field-summary = Summary
field-came-of = Came of
came-of-nothing = no visit, meeting or forum recorded

## Choices

choice-mou = MOU
choice-agreement = agreement
choice-investment-pledge = investment pledge
choice-contract = contract
choice-sister-city = sister-city
choice-other = other
choice-announced = announced
choice-signed = signed
choice-in-progress = in progress
choice-realized = realized
choice-cancelled = cancelled
choice-provincial = provincial
choice-municipal = municipal
choice-county = county
choice-party = party
choice-investment-forum = investment forum
choice-business-forum = business forum
choice-promotion-conference = promotion conference
choice-conference = conference
choice-china = China
choice-korea = Korea
choice-weekly = weekly
choice-monthly = monthly
choice-visits = visits
choice-meetings = meetings
choice-forums = forums
choice-officials = officials
choice-outcomes = outcomes
choice-all = all
choice-monday = Monday
choice-tuesday = Tuesday
choice-wednesday = Wednesday
choice-thursday = Thursday
choice-friday = Friday
choice-saturday = Saturday
choice-sunday = Sunday

## /forums

col-name = Name
col-place = Place
col-delegations = Delegations
forums-title = Forums and conferences
no-forums-match = No forums match; widen the dates or drop a filter.
led-by = led by { $name }
field-organizer = Organizer
field-attended = Delegations that attended

## /official

col-as = As
col-met = Met
meetings-of = Meetings of { $name }
no-meetings-in-period = No meetings recorded in this period.
since = since { $from }
field-post = Post
field-side = Side
field-visits-led = Visits led
field-career = Career
no-posts = no posts recorded; /record official post adds one
field-aliases = Also known as
field-counterparts = Most frequent counterparts

## /provinces, /stats, /search

provinces-title = Provinces by activity
joint-counts = a joint visit or outcome counts for each of its provinces
no-activity = No activity recorded in this period.
chart-by-province = Visits by province, { $range }
overview-title = Overview · { $from } to { $to }
officials-met = Officials met
mean-visits-per-month = Mean visits per month
top-provinces = Top provinces
top-hosts = Top Korean hosts
pledged = Pledged (not cancelled), per currency
col-record = Record
col-match = Match
search-title = Search
search-needs-word = Type at least one word to search for, e.g. /search text:Jeju.
search-broad = page { $page } of { $pages } · over { $over } matches: the newest of each kind are shown; add words to narrow
search-common = newest first (a word this common is not weighed)
search-nothing = Nothing matches; try fewer words, or end one with * to match its beginning (semicon*).

## /help

continued = { $name }, continued
help-title = Commands
help-text = Type a command with options as name:value; quote values with spaces, e.g. /official history name:"Oh Young-hun"; inside quotes type \" for a quote (name:"Kim \"Danny\" Lee"). /help <command> explains one.
help-ask = Ask
help-change = Change (moderators)
no-such-command = There is no command `{ $command }`; type /help to list them.
kind-text = text, up to { $max } characters
kind-article = a report's text, up to { $max } characters
kind-number-from = number, { $min } or more
kind-number = number, { $min } to { $max }
kind-bool = true or false
kind-date = YYYY-MM-DD or YYYY-MM; also 2024/05/29, "May 29, 2024", 2024년 5월 29일, 2024年5月29日
kind-day = YYYY-MM-DD; also 2024/05/29, "May 29, 2024", 2024년 5월 29일
kind-month = YYYY-MM; also 2024/05, "May 2024", 2024년 5월
kind-choice = one of: { $choices }
kind-file = a CSV or JSON file
kind-channel = a channel; its id in the console
required = required
optional = optional
example = Example
moderators-only = moderators only

generated-alias = { $alias } (generated)
choice-zh = Chinese

## Other names of choices (comma-separated)

choice-monthly-also = month, per month
choice-weekly-also = week, per week

## Money (Korean and Chinese; English writes the code and the number)

money-krw = KRW { $n }
money-usd = USD { $n }
money-cny = CNY { $n }
money-eur = EUR { $n }
money-jpy = JPY { $n }
money-about = about { $amount }
