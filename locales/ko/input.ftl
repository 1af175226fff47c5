# delegation-bot: input messages (ko). Every language holds the same ids.

## Amounts

amount-empty = 금액이 비어 있습니다. 1500000000, 1.5 billion, 15억처럼 숫자를 입력하십시오.
amount-no-number = `{ $input }`에는 숫자가 없습니다. 금액도 입력하십시오. 예: USD 1.5 billion
amount-negative = `{ $input }`{ JOSA($input, "은") } 음수입니다. 금액은 0보다 작을 수 없으니 마이너스 기호 없이 입력하십시오.
amount-unknown-currency = `{ $currency }`{ JOSA($currency, "은") } 알 수 없는 통화입니다. KRW, USD, CNY, EUR, JPY 중 하나를 입력하십시오.
amount-yen-or-yuan = `¥`는 위안과 엔 모두를 뜻합니다. 대신 CNY 또는 JPY로 쓰십시오.
amount-two-currencies = `{ $input }`에 통화가 두 개({ $first }, { $second }) 있습니다. 하나만 남기십시오.
amount-disagrees = 금액은 { $written }인데 `currency`는 { $given }입니다. 둘을 일치시키거나 `currency`를 빼십시오.
amount-no-currency = `{ $input }`에 통화가 없습니다. currency:KRW(또는 USD, CNY, EUR, JPY)를 추가하거나 금액에 함께 쓰십시오. 예: 15억 원
amount-unreadable-part = `{ $input }`에서 읽을 수 없는 말이 있습니다(`{ $part }`). 숫자와 million, billion, 만, 억, 조로 입력하십시오. 예: 1.5 billion, 15억
amount-unreadable = `{ $input }`{ JOSA($input, "을") } 금액으로 읽을 수 없습니다. 숫자와 million, billion, 만, 억, 조로 입력하십시오. 예: 1.5 billion, 1조 5천억
amount-commas = `{ $number }`의 쉼표가 세 자리마다 있지 않습니다. 쉼표는 세 자리를 나누고(1,500) 점은 소수점입니다(1.5).
amount-decimals = `{ $input }`{ JOSA($input, "은") } 소수점 아래가 두 자리를 넘습니다. 금액은 소수점 둘째 자리까지 기록합니다. 예: 1.01
amount-too-big = `{ $input }`{ JOSA($input, "은") } 1,000조를 넘습니다. 0의 개수를 확인하십시오.
amount-zero = `{ $input }`{ JOSA($input, "은") } 0입니다. 밝혀진 금액이 없으면 금액을 비워 두십시오.
amount-range = `{ $input }`{ JOSA($input, "은") } 금액이 아니라 범위입니다. 하나의 수치(낮은 쪽, 예: 1 billion)를 입력하고 범위는 요약에 적으십시오.
amount-fraction-won = `{ $input }`에 원 단위 미만의 금액이 있습니다. 원에는 더 작은 단위가 없으니 정수로 입력하십시오.
amount-fraction-yen = `{ $input }`에 엔 단위 미만의 금액이 있습니다. 엔에는 더 작은 단위가 없으니 정수로 입력하십시오.
currency-without-amount = `currency`는 금액과 함께 씁니다. amount:…도 추가하십시오. 예: amount:"1.5 billion" currency:{ $currency }

## Dates

