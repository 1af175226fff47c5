# delegation-bot: /record draft (a news report drafted as records, checked, then confirmed)
# and fetching a report by its link, in English. The Korean and Chinese files hold the same
# ids. Arguments: { $name }; numbers select plurals.

## Giving the report

draft-text-and-file = Give the report once: text: or file: (a url: with them is kept as the source).
draft-file-too-large = { $name } is larger than 2 MB; give the article's text alone.
draft-file-empty = { $name } holds no text; give the report itself.
draft-no-such-file = There is no file `{ $path }`; give the path of a .txt, .html or .md file.
draft-no-report = Give the report: text:"...", a file (file:), or its link (url:https://...).
draft-page-empty = The page at { $url } holds no article text; paste the report as text: instead.

## Fetching a link

draft-fetch-scheme = Only http and https links can be fetched, not { $scheme }:; paste the text instead.
draft-fetch-no-host = The link has no host; give a full https:// link.
draft-fetch-private = { $host } is a private, loopback or link-local address, which the bot does not fetch.
draft-fetch-not-a-link = That is not a link; give one starting with https://.
draft-fetch-failed = { $host } could not be fetched ({ $why }); paste the text instead.
draft-fetch-the-page = the page
draft-fetch-timeout = it took too long
draft-fetch-no-connection = no connection (or a refused address)
draft-fetch-transfer-failed = the transfer failed
draft-fetch-redirects-nowhere = The page redirects nowhere; paste the text instead.
draft-fetch-status = The page answered HTTP { $status }; check the link or paste the text.
draft-fetch-too-large = The page is larger than 2 MB; paste the article's text instead.
draft-fetch-too-many-redirects = The page redirects more than { $n } times; give the article's final link.

## Why a report is not a visit

draft-not-visit-video-call = The report is about a video call or an online event, not a visit to Korea.
draft-not-visit-korean-delegation = The report is about a Korean delegation in China, not a Chinese delegation in Korea.
draft-not-visit-national = The visitor, { $name }, is a national-level Chinese official, not a provincial or city delegation.
draft-not-visit-other-country = The report is about another country's delegation, not a Chinese one.
draft-not-visit-no-delegation = The report names no Chinese provincial or city delegation visiting Korea.
draft-not-visit-not-taken-place = The report mentions a delegation but no visit that has taken place.
draft-not-visit-announced = The report announces a visit that has not happened yet; draft it again once it has.

## What to check in a draft

draft-note-date-assumed = No publication date was given; dates without a year were read against { $date }, the report's dateline or the latest date it gives in full (give published: to change that).
draft-note-date-today = No publication date was given or found; partial dates were read against { $date } (give published: to change that).
draft-note-vague = Left out as too vague to date: { $phrases }.
draft-note-no-leader = The report names no leader of the delegation; give leader: once it is known.
draft-note-romanized = { $name } ({ $local }) was romanized from Chinese characters; check how they spell it.
draft-note-corrected = Corrected by hand: { $fields }.

## The draft's fields, as corrections and refusals name them

draft-field-provinces = provinces
draft-field-start = start
draft-field-end = end
draft-field-leader = leader
draft-field-places = places
draft-field-meeting-date = meeting date
draft-field-forum-start = forum start
draft-field-forum-end = forum end
draft-field-outcome-date = outcome date

## The draft shown

draft-not-a-visit-title = Not a visit
draft-no-visit-to-record = The report gives no visit to record.
draft-title = Draft: { $provinces } visit, { $start }
draft-date-unknown = date unknown
draft-check-text = Check each field against its quote. Confirm writes everything as one change (/data undo takes it back); nothing is written before.
draft-on-record = Already on record as #{ $id }: Confirm adds the report to it as a source.
draft-level-unknown = level unknown
draft-places = places: { $places }
draft-size = { $n ->
    [one] { $n } person
   *[other] { $n } people
}
draft-visit-field = Visit { $n }
draft-no-date = no date
draft-outcomes-field = Outcomes (recorded as signed, linked to the visit)
draft-new-officials-field = New officials (added on Confirm)
draft-no-title = no title
draft-check-field = Check
draft-removed = { $n ->
    [one] Removed { $n } line of junk (spam, boilerplate, captions), e.g. { $example }
   *[other] Removed { $n } lines of junk (spam, boilerplate, captions), e.g. { $example }
}
draft-confirm-prompt = Confirm to record this draft.
draft-confirm-adds-source = Confirm adds the report as a source to { $ids } instead of recording the visit again.

## Corrections

draft-nothing-to-correct = { $reason } There is no drafted visit to correct; record one with /record visit add.
draft-no-visit-given = The report gives no visit.
draft-start-with-end = Give the visit's start as well as its end, e.g. start:2024-05-29.
draft-leader-empty = `leader` needs a name, e.g. leader:"Liu Xiaoming".

## Confirm

draft-no-visit-in-draft = The draft has no visit to record.
draft-visit-not-begun = This visit starts on { $start }, after today: confirm the draft on or after that day, or add force:true to record it now as a planned visit.
draft-fix-with-edit = { $error } Use Edit to fix the draft's { $field }.
draft-bad-date = The draft's { $field } ({ $value }): { $error }
draft-skipped-no-start = The visit led by { $leader } has no start date; add it with /record visit add.
draft-unnamed-leader = an unnamed leader
draft-skipped-no-province = A visit without a province was not recorded.
draft-skipped-visit-on-record = The visit is already on record as visit #{ $id }; give the report's url: to add it as a source.
draft-skipped-meeting-no-date = The meeting of { $officials } has no date in the report; add it with /record meeting add.
draft-skipped-meeting-on-record = The meeting on { $date } is already on record as meeting #{ $id }.
draft-skipped-forum-no-date = The forum "{ $name }" has no date in the report; add it with /record forum add.
draft-skipped-forum-on-record = "{ $name }" is already on record as forum #{ $id }.
draft-skipped-outcome-on-record = "{ $title }" is already on record as outcome #{ $id }.
draft-recorded-title = Draft recorded
draft-recorded = Recorded: { $parts }.
draft-undo-all = /data undo takes it all back.
draft-sentences = { $first } { $second }
draft-recorded-visits = visits { $ids }
draft-recorded-sources = report added as a source to visits { $ids }
draft-recorded-meetings = meetings { $ids }
draft-recorded-forums = forums { $ids }
draft-recorded-outcomes = outcomes { $ids }
draft-recorded-officials = new officials { $ids }
draft-recorded-nothing = nothing new
