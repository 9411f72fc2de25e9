import { defineApiMessages } from './define';

export const assessmentMessages = defineApiMessages({
  'error.definitionMissing': { en: 'Assessment definition "{id}" version {version} is not on this device.', zh: '此设备上没有评估定义“{id}”的第 {version} 版。' },
  'error.definitionNotOnDevice': { en: 'No assessment definition "{id}" on this device.', zh: '此设备上没有评估定义“{id}”。' },
  'error.assessmentEngagementGone': { en: 'The engagement of assessment "{id}" no longer exists.', zh: '评估“{id}”所属的项目已不存在。' },
  'error.assessmentCompleted': { en: 'This assessment was completed on {at} and can no longer be changed.', zh: '该评估已于 {at} 完成，不能再修改。' },
  'error.assessmentCompletedMeanwhile': { en: 'This assessment was completed meanwhile.', zh: '该评估刚刚已被完成。' },
  'error.questionNotInDefinition': { en: 'Question "{question}" is not part of "{definition}" version {version}.', zh: '问题“{question}”不属于“{definition}”第 {version} 版。' },
  'error.answerRefused': { en: '“{question}”: {problem}.', zh: '“{question}”：{problem}。' },
  'error.answerChangedElsewhere': {
    en: 'The answer to “{question}” was changed in another window or tab (or by a sync) after you started editing it; both answers are kept until you choose one.',
    zh: '在你开始编辑后，“{question}”的答案已在其他窗口或标签页（或同步）中被修改；两个答案都会保留，直到你选择其一。',
  },
  'error.answerNoteChangedElsewhere': {
    en: 'The note on “{question}” was changed in another window or tab (or by a sync) after you started editing it; both notes are kept until you choose one.',
    zh: '在你开始编辑后，“{question}”的备注已在其他窗口或标签页（或同步）中被修改；两份备注都会保留，直到你选择其一。',
  },
  'error.alreadyNewest': { en: 'This assessment already uses the newest version ({version}) of "{id}".', zh: '该评估已在使用“{id}”的最新版本（第 {version} 版）。' },
  'error.versionNotNewer': { en: 'Version {to} is not newer than the version this assessment uses ({from}).', zh: '第 {to} 版并不比该评估正在使用的版本（第 {from} 版）新。' },
  'error.requiredUnanswered': { en: 'Answer the required questions before completing: {questions}.', zh: '完成前请先回答必答问题：{questions}。' },
  'error.signatureNotPng': { en: 'The signature is not a PNG image; draw it again.', zh: '签名不是 PNG 图片，请重新签名。' },

  'answer.questionRemoved': { en: 'the question was removed', zh: '该问题已被删除' },
  /** A reason stored as plain English text by versions before messages were keyed. */
  'answer.storedReason': { en: '{reason}', zh: '{reason}' },
  'answer.chooseOne': { en: 'choose one of the options', zh: '请选择一个选项' },
  'answer.notAnOption': { en: '"{value}" is not one of the options', zh: '“{value}”不是可选项' },
  'answer.chooseAny': { en: 'choose any of the options', zh: '请从选项中选择' },
  'answer.chosenTwice': { en: 'an option is chosen twice', zh: '同一选项被选了两次' },
  'answer.scaleWhole': { en: 'choose a whole number from {min} to {max}', zh: '请选择 {min} 到 {max} 之间的整数' },
  'answer.outsideScale': { en: '{value} is outside the scale {min}–{max}', zh: '{value} 超出了 {min}–{max} 的范围' },
  'answer.yesNo': { en: 'answer yes or no', zh: '请回答是或否' },
  'answer.enterNumber': { en: 'enter a number', zh: '请输入数字' },
  'answer.wholeNumber': { en: 'enter a whole number', zh: '请输入整数' },
  'answer.belowMin': { en: '{value} is below the minimum {min}', zh: '{value} 小于最小值 {min}' },
  'answer.aboveMax': { en: '{value} is above the maximum {max}', zh: '{value} 大于最大值 {max}' },
  'answer.enterText': { en: 'enter text', zh: '请输入文字' },
  'answer.textTooLong': { en: 'the text is {length} characters long; at most {max}', zh: '文字有 {length} 个字符，最多 {max} 个' },
  'answer.enterDate': { en: 'enter a date as YYYY-MM-DD', zh: '请按 YYYY-MM-DD 输入日期' },
  'answer.notRealDate': { en: '{value} is not a real date', zh: '{value} 不是真实存在的日期' },
  'answer.evidenceList': { en: 'evidence must be a list of stored attachments', zh: '证据必须是已存附件的列表' },
  'answer.tooManyFiles': { en: 'at most {max} files per question', zh: '每个问题最多 {max} 个文件' },
});
