import { describe, expect, it } from 'vitest';
import {
  EMPTY_KB_VIEW,
  hasFilters,
  historyMode,
  isSearching,
  kbViewPath,
  kbViewToParams,
  parseKbView,
  toggleTag,
  type KbView,
} from '../../renderer/kb/url-state';

const view = (over: Partial<KbView>): KbView => ({ ...EMPTY_KB_VIEW, ...over });

describe('knowledge-base URL state', () => {
  it('parses a full view', () => {
    const parsed = parseKbView(new URLSearchParams('q=churn%20model&kind=note&scenario=smart-marketing-churn&type=lesson&tags=uplift,holdout&sort=updated'));
    expect(parsed).toEqual({ query: 'churn model', kind: 'note', scenario: 'smart-marketing-churn', type: 'lesson', tags: ['uplift', 'holdout'], sort: 'updated' });
  });

  it('round-trips through URL parameters, including Chinese and operators', () => {
    const original = view({ query: '告警 "storm" -x', kind: 'lesson', scenario: 'network-fault-prediction', type: 'method', tags: ['alarm', 'ml'], sort: 'review' });
    expect(parseKbView(new URLSearchParams(kbViewToParams(original).toString()))).toEqual(original);
  });

  it('falls back to no filter for unknown or malformed values', () => {
    const parsed = parseKbView(new URLSearchParams(`type=recipe&kind=article&sort=random&scenario=${'x'.repeat(201)}&tags=,a,,a,b`));
    expect(parsed.type).toBeNull();
    expect(parsed.kind).toBeNull();
    expect(parsed.sort).toBe('title');
    expect(parsed.scenario).toBeNull();
    expect(parsed.tags).toEqual(['a', 'b']);
  });

  it('keeps at most the 20 tags the contract accepts', () => {
    const tags = Array.from({ length: 25 }, (_, i) => `t${i}`);
    expect(parseKbView(new URLSearchParams(`tags=${tags.join(',')}`)).tags).toHaveLength(20);
    expect(toggleTag(tags.slice(0, 20), 'extra')).toHaveLength(20);
  });

  it('leaves defaults out of the URL', () => {
    expect(kbViewToParams(EMPTY_KB_VIEW).toString()).toBe('');
    expect(kbViewPath(EMPTY_KB_VIEW)).toBe('/kb');
    expect(kbViewPath(view({ query: 'a b' }))).toBe('/kb?q=a+b');
  });

  it('toggles tags on and off', () => {
    expect(toggleTag(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleTag(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('tells searching from browsing and filtered from unfiltered', () => {
    expect(isSearching(view({ query: '   ' }))).toBe(false);
    expect(isSearching(view({ query: 'x' }))).toBe(true);
    expect(hasFilters(EMPTY_KB_VIEW)).toBe(false);
    expect(hasFilters(view({ tags: ['a'] }))).toBe(true);
  });

  it('adds history entries for new searches and filters, not for each refinement of the words', () => {
    expect(historyMode(view({}), view({ query: 'c' }))).toBe('push');
    expect(historyMode(view({ query: 'c' }), view({ query: 'ch' }))).toBe('replace');
    expect(historyMode(view({ query: 'churn' }), view({ query: '' }))).toBe('push');
    expect(historyMode(view({ query: 'churn' }), view({ query: 'churn', type: 'lesson' }))).toBe('push');
    expect(historyMode(view({ tags: ['a'] }), view({ tags: ['a', 'b'] }))).toBe('push');
    expect(historyMode(view({}), view({ sort: 'updated' }))).toBe('push');
    expect(historyMode(view({ query: 'churn' }), view({ query: 'churn', kind: 'note' }))).toBe('push');
  });
});
