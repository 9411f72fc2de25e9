import { defineApiMessages } from './define';

/**
 * Limits on what a file from outside may expand to: zip packages (a Word document) checked before
 * and while they are unpacked, the worker that reads them, and pictures checked from their header.
 */
export const archiveMessages = defineApiMessages({
  'error.archiveRefused': {
    en: '“{name}” was refused: {why}. Nothing was imported or changed.',
    zh: '“{name}”被拒绝：{why}。没有导入或更改任何内容。',
  },
  'archive.packageTooLarge': { en: 'the file is {size} MB, more than the {max} MB allowed', zh: '文件大小为 {size} MB，超过了允许的 {max} MB' },
  'archive.tooManyEntries': { en: 'it holds {count} parts, more than the {max} allowed', zh: '它包含 {count} 个部件，超过了允许的 {max} 个' },
  'archive.entryTooLarge': {
    en: 'the part “{entry}” expands to {size} MB, more than the {max} MB allowed for one part',
    zh: '部件“{entry}”解压后为 {size} MB，超过了单个部件允许的 {max} MB',
  },
  'archive.totalTooLarge': {
    en: 'its parts expand to {size} MB up to “{entry}”, more than the {max} MB allowed in all',
    zh: '截至部件“{entry}”，解压后共 {size} MB，超过了总共允许的 {max} MB',
  },
  'archive.ratioTooHigh': {
    en: 'the part “{entry}” is compressed {ratio}:1, more than the {max}:1 a real document reaches (a decompression bomb)',
    zh: '部件“{entry}”的压缩比为 {ratio}:1，超过了真实文档可能达到的 {max}:1（解压炸弹）',
  },
  'archive.entryLies': {
    en: 'the part “{entry}” expands to more than the {size} bytes the package declares for it (the file is damaged or crafted)',
    zh: '部件“{entry}”解压后超过了文件为它声明的 {size} 字节（文件已损坏或被篡改）',
  },
  'archive.encrypted': { en: 'the part “{entry}” is encrypted', zh: '部件“{entry}”已加密' },
  'archive.unsupportedMethod': { en: 'the part “{entry}” uses compression method {method}, which is not read', zh: '部件“{entry}”使用了不支持的压缩方式 {method}' },
  'archive.damaged': { en: 'the zip package is damaged ({detail})', zh: 'zip 包已损坏（{detail}）' },
  'error.readTimedOut': {
    en: 'Reading “{name}” took longer than {seconds} s and was stopped. Nothing was imported. Remove large tables or pictures, or split the document, and import it again.',
    zh: '读取“{name}”超过了 {seconds} 秒，已停止。没有导入任何内容。请删除大型表格或图片，或拆分文档后再导入。',
  },
  'error.readOutOfMemory': {
    en: 'Reading “{name}” needed more than the {mb} MB of memory allowed and was stopped. Nothing was imported. Remove large tables or pictures, or split the document, and import it again.',
    zh: '读取“{name}”所需内存超过了允许的 {mb} MB，已停止。没有导入任何内容。请删除大型表格或图片，或拆分文档后再导入。',
  },
  'error.imageTooLarge': {
    en: '“{name}” is a picture of {width} × {height} pixels; pictures may have at most {maxSide} pixels a side and {maxMegapixels} megapixels. Nothing was stored.',
    zh: '“{name}”是 {width} × {height} 像素的图片；图片每边最多 {maxSide} 像素、总共最多 {maxMegapixels} 百万像素。没有存储任何内容。',
  },
  'error.imageSizeUnreadable': {
    en: '“{name}” is a {type} picture whose size cannot be read from its header (the file is damaged). Nothing was stored.',
    zh: '“{name}”是 {type} 图片，但无法从文件头读取其尺寸（文件已损坏）。没有存储任何内容。',
  },
});
