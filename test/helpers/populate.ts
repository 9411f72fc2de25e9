import { createBackend } from '../../electron/backend/backend';
import { FIXTURE_PACK } from './backend';

/** A data folder with real records made through the API, for the data-safety tests to damage (damage.ts). */

export const NOTE_COUNT = 30;

type Call = (method: string, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** About 1 KB of text per note, so the notes table spans several pages. */
function noteBody(i: number): string {
  const text = `Note ${i}: the operations team walked us through the base-station energy data. `.repeat(12);
  const paragraph = { type: 'paragraph', children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }], direction: null, format: '', indent: 0, version: 1 };
  return JSON.stringify({ root: { type: 'root', children: [paragraph], direction: null, format: '', indent: 0, version: 1 } });
}

async function ok<T>(call: Call, method: string, args: unknown): Promise<T> {
  const result = await call(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Creates a customer, an engagement with 30 notes and a proposal-free history; closes the backend. */
export async function populate(dataDir: string): Promise<{ engagementId: string; noteIds: string[] }> {
  const backend = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
  try {
    const call: Call = (m, a) => backend.call(m, a) as ReturnType<Call>;
    const customer = await ok<{ id: string }>(call, 'customers.create', { name: 'Northern Grid Branch', kind: 'operator-branch' });
    const engagement = await ok<{ id: string }>(call, 'engagements.create', { customerId: customer.id, title: 'Contact centre pilot', scenarios: ['intelligent-customer-service'] });
    const noteIds: string[] = [];
    for (let i = 1; i <= NOTE_COUNT; i += 1) {
      const note = await ok<{ id: string }>(call, 'notes.create', { engagementId: engagement.id, title: `Site visit note ${i}`, bodyJson: noteBody(i) });
      noteIds.push(note.id);
    }
    return { engagementId: engagement.id, noteIds };
  } finally {
    backend.close();
  }
}

