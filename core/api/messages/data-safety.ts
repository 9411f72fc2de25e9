import { defineApiMessages } from './define';

/**
 * Keeping the data folder safe: one process per folder, migration history, backups, and what the
 * user is told when the database is damaged or missing.
 */
export const dataSafetyMessages = defineApiMessages({
  'error.dataFolderInUse': {
    en: 'The data folder {folder} is already in use by {holder} (process {pid} on {hostname}, since {since}). Two programs writing one folder would lose each other’s saves, so this one did not open it. Close the other one, or start this one with another data folder.',
    zh: '数据文件夹 {folder} 已被{holder}使用（{hostname} 上的进程 {pid}，自 {since} 起）。两个程序同时写入一个文件夹会互相丢失保存的内容，因此本程序没有打开它。请关闭另一个程序，或用另一个数据文件夹启动本程序。',
  },
  'error.dataFolderInUseUnknown': {
    en: 'The data folder {folder} is already in use by another Fieldbench. Two programs writing one folder would lose each other’s saves, so this one did not open it. Close the other one, or start this one with another data folder.',
    zh: '数据文件夹 {folder} 已被另一个 Fieldbench 使用。两个程序同时写入一个文件夹会互相丢失保存的内容，因此本程序没有打开它。请关闭另一个程序，或用另一个数据文件夹启动本程序。',
  },
  'error.changedMeanwhile': {
    en: 'This record was changed by another save while yours was being written, so yours was not saved. Reload it and apply your change again.',
    zh: '在写入你的修改时，这条记录已被另一次保存修改，因此你的修改没有保存。请重新加载后再次修改。',
  },
  'error.noMigrationHistory': {
    en: 'The database {file} holds tables but no record of which schema steps were applied to it, so this version cannot tell how to update it safely and did not change it. Restore a backup from Settings → Backups, or move the file away to start with an empty database.',
    zh: '数据库 {file} 中有数据表，但没有记录它应用过哪些结构更新步骤，因此本版本无法判断如何安全地更新它，也没有改动它。请在“设置 → 备份”中恢复一个备份，或把该文件移走以使用空数据库启动。',
  },
  'issue.notBackupId': { en: 'is not the id of a backup', zh: '不是备份的编号' },
  'error.recoveryNeeded': {
    en: 'Fieldbench did not open its database because it needs your decision first: {reason}',
    zh: 'Fieldbench 没有打开它的数据库，因为需要你先做决定：{reason}',
  },
  'recovery.damaged': {
    en: 'the database file {file} is damaged ({detail}). Opening it as it is could lose more of your work.',
    zh: '数据库文件 {file} 已损坏（{detail}）。直接打开它可能丢失更多工作内容。',
  },
  'recovery.missing': {
    en: 'the database file {file} is missing or empty, but the data folder still holds your attachments or backups. Starting with an empty database would hide all of your work.',
    zh: '数据库文件 {file} 不存在或为空，但数据文件夹中仍有你的附件或备份。用空数据库启动会使你的全部工作内容不可见。',
  },
  'notice.indexRebuilt': {
    en: 'Fieldbench found damaged lookup indexes in its database ({indexes}) and rebuilt them. No records were lost; lists that looked incomplete are whole again.',
    zh: 'Fieldbench 发现数据库中的查找索引已损坏（{indexes}），并已重建。没有丢失任何记录；看起来不完整的列表已恢复完整。',
  },
  'notice.integrityDamaged': {
    en: 'The check after the last unexpected shutdown found damage in the database ({detail}). Back up now, then restore an earlier backup from Settings → Backups, or keep working and compare.',
    zh: '上次意外关闭后的检查发现数据库有损坏（{detail}）。请立即备份，然后在“设置 → 备份”中恢复较早的备份，或继续工作并进行比较。',
  },
  'error.backupNotFound': {
    en: 'There is no backup {id} in {folder}; it may have been removed. Choose another one from the list.',
    zh: '{folder} 中没有备份 {id}，它可能已被删除。请从列表中选择另一个备份。',
  },
  'error.backupNotWhole': {
    en: 'The backup {id} cannot be read whole ({detail}), so it was not restored and nothing changed. Choose another backup.',
    zh: '备份 {id} 无法完整读取（{detail}），因此没有恢复，也没有任何改动。请选择另一个备份。',
  },
  'error.backupFromNewerVersion': {
    en: 'The backup {id} was made by a newer Fieldbench (schema {found}; this version knows {known}), so it was not restored. Update Fieldbench, then restore it.',
    zh: '备份 {id} 由较新版本的 Fieldbench 创建（结构版本 {found}；本版本支持到 {known}），因此没有恢复。请先更新 Fieldbench 再恢复。',
  },
  'error.notInRecovery': {
    en: 'The database is healthy, so there is nothing to rescue. To go back to a backup, use Settings → Backups.',
    zh: '数据库是健康的，无需抢救。如需回到某个备份，请使用“设置 → 备份”。',
  },
});
