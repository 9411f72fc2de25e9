import { defineApiMessages } from './define';

/** Field notes and lessons. */
export const noteMessages = defineApiMessages({
  'issue.notEngagementOfSession': { en: 'is not the engagement of this assessment session', zh: '不是该评估所属的项目' },
  'issue.questionNeedsSession': { en: 'needs the sessionId of the assessment it belongs to', zh: '需要提供所属评估的 sessionId' },
  'issue.notesOfDifferentEngagements': { en: 'names notes of different engagements; codify notes of one engagement at a time', zh: '包含不同项目的笔记；每次只能提炼同一项目的笔记' },
  'issue.requiredForReady': { en: 'must not be empty for a ready lesson', zh: '标记为就绪的经验不能缺少此项' },
  'error.noteChangedElsewhere': {
    en: 'This note was changed elsewhere at {at} after the version you edited ({base}); reload it before saving, so neither version is lost.',
    zh: '这条笔记在你编辑的版本（{base}）之后于 {at} 在别处被修改；请重新加载后再保存，以免任何一方的修改丢失。',
  },
  'error.lessonChangedElsewhere': {
    en: 'This lesson was changed elsewhere at {at} after the version you edited ({base}); your edits are still in the form — copy what you need, reload, and save again.',
    zh: '这条经验在你编辑的版本（{base}）之后于 {at} 在别处被修改；你的修改仍在表单中——请复制需要的内容，重新加载后再保存。',
  },
  'error.notesNotFound': { en: 'No note with id {ids} on this device.', zh: '此设备上没有编号为 {ids} 的笔记。' },
  'error.lessonSubmitted': { en: 'This lesson is submitted for review; it can no longer be changed on this device.', zh: '该经验已提交审核，不能再在此设备上修改。' },
  'error.lessonMerged': { en: 'This lesson was merged by a knowledge manager; it can no longer be changed on this device.', zh: '该经验已被知识经理合并，不能再在此设备上修改。' },
  'error.lessonNotReady': { en: 'A lesson can be marked ready only when these are filled in: {fields}.', zh: '经验需要先填写以下内容才能标记为就绪：{fields}。' },
  'lessonField.title': { en: 'title', zh: '标题' },
  'lessonField.problem': { en: 'problem', zh: '问题' },
  'lessonField.action': { en: 'action', zh: '行动' },
  'lessonField.recommendation': { en: 'recommendation', zh: '建议' },
});
