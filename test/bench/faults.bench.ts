/**
 * npm run bench:faults [-- --cycles 200 --disk-full-cycles 10]
 *
 * "Acknowledged means saved", under the machine misbehaving (issue 9). Not part of npm test.
 *
 * 1. Kill cycles: the backend runs in a child process as a host runs it (faults/host.entry.ts). A
 *    writer makes mixed writes one after another — notes created and edited, customers, risks,
 *    assessment answers, proposal saves and versions, attachments — and the child is SIGKILLed at a
 *    random moment. Before it starts again, the database is checked (`PRAGMA integrity_check`) and
 *    every acknowledged write is looked up: it must be stored as acknowledged (or as the one write
 *    that was in flight at the kill, which may have landed). Attachments are hashed on disk.
 * 2. Disk-full cycles (root only: a small tmpfs): the same writes on a data folder that runs out of
 *    space; writes fail with disk_full while it is full, everything acknowledged survives a kill,
 *    and writes succeed again once space is freed.
 *
 * Prints acknowledged, lost and corrupted counts; exits 1 when anything was lost or corrupted.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import type { ApiResult } from '../../core/api/result';

const ROOT = path.resolve('.');
const PACK = path.join(ROOT, 'resources', 'content');
const BUNDLE = path.join(ROOT, '.cache', 'run-ts', 'faults-host.cjs');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? undefined : Number(process.argv[i + 1]);
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}
const CYCLES = option('cycles', 200);
const DISK_FULL_CYCLES = option('disk-full-cycles', 10);

type Host = { call<T>(method: string, args: unknown): Promise<ApiResult<T>>; kill(): Promise<void>; stop(): Promise<void> };

async function startHost(dataDir: string): Promise<Host> {
  // 'advanced' IPC is structured clone: attachment bytes arrive as a Uint8Array, as over the real transports.
  const child: ChildProcess = fork(BUNDLE, [dataDir, PACK], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
  const waiting = new Map<number, (r: ApiResult<unknown>) => void>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<string | null>((resolve, reject) => {
    child.on('message', (m: { ready?: string | null; id?: number; result?: ApiResult<unknown> }) => {
      if ('ready' in m) resolve(m.ready ?? null);
      else if (m.id !== undefined && m.result) {
        waiting.get(m.id)?.(m.result);
        waiting.delete(m.id);
      }
    });
    void exited.then(() => reject(new Error('the host exited before it was ready')));
  });
  const failure = await ready;
  if (failure !== null) throw new Error(`the host did not start: ${failure}`);
  return {
    call: <T>(method: string, args: unknown) =>
      new Promise<ApiResult<T>>((resolve) => {
        const id = nextId++;
        // A call the kill cuts off never answers: it stays unacknowledged.
        waiting.set(id, resolve as (r: ApiResult<unknown>) => void);
        child.send({ id, method, args }, (error) => (error ? waiting.delete(id) : undefined));
      }),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** What the writer was told was saved, and the one write in flight when the host died. */
type Expected = { acked: string; inFlight: string | null };
type Ledger = {
  notes: Map<string, Expected>;
  customers: Map<string, string>;
  risks: Map<string, string>;
  answers: Map<string, Expected>;
  proposalTitle: Expected;
  versions: Set<string>;
  attachments: Map<string, string>;
  acknowledged: number;
};

type Fixture = { engagementId: string; sessionId: string; proposalId: string };

