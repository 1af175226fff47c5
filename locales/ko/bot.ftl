# delegation-bot: every text a person reads, in Korean. The English and Chinese files
# hold the same ids. Arguments: { $name }; numbers select plurals.

## Failures

apology = 죄송합니다. 내부 오류가 발생해 변경하지 못했습니다. 잠시 후 다시 시도해 주세요.
apology-read = 죄송합니다. 답변하는 중에 내부 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.
database-full = 데이터베이스 디스크가 가득 차서 아무것도 변경하지 못했습니다. 조회는 계속 가능합니다. 봇 운영자에게 알려 주세요.
database-read-only = 지금은 데이터베이스가 읽기 전용이라 아무것도 변경하지 못했습니다. 조회는 계속 가능합니다. 봇 운영자에게 알려 주세요.
database-busy = 데이터베이스가 다른 변경을 처리하고 있어 아무것도 변경하지 못했습니다. 잠시 후 다시 시도해 주세요.

## Kinds of record, as sentences name them

kind-visit = 방문
kind-meeting = 회의
kind-forum = 포럼
kind-official = 인사
kind-outcome = 성과
kind-watch = 알림
kind-digest = 다이제스트
kind-language = 팀 언어

date-unknown = 알 수 없는 날짜
date-now = 현재

## What the store refuses

