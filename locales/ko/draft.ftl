# delegation-bot: /record draft(보도로 초안을 만들고 확인한 뒤 기록)와 링크로 보도 가져오기,
# 한국어. 영어와 중국어 파일에도 같은 id가 있습니다. 인자: { $name }.

## 보도 주기

draft-text-and-file = 보도는 text: 또는 file: 중 하나로만 주십시오(함께 준 url:은 출처로 남깁니다).
draft-file-too-large = { $name }{ JOSA($name, "이") } 2MB를 넘습니다. 기사 본문만 주십시오.
draft-file-empty = { $name }에 텍스트가 없습니다. 보도 자체를 주십시오.
draft-no-such-file = `{ $path }` 파일이 없습니다. .txt, .html 또는 .md 파일의 경로를 주십시오.
draft-no-report = 보도를 주십시오: text:"...", 파일(file:) 또는 링크(url:https://...).
draft-page-empty = { $url } 페이지에 기사 본문이 없습니다. 대신 보도를 text:로 붙여 넣으십시오.

## 링크로 가져오기

draft-fetch-scheme = http와 https 링크만 가져올 수 있습니다({ $scheme }: 불가). 대신 본문을 붙여 넣으십시오.
draft-fetch-no-host = 링크에 호스트가 없습니다. https://로 시작하는 전체 링크를 주십시오.
draft-fetch-private = { $host }{ JOSA($host, "은") } 사설, 루프백 또는 링크 로컬 주소라 봇이 가져오지 않습니다.
draft-fetch-not-a-link = 링크가 아닙니다. https://로 시작하는 링크를 주십시오.
draft-fetch-failed = { $host }{ JOSA($host, "을") } 가져오지 못했습니다({ $why }). 대신 본문을 붙여 넣으십시오.
draft-fetch-the-page = 페이지
draft-fetch-timeout = 시간이 너무 오래 걸림
draft-fetch-no-connection = 연결되지 않음 또는 거부된 주소
draft-fetch-transfer-failed = 전송 실패
draft-fetch-redirects-nowhere = 페이지가 아무 데로도 리디렉션하지 않습니다. 대신 본문을 붙여 넣으십시오.
draft-fetch-status = 페이지가 HTTP { $status } 응답을 보냈습니다. 링크를 확인하거나 본문을 붙여 넣으십시오.
draft-fetch-too-large = 페이지가 2MB를 넘습니다. 대신 기사 본문을 붙여 넣으십시오.
draft-fetch-too-many-redirects = 페이지가 { $n }번 넘게 리디렉션합니다. 기사의 최종 링크를 주십시오.

## 방문이 아닌 보도

draft-not-visit-video-call = 화상 회의나 온라인 행사에 관한 보도로, 한국 방문이 아닙니다.
draft-not-visit-korean-delegation = 중국을 찾은 한국 대표단에 관한 보도로, 한국을 찾은 중국 대표단이 아닙니다.
draft-not-visit-national = 방문자 { $name }{ JOSA($name, "은") } 중국 중앙급 인사로, 성·시 대표단이 아닙니다.
draft-not-visit-other-country = 다른 나라 대표단에 관한 보도로, 중국 대표단이 아닙니다.
draft-not-visit-no-delegation = 보도에 한국을 방문한 중국 성·시 대표단이 나오지 않습니다.
draft-not-visit-not-taken-place = 보도에 대표단은 나오지만 실제로 이루어진 방문은 없습니다.
draft-not-visit-announced = 아직 이루어지지 않은 방문을 알리는 보도입니다. 방문이 이루어진 뒤 다시 초안을 만드십시오.

## 초안에서 확인할 점

draft-note-date-assumed = 발행일이 주어지지 않아, 연도 없는 날짜는 { $date }(보도의 날짜 표시 또는 보도에 연월일이 모두 적힌 가장 늦은 날짜) 기준으로 읽었습니다(바꾸려면 published:를 주십시오).
draft-note-date-today = 발행일이 주어지지 않았고 보도에서도 찾지 못해, 불완전한 날짜는 { $date } 기준으로 읽었습니다(바꾸려면 published:를 주십시오).
draft-note-vague = 날짜로 보기에 너무 모호해 뺐습니다: { $phrases }.
draft-note-no-leader = 보도에 대표단 단장이 나오지 않습니다. 알게 되면 leader:로 주십시오.
draft-note-romanized = { $name }({ $local }){ JOSA($local, "은") } 한자에서 로마자로 옮긴 이름입니다. 본인의 표기를 확인하십시오.
draft-note-corrected = 직접 수정함: { $fields }.

## 초안의 항목

draft-field-provinces = 성
draft-field-start = 시작일
draft-field-end = 종료일
draft-field-leader = 단장
draft-field-places = 방문지
draft-field-meeting-date = 회의 날짜
draft-field-forum-start = 포럼 시작일
draft-field-forum-end = 포럼 종료일
draft-field-outcome-date = 성과 날짜

## 초안 보기

draft-not-a-visit-title = 방문 아님
draft-no-visit-to-record = 보도에 기록할 방문이 없습니다.
draft-title = 초안: { $provinces } 방문, { $start }
draft-date-unknown = 날짜 미상
draft-check-text = 각 항목을 인용문과 대조하십시오. 확인을 누르면 모든 내용을 한 번의 변경으로 기록합니다(/data undo로 되돌릴 수 있음). 그 전에는 아무것도 기록하지 않습니다.
draft-on-record = 이미 #{ $id }{ JOSA($id, "으로") } 기록되어 있습니다. 확인을 누르면 이 보도를 그 방문의 출처로 추가합니다.
draft-level-unknown = 급 미상
draft-places = 방문지: { $places }
draft-size = { $n }명
draft-visit-field = 방문 { $n }
draft-no-date = 날짜 없음
draft-outcomes-field = 성과 (체결로 기록하고 방문에 연결)
draft-new-officials-field = 새 인사 (확인 시 추가)
draft-no-title = 직함 없음
draft-check-field = 확인할 점
draft-removed = 불필요한 줄 { $n }개(스팸, 상투적 문구, 사진 설명)를 지웠습니다. 예: { $example }
draft-confirm-prompt = 이 초안을 기록하려면 확인을 누르십시오.
draft-confirm-adds-source = 확인을 누르면 방문을 다시 기록하지 않고 이 보도를 { $ids }의 출처로 추가합니다.

## 수정

draft-nothing-to-correct = { $reason } 고칠 초안 방문이 없습니다. /record visit add로 기록하십시오.
draft-no-visit-given = 보도에 방문이 없습니다.
draft-start-with-end = 종료일과 함께 방문 시작일도 주십시오. 예: start:2024-05-29
draft-leader-empty = `leader`에는 이름이 필요합니다. 예: leader:"Liu Xiaoming"

## 확인

draft-no-visit-in-draft = 초안에 기록할 방문이 없습니다.
draft-visit-not-begun = 이 방문은 오늘 이후인 { $start }에 시작합니다. 그날 이후에 초안을 확정하거나, 지금 예정된 방문으로 기록하려면 force:true를 더하세요.
draft-fix-with-edit = { $error } 수정 버튼으로 초안의 { $field }{ JOSA($field, "을") } 고치십시오.
draft-bad-date = 초안의 { $field }({ $value }): { $error }
draft-skipped-no-start = 방문(단장: { $leader })에 시작일이 없습니다. /record visit add로 추가하십시오.
draft-unnamed-leader = 미상
draft-skipped-no-province = 성(省)이 없는 방문은 기록하지 않았습니다.
draft-skipped-visit-on-record = 이 방문은 이미 방문 #{ $id }{ JOSA($id, "으로") } 기록되어 있습니다. 보도를 출처로 추가하려면 보도의 url:을 주십시오.
draft-skipped-meeting-no-date = { $officials }의 회의는 보도에 날짜가 없습니다. /record meeting add로 추가하십시오.
draft-skipped-meeting-on-record = { $date } 회의는 이미 회의 #{ $id }{ JOSA($id, "으로") } 기록되어 있습니다.
draft-skipped-forum-no-date = "{ $name }" 포럼은 보도에 날짜가 없습니다. /record forum add로 추가하십시오.
draft-skipped-forum-on-record = "{ $name }"{ JOSA($name, "은") } 이미 포럼 #{ $id }{ JOSA($id, "으로") } 기록되어 있습니다.
draft-skipped-outcome-on-record = "{ $title }"{ JOSA($title, "은") } 이미 성과 #{ $id }{ JOSA($id, "으로") } 기록되어 있습니다.
draft-recorded-title = 초안 기록됨
draft-recorded = 기록했습니다: { $parts }.
draft-undo-all = /data undo로 모두 되돌릴 수 있습니다.
draft-sentences = { $first } { $second }
draft-recorded-visits = 방문 { $ids }
draft-recorded-sources = 보도를 출처로 추가한 방문 { $ids }
draft-recorded-meetings = 회의 { $ids }
draft-recorded-forums = 포럼 { $ids }
draft-recorded-outcomes = 성과 { $ids }
draft-recorded-officials = 새 인사 { $ids }
draft-recorded-nothing = 새로 기록한 것 없음
