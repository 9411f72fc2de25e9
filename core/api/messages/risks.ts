import { defineApiMessages } from './define';

export const riskMessages = defineApiMessages({
  'issue.notSessionOfEngagement': { en: 'is not an assessment of this engagement', zh: '不是该项目的评估' },
  'notice.unknownChecklist': { en: 'No risk checklist "{checklist}" on this device.', zh: '此设备上没有风险清单“{checklist}”。' },
  'notice.unknownChecklistItem': { en: 'Checklist "{checklist}" has no item "{item}".', zh: '清单“{checklist}”中没有条目“{item}”。' },
  'notice.listedTwice': { en: '“{title}” was listed more than once; it was added once.', zh: '“{title}”被列出了多次，只添加了一次。' },
  'notice.alreadyInRegister': { en: "“{title}” is already in this engagement's risk register.", zh: '“{title}”已在该项目的风险登记册中。' },
});
