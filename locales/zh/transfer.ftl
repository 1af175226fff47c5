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

## 文件或行的拒绝（导入）。`at` 为 `import-at-line` 或 `import-at-item`；
## `kind` 为记录类别的名称（`kind-visit`）。

import-file-empty = { $file } 是空的；请先导出一个文件，查看所需的列。
import-no-records = { $file } 中没有记录；请在表头下添加行。
import-quote-open = { $file } 第 { $line } 行：此处开始的引号没有闭合；请闭合引号，单元格内的引号写成两个（""）。
import-quote-text-after = { $file } 第 { $line } 行：闭合引号后还有文字；请检查第 { $opened } 行开始的引号（单元格内的引号写成两个：""）。
import-header-unknown = { $file }：表头必须写出列名，例如访问用 `province,start`，官员用 `name,country`，会见用 `date,officials`，论坛用 `name,kind,start`，成果用 `kind,title,date`。
import-header-unnamed = { $file }：表头第 { $n } 列没有名称；请为其命名或删除该列。
import-header-not-column = { $file }：`{ $header }` 不是{ $kind }的列；可用的列：{ $columns }。
import-header-twice = { $file }：表头两次写出 `{ $column }`（`{ $first }` 和 `{ $second }`）；请只保留其中一列。
import-header-unreadable = { $file }：无法读取表头行（{ $error }）；第一行必须写出列名。
import-csv-unreadable = { $file }：{ $error }；请检查文件中的引号。
import-cells = { $file } 第 { $line } 行：有 { $cells } 个单元格，而表头有 { $columns } 列；含有分隔符的单元格请加引号（分隔符：{ $separator ->
        [tab] 制表符
       *[other] `{ $separator }`
    }）。
import-json-error = { $file } 第 { $line } 行第 { $column } 列：{ $what }；请修正，或导出一个文件对照。
import-json-key-twice = 同一对象中键 `{ $key }` 出现了两次
import-json-invalid = 这不是有效的 JSON
import-json-database = { $file }：`database` 必须是导出时写入的文本。
import-json-section = { $file }：`{ $key }` 不是可识别的部分；请使用 visits、officials、meetings、forums 或 outcomes。
import-json-not-array = { $file }：`{ $key }` 必须是记录数组。
import-json-shape = { $file }：JSON 导入文件必须是记录数组，或由数组组成的对象，如 { "{" }"visits": [...]{ "}" }。
import-json-not-object = { $file }：第 { $n } 项不是带字段名的对象。
import-json-no-kind = { $file }：第 { $n } 项没有 `province` 和 `start`（访问）、`name` 和 `country`（官员）、`date` 和 `officials`（会见）、`name`、`kind` 和 `start`（论坛）或 `kind`、`title` 和 `date`（成果）字段。
import-json-not-field = { $file } { $at }：`{ $key }` 不是{ $kind }的字段；可用的字段：{ $columns }。
import-json-field-twice = { $file } { $at }：有两个字段都表示 `{ $column }`；请只保留一个。
import-required = `{ $column }` 为空；每条{ $kind }记录都需要填写。
import-whole-number = `{ $value }` 必须是 { $min } 到 { $max } 之间的整数。
import-deleted = { $kind } #{ $id } 已被删除；如要重新添加请将 `id` 留空，或用 /data undo 撤销删除。
import-no-version = 该行没有 `version`，可能覆盖{ $kind } #{ $id } 的较新修改；请重新导出，或加上 force:true。
import-changed-since = { $kind } #{ $id } 自版本 { $seen } 以来已被修改（{ $changes }）；请重新导出并在新文件中重做修改，或加上 force:true 覆盖。
import-foreign-record = { $kind } { $number } 是此文件来源数据库中的{ $kind }，但文件中没有包含它；请把全部内容导出为一个 JSON 文件（/export what:all format:json）以保留关联，或清空 `{ $column }`。
import-source-needs-link = `source_title` 和 `source_date` 描述的是 `source`；请在 `source` 列中添加链接。
import-visit-overlaps-row = 与此文件{ $at }的访问来自同一省份且日期重叠；请删除其中一条，或加上 force:true 两条都记录。
import-meeting-repeats-row = 与此文件{ $at }的会见在同一天、官员相同；请删除其中一条，或加上 force:true 两条都记录。
import-forum-repeats-row = 与此文件{ $at }的论坛名称、届次和开始日期都相同；请删除其中一条，或加上 force:true 两条都记录。
import-outcome-repeats-row = 此文件{ $at }已有 { $days } 天内{ $by }的成果；请删除其中一条，或加上 force:true 两条都记录。
import-not-visit-number = `{ $value }` 不是访问编号。
import-currency-without-amount = `currency` { $currency } 需与金额一起填写；请填写 `amount` 或清空 `currency`。
import-outcome-misfit = 该成果{ $what }；请修正日期、省份或访问，或加上 force:true 强制关联。
import-post-parts = `{ $line }` 超过五个部分；每个职务请写成 title | organization | province | from | to。
import-post-no-title = `{ $line }` 没有职务名称；每个职务请写成 title | organization | province | from | to。
import-post-ends-before-start = `{ $line }` 的结束早于开始；请输入不早于开始的结束日期。
import-posts-overlap = 两个 `{ $title }` 职务的时间重叠；同一人同一时间只能担任一次同一职务，请修正日期。

## 预览中关于行的说明（更改内容：`diff`，"purpose: 旧 → 新; ..."）

import-overwrites-unversioned = 按当前状态覆盖{ $kind } #{ $id }（该行没有版本）
import-overwrites-changes = 覆盖自版本 { $seen } 以来的修改：{ $changes }
import-already-on-record = `{ $name }` 已记录为 { $holder }（#{ $id }）；保持不变
import-change-note = { $diff }（{ $note }）
