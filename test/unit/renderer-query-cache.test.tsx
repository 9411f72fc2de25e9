// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calls, type CallName, type EventName, type Events } from '../../core/api/contract';
import { RECORD_TABLES } from '../../core/api/tables';
import type { Bridge } from '../../core/api/bridge';
import { CALL_EFFECTS, readsOf, writesOf } from '../../renderer/data/sources';
import { DataProvider } from '../../renderer/data/DataProvider';
import { mutate, queryClient, setQueryResult } from '../../renderer/data/query-client';
import { currentData, useQuery } from '../../renderer/data/use-query';
import { callOk, startBackend, type TestBackend } from '../helpers/backend';

/**
 * The renderer's query cache against a real backend (a SQLite file in a temporary folder), reached
 * through `window.bridge` as the Electron preload provides it. The bridge counts the calls that
 * reach the backend and lets the test deliver `data.changed` as the backend announces it.
 */

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

type Counted = { method: string; args: unknown };
const sent: Counted[] = [];
const listeners = new Map<string, Set<(payload: never) => void>>();
let current: TestBackend;

const bridge: Bridge = {
  async call(method, args) {
    sent.push({ method, args });
    return current.backend.call(method, args);
  },
  on(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  },
  blobUrl: (sha256) => `/api/blob/${sha256}`,
  printReady: () => {},
  onClosing: () => {},
};

function emit<E extends EventName>(event: E, payload: Events[E]): void {
  for (const listener of listeners.get(event) ?? []) (listener as (p: Events[E]) => void)(payload);
}

function fetches(method: string, args?: unknown): number {
  return sent.filter((c) => c.method === method && (args === undefined || JSON.stringify(c.args) === JSON.stringify(args))).length;
}

let root: Root;
let container: HTMLElement;

async function render(node: React.ReactNode): Promise<void> {
  await act(async () => root.render(<DataProvider>{node}</DataProvider>));
}

