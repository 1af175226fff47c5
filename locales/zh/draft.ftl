# delegation-bot: /record draft（根据新闻报道起草记录，核对后确认写入）及通过链接抓取报道，
# 简体中文。英文和韩文文件中有相同的 id。参数：{ $name }。

## 提供报道

draft-text-and-file = 报道只需提供一次：text: 或 file:（同时提供的 url: 作为来源保留）。
draft-file-too-large = { $name } 超过 2 MB；请只提供文章正文。
draft-file-empty = { $name } 中没有文本；请提供报道本身。
draft-no-such-file = 没有文件 `{ $path }`；请提供 .txt、.html 或 .md 文件的路径。
draft-no-report = 请提供报道：text:"..."、文件（file:）或其链接（url:https://...）。
draft-page-empty = { $url } 页面上没有文章正文；请改用 text: 粘贴报道。

## 通过链接抓取

draft-fetch-scheme = 只能抓取 http 和 https 链接，不能抓取 { $scheme }:；请改为粘贴正文。
draft-fetch-no-host = 链接中没有主机名；请提供完整的 https:// 链接。
draft-fetch-private = { $host } 是私有、环回或链路本地地址，机器人不会抓取。
draft-fetch-not-a-link = 这不是链接；请提供以 https:// 开头的链接。
draft-fetch-failed = 无法抓取 { $host }（{ $why }）；请改为粘贴正文。
draft-fetch-the-page = 该页面
draft-fetch-timeout = 耗时过长
draft-fetch-no-connection = 无法连接，或地址被拒绝
draft-fetch-transfer-failed = 传输失败
draft-fetch-redirects-nowhere = 该页面的重定向没有目标；请改为粘贴正文。
draft-fetch-status = 该页面返回 HTTP { $status }；请检查链接或粘贴正文。
draft-fetch-too-large = 该页面超过 2 MB；请改为粘贴文章正文。
draft-fetch-too-many-redirects = 该页面重定向超过 { $n } 次；请提供文章的最终链接。

## 报道为何不是访问

draft-not-visit-video-call = 该报道涉及视频通话或线上活动，不是访韩。
draft-not-visit-korean-delegation = 该报道涉及韩国代表团访华，而非中国代表团访韩。
draft-not-visit-national = 访问者 { $name } 是中国国家级官员，不是省级或市级代表团。
draft-not-visit-other-country = 该报道涉及其他国家的代表团，而非中国代表团。
draft-not-visit-no-delegation = 报道中没有访韩的中国省级或市级代表团。
draft-not-visit-not-taken-place = 报道提到了代表团，但没有已经成行的访问。
draft-not-visit-announced = 报道预告的访问尚未成行；成行后请重新起草。

## 草稿中需核对之处

draft-note-date-assumed = 未提供发布日期；没有年份的日期按 { $date }（报道的电头日期或文中完整写出的最晚日期）解读（可用 published: 更改）。
draft-note-date-today = 未提供也未找到发布日期；不完整的日期按 { $date } 解读（可用 published: 更改）。
draft-note-vague = 因过于模糊、无法确定日期而略去：{ $phrases }。
draft-note-no-leader = 报道未提及代表团团长；得知后请用 leader: 补充。
draft-note-romanized = { $name }（{ $local }）是根据汉字生成的拼音；请核对其本人的拼写。
draft-note-corrected = 已手动修正：{ $fields }。

## 草稿的字段

draft-field-provinces = 省份
draft-field-start = 开始日期
draft-field-end = 结束日期
draft-field-leader = 团长
draft-field-places = 地点
draft-field-meeting-date = 会见日期
draft-field-forum-start = 论坛开始日期
draft-field-forum-end = 论坛结束日期
draft-field-outcome-date = 成果日期

## 草稿显示

draft-not-a-visit-title = 不是访问
draft-no-visit-to-record = 报道中没有可记录的访问。
draft-title = 草稿：{ $provinces }访问，{ $start }
draft-date-unknown = 日期不详
draft-check-text = 请对照引文逐项核对。确认后所有内容作为一次修改写入（可用 /data undo 撤销）；确认前不写入任何内容。
draft-on-record = 已记录为 #{ $id }：确认后将本报道添加为其来源。
draft-level-unknown = 级别不详
draft-places = 地点：{ $places }
draft-size = { $n } 人
draft-visit-field = 访问 { $n }
draft-no-date = 无日期
draft-outcomes-field = 成果（记录为已签署，关联到该访问）
draft-new-officials-field = 新官员（确认时添加）
draft-no-title = 无职务
draft-check-field = 请核对
draft-removed = 已删除 { $n } 行无关内容（垃圾信息、模板文字、图片说明），例如：{ $example }
draft-confirm-prompt = 确认后将记录此草稿。
draft-confirm-adds-source = 确认后将把本报道添加为 { $ids } 的来源，而不再重复记录该访问。

## 修正

draft-nothing-to-correct = { $reason }没有可修正的草稿访问；请用 /record visit add 记录。
draft-no-visit-given = 报道中没有访问。
draft-start-with-end = 给出结束日期时也请给出访问的开始日期，例如 start:2024-05-29。
draft-leader-empty = `leader` 需要填写姓名，例如 leader:"Liu Xiaoming"。

## 确认

draft-no-visit-in-draft = 草稿中没有可记录的访问。
draft-visit-not-begun = 此访问于今天之后的 { $start } 开始：请在当天或之后确认草稿，或加上 force:true 现在就记录为计划中的访问。
draft-fix-with-edit = { $error }请用“编辑”修正草稿的{ $field }。
draft-bad-date = 草稿的{ $field }（{ $value }）：{ $error }
draft-skipped-no-start = 由{ $leader }率领的访问没有开始日期；请用 /record visit add 添加。
draft-unnamed-leader = 未具名的团长
draft-skipped-no-province = 没有省份的访问未记录。
draft-skipped-visit-on-record = 该访问已记录为访问 #{ $id }；如需将报道添加为来源，请提供报道的 url:。
draft-skipped-meeting-no-date = 报道中 { $officials } 的会见没有日期；请用 /record meeting add 添加。
draft-skipped-meeting-on-record = { $date } 的会见已记录为会见 #{ $id }。
draft-skipped-forum-no-date = 报道中论坛“{ $name }”没有日期；请用 /record forum add 添加。
draft-skipped-forum-on-record = “{ $name }”已记录为论坛 #{ $id }。
draft-skipped-outcome-on-record = “{ $title }”已记录为成果 #{ $id }。
draft-recorded-title = 草稿已记录
draft-recorded = 已记录：{ $parts }。
draft-undo-all = 可用 /data undo 全部撤销。
draft-sentences = { $first }{ $second }
draft-recorded-visits = 访问 { $ids }
draft-recorded-sources = 本报道已添加为来源的访问 { $ids }
draft-recorded-meetings = 会见 { $ids }
draft-recorded-forums = 论坛 { $ids }
draft-recorded-outcomes = 成果 { $ids }
draft-recorded-officials = 新官员 { $ids }
draft-recorded-nothing = 无新内容
