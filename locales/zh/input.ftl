# delegation-bot: input messages (zh). Every language holds the same ids.

## Amounts

amount-empty = 金额为空；请输入数字，例如 1500000000、1.5 billion 或 15억。
amount-no-number = `{ $input }` 中没有数字；请同时输入金额，例如 USD 1.5 billion。
amount-negative = `{ $input }` 是负数；金额不能小于零，请去掉负号。
amount-unknown-currency = 无法识别货币 `{ $currency }`；请输入 KRW、USD、CNY、EUR 或 JPY。
amount-yen-or-yuan = `¥` 既可表示人民币也可表示日元；请改写为 CNY 或 JPY。
amount-two-currencies = `{ $input }` 中有两种货币（{ $first } 和 { $second }）；请只保留一种。
amount-disagrees = 金额的货币是 { $written }，但 `currency` 为 { $given }；请使两者一致，或去掉 `currency`。
amount-no-currency = `{ $input }` 未注明货币；请加上 currency:KRW（或 USD、CNY、EUR、JPY），或写在金额中，例如 15억 원。
amount-unreadable-part = `{ $input }` 中有无法识别的词（`{ $part }`）；请用数字加 million、billion、만、억 或 조 输入，例如 1.5 billion 或 15억。
amount-unreadable = 无法将 `{ $input }` 识别为金额；请用数字加 million、billion、만、억 或 조 输入，例如 1.5 billion 或 1조 5천억。
amount-commas = `{ $number }` 中的逗号没有按千位分隔；逗号用于千位分隔（1,500），小数点表示小数（1.5）。
amount-decimals = `{ $input }` 的小数超过两位；金额最多保留到百分位，例如 1.01。
amount-too-big = `{ $input }` 超过 1,000 万亿；请检查零的个数。
amount-zero = `{ $input }` 为零；未公布金额时请不填金额。
amount-range = `{ $input }` 是一个范围而非金额；请输入一个数值（较小的那个，例如 1 billion），并把范围写在摘要中。
amount-fraction-won = `{ $input }` 含有不足一韩元的零头，韩元没有更小的单位；请输入整数。
amount-fraction-yen = `{ $input }` 含有不足一日元的零头，日元没有更小的单位；请输入整数。
currency-without-amount = `currency` 需与金额一起使用；请同时加上 amount:…，例如 amount:"1.5 billion" currency:{ $currency }。

## Dates

input-empty = （空）
date-not-a-date = `{ $input }` 不是日期；请按 YYYY-MM-DD（例如 2024-05-29）或 YYYY-MM（例如 2024-05）输入。
date-out-of-range = `{ $input }` 超出范围；日期须在 { $min } 年至 { $max } 年之间。
date-ambiguous = `{ $input }` 无法确定是日在前还是月在前；请输入 { $month_first } 或 { $day_first }。
date-not-real = `{ $input }` 不是真实存在的日期；请检查月份和日期（YYYY-MM-DD）。
date-is-month = `{ $input }` 是月份；请输入具体日期，例如 2024-05-29。
month-not-a-month = `{ $input }` 不是月份；请按 YYYY-MM 输入，例如 2024-05。
month-is-day = `{ $input }` 是具体日期；请输入月份，例如 2024-05。
month-out-of-range = `{ $input }` 中的月份不存在；月份为 01 至 12（YYYY-MM）。
range-reversed = `to`（{ $to }）早于 `from`（{ $from }）；请对调两者或放宽范围。
months-reversed = `to`（{ $to }）早于 `from`（{ $from }）；请对调两者。
months-too-many = 共 { $n } 个月；一次最多查询 { $max } 个月。
date-too-far = `{ $field }` { $date } 超过一年以后；计划中的访问最晚可记录到 { $limit }。
end-before-start = 结束日期（{ $end }）早于开始日期（{ $start }）；请填写不早于开始日期的结束日期。

## Vocabularies

not-in-vocabulary = `{ $input }` 不是有效的{ $what }；请输入以下之一：{ $choices }。
vocabulary-country = 国家
vocabulary-forum-kind = 论坛类型
vocabulary-visit-level = 代表团级别
vocabulary-outcome-kind = 成果类型
vocabulary-outcome-status = 状态

## Text and links

