# delegation-bot: what changes to records say, in Simplified Chinese. The English and Korean files
# hold the same ids. Arguments: { $name }.

record-added = 已添加{ $kind } #{ $id }
record-updated = 已更新{ $kind } #{ $id }
record-deleted = 已删除{ $kind } #{ $id }
alias-added = 现在可用 `{ $alias }` 找到 { $name }
alias-removed = 已不能再用 `{ $alias }` 找到 { $name }
merged = 已将 { $removed } 合并至 { $kept }
post-added = 已为 { $name } 添加职务 #{ $id }
post-removed = 已从 { $name } 删除职务 #{ $id }
forum-linked = 已将访问 #{ $visit } 关联至论坛 #{ $id }
history-of = { $kind } #{ $id } 的修改历史
recent-changes = 最近修改
no-changes-yet = 尚无修改记录。
undone = 已撤销
really-delete = 确定要删除{ $what } 吗？可用 /data undo 恢复。

## Buttons and prompts

button-previous = 上一页
button-next = 下一页
button-cancel = 取消
button-confirm = 确认
button-edit = 编辑
button-discard = 放弃
only-asker-confirms = 只有发起请求的人才能确认或取消。
discarded = 已放弃，未记录任何内容。
cancelled = 已取消，未做任何修改。
applying = 正在应用…
moderators-only-change = 只有版主可以修改记录；查询命令（/help 可列出）对所有人开放。
type-a-command = 请输入命令，例如 `/visits monthly`，或输入 `/help` 查看命令列表。
not-an-option = `{ $typed }` 不是有效选项；选项请写作 name:value，例如 { $example }
could-not-write = 无法写入文件：{ $error }
nothing-changed = 未做任何修改。
wrote = 已写入 { $path }
run-again-to-apply = 加上 confirm:true 再次运行即可应用：

## Periods

range-all = 全部日期
range-from = 自 { $from } 起
range-until = 截至 { $to }

## The console

console-banner = delegation-bot 控制台 · 当前身份：{ $name }（管理员）· /help 查看命令，Ctrl-D 退出
offer-sample = 数据库为空。是否载入示例数据（2024 年年中的新闻报道）？[Y/n]
sample-not-loaded = 数据库为空，未载入示例数据（可用 console --sample 或 `delegation-bot sample` 载入）。

## /settings

settings-title = 团队设置
settings-language = 频道帖子的语言
language-set = 已用 /settings language: 设置
language-server = Discord 服务器的首选语言；可用 /settings language: 改设
language-default = DEFAULT_LANGUAGE 或英语；可用 /settings language: 改设

## Discord forms and refusals

form-start = 开始（YYYY-MM-DD 或 YYYY-MM）
form-end = 结束（留空表示无）
form-places = 韩国地点，用逗号分隔
form-purpose = 目的
form-size = 代表团人数（留空表示不详）
form-provinces = 中国省份，用逗号分隔
form-edit-visit = 编辑访问 #{ $id }
form-edit-draft = 编辑草稿中的访问
form-field-empty = { $field } 不能为空；请在表单中填写。
only-asker-drafts = 只有提出请求的人才能编辑、确认或放弃此草稿。
draft-unchanged = 没有任何更改；草稿保持原样。
button-delete = 删除
button-apply = 应用
team-server-only = 本机器人只在其团队的服务器中回答。
slow-down = 过去一分钟内命令太多；请在 { $seconds } 秒后再试。
restarting = 机器人正在重启；请一分钟后再试。
restarting-file-unread = 机器人正在重启，未读取 { $file }；请一分钟后重新附加。
bot-may-not-post = 机器人无法在 <#{ $channel }> 发帖：它在该频道缺少 { $missing } 权限。请为其角色授予查看频道、发送消息、嵌入链接和附加文件的权限，然后再试。
buttons-expired = 这些按钮已过期；请重新运行命令。
command-gone = 机器人已不再识别此命令；输入 / 查看当前可用的命令。
attachment-missing = 附件没有送达；请重新附加。
too-large = { $name } 压缩后仍有 { $size }，超过此处 Discord 每个文件 { $limit } 的上限；{ $instead }。
too-large-export = 请在机器人所在的机器上运行：{ $command }
too-large-ask = 请向机器人的运维人员索取
files-part = 文件，第 { $part }/{ $count } 部分

## 官员职务：已知地方的地方领导职务（format::title）。城市名已带“市”。
title-prime-minister = 国务总理
title-president = 总统
title-governor = { $level ->
    [province] { $place }省长
    [city] { $place }长
    [region] { $place }主席
    [sar] { $place }行政长官
   *[korea] { $place }知事
}
title-vice-governor = { $level ->
    [province] { $place }副省长
    [city] { $place }副市长
    [region] { $place }副主席
    [sar] { $place }副行政长官
   *[korea] { $place }副知事
}
title-party-secretary = { $level ->
    [province] { $place }委书记
    [city] { $place }委书记
   *[other] { $place }党委书记
}
title-deputy-party-secretary = { $level ->
    [province] { $place }委副书记
    [city] { $place }委副书记
   *[other] { $place }党委副书记
}
title-mayor = { $level ->
    [city] { $place }长
   *[other] { $place }市长
}
title-vice-mayor = { $level ->
    [city] { $place }副市长
   *[other] { $place }副市长
}
