import { describe, expect, it } from 'vitest';
import type { EngagementSummary } from '../../core/engagements/types';
import { ENGAGEMENT_STAGES } from '../../core/engagements/types';
import { formatApiMessage, msg, type ApiMessage } from '../../core/api/message';
import { issue } from '../../core/api/result';
import { translate } from '../../renderer/i18n/translate';
import type { Translate } from '../../renderer/i18n/i18n';
import {
  customerCreateArgs,
  engagementCreateArgs,
  engagementDraft,
  engagementUpdateArgs,
  isDirty,
  keyRowErrors,
  sentContactRows,
  type CustomerDraft,
} from '../../renderer/engagements/drafts';
import { issueText, toFieldErrors, firstErrorField } from '../../renderer/engagements/form-issues';
import { nextSort, parseSort, sortEngagements, sortParam, ENGAGEMENT_SORT_KEYS } from '../../renderer/engagements/sort';

const en = { t: ((key, params) => translate('en', key, params)) satisfies Translate, apiText: (m: ApiMessage) => formatApiMessage(m, 'en') };
const zh = { t: ((key, params) => translate('zh', key, params)) satisfies Translate, apiText: (m: ApiMessage) => formatApiMessage(m, 'zh') };

describe('engagement form drafts', () => {
  it('drops contact rows left empty and maps backend row numbers back to the form rows', () => {
    const draft: CustomerDraft = {
      name: 'A',
      kind: 'enterprise',
      industry: '',
      region: '',
      notes: '',
      contacts: [
        { key: 'k1', name: '', role: '', email: '', phone: '' },
        { key: 'k2', name: 'Li', role: '', email: 'bad', phone: '' },
      ],
    };
    expect(customerCreateArgs(draft).contacts).toEqual([{ name: 'Li', role: '', email: 'bad', phone: '' }]);
    // The backend saw one contact (index 0): its error belongs to the form's second row.
    expect(keyRowErrors({ 'contacts.0.email': 'x', name: 'y' }, 'contacts', sentContactRows(draft.contacts))).toEqual({ 'contacts.k2.email': 'x', name: 'y' });
  });

  it('sends only the engagement fields that changed, clearing emptied dates', () => {
    const before = engagementDraft({
      id: 'e1',
      title: 'Pilot',
      customer: { id: 'c1', name: 'C', kind: 'enterprise', industry: '', region: '' },
      stage: 'poc',
      scenarios: ['a'],
      startDate: '2025-01-01',
      endDate: '2025-02-01',
      timeZone: null,
      team: [{ name: 'Chen', role: 'Lead' }],
      createdAt: '',
      updatedAt: '',
    });
    expect(engagementUpdateArgs('e1', before, before)).toEqual({ id: 'e1' });
    expect(isDirty(before, { ...before, team: before.team.map((m) => ({ ...m, key: 'other' })) })).toBe(false);
    const edited = { ...before, title: 'Pilot II', endDate: '', team: [...before.team, { key: 'n', name: '', role: '' }] };
    expect(isDirty(before, edited)).toBe(true);
    // A blank new team row is not a change.
    expect(engagementUpdateArgs('e1', before, edited)).toEqual({ id: 'e1', title: 'Pilot II', endDate: null });
    expect(engagementCreateArgs('c1', { ...edited, startDate: '' })).toEqual({ customerId: 'c1', title: 'Pilot II', scenarios: ['a'], stage: 'poc', team: [{ name: 'Chen', role: 'Lead' }] });
  });
});

describe('form issues', () => {
  it('shows backend issues in the UI language: in the form wording where it has one, else from the message key', () => {
    expect(issueText(msg('issue.endBeforeStart'), en)).toBe('Must be on or after the start date.');
    expect(issueText(msg('issue.endBeforeStart'), zh)).toBe('不能早于开始日期。');
    expect(issueText(msg('issue.tooLong', { max: 100 }), zh)).toBe('太长：最多 100 个字符。');
    expect(issueText(msg('issue.notOneOf', { options: 'a, b' }), en)).toBe('must be one of a, b');
    expect(issueText(msg('issue.notOneOf', { options: 'a, b' }), zh)).toBe('必须是以下之一：a, b');
  });

  it('keys issues by field, keeps the first per field, and finds the first one in form order', () => {
    const errors = toFieldErrors({ issues: [issue('name', msg('issue.required')), issue('name', msg('issue.tooLong', { max: 3 })), issue('kind', msg('issue.invalid'))] }, en, 'customer.');
    expect(errors).toEqual({ 'customer.name': 'Required.', 'customer.kind': 'is not valid' });
    expect(toFieldErrors({}, en)).toBeNull();
    expect(firstErrorField({ title: 'x', endDate: 'y' }, ['endDate', 'title'])).toBe('endDate');
  });
});

describe('engagement table sorting', () => {
  const row = (title: string, stage: EngagementSummary['stage'], startDate: string | null): EngagementSummary => ({
    id: title,
    title,
    customerId: 'c',
    customerName: 'C',
    stage,
    scenarios: [],
    startDate,
    endDate: null,
    updatedAt: '2025-01-01T00:00:00Z',
  });
  const rows = [row('beta', 'poc', '2025-03-01'), row('Alpha', 'closed', null), row('gamma', 'discovery', '2025-01-01')];

  it('sorts text case-insensitively, stages in workflow order, and puts missing dates last either way', () => {
    const titles = (key: (typeof ENGAGEMENT_SORT_KEYS)[number], dir: 'asc' | 'desc') => sortEngagements(rows, { key, dir }, 'en', ENGAGEMENT_STAGES).map((r) => r.title);
    expect(titles('title', 'asc')).toEqual(['Alpha', 'beta', 'gamma']);
    expect(titles('stage', 'asc')).toEqual(['gamma', 'beta', 'Alpha']);
    expect(titles('start', 'asc')).toEqual(['gamma', 'beta', 'Alpha']);
    expect(titles('start', 'desc')).toEqual(['beta', 'gamma', 'Alpha']);
  });

  it('reads and writes the sort in the URL and flips on a second click', () => {
    const fallback = { key: 'updated', dir: 'desc' } as const;
    expect(parseSort('-title', ENGAGEMENT_SORT_KEYS, fallback)).toEqual({ key: 'title', dir: 'desc' });
    expect(parseSort('nonsense', ENGAGEMENT_SORT_KEYS, fallback)).toEqual(fallback);
    expect(sortParam({ key: 'title', dir: 'desc' })).toBe('-title');
    expect(nextSort({ key: 'title', dir: 'asc' }, 'title')).toEqual({ key: 'title', dir: 'desc' });
    expect(nextSort({ key: 'title', dir: 'asc' }, 'updated', ['updated'])).toEqual({ key: 'updated', dir: 'desc' });
  });
});