text-empty = `{ $field }` 为空；请输入内容，或去掉该选项。
text-one-line = `{ $field }` 只能有一行；请删除换行。
text-control-character = `{ $field }` 含有控制字符（U+{ $code }）；请删除后重试。
text-too-long = `{ $field }` 长 { $len } 个字符；请缩短到 { $max } 个字符以内。
url-not-a-link = `{ $field }` 必须是以 http:// 或 https:// 开头的网址，例如 https://example.org/news/1。
spam-gambling = `{ $field }` 含有赌博垃圾信息（“{ $phrase }”）；请删除后重试。
spam-blocked-host = `{ $field }` 链接到被屏蔽的 { $host }；请删除该链接。
article-empty = `{ $name }` 为空；请粘贴报道正文。
article-too-long = `{ $name }` 长 { $len } 个字符；超过 { $max } 个字符的报道请改用 file: 或 url: 提供。

## Commands and options

command-unknown = 没有 `/{ $command }` 命令；输入 `/help` 查看全部命令。
command-incomplete = `/{ $command }` 不完整；请输入以下之一：{ $commands }。
quote-not-closed = 引号未闭合；请在值的末尾加上 "（值中的引号请写作 \"）。
options-none = { $command } 没有选项；请只输入 `{ $command }`。
option-unknown = { $command } 没有 `{ $option }` 选项；可用选项：{ $options }。
option-twice = `{ $option }` 重复给出；请只给一次。
option-missing = { $command } 需要 `{ $option }:`；例如：{ $example }
request-too-old = 这是旧版机器人保存的请求；请重新运行命令。
upload-gone = 附件已不再保留；请重新附加。
number-not-whole = `{ $name }` 必须是整数，例如 { $name }:{ $example }。
number-too-small = `{ $name }` 必须大于或等于 { $min }。
number-out-of-range = `{ $name }` 必须在 { $min } 到 { $max } 之间。
bool-expected = `{ $name }` 必须是 true 或 false，例如 { $name }:true。
not-a-choice = `{ $name }` 必须是以下之一：{ $choices }。
channel-expected = `{ $name }` 需要一个频道：在 Discord 中选择，或在控制台输入频道 ID（右键点击频道，复制频道 ID），例如 { $name }:300000000000000001。
clear-not-dash = 要清空 `{ $field }`，请写 清空:{ $field }，而不是 { $field }:-。
clear-unknown-field = `清空` 可清空的字段：{ $fields }；例如 清空:{ $example }。
clear-and-given = `{ $field }` 既给了值又被清空；请去掉其中之一。

## Lists and records in sentences

list-comma = { $first }、{ $second }
list-and-then = { $first } 和 { $second }
record-number = { $kind } #{ $id }

## Changes refused

source-needs-link = `source_title` 和 `source_date` 是对 `source:` 的说明；请同时加上 source:https://...。
no-such-source = { $record } 没有来源 { $url }；{ $shown_by } 会列出其来源。
visit-overlaps = 同一省份的访问 #{ $id } 与这些日期重叠；请用 /visits show id:{ $id } 查看，或加上 force:true 两条都记录。
meeting-outside-visit = 会见日期 { $date } 不在访问 #{ $id } 的期间（{ $from } 至 { $to }）内；请修正日期或选择其他访问。
meetings-outside-dates = 访问 #{ $id } 的会见 { $meetings } 将落在新日期（{ $from } 至 { $to }）之外；请先移动这 { $n } 次会见或取消其关联，或保留原日期。
visit-edit-nothing = 请说明要修改的内容，例如 /record visit edit id:{ $id } size:25（clear:size 可清空字段）。
meeting-edit-nothing = 请说明要修改的内容，例如 /record meeting edit id:{ $id } place:"Seoul City Hall"。
forum-edit-nothing = 请说明要修改的内容，例如 /record forum edit id:{ $id } place:Jeju。
official-edit-nothing = 请说明要修改的内容，例如 /record official edit { $name } title:"Mayor of Seoul"。
outcome-edit-nothing = 请说明要修改的内容，例如 /outcome edit id:{ $id } status:realized（clear:amount 可清空字段）。
visit-has-records = 访问 #{ $id } 仍有 { $held }；加上 meetings:unlink 可保留会见并解除关联，加上 meetings:delete 则一并删除会见。
held-meetings = { $meetings }（{ $ids }）
held-forum-links = { $forums }的关联（{ $ids }）
forum-already-linked = 访问 #{ $visit } 已关联至论坛 #{ $id }；无需操作。
official-referenced = { $name } 参与了 { $meetings } 次会见并率领了 { $visits } 次访问；请用 /record official merge 将其合并到另一条记录，或先修改这些记录。
merge-same-record = `keep` 和 `remove` 指的都是 { $name }；请给出两条不同的记录。
merge-different-sides = { $kept }（{ $kept_side }）和 { $removed }（{ $removed_side }）分属不同方面，合并会使同一人出现在会见双方；请检查姓名，如确为同一人，请加上 force:true。
merge-empties-meeting = 会见 #{ $id } 仅有 { $kept } 和 { $removed } 两人参加，合并后只剩一名参与者；请先修改或删除该会见（/record meeting edit id:{ $id }）。
audit-needs-both = 查看单条记录的历史请同时给出 `entity` 和 `id`，例如 /data audit entity:visit id:3；查看最近修改则两者都不要给。
audit-no-history = 没有{ $kind } #{ $id } 的修改记录；请用 /{ $kinds } list 核对编号。

