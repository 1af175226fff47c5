# delegation-bot: 명령에 대한 답변, 한국어. 영어와 중국어 파일에도
# 같은 id가 있습니다. 인자: { $name }; 숫자에 따라 복수형을 고릅니다.

## Counts and common words

n-visits = 방문 { $n }건
n-meetings = 회의 { $n }건
n-forums = 포럼 { $n }건
n-officials = 인사 { $n }명
n-outcomes = 성과 { $n }건
span = { $from } ~ { $to }
total = 합계
none-recorded = 기록 없음
all-provinces = 전체 성
page-label = { $page }/{ $pages }쪽 · 전체 { $total }건
page-more = (더 보려면 page:{ $next } 추가)
empty-database = 아직 기록된 내용이 없습니다. 예시 데이터를 불러오거나(`delegation-bot sample` 실행, 또는 콘솔에서 물어볼 때 Y로 답하기), /data import로 파일을 가져오거나, /record visit add로 방문을 추가하세요.
last-change = 마지막 변경: { $who }, { $at } · 버전 { $version }
not-real-data = 이 기록은 실제 기록이 아닌 { $dataset } 데이터입니다.
dataset-sample = 예시
level-of = { $level } 대표단

## Columns and fields

col-month = 월
col-visits = 방문
col-meetings = 회의
col-forums = 포럼
col-outcomes = 성과
col-start = 시작일
col-province = 성
col-leader = 단장
col-places = 방문지
visit-label = 방문
field-origin = 출신
field-dates = 일정
field-korean-places = 방문지
field-purpose = 목적
field-size = 대표단 인원
field-meetings = 회의
field-forums = 포럼
field-outcomes = 성과
field-sources = 출처

## Reports

change-up-down = { $percent } ({ $previous } → { $total })
change-new = 신규 활동 (0 → { $total })
change-none = 변화 없음 (0 → 0)
coverage-no-visits = 방문 없음
coverage-no-sources = 출처가 있는 방문 없음
coverage-all-sourced = 모든 방문에 출처 있음 ({ $n }건)
coverage-some-sourced = 방문 { $n }건 중 { $sourced }건에 출처 있음
coverage-by-month = { $sources }; { $n }건은 날짜가 월 단위뿐이라 해당 월 기준으로 포함

## /visits

monthly-title = 월별 방문 · { $scope }
monthly-text = { $from } ~ { $to } · 방문은 시작한 달에 집계합니다
month-with-visits = { $month } (방문 { $n }건)
mean-per-month = 월평균
busiest-month = 최다 월
change-vs = { $from } ~ { $to } 대비 변화
chart-per-month = 월별 방문, { $from } ~ { $to }
start-planned = { $start } (예정)
scope-city = 도시 { $city }
scope-place = 방문지 { $place }
scope-official = 인사 { $name }
visits-title = 방문
visits-by-month = 방문 { $n }건은 날짜가 월 단위뿐이라 해당 월 기준으로 포함
no-visits-match = 조건에 맞는 방문이 없습니다. 필터를 넓히거나 /visits monthly를 확인하세요.
planned-not-started = {" "}(예정: 아직 시작되지 않음)
label-visit = 방문
label-meeting = 회의
label-forum = 포럼
label-official = 인사
label-outcome = 성과

## /outcomes

col-date = 날짜
col-kind = 종류
col-title = 제목
col-amount = 금액
col-status = 단계
outcomes-title = 성과
outcome-label = 성과
no-outcomes-match = 조건에 맞는 성과가 없습니다. 필터를 넓히거나 /outcome add로 추가하세요.
link-deleted = { $kind } #{ $id } (삭제됨)
field-chinese-side = 중국 측
field-korean-side = 한국 측
field-summary = 주요 내용
field-came-of = 계기
came-of-nothing = 기록된 방문·회의·포럼 없음

## Choices

choice-mou = MOU
choice-agreement = 협정
choice-investment-pledge = 투자 약속
choice-contract = 계약
choice-sister-city = 자매결연
choice-other = 기타
choice-announced = 발표
choice-signed = 체결
choice-in-progress = 진행 중
choice-realized = 이행 완료
choice-cancelled = 취소
choice-provincial = 성급
choice-municipal = 시급
choice-county = 현급
choice-party = 당
choice-investment-forum = 투자 포럼
choice-business-forum = 비즈니스 포럼
choice-promotion-conference = 투자 설명회
choice-conference = 콘퍼런스
choice-china = 중국
choice-korea = 한국
choice-weekly = 매주
choice-monthly = 매월
choice-visits = 방문
choice-meetings = 회의
choice-forums = 포럼
choice-officials = 인사
choice-outcomes = 성과
choice-all = 전체
choice-monday = 월요일
choice-tuesday = 화요일
choice-wednesday = 수요일
choice-thursday = 목요일
choice-friday = 금요일
choice-saturday = 토요일
choice-sunday = 일요일

