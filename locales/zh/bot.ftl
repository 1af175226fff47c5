# delegation-bot: every text a person reads, in Simplified Chinese. The English and Korean
# files hold the same ids. Arguments: { $name }; numbers select plurals.

## Failures

apology = 抱歉，系统内部出错，未作任何更改。请稍后再试。
apology-read = 抱歉，系统在回复时内部出错，请稍后再试。
database-full = 数据库磁盘已满，未作任何更改；仍可正常查询。请告知机器人管理员。
database-read-only = 数据库当前为只读状态，未作任何更改；仍可正常查询。请告知机器人管理员。
database-busy = 数据库正在处理另一项更改，未作任何更改；请稍后再试。

## Kinds of record, as sentences name them

kind-visit = 访问
kind-meeting = 会见
kind-forum = 论坛
kind-official = 官员
kind-outcome = 成果
kind-watch = 关注
kind-digest = 摘要
kind-language = 团队语言

date-unknown = 日期不详
date-now = 现在

## What the store refuses

missing-visit = 没有访问 #{ $id }；可用 /visits list 查看编号。
missing-meeting = 没有会见 #{ $id }；/official history 会列出会见及其编号。
missing-forum = 没有论坛 #{ $id }；可用 /forums list 查看编号。
missing-official = 没有官员 #{ $id }；可用 /search 按姓名查找官员。
missing-outcome = 没有成果 #{ $id }；可用 /outcomes list 查看编号。
stale = 该{ $kind }（#{ $id }）自版本 { $seen } 以来已被修改（{ $changes }）；请重新查看（当前为版本 { $now }）后再修改。
stale-unknown = 修改内容不详
unknown-official = 记录中没有名为 `{ $typed }` 的官员，请检查拼写。版主可用 /record official add 添加人员。
unknown-official-near = 记录中没有名为 `{ $typed }` 的官员，您是不是要找 { $near }？版主可用 /record official add 添加人员。
officials-not-separated = 记录中没有名为 `{ $typed }` 的官员；多位官员请用 ; 分隔，例如 { $example }。
no-officials = 请至少填写一位官员，多位之间用 ; 分隔，例如 officials:"Liu Xiaoming; Oh Young-hun"。
unknown-province = 无法识别中国省份 `{ $typed }`，请检查拼写。
unknown-province-near = 无法识别中国省份 `{ $typed }`，您是不是要找 { $near }？
unknown-place = 无法识别韩国地名 `{ $typed }`，请检查拼写。
unknown-place-near = 无法识别韩国地名 `{ $typed }`，您是不是要找 { $near }？
city-for-province = { $city } 是 { $provinces } 的城市；请填写其所在省份，例如 { $province }。
list-or = { $first } 或 { $second }
list-and-in = { $first } 和 { $second }
list-semicolon = { $first }；{ $second }
change-by = { $who }：{ $change }
no-province = 请至少填写一个省份，例如江苏。
no-place = 请至少填写一个韩国地名，例如首尔。
alias-empty = 别名至少需要包含一个字母或数字。
alias-taken = `{ $alias }` 已用于 { $holder }；如果是同一个人，请使用 /record official merge。
alias-is-name = `{ $alias }` 是此人的姓名；请用 /record official edit new_name:... 或 local_name:... 修改。
alias-not-theirs = `{ $alias }` 不是 { $name } 的别名；/official show 会列出其别名。
post-ends-before-start = 结束日期（{ $to }）早于开始日期（{ $from }）；请填写不早于开始日期的结束日期。
separator-in-field = `{ $field }` 中不能包含 `|`，它在导出时用于分隔职务的各部分；请改用 / 或逗号。
post-overlaps = { $name } 已于 { $from } 至 { $to } 担任 `{ $title }`（职务 #{ $id }），时间重叠；请先用 { $remove } 删除该职务，或修改日期。
post-not-theirs = 职务 #{ $id } 不属于 { $name }；/official show 会列出其职务及编号。
nothing-to-undo = 没有可撤销的更改；/data audit 可查看最近的更改。
undo-changed-since = 无法撤销“{ $summary }”：此后 { $who } 修改了{ $kind } #{ $id }；请手动修改。
undo-referred = 无法撤销“{ $summary }”：{ $kind } #{ $id } 引用了该更改所添加的{ $target_kind } #{ $target }；请先修改或删除{ $kind } #{ $id }。
undo-alias-taken = 无法撤销：别名 `{ $alias }` 现已属于他人；请先从对方处删除。
watch-exists = 关注 #{ $id } 已有相同设置；/watches 可查看全部关注。
no-watch = 没有关注 #{ $id }；/watches 可查看全部关注。
not-sqlite-url = DATABASE_URL 不是 SQLite URL：{ $url }
bot-running-serve = 有正在运行的 delegation-bot（serve 或恢复）占用 { $database }；请先停止它，或为本程序指定另一个 DATABASE_URL。
bot-running-restore = 有正在运行的 delegation-bot（serve 或恢复）占用 { $database }；恢复前请先停止它（systemctl stop delegation-bot 或 docker compose stop bot）。
restoring = { $database } 正在从备份恢复；请在恢复完成后再试。
in-use = { $database } 正被 { $holders } 打开；恢复前请关闭它（退出控制台、停止机器人）。
in-use-unknown = { $database } 正被另一个程序打开；恢复前请关闭它（退出控制台、停止机器人）。
lock-failed = 无法锁定 { $path }（{ $why }）；文件系统可能不支持文件锁。
lock-file-failed = 无法创建锁文件 { $path }（{ $why }）；数据库所在文件夹必须可写。
database-replaced = 本程序打开数据库 { $database } 后，该数据库已被替换（从备份恢复或被移动），因此未写入任何内容；请重启程序以使用新文件。
file-exists = { $path } 已存在；请换一个文件名。
backup-this-second = { $path } 已存在（这一秒内已做过一次备份）；请一秒后再试。
not-our-database = { $path } 不是完好的 delegation-bot 数据库（{ $why }）；未作任何更改。
newer-database = { $path } 由更新版本的 delegation-bot 创建（迁移 { $theirs }；本版本最高支持到 { $ours }）；请先升级。
in-memory = DATABASE_URL 指向内存数据库；恢复需要数据库文件。
no-file = 文件 { $path } 不存在。
live-database = { $path } 就是正在使用的数据库本身；请指定一个备份文件。