## Replies to changes

undo-takes-back = { $what }。可用 /data undo 撤销。
undo-reverts = { $what }。{ $notes }可用 /data undo 撤销。
undo-brings-back = 已删除 { $what }。可用 /data undo 恢复。
undo-puts-back = { $what }。{ $notes }可用 /data undo 恢复。
undo-puts-it-back = 可用 /data undo 恢复。
detached-undo = { $detached }可用 /data undo 恢复。
visit-added-text = { $summary }。可用 /visits show id:{ $id } 查看，用 /data undo 撤销。{ $hint }
visit-source-hint = 可用 /record visit edit id:{ $id } source:https://… 添加来源。
visit-deleted-text = 已删除 { $what }。{ $detached }可用 /data undo 全部恢复。
deletion-visit = 访问 #{ $id }（{ $summary }）
deletion-deleting-meetings = 删除其 { $meetings }（{ $ids }）
deletion-unlinking-meetings = 解除其 { $meetings }（{ $ids }）的关联
deletion-and-then = { $first }，{ $second }
deletion-forum-links = 解除其与 { $forums }的关联（{ $ids }）
forum-added-text = { $forum } · { $start }。{ $hint }
forum-link-hint = 可用 /record forum link forum:{ $id } visit:<访问编号> 关联代表团。
forum-lists-delegations = { $forum } 现有 { $n } 个代表团。
official-added-text = { $name }（{ $side }）。可用 /official show { $typed } 查看简介。
official-old-name = 旧名 `{ $name }` 仍可找到此人。
official-post-moved = 其职务 { $old } 于今日结束，{ $new } 于今日开始（其他日期可用 /record official post 指定）。
official-post-ended = 其职务 { $posts } 已于昨日结束。
official-deleted-text = { $name }。{ $notes }可用 /data undo 恢复。
watches-paused = { $n } 项关注（{ $ids }）已暂停（对应官员已删除）。
watches-moved = { $n } 项关注（{ $ids }）现改为关注 { $name }。
merge-text = 已转移 { $meetings } 次会见和 { $visits } 次访问；{ $removed } 的所有写法现在都会找到 { $kept }。{ $notes }可用 /data undo 撤销。
outcome-added-text = { $summary }。{ $notes }可用 /outcomes show id:{ $id } 查看，用 /data undo 撤销。
post-added-text = { $post }。{ $notes }可用 /official show { $typed } 查看履历，用 /data undo 撤销。
title-now = 其现任职务为 { $title }。
title-none = 此人今日未任任何职务，因此目前没有职衔。
undo-text = 已撤销“{ $summary }”（{ $records } 条记录）。再次运行 /data undo 会撤销您之前的一次修改。
undone-by = （已由 #{ $id } 撤销）
col-change = 修改
col-when = 时间
col-who = 修改人
col-what = 内容
col-records = 记录数
value-needs-quotes = `{ $typed }` 不是选项；含空格的值请加引号：{ $option }:{ $value }

## What a deletion did to the outcomes of the deleted record (they stay).
outcomes-stay-unlinked = { $n } 项成果（{ $ids }）仍保留，但不再与其关联。