## /forums

col-name = 이름
col-place = 장소
col-delegations = 대표단
forums-title = 포럼 및 콘퍼런스
no-forums-match = 조건에 맞는 포럼이 없습니다. 기간을 넓히거나 필터를 하나 빼 보세요.
led-by = 단장 { $name }
field-organizer = 주최
field-attended = 참석 대표단

## /official

col-as = 당시 직위
col-met = 만난 인사
meetings-of = { $name }의 회의
no-meetings-in-period = 이 기간에 기록된 회의가 없습니다.
since = { $from }부터
field-post = 직위
field-side = 소속
field-visits-led = 이끈 방문
field-career = 경력
no-posts = 기록된 직위 없음. /record official post로 추가할 수 있습니다
field-aliases = 다른 표기
field-counterparts = 자주 만난 인사

## /provinces, /stats, /search

provinces-title = 활동별 성 순위
joint-counts = 여러 성이 함께한 방문이나 성과는 각 성에 모두 집계합니다
no-activity = 이 기간에 기록된 활동이 없습니다.
chart-by-province = 성별 방문, { $range }
overview-title = 개요 · { $from } ~ { $to }
officials-met = 만난 인사
mean-visits-per-month = 월평균 방문
top-provinces = 상위 성
top-hosts = 주요 한국 측 접견 인사
pledged = 약속 금액 (취소 제외, 통화별)
col-record = 기록
col-match = 일치 내용
search-title = 검색
search-needs-word = 검색할 단어를 하나 이상 입력하세요. 예: /search text:Jeju
search-broad = { $page }/{ $pages }쪽 · 결과가 { $over }건을 넘어 종류별 최신 기록만 표시합니다. 단어를 추가해 범위를 좁히세요
search-common = 최신순 (너무 흔한 단어는 가중치를 두지 않음)
search-nothing = 일치하는 결과가 없습니다. 단어를 줄이거나, 단어 끝에 *를 붙여 그 단어로 시작하는 말을 찾아 보세요(semicon*).

## /help

continued = { $name } (계속)
help-title = 명령
help-text = 명령은 옵션과 함께 name:value 형식으로 입력합니다. 공백이 있는 값은 따옴표로 감쌉니다. 예: /official history name:"Oh Young-hun". 따옴표 안의 따옴표는 \"로 입력합니다(name:"Kim \"Danny\" Lee"). /help <명령>은 명령 하나를 설명합니다.
help-ask = 조회
help-change = 변경 (모더레이터)
no-such-command = `{ $command }` 명령은 없습니다. /help를 입력하면 명령 목록을 볼 수 있습니다.
kind-text = 텍스트, 최대 { $max }자
kind-article = 기사 본문, 최대 { $max }자
kind-number-from = 숫자, { $min } 이상
kind-number = 숫자, { $min }~{ $max }
kind-bool = true 또는 false
kind-date = YYYY-MM-DD 또는 YYYY-MM. 다음 형식도 가능: 2024/05/29, "May 29, 2024", 2024년 5월 29일, 2024年5月29日
kind-day = YYYY-MM-DD. 다음 형식도 가능: 2024/05/29, "May 29, 2024", 2024년 5월 29일
kind-month = YYYY-MM. 다음 형식도 가능: 2024/05, "May 2024", 2024년 5월
kind-choice = 다음 중 하나: { $choices }
kind-file = CSV 또는 JSON 파일
kind-channel = 채널 (콘솔에서는 채널 ID)
required = 필수
optional = 선택
example = 예시
moderators-only = 모더레이터 전용

generated-alias = { $alias } (자동 생성)
choice-zh = 중국어

## Other names of choices (comma-separated)

choice-monthly-also = 월간, 월별, 매달, 한 달
choice-weekly-also = 주간, 주별, 매주, 한 주

## Money (Korean and Chinese; English writes the code and the number)

money-krw = { $n } 원
money-usd = { $n } 달러
money-cny = { $n } 위안
money-eur = { $n } 유로
money-jpy = { $n } 엔
money-about = 약 { $amount }
