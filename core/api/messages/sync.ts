import { defineApiMessages } from './define';

/** Sync with the central repository: enrolment, a sync that could not finish, conflicts. */
export const syncMessages = defineApiMessages({
  'issue.notServerUrl': { en: 'is not a server address (https://… or http://…, without a user name, query or #)', zh: '不是服务器地址（https://… 或 http://…，不含用户名、查询参数或 #）' },
  'issue.unprintableName': { en: 'may not contain tabs, line breaks or other control characters', zh: '不能包含制表符、换行符或其他控制字符' },
  'issue.serverUrlNotHttps': {
    en: 'must start with https:// (http:// is only for a server on this computer): over http your password and work would cross the network unencrypted',
    zh: '必须以 https:// 开头（http:// 仅用于本机上的服务器）：使用 http 时，你的密码和工作内容会在网络上以明文传输',
  },
  'error.syncNotEnrolled': {
    en: 'This device is not connected to a central repository yet. Connect it on the Sync screen with your user name and password.',
    zh: '此设备尚未连接中央知识库。请在“同步”页面用你的用户名和密码连接。',
  },
  'error.syncAlreadyEnrolled': {
    en: 'This device is already connected as {user} to {server}. Disconnect it first to connect another account.',
    zh: '此设备已以 {user} 的身份连接到 {server}。要连接其他账户，请先断开连接。',
  },
  'error.syncOtherUser': {
    en: 'This data folder holds the work of {user}; it cannot be connected as {other}. Use a new data folder for another account.',
    zh: '此数据文件夹保存的是 {user} 的工作，不能以 {other} 的身份连接。其他账户请使用新的数据文件夹。',
  },
  'error.syncUnreachable': {
    en: 'The central repository at {server} could not be reached ({reason}). {then}',
    zh: '无法连接中央知识库 {server}（{reason}）。{then}',
  },
  'error.syncUnknownHost': {
    en: 'The server name in {server} could not be found. Check the address, and that this computer is on the network or VPN that reaches it. {then}',
    zh: '找不到 {server} 中的服务器名称。请检查地址，并确认本机已连接到能访问该服务器的网络或 VPN。{then}',
  },
  'error.syncCertificate': {
    en: 'The server at {server} could not prove who it is: this computer does not trust its certificate ({reason}). Nothing was sent. Tell your administrator; on hotel or guest Wi-Fi, sign in to the network first, since its sign-in page can stand in the way.',
    zh: '{server} 处的服务器无法证明其身份：本机不信任其证书（{reason}）。没有发送任何内容。请告知管理员；如使用酒店或访客 Wi-Fi，请先完成网络登录，其登录页面可能拦截了连接。',
  },
  'error.syncNotFieldbench': {
    en: 'What answered at {server} is not a Fieldbench repository ({reason}). Check the address your administrator gave you; on hotel or guest Wi-Fi, sign in to the network first, since its sign-in page can answer in the server’s place. {then}',
    zh: '{server} 处应答的不是 Fieldbench 中央知识库（{reason}）。请检查管理员提供的地址；如使用酒店或访客 Wi-Fi，请先完成网络登录，其登录页面可能代替服务器作答。{then}',
  },
  'error.syncRedirected': {
    en: '{server} sent the request on to another address, which a Fieldbench repository never does. On hotel or guest Wi-Fi, sign in to the network first (its sign-in page does this); otherwise check the address your administrator gave you, which may need https://. {then}',
    zh: '{server} 把请求转到了另一个地址，而 Fieldbench 中央知识库从不这样做。如使用酒店或访客 Wi-Fi，请先完成网络登录（其登录页面会这样做）；否则请检查管理员提供的地址，可能需要使用 https://。{then}',
  },
  'error.syncSignIn': { en: 'The user name or password was not accepted by {server}.', zh: '{server} 不接受该用户名或密码。' },
  'error.syncRateLimited': {
    en: 'Too many sign-in attempts; the server accepts the next one in {minutes} minutes.',
    zh: '登录尝试次数过多；服务器将在 {minutes} 分钟后接受下一次尝试。',
  },
  'error.syncRevoked': {
    en: 'The server no longer accepts this device (it was revoked, or the account was disabled). Your work is kept here; ask an administrator, then connect again.',
    zh: '服务器不再接受此设备（设备已被吊销或账户已停用）。你的工作仍保存在本机；请联系管理员，然后重新连接。',
  },
  'error.syncTokenUnreadable': {
    en: 'This device cannot read the sign-in it keeps for the central repository (the data folder came from another computer, or the system keychain was reset). Your work is kept here: disconnect on the Sync screen, then connect again with your user name and password (“Disconnect this device…” is at the foot of that screen).',
    zh: '此设备无法读取其为中央知识库保存的登录凭据（数据文件夹来自另一台电脑，或系统钥匙串已重置）。你的工作仍保存在本机：请在“同步”页面断开连接，然后用用户名和密码重新连接（“断开此设备…”位于该页面底部）。',
  },
  'error.syncForbidden': { en: 'The server refused this sync: {reason}', zh: '服务器拒绝了此次同步：{reason}' },
  'error.syncClockDrift': {
    en: "This device's clock differs from the server's by {minutes} minutes. Set the date and time correctly (automatic time is best), then sync again.",
    zh: '此设备的时钟与服务器相差 {minutes} 分钟。请正确设置日期和时间（最好开启自动对时），然后再同步。',
  },
  'error.syncUpgrade': { en: 'The server speaks a newer sync protocol. Update Fieldbench, then sync again.', zh: '服务器使用更新的同步协议。请更新 Fieldbench 后再同步。' },
  'error.syncServer': { en: 'The central repository answered with an error ({status}: {reason}). {then}', zh: '中央知识库返回错误（{status}：{reason}）。{then}' },
  'error.syncTooLarge': {
    en: 'The central repository at {server}, or a proxy in front of it, refused a request as too large ({reason}). Ask its administrator to accept requests of up to 40 MB (nginx: client_max_body_size 40m). {then}',
    zh: '{server} 处的中央知识库或其前面的代理以请求过大为由拒绝了请求（{reason}）。请管理员允许最大 40 MB 的请求（nginx：client_max_body_size 40m）。{then}',
  },
  'error.syncChangeTooLarge': {
    en: 'A change to one record ({record}, {size} MB) is larger than the central repository, or a proxy in front of it, accepts in one request. Ask its administrator to accept requests of up to 40 MB (nginx: client_max_body_size 40m). Everything before it was sent; it and the changes after it are kept here and go at the next sync once the limit is raised.',
    zh: '一项记录（{record}，{size} MB）的更改超过了中央知识库或其前面的代理在单个请求中接受的大小。请管理员允许最大 40 MB 的请求（nginx：client_max_body_size 40m）。此前的更改已发送；这项更改及其后的更改保存在本机，上限调高后会在下次同步时发送。',
  },
  'error.syncNotHttps': {
    en: 'The server at {server} does not answer over HTTPS ({reason}). A server on this computer that has no certificate is reached with http:// (for example http://127.0.0.1:8787); any other server must be set up for HTTPS: tell your administrator. {then}',
    zh: '{server} 处的服务器不以 HTTPS 应答（{reason}）。本机上未配置证书的服务器请用 http:// 访问（例如 http://127.0.0.1:8787）；其他服务器必须配置 HTTPS，请告知管理员。{then}',
  },
  /** What follows a failure to reach the repository: during a sync, the work waits here; while connecting, nothing happened yet. */
  'error.syncThenKept': { en: 'Your work is kept here and syncs when the server can be reached.', zh: '你的工作已保存在本机，服务器可以连接时会自动同步。' },
  'error.syncThenPublish': { en: 'Nothing was published.', zh: '没有发布任何内容。' },
  'error.syncThenConnect': { en: 'This device is not connected yet: connect again once this is sorted out.', zh: '此设备尚未连接：问题解决后请重新连接。' },
  'error.syncBadAnswer': { en: 'The central repository sent an answer this version cannot read ({reason}). Nothing from it was applied.', zh: '中央知识库返回了此版本无法读取的应答（{reason}），没有应用其中任何内容。' },
  'error.syncInterrupted': {
    en: 'This sync did not finish: Fieldbench closed, the computer shut down, or the disk was too full to record how it ended. Nothing acknowledged was lost; the next sync carries on from where it stopped.',
    zh: '此次同步未完成：Fieldbench 已关闭、计算机已关机，或磁盘已满、无法记录其结果。已确认的内容没有丢失，下一次同步会从中断处继续。',
  },
  'error.syncRunning': { en: 'A sync is already running; it reports its progress in the status bar.', zh: '同步正在进行中，进度显示在状态栏。' },
  'error.syncNoSuchRun': { en: 'There is no sync run {id}.', zh: '不存在编号为 {id} 的同步记录。' },
  'error.syncNotConfirmable': { en: 'Sync run {id} is not waiting for confirmation.', zh: '同步记录 {id} 不在等待确认。' },
  'error.syncNothingToRollBack': { en: 'Sync run {id} changed nothing on this device, so there is nothing to roll back.', zh: '同步记录 {id} 没有改动本机数据，无需回滚。' },
  'error.syncNoSuchConflict': { en: 'There is no open conflict {id}.', zh: '不存在未解决的冲突 {id}。' },
  'error.syncNotInTeam': {
    en: 'This account is not a member of the team “{team}” (as of the last sync). Sync, or ask an administrator to add you.',
    zh: '此账号不是团队“{team}”的成员（以上次同步为准）。请先同步，或请管理员将您加入该团队。',
  },
  'error.syncSharedElsewhere': { en: 'This customer is already shared ({space}); a share is not moved again.', zh: '此客户已共享（{space}）；共享后不能再移动。' },
  'error.syncNotEncrypted': {
    en: 'This device is connected to {server} over plain http, which would send your work across the network unencrypted. Nothing was sent. Disconnect this device and connect it again with the https:// address; your work stays on this device.',
    zh: '此设备通过未加密的 http 连接到 {server}，你的工作内容会以明文在网络上传输。本次没有发送任何内容。请断开此设备，再用 https:// 地址重新连接；你的工作会保留在本设备上。',
  },
  'error.syncHeldSpace': {
    en: 'Changes to {space} stay on this device: this account may no longer write there (it left the team, or its role changed).',
    zh: '对 {space} 的更改保留在本设备上：此账号已无权写入（已离开该团队或角色已变更）。',
  },
  'error.syncHeldTeam': {
    en: 'Changes to the records of the team “{team}” stay on this device: this account is no longer a member of it. An administrator can add it to the team again.',
    zh: '对团队“{team}”记录的更改保留在本设备上：此账号已不是该团队的成员。管理员可以将其重新加入该团队。',
  },
  'error.syncHeldPublished': {
    en: 'Changes to the published knowledge stay on this device: this account may no longer publish (its role changed).',
    zh: '对已发布知识的更改保留在本设备上：此账号已无权发布（角色已变更）。',
  },
  'error.syncFileGoneHere': {
    en: 'The file “{name}” is no longer in this device’s attachments folder ({folder}), so it cannot be sent; other devices show it as not available until a device that has it syncs.',
    zh: '文件“{name}”已不在本设备的附件文件夹（{folder}）中，无法发送；在拥有该文件的设备同步之前，其他设备会显示该文件不可用。',
  },
  'error.syncFileDamagedHere': {
    en: 'The copy of “{name}” in this device’s attachments folder ({folder}) is damaged: its bytes are no longer those that were attached, so it is not sent.',
    zh: '本设备附件文件夹（{folder}）中的“{name}”已损坏：其内容已不是附加时的内容，因此不会发送。',
  },
  'error.syncFileFailed': { en: 'The file “{name}” could not be transferred ({reason}); it is tried again at the next sync.', zh: '文件“{name}”传输失败（{reason}）；下次同步时会重试。' },
  // Why one synced record was refused, left waiting or only partly applied (the sync history's items).
  // The record itself is named beside it; {field} is a field's name in the forms (core/sync/record-words.ts).
  'syncItem.text': { en: '{text}', zh: '{text}' },
  'syncItem.unknownTable': { en: 'this version does not sync “{table}”', zh: '此版本不同步“{table}”' },
  'syncItem.wrongSpace': { en: 'a record of this kind does not belong in {space}', zh: '此类记录不属于 {space}' },
  'syncItem.badRowName': { en: '“{row}” does not name a record of this kind', zh: '“{row}”不是此类记录的有效标识' },
  'syncItem.keyMismatch': { en: 'its {field} does not match the record it names', zh: '其{field}与所指记录不符' },
  'syncItem.livesElsewhere': { en: 'this record lives in {space}, not {from}', zh: '此记录属于 {space}，而不是 {from}' },
  'syncItem.articleElsewhere': { en: 'its article lives in {space}', zh: '其所属文章位于 {space}' },
  'syncItem.badClock': { en: 'its sync timestamp cannot be used: {reason}', zh: '其同步时间戳无法使用：{reason}' },
  'syncItem.clockAhead': {
    en: "it was written on a device whose clock is {minutes} minutes ahead of this device's (at most {most} are accepted)",
    zh: '它来自一台时钟比本设备快 {minutes} 分钟的设备（最多接受 {most} 分钟）',
  },
  'syncItem.unknownField': { en: 'this version does not sync the field “{field}”', zh: '此版本不同步字段“{field}”' },
  'syncItem.fieldEmpty': { en: 'the {field} may not be empty', zh: '{field}不能为空' },
  'syncItem.fieldNotWhole': { en: 'the {field} must be a whole number', zh: '{field}必须是整数' },
  'syncItem.fieldNotText': { en: 'the {field} must be text', zh: '{field}必须是文本' },
  'syncItem.fieldNotJson': { en: 'the {field} is not valid JSON', zh: '{field}不是有效的 JSON' },
  'syncItem.fieldShape': { en: 'the {field} does not have the shape this version reads ({problem})', zh: '{field}的结构不符合此版本的要求（{problem}）' },
  'syncItem.fieldNotRichText': { en: 'the {field} is not a rich-text document', zh: '{field}不是有效的富文本文档' },
  'syncItem.sectionNotRichText': { en: 'section {number} of the {field} is not a rich-text document', zh: '{field}的第 {number} 节不是有效的富文本文档' },
  'syncItem.fieldsLeftOut': { en: 'left out what this version does not know: {fields}', zh: '已略过此版本不认识的字段：{fields}' },
  'syncItem.shareMalformed': { en: 'a share names one team space and nothing else', zh: '共享只能指定一个团队空间，不能附带其他内容' },
  'syncItem.shareNotPersonal': { en: 'only records of a personal space are shared', zh: '只有个人空间中的记录可以共享' },
  'syncItem.shareNotTeamKind': { en: 'records of this kind are not shared with a team', zh: '此类记录不与团队共享' },
  'syncItem.sharedWith': { en: 'shared with {team}', zh: '已共享给 {team}' },
  'syncItem.databaseRules': { en: "refused by this database's rules: {reason}", zh: '不符合本机数据库的规则：{reason}' },
  'syncItem.packArticleNewer': { en: 'this device has a newer version of the article from its content pack', zh: '本设备的内容包中有这篇文章的更新版本' },
  'syncItem.packNewer': { en: 'this device has version {stored} from its content pack (this is version {incoming})', zh: '本设备的内容包中是第 {stored} 版（收到的是第 {incoming} 版）' },
  'syncItem.waitingForParent': { en: 'waiting for the rest of the record or its parent', zh: '正在等待该记录的其余部分或其上级记录' },
});
