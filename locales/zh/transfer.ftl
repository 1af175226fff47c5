# delegation-bot: transfer messages (zh). Every language holds the same ids.
# CSV 与 JSON 文件的导入和导出：/data import、/export 及其命令行子命令。
# 参数：{ $name }；`kind` 为记录类别的英文复数（`visits`）。

## 读取文件

import-not-text = { $file } 第 { $line } 行既不是 UTF-8、UTF-16，也不是韩文（CP949）文本；请将文件另存为“CSV UTF-8”（Excel：另存为，CSV UTF-8）后重试。
import-no-file = 没有文件 `{ $path }`；请给出 CSV 或 JSON 文件的路径。

## /data import

import-at-line = 第 { $n } 行
import-at-item = { $kind ->
        [visits] 访问
        [meetings] 会见
        [forums] 论坛
        [officials] 官员
        [outcomes] 成果
       *[other] { $kind }
    }第 { $n } 项
import-counts = { $kind ->
        [visits] 访问
        [meetings] 会见
        [forums] 论坛
        [officials] 官员
        [outcomes] 成果
       *[other] { $kind }
    }：新增 { $created }，修改 { $updated }，未变 { $unchanged }
import-counts-refused = { $kind ->
        [visits] 访问
        [meetings] 会见
        [forums] 论坛
        [officials] 官员
        [outcomes] 成果
       *[other] { $kind }
    }：新增 { $created }，修改 { $updated }，未变 { $unchanged }，拒绝 { $refused }
import-imported = 已导入 { $file }
import-imported-text = { $counts }。/data undo 可撤销整次导入。
import-preview = { $file } 预览
import-would-change = 将要更改
import-apply = 应用此次导入？
import-refusal = { $file } { $at }：{ $reason }
import-refusal-column = { $file } { $at }，`{ $column }` 列：{ $reason }
import-nothing-imported = { $first } 未导入任何内容。
import-nothing-imported-more = { $first }（另有 { $more } 行被拒绝；不加 confirm:true 运行导入可查看全部。）未导入任何内容。
import-rows-read = 已读取 { $rows } 条记录。
import-restore = 此数据库为空，文件将原样恢复：保留其记录编号、版本和数据库标识。
import-foreign-ids = { $n } 行带有其他数据库（或无数据库）的记录编号；这些行经重复检查后作为新记录添加。
import-rows-refused = { $n } 行被拒绝（见下）；请修正后重新导入。未做任何更改。
import-until-confirm = 确认之前不会做任何更改。
import-col-where = 位置
import-col-record = 记录
import-col-what = 内容
import-row-refused = 拒绝：{ $reason }
import-row-refused-column = 拒绝：`{ $column }` 列：{ $reason }
import-and-more = 另有 { $n } 条

## /export

export-title = 导出
export-text = { $counts }，{ $format } 格式。导入可原样读回这些文件。
choice-en = 英文
choice-ko = 韩文
