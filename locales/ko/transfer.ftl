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