input-empty = (비어 있음)
date-not-a-date = `{ $input }`{ JOSA($input, "은") } 날짜가 아닙니다. YYYY-MM-DD(예: 2024-05-29) 또는 YYYY-MM(예: 2024-05) 형식으로 입력하십시오.
date-out-of-range = `{ $input }`{ JOSA($input, "은") } 범위를 벗어났습니다. 날짜는 { $min }년부터 { $max }년까지입니다.
date-ambiguous = `{ $input }`{ JOSA($input, "은") } 일이 먼저인지 월이 먼저인지 알 수 없습니다. { $month_first } 또는 { $day_first }{ JOSA($day_first, "으로") } 입력하십시오.
date-not-real = `{ $input }`{ JOSA($input, "은") } 실제 달력에 없는 날짜입니다. 월과 일을 확인하십시오(YYYY-MM-DD).
date-is-month = `{ $input }`{ JOSA($input, "은") } 월입니다. 일까지 입력하십시오. 예: 2024-05-29
month-not-a-month = `{ $input }`{ JOSA($input, "은") } 월이 아닙니다. YYYY-MM 형식으로 입력하십시오. 예: 2024-05
month-is-day = `{ $input }`{ JOSA($input, "은") } 일입니다. 월을 입력하십시오. 예: 2024-05
month-out-of-range = `{ $input }`에 그런 월은 없습니다. 월은 01부터 12까지입니다(YYYY-MM).
range-reversed = `to`({ $to })가 `from`({ $from })보다 앞섭니다. 둘을 바꾸거나 범위를 넓히십시오.
months-reversed = `to`({ $to })가 `from`({ $from })보다 앞섭니다. 둘을 바꾸십시오.
months-too-many = { $n }개월입니다. 한 번에 최대 { $max }개월까지 요청하십시오.
date-too-far = `{ $field }` { $date }{ JOSA($date, "은") } 오늘부터 1년이 넘게 남은 날짜입니다. 예정된 방문은 { $limit }까지 기록할 수 있습니다.
end-before-start = 종료일({ $end })이 시작일({ $start })보다 앞섭니다. 시작일 이후의 종료일을 입력하십시오.

## Vocabularies

not-in-vocabulary = `{ $input }`{ JOSA($input, "은") } 알 수 없는 { $what }입니다. 다음 중 하나를 입력하십시오: { $choices }
vocabulary-country = 국가
vocabulary-forum-kind = 포럼 유형
vocabulary-visit-level = 대표단 급
vocabulary-outcome-kind = 성과 유형
vocabulary-outcome-status = 상태

## Text and links

text-empty = `{ $field }`{ JOSA($field, "이") } 비어 있습니다. 내용을 입력하거나 옵션을 빼십시오.
text-one-line = `{ $field }`{ JOSA($field, "은") } 한 줄이어야 합니다. 줄바꿈을 지우십시오.
text-control-character = `{ $field }`에 제어 문자(U+{ $code })가 있습니다. 지우고 다시 시도하십시오.
text-too-long = `{ $field }`{ JOSA($field, "은") } { $len }자입니다. { $max }자 이하로 줄이십시오.
url-not-a-link = `{ $field }`{ JOSA($field, "은") } http:// 또는 https://로 시작하는 웹 링크여야 합니다. 예: https://example.org/news/1
spam-gambling = `{ $field }`에 도박 스팸("{ $phrase }")이 있습니다. 지우고 다시 시도하십시오.
spam-blocked-host = `{ $field }`{ JOSA($field, "이") } 차단 목록에 있는 { $host }에 링크합니다. 그 링크를 지우십시오.
article-empty = `{ $name }`{ JOSA($name, "이") } 비어 있습니다. 보도 본문을 붙여 넣으십시오.
article-too-long = `{ $name }`{ JOSA($name, "은") } { $len }자입니다. { $max }자가 넘는 보도는 file: 또는 url:로 주십시오.

## Commands and options

command-unknown = `/{ $command }` 명령은 없습니다. 전체 목록은 `/help`에서 볼 수 있습니다.
command-incomplete = `/{ $command }`{ JOSA($command, "은") } 완전한 명령이 아닙니다. 다음 중 하나를 입력하십시오: { $commands }
quote-not-closed = 따옴표가 닫히지 않았습니다. 값 끝에 "를 넣으십시오(값 안의 따옴표는 \"로 입력).
options-none = { $command }에는 옵션이 없습니다. `{ $command }`만 입력하십시오.
option-unknown = { $command }에는 `{ $option }` 옵션이 없습니다. 옵션: { $options }
option-twice = `{ $option }`{ JOSA($option, "이") } 두 번 주어졌습니다. 한 번만 주십시오.
option-missing = { $command }에는 `{ $option }:`{ JOSA($option, "이") } 필요합니다. 예: { $example }
request-too-old = 이전 버전의 봇이 저장한 요청입니다. 명령을 다시 실행하십시오.
upload-gone = 첨부 파일이 더 이상 보관되어 있지 않습니다. 다시 첨부하십시오.
number-not-whole = `{ $name }`{ JOSA($name, "은") } 정수여야 합니다. 예: { $name }:{ $example }
number-too-small = `{ $name }`{ JOSA($name, "은") } { $min } 이상이어야 합니다.
number-out-of-range = `{ $name }`{ JOSA($name, "은") } { $min }에서 { $max } 사이여야 합니다.
bool-expected = `{ $name }`{ JOSA($name, "은") } true 또는 false여야 합니다. 예: { $name }:true
not-a-choice = `{ $name }`{ JOSA($name, "은") } 다음 중 하나여야 합니다: { $choices }
channel-expected = `{ $name }`에는 채널을 지정합니다. Discord에서 고르거나, 콘솔에서는 채널 ID를 입력하십시오(채널 우클릭 → 채널 ID 복사). 예: { $name }:300000000000000001
clear-not-dash = `{ $field }`{ JOSA($field, "을") } 비우려면 { $field }:- 대신 비우기:{ $field } 형식으로 쓰십시오.
clear-unknown-field = `비우기`에 쓸 수 있는 필드: { $fields }. 예: 비우기:{ $example }
clear-and-given = `{ $field }`에 값을 주면서 비우기도 했습니다. 둘 중 하나를 빼십시오.

