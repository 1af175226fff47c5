# delegation-bot: transfer messages (en). Every language holds the same ids.
# Import and export of CSV and JSON files: /data import, /export and their command-line
# subcommands. Arguments: { $name }; `kind` is a record kind's plural (`visits`).

## Reading a file

import-not-text = { $file } line { $line } is not UTF-8, UTF-16 or Korean (CP949) text; save the file as "CSV UTF-8" (Excel: Save As, CSV UTF-8) and try again.
import-no-file = There is no file `{ $path }`; give the path of a CSV or JSON file.

## /data import

import-at-line = line { $n }
import-at-item = { $kind } item { $n }
import-counts = { $kind }: { $created } new, { $updated } changed, { $unchanged } unchanged
import-counts-refused = { $kind }: { $created } new, { $updated } changed, { $unchanged } unchanged, { $refused } refused
import-imported = Imported { $file }
import-imported-text = { $counts }. /data undo takes the whole import back.
import-preview = Preview of { $file }
import-would-change = Would change
import-apply = Apply this import?
import-refusal = { $file } { $at }: { $reason }
import-refusal-column = { $file } { $at }, column `{ $column }`: { $reason }
import-nothing-imported = { $first } Nothing was imported.
import-nothing-imported-more = { $first } ({ $more ->
        [one] 1 more row is refused
       *[other] { $more } more rows are refused
    }; run the import without confirm:true to see them all.) Nothing was imported.
import-rows-read = { $rows ->
        [one] 1 record read.
       *[other] { $rows } records read.
    }
import-restore = This database is empty, so the file is restored as it is: its record numbers, versions and database identity are kept.
import-foreign-ids = { $n ->
        [one] 1 row carries a record number of another database (or of none); it is added as a new record, checked for duplicates.
       *[other] { $n } rows carry record numbers of another database (or of none); they are added as new records, checked for duplicates.
    }
import-rows-refused = { $n ->
        [one] 1 row is refused (below); fix it and import again. Nothing is changed.
       *[other] { $n } rows are refused (below); fix them and import again. Nothing is changed.
    }
import-until-confirm = Nothing is changed until you confirm.
import-col-where = Where
import-col-record = Record
import-col-what = What
import-row-refused = refused: { $reason }
import-row-refused-column = refused: column `{ $column }`: { $reason }
import-and-more = and { $n } more

## /export

export-title = Export
export-text = { $counts } as { $format }. Import takes these files back as they are.
choice-en = English
choice-ko = Korean

## Refusals of a file or of its rows (import). `at` is `import-at-line` or `import-at-item`;
## `kind` a record kind's name (`kind-visit`).

import-file-empty = { $file } is empty; export a file first to see the expected columns.
import-no-records = { $file } holds no records; add rows under the header.
import-quote-open = { $file } line { $line }: a quote opened here is never closed; close it, and write a quote inside a cell as two ("").
import-quote-text-after = { $file } line { $line }: text follows a closing quote; check the quote opened on line { $opened } (a quote inside a cell is written as two: "").
import-header-unknown = { $file }: the header must name the columns, e.g. `province,start` for visits, `name,country` for officials, `date,officials` for meetings, `name,kind,start` for forums or `kind,title,date` for outcomes.
import-header-unnamed = { $file }: column { $n } of the header has no name; name it or delete the column.
import-header-not-column = { $file }: column `{ $header }` is not a { $kind } column; use: { $columns }.
import-header-twice = { $file }: the header names `{ $column }` twice (`{ $first }` and `{ $second }`); keep one of the two columns.
import-header-unreadable = { $file }: the header line cannot be read ({ $error }); the first line must name the columns.
import-csv-unreadable = { $file }: { $error }; check the quotes in the file.
import-cells = { $file } line { $line }: { $cells ->
        [one] 1 cell
       *[other] { $cells } cells
    } where the header has { $columns }; quote cells that contain the separator `{ $separator }`.
import-json-error = { $file } line { $line }, column { $column }: { $what }; fix it or export a file to compare.
import-json-key-twice = the key `{ $key }` is given twice in one object
import-json-invalid = this is not valid JSON
import-json-database = { $file }: `database` must be the text an export wrote.
import-json-section = { $file }: `{ $key }` is not a section I know; use visits, officials, meetings, forums or outcomes.
import-json-not-array = { $file }: `{ $key }` must be an array of records.
import-json-shape = { $file }: a JSON import must be an array of records, or an object of arrays such as { "{" }"visits": [...]{ "}" }.
import-json-not-object = { $file }: item { $n } is not an object with named fields.
import-json-no-kind = { $file }: item { $n } has no `province` and `start` (visit), `name` and `country` (official), `date` and `officials` (meeting), `name`, `kind` and `start` (forum) or `kind`, `title` and `date` (outcome) fields.
import-json-not-field = { $file } { $at }: `{ $key }` is not a { $kind } field; use: { $columns }.
import-json-field-twice = { $file } { $at }: two fields mean `{ $column }`; keep one.
import-required = `{ $column }` is empty; every { $kind } needs it.
import-whole-number = `{ $value }` must be a whole number from { $min } to { $max }.
import-deleted = { $kind } #{ $id } was deleted; leave `id` empty to add it anew, or /data undo the deletion.
import-no-version = the row has no `version`, so it could overwrite newer edits of { $kind } #{ $id }; export it again, or add force:true.
import-changed-since = { $kind } #{ $id } changed since version { $seen } ({ $changes }); export it again and redo your edits there, or add force:true to overwrite.
import-foreign-record = { $kind } { $number } is a { $kind } of the database this file comes from, and the file does not include it; export everything as one JSON file (/export what:all format:json) to keep the links, or clear `{ $column }`.
import-source-needs-link = `source_title` and `source_date` describe a `source`; add the link in a `source` column.
import-visit-overlaps-row = the visit at { $at } of this file is from the same province and overlaps these dates; remove one of the two, or add force:true to record both.
import-meeting-repeats-row = the meeting at { $at } of this file is on the same day with the same officials; remove one of the two, or add force:true to record both.
import-forum-repeats-row = the forum at { $at } of this file has the same name, edition and start; remove one of the two, or add force:true to record both.
import-outcome-repeats-row = the outcome at { $at } of this file has { $by } within { $days } days; remove one of the two, or add force:true to record both.
import-not-visit-number = `{ $value }` is not a visit number.
import-currency-without-amount = `currency` { $currency } goes with an amount; fill in `amount` or clear `currency`.
import-outcome-misfit = this outcome is { $what }; fix the date, provinces or visit, or add force:true to link it anyway.
import-post-parts = `{ $line }` has more than five parts; write each post as title | organization | province | from | to.
import-post-no-title = `{ $line }` has no title; write each post as title | organization | province | from | to.
import-post-ends-before-start = `{ $line }` ends before it starts; type an end on or after the start.
import-posts-overlap = two `{ $title }` posts overlap; one person holds a title once at a time, so fix their dates.

## Notes of the preview on a row (what it changes: `diff`, "purpose: old → new; ...")

import-overwrites-unversioned = overwrites { $kind } #{ $id } as it is now (the row has no version)
import-overwrites-changes = overwrites changes since version { $seen }: { $changes }
import-already-on-record = `{ $name }` is already on record as { $holder } (#{ $id }); kept as it is
import-change-note = { $diff } ({ $note })
