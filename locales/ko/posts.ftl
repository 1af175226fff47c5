# delegation-bot: posts messages (ko). Every language holds the same ids.

## ask --chart PATH: the answer's chart as a PNG file.
ask-chart-exists = { $path } 파일이 이미 있습니다. 차트는 기존 파일을 덮어쓰지 않으니 --chart에 다른 경로를 지정하세요.
ask-chart-none = 이 답에는 차트가 없어 { $path }에 아무것도 쓰지 않았습니다.
ask-chart-failed = 차트를 { $path }에 저장할 수 없습니다: { $error }
ask-chart-not-drawn = 차트를 그리지 못했습니다: { $error }

## Watches

notice-by = { $who } · { $summary }
notice-one = { $kind } #{ $id } { $verb }
notice-batch = { $who }의 { $action }: 알림 #{ $watch }에 맞는 기록 { $counted }
notice-footer = 알림 #{ $watch } · { $filter } · /watch remove id:{ $watch } 로 중지
and-more = … 외 { $n }건
action-import = 가져오기
action-undo = 되돌리기
action-merge = 병합
action-synthetic = 합성 데이터 적재
action-draft = 초안 확정
action-change = 변경
verb-added = 추가됨
verb-changed = 변경됨
verb-deleted = 삭제됨
verb-restored = 복구됨
verb-removed = 제거됨
counted = { $list } { $verb }
list-and-last = { $first }, { $last }

## Digests

digest-every-weekday = 매주 { $weekday }
digest-every-month = 매월 { $day }일
digest-set = { $frequency ->
    [weekly] 주간
   *[monthly] 월간
} 요약 설정됨
digest-set-text = <#{ $channel }>에 { $when } { $hour }({ $tz })에 직전 { $span }을 정리해 게시합니다. { $last } 요약은 이미 게시되지 않았다면 지금 게시하며, 다음 게시는 { $next }입니다.
digest-week = 주(월–일)
digest-month = 달
digest-set-footer = /digests 로 내용을 보고, /digest off 로 중지합니다
no-digest-set = 설정된 요약이 없습니다. /digest set 으로 시작하세요.
digest-off = 요약 중지됨
digest-preview = 미리 보기
digest-schedule = <#{ $channel }>에 { $frequency ->
    [weekly] 주간
   *[monthly] 월간
} 게시, 다음 게시 { $next } ({ $tz }).
digest-none = 설정된 요약이 없습니다. 모더레이터가 /digest set 으로 설정할 수 있습니다.
digest-schedule-field = 일정
digest-not-delivered = 전달되지 않음
digest-refused = { $label } 요약을 <#{ $channel }>에 게시하지 못했습니다: { $reason }. 봇에 해당 채널 권한을 준 뒤 /digest set 을 다시 실행하면 게시됩니다.
digest-of = { $day } 요약
digest-title = { $frequency ->
    [weekly] 주간
   *[monthly] 월간
} 요약 · { $label }
digest-change-vs = { $label } 대비 변화
digest-busiest = 방문이 많은 성
digest-new-officials = 새로 만난 인사
digest-added-since = { $since } 이후 추가됨
digest-nothing = 없음
digest-month-only = 월 단위로만 날짜가 있는 기록 (주간 집계 제외)
counts-in-start-month = 방문은 시작한 달에 집계합니다
month-year = { $year }년 { $month }월

## /watch

watch-what = 무엇을 지켜볼지 정해 주세요: province:, official:, place: 또는 kind:를 넣으세요. 예: /watch add channel:… province:Jiangsu
watch-resumed = 알림 #{ $id } 재개됨
watch-added = 알림 #{ $id } 추가됨
watch-added-text = 이제부터 “{ $filter }”에 맞는 변경이 <#{ $channel }>에 게시됩니다. 변경 하나에 메시지 하나이며, 가져오기나 되돌리기는 요약 하나로 올라갑니다.
watch-stops = /watch remove id:{ $id } 로 중지합니다
watches-title = 알림
no-watches = 알림이 없습니다. 모더레이터가 /watch add 로 추가할 수 있습니다.
watch-line = <#{ $channel }> · { $who } 설정 · { $day }
watch-paused-gone = /watch remove id:{ $id } 로 지우거나, 기록에 있는 인사로 새 알림을 추가하세요
watch-paused-resume = 봇이 그 채널에 글을 올릴 수 있게 되면 같은 알림을 다시 추가해 재개하세요
watch-refused-channel = 디스코드가 채널을 거부함
watch-paused = **일시 중지** { $day }부터: { $reason }. { $next }.
watches-more = 더 보기
watches-not-shown = 표시하지 않은 알림 { $n }개
watch-removed = 알림 #{ $id } 삭제됨
watch-removed-text = 이제 “{ $filter }”에 맞는 변경은 <#{ $channel }>에 게시되지 않습니다.
watch-official-gone = 인사 #{ $id } (삭제됨)
watch-all-kinds = 모든 종류
