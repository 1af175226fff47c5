# delegation-bot: input messages (en). Every language holds the same ids.

## Amounts

amount-empty = The amount is empty; type a number such as 1500000000, 1.5 billion or 15억.
amount-no-number = `{ $input }` has no number; type the amount too, e.g. USD 1.5 billion.
amount-negative = `{ $input }` is negative; amounts are never below zero, so type it without the minus sign.
amount-unknown-currency = `{ $currency }` is not a currency I know; type KRW, USD, CNY, EUR or JPY.
amount-yen-or-yuan = `¥` is both the yuan and the yen; write CNY or JPY instead.
amount-two-currencies = `{ $input }` names two currencies ({ $first } and { $second }); keep one.
amount-disagrees = The amount is in { $written } but `currency` says { $given }; make them agree, or leave `currency` out.
amount-no-currency = `{ $input }` names no currency; add currency:KRW (or USD, CNY, EUR, JPY), or write it in the amount, e.g. 15억 원.
amount-unreadable-part = `{ $input }` has words I cannot read (`{ $part }`); type digits with million, billion, 만, 억 or 조, e.g. 1.5 billion or 15억.
amount-unreadable = I cannot read `{ $input }` as an amount; type digits with million, billion, 만, 억 or 조, e.g. 1.5 billion or 1조 5천억.
amount-commas = `{ $number }` does not group thousands with its commas; commas group thousands (1,500) and a point marks decimals (1.5).
amount-decimals = `{ $input }` has more than two decimals; amounts are kept to the hundredth, e.g. 1.01.
amount-too-big = `{ $input }` is more than 1,000 trillion; check the number of zeros.
amount-zero = `{ $input }` is zero; leave the amount out when none was stated.
amount-range = `{ $input }` is a range, not an amount; type one figure (the lower one, e.g. 1 billion) and put the range in the summary.
amount-fraction-won = `{ $input }` has a fraction of a won, which has no smaller unit; type a whole number.
amount-fraction-yen = `{ $input }` has a fraction of a yen, which has no smaller unit; type a whole number.
currency-without-amount = `currency` goes with an amount; add amount:… as well, e.g. amount:"1.5 billion" currency:{ $currency }.

## Dates

input-empty = (empty)
date-not-a-date = `{ $input }` is not a date; type YYYY-MM-DD (e.g. 2024-05-29) or YYYY-MM (e.g. 2024-05).
date-out-of-range = `{ $input }` is out of range; dates run from { $min } to { $max }.
date-ambiguous = `{ $input }` could be read day first or month first; type { $month_first } or { $day_first }.
date-not-real = `{ $input }` is not a real calendar date; check the month and day (YYYY-MM-DD).
date-is-month = `{ $input }` is a month; type a day, e.g. 2024-05-29.
month-not-a-month = `{ $input }` is not a month; type YYYY-MM, e.g. 2024-05.
month-is-day = `{ $input }` is a day; type a month, e.g. 2024-05.
month-out-of-range = `{ $input }` has no such month; months run from 01 to 12 (YYYY-MM).
range-reversed = `to` ({ $to }) is before `from` ({ $from }); swap them or widen the range.
months-reversed = `to` ({ $to }) is before `from` ({ $from }); swap them.
months-too-many = That is { $n } months; ask for at most { $max } at a time.
date-too-far = `{ $field }` { $date } is more than a year ahead; planned visits may be recorded up to { $limit }.
end-before-start = The end ({ $end }) is before the start ({ $start }); type an end on or after the start.

## Vocabularies

not-in-vocabulary = `{ $input }` is not a { $what }; type one of: { $choices }.
vocabulary-country = country
vocabulary-forum-kind = forum kind
vocabulary-visit-level = delegation level
vocabulary-outcome-kind = kind of outcome
vocabulary-outcome-status = status

## Text and links

text-empty = `{ $field }` is empty; type some text or leave the option out.
text-one-line = `{ $field }` is one line of text; remove the line break.
text-control-character = `{ $field }` contains a control character (U+{ $code }); remove it and try again.
text-too-long = `{ $field }` is { $len } characters long; shorten it to at most { $max }.
url-not-a-link = `{ $field }` must be a web link starting with http:// or https://, e.g. https://example.org/news/1.
spam-gambling = `{ $field }` contains gambling spam ("{ $phrase }"); remove it and try again.
spam-blocked-host = `{ $field }` links to { $host }, which is on the block list; remove that link.
article-empty = `{ $name }` is empty; paste the report's text.
article-too-long = `{ $name }` is { $len } characters long; give a report over { $max } characters as file: or url: instead.

## Commands and options

command-unknown = There is no command `/{ $command }`; type `/help` to see them all.
command-incomplete = `/{ $command }` is incomplete; type one of: { $commands }.
quote-not-closed = A quote is not closed; put a " at the end of the value (type \" for a quote inside it).
options-none = { $command } takes no options; type just `{ $command }`.
option-unknown = { $command } has no option `{ $option }`; its options are: { $options }.
option-twice = `{ $option }` is given twice; give it once.
option-missing = { $command } needs `{ $option }:`; for example: { $example }
request-too-old = This was saved by an older version of the bot; run the command again.
upload-gone = The attached file is no longer kept; attach it again.
number-not-whole = `{ $name }` must be a whole number, e.g. { $name }:{ $example }.
number-too-small = `{ $name }` must be { $min } or more.
number-out-of-range = `{ $name }` must be between { $min } and { $max }.
bool-expected = `{ $name }` must be true or false, e.g. { $name }:true.
not-a-choice = `{ $name }` must be one of: { $choices }.
channel-expected = `{ $name }` takes a channel: pick one in Discord, or give its id in the console (right-click the channel, Copy Channel ID), e.g. { $name }:300000000000000001.
clear-not-dash = To empty `{ $field }`, write clear:{ $field } instead of { $field }:-.
clear-unknown-field = `clear` takes fields from: { $fields }; e.g. clear:{ $example }.
clear-and-given = `{ $field }` is both given and cleared; leave out one of them.

