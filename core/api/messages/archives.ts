import { defineApiMessages } from './define';

/** Files that would expand beyond what the app reads (zip bombs and their relatives), and reading that ran too long. */
export const archiveMessages = defineApiMessages({
  'archive.tooManyEntries': {
    en: '“{name}” holds {figure} parts inside; at most {max} are read, so it was not imported.',
    zh: '“{name}”内含 {figure} 个部分；最多读取 {max} 个，因此没有导入。',
  },
  'archive.entryTooLarge': {
    en: '“{name}”: its part {entry} expands to {figure} MB; at most {max} MB per part are read, so it was not imported.',
    zh: '“{name}”：其中的部分 {entry} 解压后为 {figure} MB；每个部分最多读取 {max} MB，因此没有导入。',
  },
  'archive.totalTooLarge': {
    en: '“{name}” expands to more than {max} MB in all (reached at {entry}), more than is read from one file, so it was not imported.',
    zh: '“{name}”解压后总计超过 {max} MB（到 {entry} 时已超出），超过单个文件的读取上限，因此没有导入。',
  },
  'archive.ratio': {
    en: '“{name}”: its part {entry} expands {figure} times its packed size (at most {max} times is read) — the way a “zip bomb” does — so it was not imported.',
    zh: '“{name}”：其中的部分 {entry} 解压后是压缩大小的 {figure} 倍（最多读取 {max} 倍）——这是“压缩炸弹”的特征——因此没有导入。',
  },
  'archive.sizeLie': {
    en: '“{name}”: its part {entry} expands beyond the {declared} bytes it declares, so the file is damaged or crafted; it was not imported.',
    zh: '“{name}”：其中的部分 {entry} 解压后超过其声明的 {declared} 字节，文件已损坏或被篡改，因此没有导入。',
  },
  'archive.tooSlow': {
    en: 'Reading “{name}” took longer than {seconds} s, the limit for one document, so it was stopped and nothing was imported.',
    zh: '读取“{name}”超过了单个文档的 {seconds} 秒时限，已停止，没有导入任何内容。',
  },
  'archive.tooMuchMemory': {
    en: 'Reading “{name}” needed more than {mb} MB of memory, the limit for one document, so it was stopped and nothing was imported.',
    zh: '读取“{name}”所需内存超过单个文档的 {mb} MB 上限，已停止，没有导入任何内容。',
  },
  'archive.imageTooLarge': {
    en: '“{name}” is a picture of {width} × {height} pixels; pictures may have at most {max} million pixels (a larger one can stall any screen that shows it), so it was not stored.',
    zh: '“{name}”是一张 {width} × {height} 像素的图片；图片最多 {max} 百万像素（更大的图片会拖垮显示它的界面），因此没有存储。',
  },
});