missing-visit = 방문 #{ $id }{ JOSA($id, "을") } 찾을 수 없습니다. 번호는 /visits list에서 확인할 수 있습니다.
missing-meeting = 회의 #{ $id }{ JOSA($id, "을") } 찾을 수 없습니다. 회의와 번호는 /official history에서 확인할 수 있습니다.
missing-forum = 포럼 #{ $id }{ JOSA($id, "을") } 찾을 수 없습니다. 번호는 /forums list에서 확인할 수 있습니다.
missing-official = 인사 #{ $id }{ JOSA($id, "을") } 찾을 수 없습니다. /search 명령으로 이름으로 인사를 찾을 수 있습니다.
missing-outcome = 성과 #{ $id }{ JOSA($id, "을") } 찾을 수 없습니다. 번호는 /outcomes list에서 확인할 수 있습니다.
stale = 이 { $kind }(#{ $id }){ JOSA($id, "은") } 버전 { $seen } 이후 변경되었습니다({ $changes }). 다시 확인한 뒤(현재 버전 { $now }) 수정을 다시 해 주세요.
stale-unknown = 변경 내역 알 수 없음
unknown-official = 이름이 `{ $typed }`인 인사는 기록에 없습니다. 철자를 확인해 주세요. 인사 추가는 모더레이터가 /record official add 명령으로 합니다.
unknown-official-near = 이름이 `{ $typed }`인 인사는 기록에 없습니다. 혹시 { $near }인가요? 인사 추가는 모더레이터가 /record official add 명령으로 합니다.
officials-not-separated = 이름이 `{ $typed }`인 인사는 기록에 없습니다. 여러 인사는 세미콜론(;)으로 구분해 주세요. 예: { $example }
no-officials = 인사를 한 명 이상 입력하고 세미콜론(;)으로 구분해 주세요. 예: officials:"Liu Xiaoming; Oh Young-hun"
unknown-province = 알 수 없는 중국 성(省) 이름입니다: `{ $typed }`. 철자를 확인해 주세요.
unknown-province-near = 알 수 없는 중국 성(省) 이름입니다: `{ $typed }`. 혹시 { $near }인가요?
unknown-place = 알 수 없는 한국 지명입니다: `{ $typed }`. 철자를 확인해 주세요.
unknown-place-near = 알 수 없는 한국 지명입니다: `{ $typed }`. 혹시 { $near }인가요?
city-for-province = { $city }{ JOSA($city, "은") } { $provinces }에 있는 도시입니다. 성(省)을 입력해 주세요. 예: { $province }
list-or = { $first } 또는 { $second }
list-and-in = { $first } 및 { $second }
list-semicolon = { $first }; { $second }
change-by = { $who }: { $change }
no-province = 성(省)을 하나 이상 입력해 주세요. 예: 장쑤
no-place = 한국 지역을 하나 이상 입력해 주세요. 예: 서울
alias-empty = 별칭에는 글자나 숫자가 하나 이상 있어야 합니다.
alias-taken = `{ $alias }`{ JOSA($alias, "은") } 이미 { $holder }에게 쓰이는 이름입니다. 같은 사람이라면 /record official merge 명령을 사용하세요.
alias-is-name = `{ $alias }`{ JOSA($alias, "은") } 이 인사의 이름입니다. 이름은 /record official edit new_name:... 또는 local_name:... 으로 바꾸세요.
alias-not-theirs = `{ $alias }`{ JOSA($alias, "은") } { $name }의 별칭이 아닙니다. 별칭 목록은 /official show에서 볼 수 있습니다.
post-ends-before-start = 종료일({ $to })이 시작일({ $from })보다 앞섭니다. 시작일 이후의 종료일을 입력해 주세요.
separator-in-field = `{ $field }`에는 `|`를 쓸 수 없습니다. 내보내기에서 직위의 각 부분을 구분하는 문자이기 때문입니다. / 또는 쉼표를 사용하세요.
post-overlaps = { $name }{ JOSA($name, "은") } 이미 { $from }부터 { $to }까지 `{ $title }` 직위(#{ $id })를 맡고 있어 기간이 겹칩니다. 먼저 { $remove } 명령으로 삭제하거나 날짜를 바꾸세요.
post-not-theirs = 직위 #{ $id }{ JOSA($id, "은") } { $name }의 직위가 아닙니다. 직위와 번호는 /official show에서 볼 수 있습니다.
nothing-to-undo = 되돌릴 변경이 없습니다. 최근 변경은 /data audit에서 볼 수 있습니다.
undo-changed-since = "{ $summary }"{ JOSA($summary, "을") } 되돌릴 수 없습니다. 그 뒤로 { $who }{ JOSA($who, "이") } { $kind } #{ $id }{ JOSA($id, "을") } 변경했습니다. 직접 수정해 주세요.
undo-referred = "{ $summary }"{ JOSA($summary, "을") } 되돌릴 수 없습니다. { $kind } #{ $id }{ JOSA($id, "이") } 그 변경으로 추가된 { $target_kind } #{ $target }{ JOSA($target, "을") } 참조합니다. 먼저 { $kind } #{ $id }{ JOSA($id, "을") } 수정하거나 삭제하세요.
undo-alias-taken = 되돌릴 수 없습니다. 별칭 `{ $alias }`{ JOSA($alias, "을") } 지금은 다른 사람이 쓰고 있습니다. 먼저 그쪽에서 삭제하세요.
watch-exists = 알림 #{ $id }{ JOSA($id, "이") } 이미 같은 일을 합니다. 전체 목록은 /watches에서 볼 수 있습니다.
no-watch = 알림 #{ $id }{ JOSA($id, "을") } 찾을 수 없습니다. 목록은 /watches에서 볼 수 있습니다.
not-sqlite-url = DATABASE_URL이 SQLite URL이 아닙니다: { $url }
bot-running-serve = 실행 중인 delegation-bot(serve 또는 복원)이 { $database }{ JOSA($database, "을") } 사용하고 있습니다. 먼저 중지하거나, 이 프로그램에 다른 DATABASE_URL을 지정하세요.
bot-running-restore = 실행 중인 delegation-bot(serve 또는 복원)이 { $database }{ JOSA($database, "을") } 사용하고 있습니다. 복원하기 전에 중지하세요(systemctl stop delegation-bot 또는 docker compose stop bot).
restoring = 지금 { $database }{ JOSA($database, "을") } 백업에서 복원하고 있습니다. 복원이 끝난 뒤 다시 시도해 주세요.
in-use = { $database }{ JOSA($database, "을") } { $holders }에서 열고 있습니다. 복원하기 전에 닫아 주세요(콘솔 종료, 봇 중지).
in-use-unknown = 다른 프로그램이 { $database }{ JOSA($database, "을") } 열고 있습니다. 복원하기 전에 닫아 주세요(콘솔 종료, 봇 중지).
lock-failed = { $path }{ JOSA($path, "을") } 잠글 수 없습니다({ $why }). 파일 시스템이 잠금을 지원하지 않을 수 있습니다.
lock-file-failed = 잠금 파일 { $path }{ JOSA($path, "을") } 만들 수 없습니다({ $why }). 데이터베이스가 있는 폴더에 쓰기 권한이 있어야 합니다.
database-replaced = 이 프로그램이 연 뒤에 데이터베이스 { $database }{ JOSA($database, "이") } 교체되어(백업에서 복원되었거나 이동됨) 아무것도 기록하지 않았습니다. 새 파일로 작업하려면 프로그램을 다시 시작하세요.
file-exists = { $path }{ JOSA($path, "이") } 이미 있습니다. 새 파일 이름을 정해 주세요.
backup-this-second = { $path }{ JOSA($path, "이") } 이미 있습니다(방금 같은 초에 백업이 만들어졌습니다). 1초 뒤에 다시 시도해 주세요.
not-our-database = { $path }{ JOSA($path, "은") } 정상적인 delegation-bot 데이터베이스가 아닙니다({ $why }). 아무것도 변경하지 않았습니다.
newer-database = { $path }{ JOSA($path, "은") } 더 새로운 delegation-bot으로 만들어졌습니다(마이그레이션 { $theirs }, 이 버전은 { $ours }까지 지원). 먼저 업그레이드하세요.
in-memory = DATABASE_URL이 메모리 내 데이터베이스를 가리킵니다. 복원하려면 데이터베이스 파일이 필요합니다.
no-file = 파일 { $path }{ JOSA($path, "이") } 없습니다.
live-database = { $path }{ JOSA($path, "은") } 현재 사용 중인 데이터베이스 자체입니다. 백업 파일을 지정하세요.

## Input

source-title-one-line = `source_title`은 한 줄이어야 합니다. 제목을 한 줄로 입력해 주세요.
in-option = { $option }: { $error }

## Records that repeat or do not fit
duplicate-meeting = 같은 날 같은 인사들과의 회의 #{ $id }{ JOSA($id, "이") } 이미 기록되어 있습니다. /data audit entity:meeting id:{ $id } 로 확인하거나, 둘 다 기록하려면 force:true를 추가하세요.
duplicate-forum = 이름, 회차, 시작일이 같은 포럼 #{ $id }{ JOSA($id, "이") } 이미 있습니다. /forums show id:{ $id } 로 확인하거나, 둘 다 기록하려면 force:true를 추가하세요.
duplicate-outcome = { $days }일 이내에 { $by } 성과 #{ $id }{ JOSA($id, "이") } 이미 기록되어 있습니다. /outcomes show id:{ $id } 로 확인하거나, 둘 다 기록하려면 force:true를 추가하세요.
repeat-title = 같은 성(省)에 대해 유형과 제목이 같은
repeat-amount = 유형, 성(省), 금액이 같은
misfit-outside = 날짜({ $date })가 방문 #{ $visit } 기간({ $from }~{ $to }) 밖임
misfit-provinces = 대상 성({ $provinces })이 방문 #{ $visit }의 출발 성({ $came })과 다름
misfit-both = { $first }, { $second }
outcome-misfit = 이 성과는 방문과 맞지 않습니다: { $what }. 날짜·성·방문을 바로잡거나, 그래도 연결하려면 force:true를 추가하세요.
outcome-linked-anyway = 맞지 않는 점이 있지만 방문 #{ $visit }에 연결했습니다(force:true): { $what }

ambiguous-place = `{ $typed }`{ JOSA($typed, "은") } 두 성의 이름입니다: { $options }. 어느 쪽인지 입력해 주세요. 예: { $example }

## /data audit의 변경 요약: 앞부분을 읽는 사람의 언어로 (format::summary).
said-add = { $kind } 추가
said-edit = { $kind } 수정
said-delete = { $kind } 삭제
said-link = 방문 연결
said-alias = 별칭 추가
said-unalias = 별칭 삭제
said-merge = 병합
said-add-post = 직위 추가
said-remove-post = 직위 삭제
said-import = 가져오기
said-undo = 되돌리기:
said-draft = 보도로 만든 초안:
said-readings = 공직자 { $n }명의 다른 표기 생성
said-watch = 알림
said-remove-watch = 알림 삭제
said-digest-off = 다이제스트 끄기
said-digest = 다이제스트
said-team-language = 팀 언어

## The command line.
sample-loaded = 예시 데이터({ $counts })를 불러왔습니다. 2024년 중반 보도를 바탕으로 한 것이며, 모든 기록에 예시 데이터 표시가 붙습니다.
sample-already-loaded = 예시 데이터는 이미 불러와 있습니다. /visits list 명령으로 볼 수 있습니다.
file-written = 파일을 썼습니다: { $path }
database-up-to-date = 데이터베이스 { $url }{ JOSA($url, "은") } 최신 상태입니다.