## Lists and records in sentences

list-comma = { $first }, { $second }
list-and-then = { $first } and { $second }
record-number = { $kind } #{ $id }

## Changes refused

source-needs-link = `source_title` and `source_date` describe a `source:`; add source:https://... as well.
no-such-source = { $record } has no source { $url }; { $shown_by } lists its sources.
visit-overlaps = Visit #{ $id } from the same province overlaps these dates; see /visits show id:{ $id }, or add force:true to record both.
meeting-outside-visit = The meeting date { $date } is outside visit #{ $id } ({ $from } to { $to }); fix the date or choose another visit.
meetings-outside-dates = Meeting { $meetings } of visit #{ $id } would fall outside its new dates ({ $from } to { $to }); move or unlink { $n ->
        [one] it
       *[other] them
    } first, or keep the dates.
visit-edit-nothing = Say what to change, e.g. /record visit edit id:{ $id } size:25 (clear:size empties a field).
meeting-edit-nothing = Say what to change, e.g. /record meeting edit id:{ $id } place:"Seoul City Hall".
forum-edit-nothing = Say what to change, e.g. /record forum edit id:{ $id } place:Jeju.
official-edit-nothing = Say what to change, e.g. /record official edit { $name } title:"Mayor of Seoul".
outcome-edit-nothing = Say what to change, e.g. /outcome edit id:{ $id } status:realized (clear:amount empties a field).
visit-has-records = Visit #{ $id } has { $held }; add meetings:unlink to keep its meetings without it, or meetings:delete to delete them with it.
held-meetings = { $meetings } ({ $ids })
held-forum-links = links to { $forums } ({ $ids })
forum-already-linked = Visit #{ $visit } is already linked to forum #{ $id }; nothing to do.
official-referenced = { $name } is in { $meetings } meeting(s) and leads { $visits } visit(s); merge them into another record with /record official merge, or change those records first.
merge-same-record = `keep` and `remove` both name { $name }; give two different records.
merge-different-sides = { $kept } ({ $kept_side }) and { $removed } ({ $removed_side }) are on different sides, so merging would put one person on both sides of their meetings; check the names, or add force:true if they really are one person.
merge-empties-meeting = Meeting #{ $id } is between { $kept } and { $removed } alone, and would be left with one participant; change or delete it first (/record meeting edit id:{ $id }).
audit-needs-both = Give both `entity` and `id` for one record's history, e.g. /data audit entity:visit id:3, or neither for recent changes.
audit-no-history = No change to { $kind } #{ $id } is on record; check the number with /{ $kinds } list.

## Replies to changes

undo-takes-back = { $what }. /data undo takes it back.
undo-reverts = { $what }.{ $notes } /data undo reverts this.
undo-brings-back = Deleted { $what }. /data undo brings it back.
undo-puts-back = { $what }.{ $notes } /data undo puts it back.
undo-puts-it-back = /data undo puts it back.
detached-undo = { $detached }/data undo brings it back.
visit-added-text = { $summary }. /visits show id:{ $id } shows it; /data undo takes it back.{ $hint }
visit-source-hint = Add a source with /record visit edit id:{ $id } source:https://…
visit-deleted-text = Deleted { $what }. { $detached }/data undo brings it all back.
deletion-visit = visit #{ $id } ({ $summary })
deletion-deleting-meetings = deleting its { $meetings } ({ $ids })
deletion-unlinking-meetings = unlinking its { $meetings } ({ $ids })
deletion-and-then = { $first } and { $second }
deletion-forum-links = its links to { $forums } ({ $ids })
forum-added-text = { $forum } · { $start }.{ $hint }
forum-link-hint = Link delegations with /record forum link forum:{ $id } visit:<visit number>.
forum-lists-delegations = { $forum } now lists { $n } delegation(s).
official-added-text = { $name } ({ $side }). /official show { $typed } shows the profile.
official-old-name = The old name `{ $name }` still finds them.
official-post-moved = Their post { $old } ends today; { $new } starts today (/record official post gives other dates).
official-post-ended = Their post { $posts } ended yesterday.
official-deleted-text = { $name }.{ $notes } /data undo brings them back.
watches-paused = { $n ->
        [one] Watch { $ids } is paused (its official is gone).
       *[other] Watches { $ids } are paused (their official is gone).
    }
watches-moved = { $n ->
        [one] Watch { $ids } now follows { $name }.
       *[other] Watches { $ids } now follow { $name }.
    }
merge-text = { $meetings } meeting(s) and { $visits } visit(s) moved; every spelling of { $removed } now finds { $kept }.{ $notes } /data undo reverts this.
outcome-added-text = { $summary }.{ $notes } /outcomes show id:{ $id } shows it; /data undo takes it back.
post-added-text = { $post }.{ $notes } /official show { $typed } lists the career; /data undo takes it back.
title-now = Their title is now { $title }.
title-none = They hold no post today, so they have no title now.
undo-text = "{ $summary }" is reverted ({ $records } record(s)). /data undo again reverts your change before it.
undone-by = (undone by #{ $id })
col-change = Change
col-when = When
col-who = Who
col-what = What
col-records = Records
value-needs-quotes = `{ $typed }` is not an option; a value with spaces goes in quotes: { $option }:{ $value }

## What a deletion did to the outcomes of the deleted record (they stay).
outcomes-stay-unlinked = { $n ->
    [one] Outcome { $ids } stays, no longer linked to it.
   *[other] Outcomes { $ids } stay, no longer linked to it.
}
