# delegation-bot: transfer messages (ko). Every language holds the same ids.
# CSV·JSON 파일 가져오기와 내보내기: /data import, /export와 명령줄 하위 명령.
# 인자: { $name }; `kind`는 기록 종류의 영어 복수형(`visits`)입니다.

## 파일 읽기

import-not-text = { $file } { $line }행이 UTF-8, UTF-16, 한국어(CP949) 텍스트가 아닙니다. 파일을 "CSV UTF-8"로 저장한 뒤(Excel: 다른 이름으로 저장, CSV UTF-8) 다시 시도하세요.
import-no-file = `{ $path }` 파일이 없습니다. CSV 또는 JSON 파일의 경로를 입력하세요.

## /data import

import-at-line = { $n }행
import-at-item = { $kind ->
        [visits] 방문
        [meetings] 회의
        [forums] 포럼
        [officials] 인사
        [outcomes] 성과
       *[other] { $kind }
    } { $n }번째 항목
import-counts = { $kind ->
        [visits] 방문
        [meetings] 회의
        [forums] 포럼
        [officials] 인사
        [outcomes] 성과
       *[other] { $kind }
    }: 새 기록 { $created }건, 변경 { $updated }건, 변경 없음 { $unchanged }건
import-counts-refused = { $kind ->
        [visits] 방문
        [meetings] 회의
        [forums] 포럼
        [officials] 인사
        [outcomes] 성과
       *[other] { $kind }
    }: 새 기록 { $created }건, 변경 { $updated }건, 변경 없음 { $unchanged }건, 거부 { $refused }건
import-imported = { $file } 가져옴
import-imported-text = { $counts }. /data undo로 이 가져오기 전체를 되돌릴 수 있습니다.
import-preview = { $file } 미리 보기
import-would-change = 바뀔 내용
import-apply = 이 가져오기를 적용할까요?
import-refusal = { $file } { $at }: { $reason }
import-refusal-column = { $file } { $at }, `{ $column }` 열: { $reason }
import-nothing-imported = { $first } 아무것도 가져오지 않았습니다.
import-nothing-imported-more = { $first } (다른 { $more }개 행도 거부되었습니다. 모두 보려면 confirm:true 없이 가져오기를 실행하세요.) 아무것도 가져오지 않았습니다.
import-rows-read = 기록 { $rows }건을 읽었습니다.
import-restore = 이 데이터베이스가 비어 있으므로 파일을 그대로 복원합니다. 파일의 기록 번호, 버전, 데이터베이스 식별자가 유지됩니다.
import-foreign-ids = { $n }개 행에 다른 데이터베이스의 기록 번호가 있거나 데이터베이스 표시가 없습니다. 중복 검사를 거쳐 새 기록으로 추가됩니다.
import-rows-refused = { $n }개 행이 거부되었습니다(아래 참조). 고친 뒤 다시 가져오세요. 아무것도 바뀌지 않았습니다.
import-until-confirm = 확인하기 전에는 아무것도 바뀌지 않습니다.
import-col-where = 위치
import-col-record = 기록
import-col-what = 내용
import-row-refused = 거부: { $reason }
import-row-refused-column = 거부: `{ $column }` 열: { $reason }
import-and-more = 외 { $n }건

## /export

export-title = 내보내기
export-text = { $counts }, { $format } 형식. 가져오기(/data import)로 이 파일을 그대로 다시 읽을 수 있습니다.
choice-en = 영어
choice-ko = 한국어

## 파일이나 행의 거부(가져오기). `at`은 `import-at-line` 또는 `import-at-item`,
## `kind`는 기록 종류의 이름(`kind-visit`)입니다.

import-file-empty = { $file } 파일이 비어 있습니다. 먼저 파일을 내보내 필요한 열을 확인하십시오.
import-no-records = { $file }에 기록이 없습니다. 머리글 아래에 행을 추가하십시오.
import-quote-open = { $file } { $line }행: 여기서 연 따옴표가 닫히지 않았습니다. 따옴표를 닫고, 셀 안의 따옴표는 두 개("")로 쓰십시오.
import-quote-text-after = { $file } { $line }행: 닫는 따옴표 뒤에 글자가 있습니다. { $opened }행에서 연 따옴표를 확인하십시오(셀 안의 따옴표는 두 개 ""로 씁니다).
import-header-unknown = { $file }: 머리글에 열 이름이 있어야 합니다. 예: 방문은 `province,start`, 인사는 `name,country`, 회의는 `date,officials`, 포럼은 `name,kind,start`, 성과는 `kind,title,date`.
import-header-unnamed = { $file }: 머리글의 { $n }번째 열에 이름이 없습니다. 이름을 붙이거나 열을 삭제하십시오.
import-header-not-column = { $file }: `{ $header }` 열은 { $kind } 열이 아닙니다. 사용할 수 있는 열: { $columns }.
import-header-twice = { $file }: 머리글에 `{ $column }` 열이 두 번 있습니다(`{ $first }`, `{ $second }`). 둘 중 한 열만 남기십시오.
import-header-unreadable = { $file }: 머리글 행을 읽을 수 없습니다({ $error }). 첫 행에는 열 이름이 있어야 합니다.
import-csv-unreadable = { $file }: { $error }. 파일의 따옴표를 확인하십시오.
import-cells = { $file } { $line }행: 셀이 { $cells }개인데 머리글의 열은 { $columns }개입니다. 구분 기호({ $separator ->
        [tab] 탭
       *[other] `{ $separator }`
    })가 든 셀은 따옴표로 묶으십시오.
