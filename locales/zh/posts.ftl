# delegation-bot: posts messages (zh). Every language holds the same ids.

## ask --chart PATH: the answer's chart as a PNG file.
ask-chart-exists = { $path } 已存在；图表不会覆盖已有文件，请为 --chart 换一个路径。
ask-chart-none = 此回答没有图表，因此没有写入 { $path }。
ask-chart-failed = 无法将图表写入 { $path }：{ $error }
ask-chart-not-drawn = 无法绘制图表：{ $error }

## Watches

notice-by = { $who } · { $summary }
notice-one = { $kind } #{ $id } { $verb }
notice-batch = { $who } 的{ $action }：符合关注 #{ $watch } 的记录 { $counted }
notice-footer = 关注 #{ $watch } · { $filter } · 用 /watch remove id:{ $watch } 停止
and-more = … 另有 { $n } 条
action-import = 导入
action-undo = 撤销
action-merge = 合并
action-synthetic = 合成数据载入
action-draft = 草稿确认
action-change = 修改
verb-added = 已添加
verb-changed = 已修改
verb-deleted = 已删除
verb-restored = 已恢复
verb-removed = 已移除
counted = { $verb } { $list }
list-and-last = { $first } 和 { $last }

## Digests

digest-every-weekday = 每{ $weekday }
digest-every-month = 每月 { $day } 日
digest-set = 已设置{ $frequency ->
    [weekly] 每周
   *[monthly] 每月
}摘要
digest-set-text = 将于{ $when } { $hour }（{ $tz }）在 <#{ $channel }> 发布上一个{ $span }的摘要。{ $last } 的摘要如尚未发布将立即发布；下一次发布时间为 { $next }。
digest-week = 周（周一至周日）
digest-month = 自然月
digest-set-footer = /digests 查看内容；/digest off 停止
no-digest-set = 尚未设置摘要；用 /digest set 开始。
digest-off = 摘要已停止
digest-preview = 预览
digest-schedule = { $frequency ->
    [weekly] 每周
   *[monthly] 每月
}发布于 <#{ $channel }>；下一次：{ $next }（{ $tz }）。
digest-none = 尚未设置摘要；管理员可用 /digest set 设置。
digest-schedule-field = 时间表
digest-not-delivered = 未送达
digest-refused = { $label } 的摘要无法在 <#{ $channel }> 发布：{ $reason }。请为机器人开通该频道的权限，然后再次运行 /digest set 发布。
digest-of = { $day } 的摘要
digest-title = { $frequency ->
    [weekly] 每周
   *[monthly] 每月
}摘要 · { $label }
digest-change-vs = 与 { $label } 相比
digest-busiest = 访问最多的省份
digest-new-officials = 新会见的官员
digest-added-since = 自 { $since } 以来新增
digest-nothing = 无
digest-month-only = 仅有月份日期的记录（不计入任何一周）
counts-in-start-month = 访问计入其开始的月份
month-year = { $year }年{ $month }月

## /watch

watch-what = 请说明要关注什么：加上 province:、official:、place: 或 kind:，例如 /watch add channel:… province:Jiangsu。
watch-resumed = 关注 #{ $id } 已恢复
watch-added = 已添加关注 #{ $id }
watch-added-text = 从现在起，符合“{ $filter }”的变更将发布在 <#{ $channel }>：每次变更一条消息（一次导入或撤销为一条摘要）。
watch-stops = 用 /watch remove id:{ $id } 停止
watches-title = 关注
no-watches = 没有关注；管理员可用 /watch add 添加。
watch-line = 发往 <#{ $channel }> · 由 { $who } 于 { $day } 设置
watch-paused-gone = 用 /watch remove id:{ $id } 删除，或为在册的人添加新的关注
watch-paused-resume = 待机器人可以在该频道发帖后，再次添加同一关注即可恢复
watch-refused-channel = Discord 拒绝了该频道
watch-paused = **已暂停**，自 { $day } 起：{ $reason }；{ $next }。
watches-more = 更多
watches-not-shown = 另有 { $n } 个关注未显示
watch-removed = 已删除关注 #{ $id }
watch-removed-text = 符合“{ $filter }”的变更将不再发布在 <#{ $channel }>。
watch-official-gone = 官员 #{ $id }（已删除）
watch-all-kinds = 全部类型