/** Lets React and the cache settle until `check` holds (or fails with what the page shows). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`never happened: ${what}; the page shows "${container.textContent}"`);
}

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  (window as Window & { bridge?: Bridge }).bridge = bridge;
});

beforeEach(async () => {
  current = await startBackend();
  sent.length = 0;
  queryClient.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function newEngagement(title: string): Promise<string> {
  const customer = await callOk(current.backend, 'customers.create', { name: `Customer of ${title}`, kind: 'enterprise' });
  const engagement = await callOk(current.backend, 'engagements.create', { customerId: customer.id, title, scenarios: ['intelligent-customer-service'] });
  return engagement.id;
}

function EngagementTitle({ id, testId }: { id: string; testId: string }) {
  const engagement = useQuery('engagements.get', { id });
  return <p data-testid={testId}>{engagement.data?.title ?? 'loading'}</p>;
}

function FacetCount() {
  const facets = useQuery('kb.facets', {});
  return <p data-testid="facets">{facets.data ? 'facets' : 'loading'}</p>;
}

const text = (testId: string): string => container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

describe('the call map', () => {
  it('classifies every call of the contract, and every query reads something that can change', () => {
    const known = new Set<string>([...RECORD_TABLES, 'settings', 'content_pack', 'backups', 'sync']);
    for (const name of Object.keys(calls) as CallName[]) {
      const effect = CALL_EFFECTS[name];
      expect(effect, `${name} is not in renderer/data/sources.ts`).toBeDefined();
      for (const source of [...readsOf(name), ...writesOf(name)]) expect(known.has(source), `${name} names the unknown source ${source}`).toBe(true);
      if (effect.kind === 'mutation') expect(writesOf(name).length, `${name} writes nothing`).toBeGreaterThan(0);
      // app.info describes the installation: the one answer no change can make stale.
      if (effect.kind === 'query' && name !== 'app.info') expect(readsOf(name).length, `${name} reads nothing`).toBeGreaterThan(0);
    }
    expect(Object.keys(CALL_EFFECTS).sort()).toEqual(Object.keys(calls).sort());
  });
});

describe('the query cache', () => {
  it('fetches each key once per screen, however many components ask', async () => {
    const id = await newEngagement('Contact centre');
    const other = await newEngagement('Energy saving');
    await render(
      <>
        <EngagementTitle id={id} testId="a" />
        <EngagementTitle id={id} testId="b" />
        <EngagementTitle id={other} testId="c" />
      </>,
    );
    await until(() => text('a') === 'Contact centre' && text('b') === 'Contact centre' && text('c') === 'Energy saving', 'all three titles');
    expect(fetches('engagements.get', { id })).toBe(1);
    expect(fetches('engagements.get', { id: other })).toBe(1);

    // A component that mounts later on the same screen is answered from the cache.
    await render(
      <>
        <EngagementTitle id={id} testId="a" />
        <EngagementTitle id={id} testId="late" />
      </>,
    );
    await until(() => text('late') === 'Contact centre', 'the late title');
    expect(fetches('engagements.get', { id })).toBe(1);
  });

  it('refetches on data.changed only what reads a changed table, and drops such answers that are not on screen', async () => {
    const id = await newEngagement('Contact centre');
    const hidden = await newEngagement('Hidden');
    await render(<EngagementTitle id={hidden} testId="hidden" />);
    await until(() => text('hidden') === 'Hidden', 'the hidden engagement');
    await render(
      <>
        <EngagementTitle id={id} testId="a" />
        <FacetCount />
      </>,
    );
    await until(() => text('a') === 'Contact centre' && text('facets') === 'facets', 'title and facets');

    await callOk(current.backend, 'engagements.update', { id, title: 'Contact centre, phase 2' });
    await callOk(current.backend, 'engagements.update', { id: hidden, title: 'Hidden, renamed' });
    await act(async () => emit('data.changed', { tables: ['engagements'], ids: [id, hidden], seq: 90_001 }));
    await until(() => text('a') === 'Contact centre, phase 2', 'the new title');
    expect(fetches('engagements.get', { id })).toBe(2);
    expect(fetches('kb.facets')).toBe(1);
    // Not on screen when it changed: gone from the cache, so opening it again cannot show the old title.
    expect(queryClient.getQueryData(['engagements.get', { id: hidden }])).toBeUndefined();
    await render(<EngagementTitle id={hidden} testId="hidden" />);
    await until(() => text('hidden') === 'Hidden, renamed', 'the renamed hidden engagement');
  });

  it('refreshes after a mutation of this renderer, before the event arrives', async () => {
    const id = await newEngagement('Contact centre');
    await render(<EngagementTitle id={id} testId="a" />);
    await until(() => text('a') === 'Contact centre', 'the title');
    const result = await act(async () => mutate('engagements.update', { id, title: 'Renamed here' }));
    expect(result.ok).toBe(true);
    await until(() => text('a') === 'Renamed here', 'the renamed title');
    expect(fetches('engagements.get', { id })).toBe(2);
  });

  it('fetches nothing more for the echo of its own commit, whether it comes before or after the result', async () => {
    const id = await newEngagement('Contact centre');
    await render(<EngagementTitle id={id} testId="a" />);
    await until(() => text('a') === 'Contact centre', 'the title');
    // After: the result names its commit, and the event of that commit changes nothing more.
    const renamed = await act(async () => mutate('engagements.update', { id, title: 'Renamed here' }));
    if (!renamed.ok) throw new Error('the rename failed');
    const [commit] = renamed.committed ?? [];
    expect(commit?.tables).toEqual(['engagements']);
    await until(() => text('a') === 'Renamed here' && !queryClient.isFetching(), 'the renamed title');
    await act(async () => emit('data.changed', { tables: ['engagements'], ids: [id], seq: commit?.seq ?? -1 }));
    await until(() => !queryClient.isFetching(), 'quiet');
    expect(fetches('engagements.get', { id })).toBe(2);
    // Before: an event that arrives while a mutation is on its way waits for its result.
    const pending = mutate('engagements.update', { id, title: 'Renamed again' });
    await act(async () => emit('data.changed', { tables: ['engagements'], ids: [id], seq: (commit?.seq ?? 0) + 1 }));
    await act(async () => pending);
    await until(() => text('a') === 'Renamed again' && !queryClient.isFetching(), 'the second title');
    expect(fetches('engagements.get', { id })).toBe(3);
    // A change made elsewhere still refreshes.
    await callOk(current.backend, 'engagements.update', { id, title: 'Renamed elsewhere' });
    await act(async () => emit('data.changed', { tables: ['engagements'], ids: [id], seq: 99_999 }));
    await until(() => text('a') === 'Renamed elsewhere', 'the title from elsewhere');
    expect(fetches('engagements.get', { id })).toBe(4);
  });

  it('shows an answer a mutation returned without fetching it', async () => {
    const id = await newEngagement('Contact centre');
    const engagement = await callOk(current.backend, 'engagements.get', { id });
    sent.length = 0;
    setQueryResult('engagements.get', { id }, engagement);
    await render(<EngagementTitle id={id} testId="a" />);
    await until(() => text('a') === 'Contact centre', 'the title');
    expect(fetches('engagements.get')).toBe(0);
  });

  it('keeps an editor and what is typed in it when its own record is refetched', async () => {
    const id = await newEngagement('Contact centre');
    let mounts = 0;
    function Editor({ initial }: { initial: string }) {
      const [value, setValue] = useState(() => {
        mounts++;
        return initial;
      });
      return <input data-testid="title" value={value} onChange={(e) => setValue(e.target.value)} />;
    }
    function EditorPage() {
      const engagement = useQuery('engagements.get', { id });
      const loaded = currentData(engagement);
      return loaded ? <Editor key={loaded.id} initial={loaded.title} /> : <p>loading</p>;
    }
    await render(<EditorPage />);
    await until(() => container.querySelector('[data-testid="title"]') !== null, 'the editor');
    const input = container.querySelector<HTMLInputElement>('[data-testid="title"]');
    if (!input) throw new Error('no editor');
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(input, 'Contact centre, typed');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The save of another field, as an autosave would make it, announces the record.
    await callOk(current.backend, 'engagements.update', { id, stage: 'delivery' });
    await act(async () => emit('data.changed', { tables: ['engagements'], ids: [id], seq: 90_002 }));
    await until(() => fetches('engagements.get', { id }) === 2 && !queryClient.isFetching(), 'the refetch');
    expect(container.querySelector<HTMLInputElement>('[data-testid="title"]')?.value).toBe('Contact centre, typed');
    expect(mounts).toBe(1);
  });
});
