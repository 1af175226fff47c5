# delegation-bot: 기록 변경에 대한 안내, 한국어. 영어와 중국어 파일에도
# 같은 id가 있습니다. 인자: { $name }.

record-added = { $kind } #{ $id } 추가됨
record-updated = { $kind } #{ $id } 수정됨
record-deleted = { $kind } #{ $id } 삭제됨
alias-added = 이제 `{ $alias }` 표기로 { $name } 인사를 찾을 수 있습니다
alias-removed = 이제 `{ $alias }` 표기로 { $name } 인사를 찾을 수 없습니다
merged = { $removed } 기록을 { $kept } 기록으로 병합했습니다
post-added = { $name } 인사에 직위 #{ $id } 추가됨
post-removed = { $name } 인사에서 직위 #{ $id } 삭제됨
forum-linked = 방문 #{ $visit }, 포럼 #{ $id }에 연결됨
history-of = { $kind } #{ $id } 변경 이력
recent-changes = 최근 변경
no-changes-yet = 아직 변경 내역이 없습니다.
undone = 되돌림 완료
really-delete = 정말 { $what } 기록을 삭제하시겠습니까? /data undo로 되돌릴 수 있습니다.

## Buttons and prompts

button-previous = 이전
button-next = 다음
button-cancel = 취소
button-confirm = 확인
button-edit = 수정
button-discard = 폐기
only-asker-confirms = 요청한 사람만 확인하거나 취소할 수 있습니다.
discarded = 폐기했습니다. 아무것도 기록되지 않았습니다.
cancelled = 취소했습니다. 아무것도 변경되지 않았습니다.
applying = 적용 중…
moderators-only-change = 기록은 모더레이터만 변경할 수 있습니다. 조회 명령(/help에서 목록 확인)은 누구나 사용할 수 있습니다.
type-a-command = `/visits monthly` 같은 명령을 입력하거나, `/help`를 입력해 목록을 확인하세요.
not-an-option = `{ $typed }`{ JOSA($typed, "은") } 옵션이 아닙니다. 옵션은 name:value 형식으로 입력하세요. 예: { $example }
could-not-write = 파일을 저장할 수 없습니다: { $error }
nothing-changed = 변경된 내용이 없습니다.
wrote = { $path } 파일을 저장했습니다
run-again-to-apply = 적용하려면 confirm:true를 붙여 다시 실행하세요:

## Periods

range-all = 전체 기간
range-from = { $from }부터
range-until = { $to }까지

## The console

console-banner = delegation-bot 콘솔 · { $name }{ JOSA($name, "으로") } 작업 중 (모더레이터) · /help로 명령 목록 보기, Ctrl-D로 종료
offer-sample = 데이터베이스가 비어 있습니다. 샘플 데이터(2024년 중반 뉴스 보도)를 불러올까요? [Y/n]
sample-not-loaded = 데이터베이스가 비어 있어 샘플 데이터를 불러오지 않았습니다 (console --sample 또는 `delegation-bot sample`로 불러올 수 있습니다).

## /settings

settings-title = 팀 설정
settings-language = 채널 게시물 언어
language-set = /settings language: 로 설정함
language-server = 디스코드 서버의 기본 언어. 다른 언어는 /settings language: 로 설정
language-default = DEFAULT_LANGUAGE 또는 영어. 다른 언어는 /settings language: 로 설정

## Discord forms and refusals

form-start = 시작 (YYYY-MM-DD 또는 YYYY-MM)
form-end = 종료 (비우면 없음)
form-places = 한국 방문지 (쉼표로 구분)
form-purpose = 목적
form-size = 대표단 규모 (비우면 모름)
form-provinces = 중국 성 (쉼표로 구분)
form-edit-visit = 방문 #{ $id } 수정
form-edit-draft = 초안 방문 수정
form-field-empty = { $field } 항목은 비울 수 없습니다. 양식에 입력해 주세요.
only-asker-drafts = 요청한 사람만 이 초안을 수정, 확정 또는 폐기할 수 있습니다.
draft-unchanged = 바뀐 것이 없습니다. 초안은 그대로입니다.
button-delete = 삭제
button-apply = 적용
team-server-only = 이 봇은 팀 서버에서만 답합니다.
slow-down = 최근 1분 동안 명령이 너무 많습니다. { $seconds }초 후에 다시 시도해 주세요.
restarting = 봇이 다시 시작하는 중입니다. 1분 후에 다시 시도해 주세요.
restarting-file-unread = 봇이 다시 시작하는 중이라 { $file } 파일을 읽지 못했습니다. 1분 후에 다시 첨부해 주세요.
bot-may-not-post = 봇이 <#{ $channel }>에 글을 올릴 수 없습니다: 그 채널에서 { $missing } 권한이 없습니다. 봇 역할에 채널 보기, 메시지 보내기, 링크 첨부, 파일 첨부 권한을 준 뒤 다시 시도해 주세요.
buttons-expired = 버튼이 만료되었습니다. 명령을 다시 실행해 주세요.
command-gone = 봇이 더 이상 모르는 명령입니다. / 를 입력해 현재 명령을 확인하세요.
attachment-missing = 첨부 파일이 도착하지 않았습니다. 다시 첨부해 주세요.
too-large = { $name } 파일은 압축해도 크기가 { $size }이며, 이 서버에서 디스코드가 받는 파일당 { $limit }보다 큽니다. { $instead }.
too-large-export = 봇이 돌아가는 컴퓨터에서 다음을 실행하세요: { $command }
too-large-ask = 봇 운영자에게 요청하세요
files-part = 파일, { $count }개 중 { $part }번째

## 공직자의 직함: 알려진 지역의 단체장 직위일 때 (format::title).
title-prime-minister = 국무총리
title-president = 대통령
title-governor = { $level ->
    [province] { $place } 성장
    [city] { $place } 시장
    [region] { $place } 주석
    [sar] { $place } 행정장관
   *[korea] { $place }지사
}
title-vice-governor = { $level ->
    [province] { $place } 부성장
    [city] { $place } 부시장
    [region] { $place } 부주석
    [sar] { $place } 부행정장관
   *[korea] { $place } 부지사
}
title-party-secretary = { $level ->
   *[other] { $place } 당서기
}
title-deputy-party-secretary = { $level ->
   *[other] { $place } 당 부서기
}
title-mayor = { $level ->
    [korea] { $place }시장
   *[other] { $place } 시장
}
title-vice-mayor = { $level ->
    [korea] { $place } 부시장
   *[other] { $place } 부시장
}
