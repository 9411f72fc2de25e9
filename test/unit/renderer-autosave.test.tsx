// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../../core/api/message';
import { errorOf } from '../../core/api/result';
import type { ApiResult } from '../../core/api/result';
import type { Bridge } from '../../core/api/bridge';
import { readLocalCopy, useAutosave, type Autosave, type AutosaveOptions, type CopyStore, type SaveAck } from '../../renderer/data/autosave';

/**
 * The one autosave hook (renderer/data/autosave.ts): debounce, one save per key at a time with the
 * newest draft, drafts kept on this device until acknowledged, and what happens when the page is
 * hidden. The save function is the hook's own parameter; here it records what it is sent and the
 * test decides when and how each save is answered.
 */

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

type Draft = { title: string; body: string };
const COPIES: CopyStore<Draft> = {
  prefix: 'test.autosave.',
  read: (v) => (typeof v.title === 'string' && typeof v.body === 'string' ? { title: v.title, body: v.body } : null),
};

type Sent = { key: string; draft: Draft; changed: string[]; version: string | null; answer: (result: ApiResult<SaveAck>) => void };
let sent: Sent[];
let hook: Autosave<Draft>;
let root: Root;

function save(key: string, draft: Draft, changed: ReadonlySet<keyof Draft>, version: string | null): Promise<ApiResult<SaveAck>> {
  return new Promise((resolve) => sent.push({ key, draft, changed: [...changed].sort(), version, answer: resolve }));
}

const options: AutosaveOptions<Draft> = {
  save,
  copies: COPIES,
  opened: { n1: { draft: { title: 'Site visit', body: '' }, version: 'v1' } },
};

function Probe() {
  const autosave = useAutosave(options);
  // Hands the hook's newest value to the test after each render.
  useEffect(() => {
    hook = autosave;
  });
  return null;
}

const wait = (ms: number): Promise<void> => act(async () => new Promise((r) => setTimeout(r, ms)));
const ok = (at: string): ApiResult<SaveAck> => ({ ok: true, value: { savedAt: at, version: at } });

// The Electron preload's bridge, as far as closing the window goes: what the page asked to run.
let closing: (() => Promise<void>) | null = null;
const bridge: Bridge = {
  call: () => Promise.reject(new Error('no calls in these tests')),
  on: () => () => undefined,
  blobUrl: (sha256) => sha256,
  printReady: () => undefined,
  onClosing: (flush) => {
    closing = flush;
  },
};

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  (window as Window & { bridge?: Bridge }).bridge = bridge;
});

beforeEach(async () => {
  sent = [];
  localStorage.clear();
  root = createRoot(document.createElement('div'));
  await act(async () => root.render(<Probe />));
});

afterEach(async () => {
  await act(async () => root.unmount());
});

