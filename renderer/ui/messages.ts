import { defineMessages } from '../i18n/define';

/** Messages of the shared UI (renderer/ui): save states and dialogs. */
export const uiMessages = defineMessages(
  {
    'save.saving': 'Saving…',
    'save.saved': 'Saved {time}',
    'save.unsaved': 'Unsaved changes',
    'save.notSaved': 'Not saved: {message}',
    'save.retry': 'Retry',
  },
  {
    'save.saving': '正在保存…',
    'save.saved': '已保存 {time}',
    'save.unsaved': '有未保存的更改',
    'save.notSaved': '未保存：{message}',
    'save.retry': '重试',
  },
);
