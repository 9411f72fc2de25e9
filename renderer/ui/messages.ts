import { defineMessages } from '../i18n/define';

/** Messages of the shared UI (renderer/ui): save states, dialogs and exports. */
export const uiMessages = defineMessages(
  {
    'save.saving': 'Saving…',
    'save.saved': 'Saved {time}',
    'save.unsaved': 'Unsaved changes',
    'save.notSaved': 'Not saved: {message}',
    'save.retry': 'Retry',
    'export.busy': 'Preparing the document…',
    'export.downloaded': 'Downloaded {name} ({size}).',
    'export.savedTo': 'Saved to {path} ({size}).',
  },
  {
    'save.saving': '正在保存…',
    'save.saved': '已保存 {time}',
    'save.unsaved': '有未保存的更改',
    'save.notSaved': '未保存：{message}',
    'save.retry': '重试',
    'export.busy': '正在生成文档…',
    'export.downloaded': '已下载 {name}（{size}）。',
    'export.savedTo': '已保存到 {path}（{size}）。',
  },
);