describe('useAutosave', () => {
  it('waits for a pause, then sends the newest draft once, with what changed and the version it edited', async () => {
    await act(async () => {
      hook.change('n1', { body: 'P' }, 30);
      hook.change('n1', { body: 'Pi' }, 30);
      hook.change('n1', { body: 'Pilot' }, 30);
    });
    expect(hook.states.n1).toEqual({ state: 'saving' });
    expect(sent).toHaveLength(0);
    await wait(60);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ key: 'n1', draft: { title: 'Site visit', body: 'Pilot' }, changed: ['body'], version: 'v1' });
    await act(async () => sent[0]?.answer(ok('2026-03-02T10:42:00.000Z')));
    expect(hook.states.n1).toEqual({ state: 'saved', at: '2026-03-02T10:42:00.000Z' });
    expect(readLocalCopy(COPIES, 'n1')).toBeNull();
  });

  it('runs one save per key at a time; a change made meanwhile goes in the next one, on the new version', async () => {
    await act(async () => hook.change('n1', { title: 'First' }, 0));
    expect(sent).toHaveLength(1);
    await act(async () => hook.change('n1', { body: 'Second' }, 0));
    expect(sent).toHaveLength(1);
    await act(async () => sent[0]?.answer(ok('v2')));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ draft: { title: 'First', body: 'Second' }, changed: ['body'], version: 'v2' });
    expect(hook.states.n1).toEqual({ state: 'saving' });
    await act(async () => sent[1]?.answer(ok('v3')));
    expect(hook.states.n1).toEqual({ state: 'saved', at: 'v3' });
    // Other keys save on their own.
    await act(async () => hook.change('q7', { body: 'Another' }, 0));
    expect(sent[2]).toMatchObject({ key: 'q7', draft: { body: 'Another' }, version: null });
  });

  it('keeps a refused draft on this device, says why, and sends it again on retry', async () => {
    await act(async () => hook.change('n1', { body: 'Unsent' }, 0));
    const changed = errorOf('conflict', msg('error.noteChangedElsewhere', { at: '2026-12-01T10:00:00.000Z', base: '2026-12-01T09:00:00.000Z' }));
    await act(async () => sent[0]?.answer({ ok: false, error: changed }));
    expect(hook.states.n1).toEqual({ state: 'error', problem: changed, conflict: true });
    expect(readLocalCopy(COPIES, 'n1')).toMatchObject({ title: 'Site visit', body: 'Unsent' });
    await act(async () => hook.retry('n1'));
    expect(sent).toHaveLength(2);
    await act(async () => sent[1]?.answer(ok('v2')));
    expect(hook.states.n1).toEqual({ state: 'saved', at: 'v2' });
    expect(readLocalCopy(COPIES, 'n1')).toBeNull();
  });

  it('keeps the draft and sends it at once when the page is hidden, without waiting for the pause', async () => {
    await act(async () => hook.change('n1', { body: 'Typed just before closing' }, 10_000));
    expect(sent).toHaveLength(0);
    await act(async () => window.dispatchEvent(new Event('pagehide')));
    expect(readLocalCopy(COPIES, 'n1')).toMatchObject({ body: 'Typed just before closing' });
    expect(sent).toHaveLength(1);
    await act(async () => sent[0]?.answer(ok('v2')));
    expect(readLocalCopy(COPIES, 'n1')).toBeNull();
  });

  it('flush saves what waits and says whether everything was acknowledged', async () => {
    await act(async () => hook.change('n1', { body: 'Before a version' }, 10_000));
    let flushed: Promise<boolean> = Promise.resolve(false);
    await act(async () => {
      flushed = hook.flush();
    });
    expect(sent).toHaveLength(1);
    await act(async () => sent[0]?.answer(ok('v2')));
    expect(await flushed).toBe(true);
  });

  it('closing the window (Electron) waits until what waits is acknowledged', async () => {
    act(() => hook.change('n1', { body: 'Rack 4 has no spare ports' }));
    expect(closing).not.toBeNull();
    let closed = false;
    let done: Promise<unknown> | undefined;
    await act(async () => {
      done = closing?.().then(() => (closed = true));
    });
    // Sent at once, without waiting for the pause; the window stays open until it is acknowledged.
    await wait(0);
    expect(sent.map((s) => s.draft.body)).toEqual(['Rack 4 has no spare ports']);
    expect(closed).toBe(false);
    await act(async () => {
      sent[0]?.answer(ok('v2'));
      await done;
    });
    expect(closed).toBe(true);
  });

  it('says which keys are unacknowledged, and drops one the user gave up for the stored version', async () => {
    expect(hook.pending('n1')).toBe(false);
    act(() => hook.change('n1', { body: 'Mine' }));
    expect(hook.pending('n1')).toBe(true);
    await wait(900);
    await act(async () => sent[0]?.answer({ ok: false, error: errorOf('conflict', msg('error.unexpected', { detail: 'changed elsewhere' })) }));
    expect(hook.states.n1).toMatchObject({ state: 'error', conflict: true });
    expect(readLocalCopy(COPIES, 'n1')?.body).toBe('Mine');
    act(() => hook.discard('n1', 'theirs'));
    expect(hook.pending('n1')).toBe(false);
    expect(hook.states.n1).toEqual({ state: 'idle' });
    expect(readLocalCopy(COPIES, 'n1')).toBeNull();
    // Nothing more is sent for it; the next change starts from the stored version.
    await wait(900);
    expect(sent).toHaveLength(1);
    act(() => hook.change('n1', { body: 'Next' }));
    await wait(900);
    expect(sent[1]?.version).toBe('theirs');
  });
});