## Lists and records in sentences

list-comma = { $first }, { $second }
list-and-then = { $first } 및 { $second }
record-number = { $kind } #{ $id }

## Changes refused

source-needs-link = `source_title`과 `source_date`는 `source:`를 설명합니다. source:https://...도 추가하십시오.
no-such-source = { $record }에는 출처 { $url }{ JOSA($url, "이") } 없습니다. 출처 목록은 { $shown_by }에서 볼 수 있습니다.
visit-overlaps = 같은 성(省)의 방문(#{ $id })과 날짜가 겹칩니다. /visits show id:{ $id } 명령으로 확인하거나, 둘 다 기록하려면 force:true를 추가하십시오.
meeting-outside-visit = 회의 날짜 { $date }{ JOSA($date, "이") } 방문 #{ $id } 기간({ $from }~{ $to }) 밖입니다. 날짜를 고치거나 다른 방문을 고르십시오.
meetings-outside-dates = 방문 #{ $id }의 회의 { $meetings }{ JOSA($meetings, "이") } 새 기간({ $from }~{ $to }) 밖에 놓이게 됩니다. 먼저 해당 회의 { $n }건을 옮기거나 연결을 해제하거나, 날짜를 그대로 두십시오.
visit-edit-nothing = 바꿀 내용을 입력하십시오. 예: /record visit edit id:{ $id } size:25 (clear:size는 필드를 비웁니다)
meeting-edit-nothing = 바꿀 내용을 입력하십시오. 예: /record meeting edit id:{ $id } place:"Seoul City Hall"
forum-edit-nothing = 바꿀 내용을 입력하십시오. 예: /record forum edit id:{ $id } place:Jeju
official-edit-nothing = 바꿀 내용을 입력하십시오. 예: /record official edit { $name } title:"Mayor of Seoul"
outcome-edit-nothing = 바꿀 내용을 입력하십시오. 예: /outcome edit id:{ $id } status:realized (clear:amount는 필드를 비웁니다)
visit-has-records = 방문 #{ $id }에 { $held }{ JOSA($held, "이") } 있습니다. 회의를 남기고 연결만 끊으려면 meetings:unlink를, 회의도 함께 삭제하려면 meetings:delete를 추가하십시오.
held-meetings = { $meetings }({ $ids })
held-forum-links = { $forums } 연결({ $ids })
forum-already-linked = 방문 #{ $visit }{ JOSA($visit, "은") } 이미 포럼 #{ $id }에 연결되어 있습니다. 할 일이 없습니다.
official-referenced = { $name }{ JOSA($name, "은") } 회의 { $meetings }건에 참여하고 방문 { $visits }건을 이끌었습니다. /record official merge로 다른 기록에 병합하거나, 먼저 해당 기록을 바꾸십시오.
merge-same-record = `keep`과 `remove`가 모두 { $name }입니다. 서로 다른 두 기록을 지정하십시오.
merge-different-sides = { $kept }({ $kept_side }){ JOSA($kept_side, "과") } { $removed }({ $removed_side }){ JOSA($removed_side, "은") } 서로 다른 측입니다. 병합하면 한 사람이 회의의 양측에 놓입니다. 이름을 확인하거나, 정말 같은 사람이라면 force:true를 추가하십시오.
merge-empties-meeting = 회의 #{ $id }{ JOSA($id, "은") } { $kept }{ JOSA($kept, "과") } { $removed } 두 사람만의 회의라 참석자가 한 명만 남게 됩니다. 먼저 회의를 바꾸거나 삭제하십시오(/record meeting edit id:{ $id }).
audit-needs-both = 한 기록의 이력을 보려면 `entity`와 `id`를 모두 주고(예: /data audit entity:visit id:3), 최근 변경을 보려면 둘 다 빼십시오.
audit-no-history = { $kind } #{ $id }의 변경 기록이 없습니다. /{ $kinds } list로 번호를 확인하십시오.

## Replies to changes

undo-takes-back = { $what }. /data undo로 되돌릴 수 있습니다.
undo-reverts = { $what }.{ $notes } /data undo로 되돌릴 수 있습니다.
undo-brings-back = 삭제했습니다: { $what }. /data undo로 되살릴 수 있습니다.
undo-puts-back = { $what }.{ $notes } /data undo로 되돌릴 수 있습니다.
undo-puts-it-back = /data undo로 되돌릴 수 있습니다.
detached-undo = { $detached }/data undo로 되살릴 수 있습니다.
visit-added-text = { $summary }. /visits show id:{ $id } 명령으로 볼 수 있고, /data undo로 취소할 수 있습니다.{ $hint }
visit-source-hint = 출처는 /record visit edit id:{ $id } source:https://… 형식으로 추가하십시오.
visit-deleted-text = 삭제했습니다: { $what }. { $detached }/data undo로 모두 되살릴 수 있습니다.
deletion-visit = 방문 #{ $id }({ $summary })
deletion-deleting-meetings = 해당 { $meetings }({ $ids }) 삭제
deletion-unlinking-meetings = 해당 { $meetings }({ $ids }) 연결 해제
deletion-and-then = { $first }, { $second }
deletion-forum-links = { $forums } 연결({ $ids }) 해제
forum-added-text = { $forum } · { $start }.{ $hint }
forum-link-hint = 대표단은 /record forum link forum:{ $id } visit:<방문 번호> 명령으로 연결하십시오.
forum-lists-delegations = { $forum }에 이제 대표단 { $n }개가 있습니다.
official-added-text = { $name }({ $side }). /official show { $typed } 명령으로 프로필을 볼 수 있습니다.
official-old-name = 이전 이름 `{ $name }`으로도 계속 찾을 수 있습니다.
official-post-moved = 직위 { $old }{ JOSA($old, "은") } 오늘 끝나고 { $new }{ JOSA($new, "이") } 오늘 시작됩니다(다른 날짜는 /record official post로 지정).
official-post-ended = 직위 { $posts }{ JOSA($posts, "은") } 어제 끝났습니다.
official-deleted-text = { $name }.{ $notes } /data undo로 되살릴 수 있습니다.
watches-paused = 알림 { $n }건({ $ids })을 일시 중지했습니다(대상 인사가 삭제됨).
watches-moved = 알림 { $n }건({ $ids })이 이제 { $name }{ JOSA($name, "을") } 따릅니다.
merge-text = 회의 { $meetings }건과 방문 { $visits }건을 옮겼습니다. 이제 { $removed }의 모든 표기로 { $kept }{ JOSA($kept, "을") } 찾습니다.{ $notes } /data undo로 되돌릴 수 있습니다.
outcome-added-text = { $summary }.{ $notes } /outcomes show id:{ $id } 명령으로 볼 수 있고, /data undo로 취소할 수 있습니다.
post-added-text = { $post }.{ $notes } /official show { $typed } 명령으로 경력을 볼 수 있고, /data undo로 취소할 수 있습니다.
title-now = 현재 직함은 { $title }입니다.
title-none = 오늘 맡은 직위가 없어 현재 직함이 없습니다.
undo-text = "{ $summary }"{ JOSA($summary, "을") } 되돌렸습니다(기록 { $records }건). /data undo를 다시 실행하면 그 전 변경을 되돌립니다.
undone-by = (#{ $id }에서 되돌림)
col-change = 변경
col-when = 시각
col-who = 작성자
col-what = 내용
col-records = 기록 수
value-needs-quotes = `{ $typed }`{ JOSA($typed, "은") } 옵션이 아닙니다. 공백이 든 값은 따옴표로 묶으세요: { $option }:{ $value }

## What a deletion did to the outcomes of the deleted record (they stay).
outcomes-stay-unlinked = 성과 { $ids }({ $n }건)은 연결만 풀린 채 남습니다.
