# delegation-bot: the replies to commands, in Simplified Chinese. The English and Korean files
# hold the same ids. Arguments: { $name }; numbers select plurals.

## Counts and common words

n-visits = { $n } 次访问
n-meetings = { $n } 次会见
n-forums = { $n } 个论坛
n-officials = { $n } 位官员
n-outcomes = { $n } 项成果
span = { $from } 至 { $to }
total = 合计
none-recorded = 暂无记录
all-provinces = 全部省份
page-label = 第 { $page }/{ $pages } 页 · 共 { $total } 条
page-more = （加上 page:{ $next } 查看更多）
empty-database = 尚无任何记录：可加载示例数据（`delegation-bot sample`，或在控制台提示时回答 yes），用 /data import 导入文件，或用 /record visit add 添加访问。
last-change = 最后修改：{ $who }，{ $at } · 版本 { $version }
not-real-data = 此条为{ $dataset }数据，并非真实记录。
dataset-sample = 示例
level-of = { $level }

## Columns and fields

col-month = 月份
col-visits = 访问
col-meetings = 会见
col-forums = 论坛
col-outcomes = 成果
col-start = 开始
col-province = 省份
col-leader = 团长
col-places = 地点
visit-label = 访问
field-origin = 来源地
field-dates = 日期
field-korean-places = 韩国地点
field-purpose = 目的
field-size = 代表团人数
field-meetings = 会见
field-forums = 论坛
field-outcomes = 成果
field-sources = 来源

## Reports

change-up-down = { $percent }（{ $previous } → { $total }）
change-new = 新增活动（0 → { $total }）
change-none = 无变化（0 → 0）
coverage-no-visits = 无访问
coverage-no-sources = 没有访问注明来源
coverage-all-sourced = 每次访问均注明来源（{ $n }）
coverage-some-sourced = { $n } 次访问中有 { $sourced } 次注明来源
coverage-by-month = { $sources }；其中 { $n } 次仅有月份日期，按月份匹配

## /visits

monthly-title = 每月访问次数 · { $scope }
monthly-text = { $from } 至 { $to } · 访问计入其开始的月份
month-with-visits = { $month }（{ $n } 次访问）
mean-per-month = 月均
busiest-month = 最多的月份
change-vs = 与 { $from } 至 { $to } 相比的变化
chart-per-month = 每月访问次数，{ $from } 至 { $to }
start-planned = { $start }（计划）
scope-city = 城市：{ $city }
scope-place = 地点：{ $place }
scope-official = 官员：{ $name }
visits-title = 访问
visits-by-month = { $n } 次访问仅有月份日期，按月份匹配
no-visits-match = 没有符合条件的访问；请放宽筛选条件，或查看 /visits monthly。
planned-not-started = {" "}（计划中：尚未开始）
label-visit = 访问
label-meeting = 会见
label-forum = 论坛
label-official = 官员
label-outcome = 成果

## /outcomes

col-date = 日期
col-kind = 类型
col-title = 标题
col-amount = 金额
col-status = 状态
outcomes-title = 成果
outcome-label = 成果
no-outcomes-match = 没有符合条件的成果；请放宽筛选条件，或用 /outcome add 添加。
link-deleted = { $kind } #{ $id }（已删除）
field-chinese-side = 中方
field-korean-side = 韩方
field-summary = 内容
field-came-of = 出自
came-of-nothing = 未记录相关访问、会见或论坛

## Choices

choice-mou = 谅解备忘录
choice-agreement = 协议
choice-investment-pledge = 投资承诺
choice-contract = 合同
choice-sister-city = 友好城市
choice-other = 其他
choice-announced = 已宣布
choice-signed = 已签署
choice-in-progress = 进行中
choice-realized = 已落实
choice-cancelled = 已取消
choice-provincial = 省级
choice-municipal = 市级
choice-county = 县级
choice-party = 党委
choice-investment-forum = 投资论坛
choice-business-forum = 商务论坛
choice-promotion-conference = 推介会
choice-conference = 会议
choice-china = 中国
choice-korea = 韩国
choice-weekly = 每周
choice-monthly = 每月
choice-visits = 访问
choice-meetings = 会见
choice-forums = 论坛
choice-officials = 官员
choice-outcomes = 成果
choice-all = 全部
choice-monday = 星期一
choice-tuesday = 星期二
choice-wednesday = 星期三
choice-thursday = 星期四
choice-friday = 星期五
choice-saturday = 星期六
choice-sunday = 星期日