async function must<T>(host: Host, method: string, args: unknown): Promise<T> {
  const r = await host.call<T>(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function setUp(host: Host): Promise<{ fixture: Fixture; ledger: Ledger }> {
  const customer = await must<{ id: string }>(host, 'customers.create', { name: 'Fault probe customer', kind: 'enterprise' });
  const engagement = await must<{ id: string }>(host, 'engagements.create', { customerId: customer.id, title: 'Fault probe', scenarios: ['intelligent-customer-service'] });
  const session = await must<{ session: { id: string } }>(host, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  const generated = await must<{ proposal: { id: string; title: string } }>(host, 'proposals.generate', { engagementId: engagement.id, templateId: 'poc-ics-voicebot', lang: 'en' });
  return {
    fixture: { engagementId: engagement.id, sessionId: session.session.id, proposalId: generated.proposal.id },
    ledger: {
      notes: new Map(),
      customers: new Map([[customer.id, 'Fault probe customer']]),
      risks: new Map(),
      answers: new Map(),
      proposalTitle: { acked: generated.proposal.title, inFlight: null },
      versions: new Set(),
      attachments: new Map(),
      acknowledged: 0,
    },
  };
}

let counter = 0;
const unique = (): string => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Mixed writes, one after another, until the host dies (a call that never answers). */
async function write(host: Host, fixture: Fixture, ledger: Ledger, dead: Promise<void>, onDiskFull: () => void = () => {}): Promise<void> {
  // The proposal may have been saved by the write in flight at the last kill: start from what is stored.
  const stored = await host.call<{ updatedAt: string }>('proposals.get', { id: fixture.proposalId });
  let proposalBase: string | null = stored.ok ? stored.value.updatedAt : null;
  for (let step = 0; ; step += 1) {
    const kind = step % 8;
    let settle: Promise<void>;
    const noteIds = [...ledger.notes.keys()];
    if (kind === 0 || noteIds.length === 0) {
      const title = `note ${unique()}`;
      settle = host.call<{ id: string }>('notes.create', { engagementId: fixture.engagementId, title }).then((r) => {
        if (r.ok) ledger.notes.set(r.value.id, { acked: title, inFlight: null });
        else if (r.error.code === 'disk_full') onDiskFull();
        else throw new Error(`notes.create: ${r.error.code}`);
      });
    } else if (kind === 1) {
      const id = noteIds[step % noteIds.length] as string;
      const entry = ledger.notes.get(id) as Expected;
      const title = `edit ${unique()}`;
      entry.inFlight = title;
      settle = host.call('notes.save', { id, title }).then((r) => {
        if (r.ok) ledger.notes.set(id, { acked: title, inFlight: null });
        else {
          entry.inFlight = null;
          if (r.error.code === 'disk_full') onDiskFull();
          else throw new Error(`notes.save: ${r.error.code}`);
        }
      });
    } else if (kind === 2) {
      const name = `customer ${unique()}`;
      settle = host.call<{ id: string }>('customers.create', { name, kind: 'enterprise' }).then((r) => {
        if (r.ok) ledger.customers.set(r.value.id, name);
        else if (r.error.code === 'disk_full') onDiskFull();
        else throw new Error(`customers.create: ${r.error.code}`);
      });
    } else if (kind === 3) {
      const title = `risk ${unique()}`;
      settle = host.call<{ id: string }>('risks.create', { engagementId: fixture.engagementId, title, category: 'data', likelihood: 3, impact: 4 }).then((r) => {
        if (r.ok) ledger.risks.set(r.value.id, title);
        else if (r.error.code === 'disk_full') onDiskFull();
        else throw new Error(`risks.create: ${r.error.code}`);
      });
    } else if (kind === 4) {
      // Numeric questions take any count: a value of its own each time shows which save landed.
      const numeric = ['monthly-contacts', 'agents'];
      const q = numeric[step % 2] as string;
      const value = 1000 + (counter++ % 100000);
      const entry = ledger.answers.get(q) ?? { acked: 'null', inFlight: null };
      entry.inFlight = JSON.stringify(value);
      ledger.answers.set(q, entry);
      settle = host.call('assessments.answer', { sessionId: fixture.sessionId, questionId: q, value }).then((r) => {
        if (r.ok) ledger.answers.set(q, { acked: JSON.stringify(value), inFlight: null });
        else {
          entry.inFlight = null;
          if (r.error.code === 'disk_full') onDiskFull();
          else throw new Error(`assessments.answer: ${r.error.code}`);
        }
      });
    } else if (kind === 5) {
      const title = `Proposal ${unique()}`;
      ledger.proposalTitle.inFlight = title;
      settle = host.call<{ updatedAt: string }>('proposals.save', { id: fixture.proposalId, title, ...(proposalBase ? { baseUpdatedAt: proposalBase } : {}) }).then((r) => {
        if (r.ok) {
          ledger.proposalTitle = { acked: title, inFlight: null };
          proposalBase = r.value.updatedAt;
        } else {
          ledger.proposalTitle.inFlight = null;
          if (r.error.code === 'disk_full') onDiskFull();
          else throw new Error(`proposals.save: ${r.error.code}`);
        }
      });
    } else if (kind === 6) {
      settle = host.call<{ id: string }>('proposals.saveVersion', { id: fixture.proposalId, name: `v ${unique()}` }).then((r) => {
        if (r.ok) ledger.versions.add(r.value.id);
        else if (r.error.code === 'disk_full') onDiskFull();
        else throw new Error(`proposals.saveVersion: ${r.error.code}`);
      });
    } else {
      const data = new Uint8Array(crypto.randomBytes(1024 + (counter++ % 64) * 1024));
      const sha = crypto.createHash('sha256').update(data).digest('hex');
      const owner = noteIds[step % noteIds.length] as string;
      settle = host.call('attachments.add', { ownerTable: 'field_notes', ownerId: owner, name: `photo-${unique()}.bin`, mime: 'application/octet-stream', data }).then((r) => {
        if (r.ok) ledger.attachments.set(sha, owner);
        else if (r.error.code === 'disk_full') onDiskFull();
        else throw new Error(`attachments.add: ${r.error.code}`);
      });
    }
    const outcome = await Promise.race([settle.then(() => 'answered' as const), dead.then(() => 'dead' as const)]);
    if (outcome === 'dead') return;
    ledger.acknowledged += 1;
  }
}

type Verdict = { lost: string[]; corrupted: string[] };

/** With no process on the folder: is the database whole, and is every acknowledged write there? */
function verify(dataDir: string, fixture: Fixture, ledger: Ledger): Verdict {
  const lost: string[] = [];
  const corrupted: string[] = [];
  const db = new Database(path.join(dataDir, 'fieldbench.db'), { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.join() !== 'ok') corrupted.push(`integrity_check: ${integrity.slice(0, 3).join('; ')}`);
    const one = (sql: string, ...args: unknown[]): Record<string, unknown> | undefined => db.prepare(sql).get(...args) as Record<string, unknown> | undefined;
    const matches = (stored: unknown, e: Expected): boolean => stored === e.acked || (e.inFlight !== null && stored === e.inFlight);
    for (const [id, e] of ledger.notes) {
      const row = one('SELECT title FROM field_notes WHERE id = ? AND deleted = 0', id);
      if (!row || !matches(row.title, e)) lost.push(`note ${id}: stored ${String(row?.title)}, acknowledged ${e.acked}`);
      else if (e.inFlight !== null && row.title === e.inFlight) ledger.notes.set(id, { acked: e.inFlight, inFlight: null });
    }
    for (const [id, name] of ledger.customers) if (one('SELECT name FROM customers WHERE id = ?', id)?.name !== name) lost.push(`customer ${id}`);
    for (const [id, title] of ledger.risks) if (one('SELECT title FROM risk_items WHERE id = ?', id)?.title !== title) lost.push(`risk ${id}`);
    for (const [q, e] of ledger.answers) {
      const row = one('SELECT value FROM assessment_answers WHERE session_id = ? AND question_id = ?', fixture.sessionId, q);
      if (!matches(row?.value ?? 'null', e)) lost.push(`answer ${q}: stored ${String(row?.value)}, acknowledged ${e.acked}`);
      else if (e.inFlight !== null && row?.value === e.inFlight) ledger.answers.set(q, { acked: e.inFlight, inFlight: null });
    }
    const title = one('SELECT title FROM proposals WHERE id = ?', fixture.proposalId)?.title;
    if (!matches(title, ledger.proposalTitle)) lost.push(`proposal title: stored ${String(title)}, acknowledged ${ledger.proposalTitle.acked}`);
    else if (title === ledger.proposalTitle.inFlight) ledger.proposalTitle = { acked: String(title), inFlight: null };
    for (const id of ledger.versions) if (!one('SELECT 1 AS x FROM proposal_versions WHERE id = ?', id)) lost.push(`proposal version ${id}`);
    for (const [sha, owner] of ledger.attachments) {
      const row = one('SELECT size FROM attachments WHERE sha256 = ?', sha);
      const link = one('SELECT 1 AS x FROM attachment_links WHERE sha256 = ? AND owner_id = ? AND deleted = 0', sha, owner);
      if (!row || !link) {
        lost.push(`attachment ${sha.slice(0, 12)}`);
        continue;
      }
      const file = path.join(dataDir, 'attachments', sha);
      const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
      if (bytes === null) lost.push(`attachment file ${sha.slice(0, 12)}`);
      else if (bytes.length !== row.size || crypto.createHash('sha256').update(bytes).digest('hex') !== sha) corrupted.push(`attachment file ${sha.slice(0, 12)}: ${bytes.length} bytes`);
    }
  } finally {
    db.close();
  }
  return { lost, corrupted };
}

async function killCycles(): Promise<{ acknowledged: number; lost: number; corrupted: number; calls: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-faults-'));
  try {
    let host = await startHost(dataDir);
    const { fixture, ledger } = await setUp(host);
    await host.stop();
    let lost = 0;
    let corrupted = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      host = await startHost(dataDir);
      const dies = host.kill.bind(host);
      const dead = new Promise<void>((resolve) => setTimeout(() => void dies().then(resolve), 30 + Math.floor(Math.random() * 400)));
      await write(host, fixture, ledger, dead);
      await dead;
      const verdict = verify(dataDir, fixture, ledger);
      lost += verdict.lost.length;
      corrupted += verdict.corrupted.length;
      for (const line of [...verdict.lost, ...verdict.corrupted]) console.log(`  cycle ${cycle}: ${line}`);
      if (cycle % 20 === 0) console.log(`kill cycles: ${cycle}/${CYCLES}, ${ledger.acknowledged} acknowledged writes so far`);
    }
    return { acknowledged: ledger.acknowledged, lost, corrupted, calls: ledger.acknowledged };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** Fills the file system to ENOSPC, then gives back `leave` bytes. */
function fill(dir: string, leave: number): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch {
    // full
  } finally {
    fs.closeSync(fd);
  }
  fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - leave));
  return filler;
}

async function diskFullCycles(): Promise<{ acknowledged: number; lost: number; corrupted: number; refused: number; recovered: number } | null> {
  if (DISK_FULL_CYCLES === 0 || !canMount()) return null;
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-faults-full-'));
  const dataDir = path.join(parent, 'data');
  fs.mkdirSync(dataDir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', dataDir], { stdio: 'pipe' });
  try {
    let host = await startHost(dataDir);
    const { fixture, ledger } = await setUp(host);
    await host.stop();
    let lost = 0;
    let corrupted = 0;
    let refused = 0;
    let recovered = 0;
    for (let cycle = 1; cycle <= DISK_FULL_CYCLES; cycle += 1) {
      host = await startHost(dataDir);
      const filler = fill(dataDir, 256 * 1024);
      // Write until the disk is full and writes are refused, then a little longer.
      let refusals = 0;
      const full = new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (refusals >= 5) {
            clearInterval(check);
            resolve();
          }
        }, 20);
      });
      const dies = host.kill.bind(host);
      const dead = Promise.race([full, new Promise<void>((r) => setTimeout(r, 8000))]).then(() => dies());
      await write(host, fixture, ledger, dead, () => (refusals += 1));
      await dead;
      refused += refusals;
      let verdict = verify(dataDir, fixture, ledger);
      // Space comes back: the app starts and writes again.
      fs.rmSync(filler);
      host = await startHost(dataDir);
      const before = ledger.acknowledged;
      const quiet = new Promise<void>((r) => setTimeout(r, 300)).then(() => host.stop());
      await write(host, fixture, ledger, quiet);
      await quiet;
      if (ledger.acknowledged > before) recovered += 1;
      const after = verify(dataDir, fixture, ledger);
      verdict = { lost: [...verdict.lost, ...after.lost], corrupted: [...verdict.corrupted, ...after.corrupted] };
      lost += verdict.lost.length;
      corrupted += verdict.corrupted.length;
      for (const line of [...verdict.lost, ...verdict.corrupted]) console.log(`  disk-full cycle ${cycle}: ${line}`);
    }
    return { acknowledged: ledger.acknowledged, lost, corrupted, refused, recovered };
  } finally {
    execFileSync('umount', ['-l', dataDir], { stdio: 'pipe' });
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  buildSync({ entryPoints: [path.join(ROOT, 'test', 'bench', 'faults', 'host.entry.ts')], outfile: BUNDLE, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
  const started = Date.now();
  console.log(`fault script: ${CYCLES} SIGKILL/restart cycles, then ${DISK_FULL_CYCLES} disk-full/recover cycles`);
  const kills = await killCycles();
  console.log(`SIGKILL cycles: ${CYCLES}; acknowledged writes: ${kills.acknowledged}; lost: ${kills.lost}; corrupted: ${kills.corrupted}`);
  const full = await diskFullCycles();
  if (full === null) console.log('disk-full cycles: skipped (needs root and tmpfs mounts)');
  else console.log(`disk-full cycles: ${DISK_FULL_CYCLES}; acknowledged writes: ${full.acknowledged}; refused with disk_full: ${full.refused}; cycles that wrote again after space returned: ${full.recovered}/${DISK_FULL_CYCLES}; lost: ${full.lost}; corrupted: ${full.corrupted}`);
  const lost = kills.lost + (full?.lost ?? 0);
  const corrupted = kills.corrupted + (full?.corrupted ?? 0);
  console.log(`TOTAL: acknowledged ${kills.acknowledged + (full?.acknowledged ?? 0)}, lost ${lost}, corrupted ${corrupted} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(lost + corrupted === 0 ? 0 : 1);
}

void main();
