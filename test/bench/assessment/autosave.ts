import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../../electron/backend/backend';
import { fmt, summary, type BenchModule } from './stats';

// npm runs benchmarks from the repository root.
const PACK = path.resolve('test', 'fixtures', 'packs', 'assessment-versions', 'v1');
const ANSWERS = 1000;

async function ok<T>(result: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/**
 * Autosave latency: from the answer call to its durable commit (synchronous=FULL on a real file),
 * through the validating dispatcher exactly as the renderer's call arrives.
 */
export const autosaveLatency: BenchModule = {
  name: 'autosave latency',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-assessment-'));
    const backend = await createBackend({ dataDir: dir, contentDir: PACK, host: 'web', appVersion: 'bench', log: () => {} });
    try {
      const customer = await ok<{ id: string }>(backend.call('customers.create', { name: 'Bench customer', kind: 'enterprise' }));
      const engagement = await ok<{ id: string }>(backend.call('engagements.create', { customerId: customer.id, title: 'Bench', scenarios: ['site-survey'] }));
      const started = await ok<{ session: { id: string } }>(backend.call('assessments.start', { engagementId: engagement.id, definitionId: 'site-readiness' }));
      const sessionId = started.session.id;
      await ok(backend.call('assessments.answer', { sessionId, questionId: 'has-ivr', value: true }));
      const times: number[] = [];
      for (let i = 0; i < ANSWERS; i++) {
        // Alternate a number and a text answer, as typing in the runner would.
        const args = i % 2 === 0 ? { sessionId, questionId: 'ivr-levels', value: 1 + (i % 10) } : { sessionId, questionId: 'pain-points', value: `Queue note ${i}` };
        const start = process.hrtime.bigint();
        await ok(backend.call('assessments.answer', args));
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const s = summary(times);
      console.log(`autosave (answer call → durable commit, ${ANSWERS} answers, synchronous=FULL): p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)} (target ≤ 10 ms), max ${fmt(s.max)}`);
    } finally {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