## /forums

col-name = 名称
col-place = 地点
col-delegations = 代表团
forums-title = 论坛及会议
no-forums-match = 没有符合条件的论坛；请放宽日期范围，或去掉某个筛选条件。
led-by = { $name } 率团
field-organizer = 主办方
field-attended = 出席的代表团

## /official

col-as = 当时职务
col-met = 会见对象
meetings-of = { $name } 的会见记录
no-meetings-in-period = 此期间没有会见记录。
since = 自 { $from } 起
field-post = 职务
field-side = 所属方
field-visits-led = 率团访问
field-career = 履历
no-posts = 未记录职务；可用 /record official post 添加
field-aliases = 别名
field-counterparts = 最常会见的人

## /provinces, /stats, /search

provinces-title = 各省份活动排名
joint-counts = 联合访问或成果计入其涉及的每个省份
no-activity = 此期间没有活动记录。
chart-by-province = 各省份访问次数，{ $range }
overview-title = 概况 · { $from } 至 { $to }
officials-met = 会见的官员
mean-visits-per-month = 月均访问
top-provinces = 排名靠前的省份
top-hosts = 主要韩方接待方
pledged = 承诺金额（未取消），按币种
col-record = 记录
col-match = 匹配内容
search-title = 搜索
search-needs-word = 请至少输入一个要搜索的词，例如 /search text:Jeju。
search-broad = 第 { $page }/{ $pages } 页 · 超过 { $over } 条匹配：仅显示每类中最新的记录；添加词语可缩小范围
search-common = 按时间由新到旧（该词过于常见，不计权重）
search-nothing = 没有匹配结果；请减少词语，或在词尾加 * 匹配词的开头（semicon*）。

## /help

continued = { $name }（续）
help-title = 命令
help-text = 输入命令时，选项写作 name:value；含空格的值需加引号，例如 /official history name:"Oh Young-hun"；引号内用 \" 表示引号（name:"Kim \"Danny\" Lee"）。/help <command> 可查看某个命令的说明。
help-ask = 查询
help-change = 修改（版主）
no-such-command = 没有命令 `{ $command }`；输入 /help 可列出全部命令。
kind-text = 文本，最多 { $max } 个字符
kind-article = 报道正文，最多 { $max } 个字符
kind-number-from = 数字，不小于 { $min }
kind-number = 数字，{ $min } 至 { $max }
kind-bool = true 或 false
kind-date = YYYY-MM-DD 或 YYYY-MM；也可写作 2024/05/29、"May 29, 2024"、2024년 5월 29일、2024年5月29日
kind-day = YYYY-MM-DD；也可写作 2024/05/29、"May 29, 2024"、2024년 5월 29일
kind-month = YYYY-MM；也可写作 2024/05、"May 2024"、2024년 5월
kind-choice = 以下之一：{ $choices }
kind-file = CSV 或 JSON 文件
kind-channel = 频道；在控制台中填其 id
required = 必填
optional = 可选
example = 示例
moderators-only = 仅限版主

generated-alias = { $alias }（自动生成）
choice-zh = 中文

## Other names of choices (comma-separated)

choice-monthly-also = 每月, 月度, 按月, 月报
choice-weekly-also = 每周, 周度, 按周, 周报

## Money (Korean and Chinese; English writes the code and the number)

money-krw = { $n }韩元
money-usd = { $n }美元
money-cny = { $n }元
money-eur = { $n }欧元
money-jpy = { $n }日元
money-about = 约{ $amount }
