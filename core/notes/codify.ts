import type { Lang } from '../i18n';
import type { CustomerKind } from '../engagements/types';
import { sectionsOf } from '../richtext/text';
import type { LessonFields } from './types';

/**
 * "Codify as lesson": a first draft of a lesson's structured fields from field notes. Notes that
 * use headings such as Problem / Action / Result (or 问题 / 措施 / 结果) have those parts placed in
 * the matching field; everything else goes into the context, after a line about the engagement.
 * The consultant edits the draft; nothing here is meant to be final.
 */

type TextField = 'context' | 'problem' | 'action' | 'result' | 'recommendation';

/** Heading words (lowercase, without trailing colon or numbering) and the field they fill. */
const HEADING_FIELDS: readonly (readonly [TextField, readonly string[]])[] = [
  ['context', ['context', 'background', 'situation', '背景', '情况', '场景背景']],
  ['problem', ['problem', 'problems', 'issue', 'issues', 'challenge', 'challenges', '问题', '挑战', '难点']],
  ['action', ['action', 'actions', 'what we did', 'solution', 'approach', 'fix', '措施', '行动', '做法', '解决方案', '处理']],
  ['result', ['result', 'results', 'outcome', 'outcomes', 'impact', '结果', '成效', '效果']],
  ['recommendation', ['recommendation', 'recommendations', 'lesson', 'lessons learned', 'advice', 'next time', '建议', '经验', '经验教训']],
];

/** The field a heading names, or null. "2. Actions taken:" → action. */
export function fieldForHeading(heading: string): TextField | null {
  const words = heading
    .toLocaleLowerCase()
    .replace(/^[\s\d.、)）(（-]+/u, '')
    .replace(/[\s:：.。]+$/u, '')
    .trim();
  for (const [field, names] of HEADING_FIELDS) {
    if (names.some((name) => words === name || words.startsWith(`${name} `) || (/\p{Script=Han}/u.test(name) && words.startsWith(name)))) {
      return field;
    }
  }
  return null;
}

export type CodifyNote = { title: string; bodyJson: string };

export type CodifyEngagement = {
  title: string;
  customerName: string;
  customerKind: CustomerKind;
  /** Scenario names in the lesson's language. */
  scenarioNames: string[];
};

const KIND_LABEL: Record<Lang, Record<CustomerKind, string>> = {
  en: { enterprise: 'enterprise customer', 'operator-branch': 'operator branch' },
  zh: { enterprise: '政企客户', 'operator-branch': '运营商分公司' },
};

/** One line saying where the lesson comes from. */
export function engagementContext(engagement: CodifyEngagement, lang: Lang): string {
  const kind = KIND_LABEL[lang][engagement.customerKind];
  if (lang === 'zh') {
    const scenarios = engagement.scenarioNames.length > 0 ? `场景：${engagement.scenarioNames.join('、')}。` : '';
    return `项目“${engagement.title}”，客户：${engagement.customerName}（${kind}）。${scenarios}`;
  }
  const scenarios = engagement.scenarioNames.length > 0 ? ` Scenarios: ${engagement.scenarioNames.join(', ')}.` : '';
  return `Engagement "${engagement.title}" for ${engagement.customerName} (${kind}).${scenarios}`;
}

/** The draft's text fields and title (scenarios and tags are the caller's: they come from records, not text). */
export function draftLesson(notes: readonly CodifyNote[], engagement: CodifyEngagement | null, lang: Lang): Omit<LessonFields, 'scenarios' | 'tags'> {
  const parts: Record<TextField, string[]> = { context: [], problem: [], action: [], result: [], recommendation: [] };
  if (engagement) parts.context.push(engagementContext(engagement, lang));
  const several = notes.length > 1;
  for (const note of notes) {
    const leftovers: string[] = [];
    for (const section of sectionsOf(note.bodyJson)) {
      const field = section.heading === null ? null : fieldForHeading(section.heading);
      if (field !== null) {
        if (section.text !== '') parts[field].push(section.text);
      } else {
        // A heading that names no field stays with its text, so the context reads as the note did.
        leftovers.push([section.heading, section.text].filter((s) => s !== null && s !== '').join('\n'));
      }
    }
    const rest = leftovers.filter((s) => s !== '').join('\n\n');
    if (rest !== '') parts.context.push(several && note.title.trim() !== '' ? `${note.title.trim()}\n${rest}` : rest);
  }
  const firstTitle = notes.map((n) => n.title.trim()).find((t) => t !== '');
  const fallback = lang === 'zh' ? `经验：${engagement?.title ?? '现场笔记'}` : `Lesson: ${engagement?.title ?? 'field notes'}`;
  const join = (field: TextField): string => parts[field].join('\n\n');
  return {
    title: firstTitle ?? fallback,
    context: join('context'),
    problem: join('problem'),
    action: join('action'),
    result: join('result'),
    recommendation: join('recommendation'),
  };
}
