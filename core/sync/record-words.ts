import type { Localized } from '../i18n';

/**
 * Synced records and their fields in the words of the app's forms, in both languages: the sync
 * screens (conflicts, the history, the preview) and the reasons a synced change was refused name
 * them so, never by table and column names.
 */
const KINDS: Readonly<Record<string, Localized>> = {
  scenarios: { en: 'Scenario', zh: '场景' },
  kb_articles: { en: 'Article', zh: '知识库文章' },
  kb_article_texts: { en: 'Article text', zh: '文章正文' },
  assessment_definitions: { en: 'Questionnaire', zh: '评估问卷' },
  risk_checklists: { en: 'Risk checklist', zh: '风险清单' },
  poc_templates: { en: 'POC template', zh: 'POC 模板' },
  glossary_entries: { en: 'Glossary term', zh: '术语' },
  customers: { en: 'Customer', zh: '客户' },
  customer_contacts: { en: 'Contact', zh: '联系人' },
  engagements: { en: 'Engagement', zh: '项目' },
  assessment_sessions: { en: 'Assessment', zh: '评估' },
  assessment_answers: { en: 'Answer', zh: '评估答案' },
  risk_items: { en: 'Risk', zh: '风险' },
  field_notes: { en: 'Note', zh: '现场笔记' },
  lessons: { en: 'Lesson', zh: '经验' },
  proposals: { en: 'Proposal', zh: '方案' },
  proposal_versions: { en: 'Proposal version', zh: '方案版本' },
  attachment_links: { en: 'Attached file', zh: '附件' },
  submissions: { en: 'Submission', zh: '提交' },
  // Not records: what a sync item names when a file did not transfer, or a space's changes wait.
  attachments: { en: 'File', zh: '文件' },
  sync: { en: 'Space', zh: '空间' },
};

const FIELDS: Readonly<Record<string, Localized>> = {
  title: { en: 'title', zh: '标题' },
  name: { en: 'name', zh: '名称' },
  kind: { en: 'type', zh: '类型' },
  industry: { en: 'industry', zh: '行业' },
  region: { en: 'region', zh: '地区' },
  notes: { en: 'notes', zh: '备注' },
  role: { en: 'role', zh: '职务' },
  email: { en: 'email', zh: '邮箱' },
  phone: { en: 'phone', zh: '电话' },
  stage: { en: 'stage', zh: '阶段' },
  scenarios: { en: 'scenarios', zh: '场景' },
  team: { en: 'team', zh: '团队' },
  start_date: { en: 'start date', zh: '开始日期' },
  end_date: { en: 'end date', zh: '结束日期' },
  time_zone: { en: 'time zone', zh: '时区' },
  status: { en: 'status', zh: '状态' },
  signoff: { en: 'sign-off', zh: '签核' },
  value: { en: 'answer', zh: '答案' },
  note: { en: 'note', zh: '备注' },
  description: { en: 'description', zh: '描述' },
  category: { en: 'category', zh: '类别' },
  likelihood: { en: 'likelihood', zh: '可能性' },
  impact: { en: 'impact', zh: '影响' },
  owner: { en: 'owner', zh: '负责人' },
  due_date: { en: 'due date', zh: '截止日期' },
  mitigation: { en: 'mitigation', zh: '应对措施' },
  articles: { en: 'linked articles', zh: '关联文章' },
  body_json: { en: 'body', zh: '正文' },
  tags: { en: 'tags', zh: '标签' },
  context: { en: 'context', zh: '背景' },
  problem: { en: 'problem', zh: '问题' },
  action: { en: 'action', zh: '措施' },
  result: { en: 'result', zh: '结果' },
  recommendation: { en: 'recommendation', zh: '建议' },
  status_reason: { en: 'reason for the status', zh: '状态原因' },
  pricing: { en: 'pricing', zh: '报价' },
  timeline: { en: 'timeline', zh: '时间计划' },
  caption: { en: 'caption', zh: '说明' },
  review_note: { en: 'review comments', zh: '审核意见' },
  deleted: { en: 'deleted', zh: '已删除' },
};

const own = (words: Readonly<Record<string, Localized>>, name: string): Localized | null => (Object.prototype.hasOwnProperty.call(words, name) ? (words[name] ?? null) : null);

/** What a record of a synced table is called ("Note" / "现场笔记"); null for a table this version has no word for. */
export function recordKindWords(dataset: string): Localized | null {
  return own(KINDS, dataset);
}

/** A field by its name in the forms; a column this version has no word for (a newer app's) by its own name, due_date as "due date". */
export function fieldWords(column: string): Localized {
  const plain = column.replace(/_json$/, '').replace(/_/g, ' ');
  return own(FIELDS, column) ?? { en: plain, zh: plain };
}