import-json-error = { $file } { $line }행 { $column }열: { $what }. 고치거나 파일을 내보내 비교해 보십시오.
import-json-key-twice = 한 객체에 키 `{ $key }`{ JOSA($key, "이") } 두 번 있습니다
import-json-invalid = 올바른 JSON이 아닙니다
import-json-database = { $file }: `database`에는 내보내기가 쓴 텍스트가 있어야 합니다.
import-json-section = { $file }: `{ $key }`{ JOSA($key, "은") } 알 수 없는 구역입니다. visits, officials, meetings, forums, outcomes 중 하나를 쓰십시오.
import-json-not-array = { $file }: `{ $key }`{ JOSA($key, "은") } 기록의 배열이어야 합니다.
import-json-shape = { $file }: JSON 가져오기 파일은 기록의 배열이거나 { "{" }"visits": [...]{ "}" } 같은 배열의 객체여야 합니다.
import-json-not-object = { $file }: { $n }번째 항목이 필드 이름이 있는 객체가 아닙니다.
import-json-no-kind = { $file }: { $n }번째 항목에 `province`와 `start`(방문), `name`과 `country`(인사), `date`와 `officials`(회의), `name`·`kind`·`start`(포럼), `kind`·`title`·`date`(성과) 중 어느 필드 조합도 없습니다.
import-json-not-field = { $file } { $at }: `{ $key }`{ JOSA($key, "은") } { $kind } 필드가 아닙니다. 사용할 수 있는 필드: { $columns }.
import-json-field-twice = { $file } { $at }: `{ $column }`{ JOSA($column, "을") } 뜻하는 필드가 두 개입니다. 하나만 남기십시오.
import-required = `{ $column }`{ JOSA($column, "이") } 비어 있습니다. 모든 { $kind } 기록에 필요합니다.
import-whole-number = `{ $value }`{ JOSA($value, "은") } { $min }에서 { $max } 사이의 정수여야 합니다.
import-deleted = { $kind } #{ $id }{ JOSA($id, "은") } 삭제되었습니다. 새로 추가하려면 `id`를 비우고, 삭제를 되돌리려면 /data undo를 쓰십시오.
import-no-version = 행에 `version`이 없어 { $kind } #{ $id }의 최근 편집을 덮어쓸 수 있습니다. 다시 내보내거나 force:true를 추가하십시오.
import-changed-since = { $kind } #{ $id }{ JOSA($id, "이") } 버전 { $seen } 이후 변경되었습니다({ $changes }). 다시 내보내 그 파일에서 편집을 다시 하거나, 덮어쓰려면 force:true를 추가하십시오.
import-foreign-record = { $kind } { $number }번은 이 파일이 나온 데이터베이스의 { $kind }인데 파일에 들어 있지 않습니다. 연결을 유지하려면 전체를 JSON 파일 하나로 내보내거나(/export what:all format:json) `{ $column }`{ JOSA($column, "을") } 비우십시오.
import-source-needs-link = `source_title`과 `source_date`는 `source`를 설명합니다. `source` 열에 링크를 추가하십시오.
import-visit-overlaps-row = 이 파일 { $at }의 방문과 성(省)이 같고 날짜가 겹칩니다. 둘 중 하나를 지우거나, 둘 다 기록하려면 force:true를 추가하십시오.
import-meeting-repeats-row = 이 파일 { $at }의 회의와 날짜와 인사가 같습니다. 둘 중 하나를 지우거나, 둘 다 기록하려면 force:true를 추가하십시오.
import-forum-repeats-row = 이 파일 { $at }의 포럼과 이름, 회차, 시작일이 같습니다. 둘 중 하나를 지우거나, 둘 다 기록하려면 force:true를 추가하십시오.
import-outcome-repeats-row = 이 파일 { $at }에 { $days }일 이내의 { $by } 성과가 있습니다. 둘 중 하나를 지우거나, 둘 다 기록하려면 force:true를 추가하십시오.
import-not-visit-number = `{ $value }`{ JOSA($value, "은") } 방문 번호가 아닙니다.
import-currency-without-amount = `currency` { $currency }{ JOSA($currency, "은") } 금액과 함께 씁니다. `amount`를 채우거나 `currency`를 비우십시오.
import-outcome-misfit = 이 성과는 방문과 맞지 않습니다: { $what }. 날짜·성·방문을 바로잡거나, 그래도 연결하려면 force:true를 추가하십시오.
import-post-parts = `{ $line }`{ JOSA($line, "이") } 다섯 부분을 넘습니다. 직책마다 title | organization | province | from | to 형식으로 쓰십시오.
import-post-no-title = `{ $line }`에 직함이 없습니다. 직책마다 title | organization | province | from | to 형식으로 쓰십시오.
import-post-ends-before-start = `{ $line }`{ JOSA($line, "은") } 시작보다 먼저 끝납니다. 시작과 같거나 그 뒤의 종료일을 입력하십시오.
import-posts-overlap = `{ $title }` 직책 두 개의 기간이 겹칩니다. 한 사람은 같은 직함을 한 번에 하나만 맡으므로 날짜를 고치십시오.

## 미리 보기의 행 메모(바뀌는 내용: `diff`, "purpose: 이전 → 새 값; ...")

import-overwrites-unversioned = { $kind } #{ $id }{ JOSA($id, "을") } 지금 상태 그대로 덮어씀(행에 버전 없음)
import-overwrites-changes = 버전 { $seen } 이후의 변경을 덮어씀: { $changes }
import-already-on-record = `{ $name }`{ JOSA($name, "은") } 이미 { $holder }(#{ $id }){ JOSA($id, "으로") } 기록되어 있어 그대로 둠
import-change-note = { $diff } ({ $note })