## Input

source-title-one-line = `source_title` 只能有一行；请将标题写在一行内。
in-option = { $option }：{ $error }

## Records that repeat or do not fit
duplicate-meeting = 已有同一天、同样官员的会见 #{ $id }；请用 /data audit entity:meeting id:{ $id } 查看，或加上 force:true 两条都记录。
duplicate-forum = 已有名称、届次和开始日期都相同的论坛 #{ $id }；请用 /forums show id:{ $id } 查看，或加上 force:true 两条都记录。
duplicate-outcome = 已有 { $days } 天内{ $by }的成果 #{ $id }；请用 /outcomes show id:{ $id } 查看，或加上 force:true 两条都记录。
repeat-title = 同一省份、类型和标题均相同
repeat-amount = 类型、省份和金额均相同
misfit-outside = 日期为 { $date }，不在访问 #{ $visit } 的期间（{ $from } 至 { $to }）内
misfit-provinces = 涉及 { $provinces }，而访问 #{ $visit } 并非来自该地（来自 { $came }）
misfit-both = { $first }，且{ $second }
outcome-misfit = 该成果{ $what }；请修正日期、省份或访问，或加上 force:true 强制关联。
outcome-linked-anyway = 已关联到访问 #{ $visit }，尽管该成果{ $what }（force:true）。

ambiguous-place = `{ $typed }` 可指两个省份：{ $options }。请输入您所指的那个，例如 { $example }。

## /data audit 的变更摘要：开头按读者的语言（format::summary）。
said-add = 添加{ $kind }
said-edit = 编辑{ $kind }
said-delete = 删除{ $kind }
said-link = 关联访问
said-alias = 添加别名
said-unalias = 删除别名
said-merge = 合并
said-add-post = 添加职务
said-remove-post = 删除职务
said-import = 导入
said-undo = 撤销：
said-draft = 由报道生成的草稿：
said-readings = 生成了 { $n } 位官员的其他写法
said-watch = 关注
said-remove-watch = 删除关注
said-digest-off = 关闭摘要
said-digest = 摘要
said-team-language = 团队语言

## The command line.
sample-loaded = 已载入示例数据（{ $counts }），取自 2024 年年中的报道；每条记录都标为示例数据。
sample-already-loaded = 示例数据已经载入；可用 /visits list 查看。
file-written = 已写入 { $path }
database-up-to-date = 数据库 { $url } 已是最新。
