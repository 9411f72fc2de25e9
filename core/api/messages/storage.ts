import { defineApiMessages } from './define';

/**
 * What the machine did: a full disk, a read-only medium, a refused permission, a locked or damaged
 * database, a disk that reports errors. Each says what happened and what the user can do. The
 * wording fits both a failed call and a failed start-up ("Fieldbench could not open its data: …").
 */
export const storageMessages = defineApiMessages({
  'error.diskFull': {
    en: 'The disk that holds Fieldbench’s data ({folder}) is full, so nothing more can be saved. Free some space on that disk (empty the trash, move large files elsewhere), then try again.',
    zh: '存放 Fieldbench 数据的磁盘（{folder}）已满，无法再保存任何内容。请在该磁盘上腾出空间（清空回收站、把大文件移到别处），然后重试。',
  },
  'error.noRoomForFile': {
    en: 'There is not enough free space to store “{name}” ({size}) in {folder}, so it was not saved. Free some space on that disk, then try again.',
    zh: '{folder} 所在磁盘的空间不足，无法存储“{name}”（{size}），因此未保存。请在该磁盘上腾出空间，然后重试。',
  },
  'error.fileNotStoredWhole': {
    en: '“{name}” could not be stored whole: the disk kept {written} of its {size} bytes, or not the bytes that were sent, so it was not saved. Check the disk that holds Fieldbench’s data ({folder}), then try again.',
    zh: '“{name}”未能完整存储：磁盘只保存了 {size} 字节中的 {written} 字节，或保存的内容与发送的不一致，因此未保存。请检查存放 Fieldbench 数据的磁盘（{folder}），然后重试。',
  },
  'error.dataReadOnly': {
    en: 'Fieldbench’s data in {folder} cannot be written: the disk, the folder or the database file is read-only, so nothing can be saved. Make them writable (or move the folder to a writable disk), then start Fieldbench again.',
    zh: '无法写入 {folder} 中的 Fieldbench 数据：磁盘、文件夹或数据库文件是只读的，因此无法保存任何内容。请将其设为可写（或把文件夹移到可写的磁盘上），然后重新启动 Fieldbench。',
  },
  'error.folderReadOnly': {
    en: 'Fieldbench’s data folder {folder} is on a read-only disk or mount, so nothing can be saved. Make it writable (or move the folder to a writable disk), then start Fieldbench again.',
    zh: 'Fieldbench 的数据文件夹 {folder} 位于只读的磁盘或挂载点上，因此无法保存任何内容。请将其设为可写（或把文件夹移到可写的磁盘上），然后重新启动 Fieldbench。',
  },
  'error.databaseReadOnly': {
    en: 'The database file {file} is read-only, so nothing can be saved. Make the file writable (clear its read-only attribute or give your account write access), then start Fieldbench again.',
    zh: '数据库文件 {file} 是只读的，因此无法保存任何内容。请将此文件设为可写（取消“只读”属性或为你的账户授予写入权限），然后重新启动 Fieldbench。',
  },
  'error.noPermission': {
    en: 'The system refused Fieldbench access to {path}, so nothing can be saved there. Give your user account permission to read and write Fieldbench’s data folder ({folder}), then try again.',
    zh: '系统拒绝 Fieldbench 访问 {path}，因此无法在那里保存任何内容。请为你的用户账户授予读写 Fieldbench 数据文件夹（{folder}）的权限，然后重试。',
  },
  'error.dataLocked': {
    en: 'Fieldbench’s data in {folder} is locked by another program and stayed locked. Close other copies of Fieldbench and programs that may be using the folder (backup or cloud-sync tools), then try again.',
    zh: '{folder} 中的 Fieldbench 数据被另一个程序锁定且一直未释放。请关闭其他 Fieldbench 窗口以及可能在使用该文件夹的程序（备份或云同步工具），然后重试。',
  },
  'error.dataDamaged': {
    en: 'Fieldbench’s database in {folder} is damaged. Close Fieldbench and start it again so it can check the database. Do not delete the data folder: it holds your work.',
    zh: '{folder} 中的 Fieldbench 数据库已损坏。请关闭 Fieldbench 后重新启动，以便检查数据库。不要删除数据文件夹：其中保存着你的工作。',
  },
  'error.diskError': {
    en: 'The disk that holds Fieldbench’s data ({folder}) reported a read or write error. If the folder is on a removable or network drive, check that it is still connected; then start Fieldbench again.',
    zh: '存放 Fieldbench 数据的磁盘（{folder}）报告了读写错误。如果该文件夹位于移动硬盘或网络驱动器上，请检查它是否仍然连接，然后重新启动 Fieldbench。',
  },
});
