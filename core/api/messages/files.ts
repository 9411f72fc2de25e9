import { defineApiMessages } from './define';

/** Attachments, exports and imported files. */
export const fileMessages = defineApiMessages({
  'error.fileEmpty': { en: '"{name}" is empty; nothing was attached.', zh: '“{name}”是空文件，未添加附件。' },
  'error.fileTooLarge': { en: '"{name}" is {size} MB; attachments can be at most {max} MB.', zh: '“{name}”大小为 {size} MB，附件最大 {max} MB。' },
  'error.logoNotPngOrJpeg': { en: '"{name}" is a picture, but a logo must be a PNG or JPEG file.', zh: '“{name}”是图片，但标志须为 PNG 或 JPEG 文件。' },
  'error.notAnImage': {
    en: '"{name}" is named or typed as an image, but its content is not a PNG, JPEG, GIF or WebP image.',
    zh: '“{name}”的名称或类型表明它是图片，但内容不是 PNG、JPEG、GIF 或 WebP 图片。',
  },
  'error.fileNotStored': { en: 'The file {sha}… is not stored on this device.', zh: '此设备上没有存储文件 {sha}…。' },
  'error.noPdfHere': {
    en: 'This host cannot make PDF files itself: open the print view and choose Print / Save as PDF.',
    zh: '当前运行环境无法直接生成 PDF：请打开打印视图，选择“打印 / 另存为 PDF”。',
  },
});
