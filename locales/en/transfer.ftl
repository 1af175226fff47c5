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
