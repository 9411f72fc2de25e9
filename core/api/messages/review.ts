import { defineApiMessages } from './define';

/** Submitting for review and reviewing. */
export const reviewMessages = defineApiMessages({
  'error.reviewLessonNotReady': {
    en: 'Only a lesson marked ready (or returned by a reviewer and marked ready again) can be submitted; this one is {status}.',
    zh: '只有标记为“可提交”的经验（或被审核人退回后再次标记为“可提交”）才能提交；这条经验当前为“{status}”。',
  },
  'error.reviewNoSuchSubmission': { en: 'There is no submission {id} on this device.', zh: '此设备上没有编号为 {id} 的提交。' },
  'error.reviewNotManager': { en: 'Only knowledge managers review and publish submissions.', zh: '只有知识管理员可以审核和发布提交内容。' },
  'error.reviewFinal': { en: '“{title}” is already {status}; it can no longer change.', zh: '“{title}”已{status}，不能再更改。' },
  'error.reviewNeedsNote': { en: 'Say what the author should change (or why it is rejected).', zh: '请说明作者需要修改什么（或拒绝的原因）。' },
  'error.reviewNotMergeable': {
    en: 'Article {id} was not published from review, so submissions cannot be added to it (content packs are changed by publishing a new pack version). Publish them as a new article instead.',
    zh: '文章 {id} 不是经审核发布的，不能向其添加提交内容（内容包的内容通过发布新版本内容包来更改）。请改为发布为新文章。',
  },
  'error.reviewNotWithdrawable': {
    en: 'Article {id} was not published from review on this device’s knowledge base, so it cannot be withdrawn here (content packs are changed by publishing a new pack version).',
    zh: '文章 {id} 不是经审核发布的，不能在此撤回（内容包的内容通过发布新版本内容包来更改）。',
  },
  'error.reviewPictureNotFromSources': {
    en: 'The article text shows a picture ({name}) that is not one of its sources’ pictures; only their pictures travel with the article. Take it out of the text.',
    zh: '文章正文中的图片（{name}）不属于其来源的图片；只有来源中的图片会随文章发布。请从正文中删除该图片。',
  },
  'error.reviewNotEditable': {
    en: 'Article {id} was not published from review, so it is not changed here (content packs are changed by publishing a new pack version).',
    zh: '文章 {id} 不是经审核发布的，不能在此修改（内容包的内容通过发布新版本内容包来更改）。',
  },
  'error.reviewNoSuchScenario': { en: 'There is no scenario {id}.', zh: '不存在场景 {id}。' },
  'lessonStatus.draft': { en: 'a draft', zh: '草稿' },
  'lessonStatus.ready': { en: 'ready', zh: '可提交' },
  'lessonStatus.submitted': { en: 'submitted', zh: '已提交' },
  'lessonStatus.returned': { en: 'returned', zh: '已退回' },
  'lessonStatus.merged': { en: 'merged', zh: '已合并' },
  'submissionStatus.submitted': { en: 'submitted', zh: '已提交' },
  'submissionStatus.in_review': { en: 'in review', zh: '审核中' },
  'submissionStatus.returned': { en: 'returned', zh: '已退回' },
  'submissionStatus.merged': { en: 'merged', zh: '已合并' },
  'submissionStatus.published': { en: 'published', zh: '已发布' },
  'submissionStatus.rejected': { en: 'rejected', zh: '已拒绝' },
  'review.sources': { en: 'Sources', zh: '来源' },
  'review.part.context': { en: 'Context', zh: '背景' },
  'review.part.problem': { en: 'Problem', zh: '问题' },
  'review.part.action': { en: 'Action', zh: '措施' },
  'review.part.result': { en: 'Result', zh: '结果' },
  'review.part.recommendation': { en: 'Recommendation', zh: '建议' },
  'review.part.pictures': { en: 'Pictures', zh: '图片' },
  'review.sourceLine': { en: '{title} — {author}, submitted {date}', zh: '{title} —— {author}，提交于 {date}' },
});
