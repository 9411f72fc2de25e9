import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import type { Role } from '../../core/sync/spaces';
import { makeTempDir } from './temp-dir';

/**
 * The central repository as tests use it: the real server process (server/main.ts, bundled once
 * per test process) on 127.0.0.1 with a fresh SQLite folder or a fresh PostgreSQL database, and
 * the admin CLI as a process too.
 */

// Vitest, Playwright and the bench runner all start in the repository; bundled benches have no
// module path of their own to go by.
const ROOT = process.cwd();
if (!fs.existsSync(path.join(ROOT, 'server', 'main.ts'))) throw new Error(`run from the repository root (server/main.ts is not in ${ROOT})`);
let built: Promise<{ main: string; admin: string }> | null = null;

function bundles(): Promise<{ main: string; admin: string }> {
  built ??= (async () => {
    const out = path.join(ROOT, '.cache', 'test-server');
    const one = async (name: 'main' | 'admin') => {
      const outfile = path.join(out, `${name}.cjs`);
      // Test processes build at the same time: each writes its own file and renames it into place,
      // which replaces the bundle whole (another process never runs half a file).
      const own = path.join(out, `${name}.${process.pid}.cjs`);
      await build({ entryPoints: [path.join(ROOT, 'server', `${name}.ts`)], outfile: own, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
      fs.renameSync(own, outfile);
      return outfile;
    };
    return { main: await one('main'), admin: await one('admin') };
  })();
  return built;
}

export const TEST_PG_URL = process.env.FIELDBENCH_TEST_DATABASE_URL ?? 'postgres://fieldbench:fieldbench@127.0.0.1:5432/postgres';

/** Whether PostgreSQL answers; under CI it must (the suite would otherwise skip what it exists for). */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is not reachable at ${TEST_PG_URL} (${error instanceof Error ? error.message : String(error)}); .ci/run starts it`);
    console.warn(`PostgreSQL tests skipped: no server at ${TEST_PG_URL}. Start one (pg_ctlcluster 15 main start) or set FIELDBENCH_TEST_DATABASE_URL.`);
    return false;
  }
}

/** A new, empty PostgreSQL database; `drop` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `fieldbench_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type DatabaseKind = 'sqlite' | 'postgres';

export type TestServer = {
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  process: () => ChildProcess;
  /** SIGTERM, and waits for the process to end; its exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL: the process dies at once, mid-request if it was in one. */
  kill: () => Promise<void>;
  /** Starts the process again on the same port and database. */
  restart: () => Promise<void>;
  admin: (args: string[], password?: string) => { code: number | null; stdout: string; stderr: string };
  addUser: (name: string, role: Role, password?: string) => void;
  /** Stops the process and removes its data. */
  dispose: () => Promise<void>;
};

export const TEST_PASSWORD = 'correct horse battery';

/** Starts a server; with `databaseUrl` it shares that PostgreSQL database (several processes, one store). */
export async function startServer(options: { db: DatabaseKind; databaseUrl?: string; env?: Record<string, string> } = { db: 'sqlite' }): Promise<TestServer> {
  const files = await bundles();
  const temp = makeTempDir('fieldbench-server-');
  let pgDb: { url: string; drop: () => Promise<void> } | null = null;
  let databaseUrl: string | null = null;
  if (options.db === 'postgres') {
    if (options.databaseUrl !== undefined) databaseUrl = options.databaseUrl;
    else {
      pgDb = await freshPostgres();
      databaseUrl = pgDb.url;
    }
  }
  const env = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    FIELDBENCH_SERVER_DATA: temp.dir,
    LOG_LEVEL: 'info',
    ...(databaseUrl === null ? { DATABASE_URL: '' } : { DATABASE_URL: databaseUrl }),
    ...options.env,
  });
  let child: ChildProcess | null = null;
  let port = 0;
  const launch = async (): Promise<void> => {
    // FIELDBENCH_SERVER_NODE_ARGS: extra Node flags for the server (e.g. --cpu-prof when profiling a bench).
    const nodeArgs = process.env.FIELDBENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const proc = spawn(process.execPath, [...nodeArgs, files.main], { env: env(port), stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    port = await new Promise<number>((resolve, reject) => {
      let buffer = '';
      let listening = false;
      const timer = setTimeout(() => reject(new Error(`the server did not start in time: ${stderr}`)), 30_000);
      // Read on after the address (the pipe must not fill up) but keep nothing: a bench's logs are long.
      proc.stdout?.on('data', (d: Buffer) => {
        if (listening) return;
        buffer += d.toString();
        const match = /"address":"https?:\/\/127\.0\.0\.1:(\d+)"/.exec(buffer);
        if (match?.[1]) {
          listening = true;
          buffer = '';
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code}: ${stderr}`));
      });
    });
  };
  await launch();
  const waitExit = (proc: ChildProcess): Promise<number | null> =>
    proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve(proc.exitCode) : new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  const server: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir: temp.dir,
    databaseUrl,
    process: () => {
      if (!child) throw new Error('no server process');
      return child;
    },
    stop: async () => {
      if (!child) return null;
      const proc = child;
      proc.kill('SIGTERM');
      return waitExit(proc);
    },
    kill: async () => {
      if (!child) return;
      const proc = child;
      proc.kill('SIGKILL');
      await waitExit(proc);
    },
    restart: async () => {
      await launch();
    },
    admin: (args, password) => {
      const r = spawnSync(process.execPath, [files.admin, ...args], { env: { ...env(port), ...(password === undefined ? {} : { FIELDBENCH_PASSWORD: password }) }, encoding: 'utf8', input: '' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    addUser: (name, role, password = TEST_PASSWORD) => {
      const r = server.admin(['user', 'add', name, '--role', role, '--display', name.replace(/^./, (c) => c.toUpperCase())], password);
      if (r.code !== 0) throw new Error(`adding ${name} failed: ${r.stderr}`);
    },
    dispose: async () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await waitExit(child);
      }
      await pgDb?.drop();
      temp.cleanup();
    },
  };
  return server;
}

/** Runs the server with these settings until it exits by itself (one that cannot start); what it printed and its exit code. */
export async function runServerUntilExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const files = await bundles();
  const temp = makeTempDir('fieldbench-server-');
  try {
    const r = spawnSync(process.execPath, [files.main], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', FIELDBENCH_SERVER_DATA: temp.dir, ...env }, encoding: 'utf8', timeout: timeoutMs });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    temp.cleanup();
  }
}

/** JSON over HTTP to a test server (the raw protocol, for the server's own tests). */
export async function api<T = unknown>(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; raw?: string | Buffer; contentType?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | Uint8Array | undefined;
  if (init.raw !== undefined) {
    body = typeof init.raw === 'string' ? init.raw : new Uint8Array(init.raw);
    headers['content-type'] = init.contentType ?? 'application/json';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${url}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body: body as BodyInit }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // binary or empty
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Enrols a device for a user and returns its token. */
export async function enrolDevice(url: string, username: string, password = TEST_PASSWORD): Promise<{ token: string; userId: string; deviceId: string }> {
  const r = await api<{ token: string; deviceId: string; user: { id: string } }>(url, '/api/v1/enrol', { body: { username, password, deviceName: `${username}'s test device` } });
  if (r.status !== 200) throw new Error(`enrolling ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { token: r.body.token, userId: r.body.user.id, deviceId: r.body.deviceId };
}

/**
 * Posts a body the server will refuse before reading it all: the server answers and closes while
 * the body is still being sent, which fetch reports as a broken pipe. This waits for the answer
 * and ignores the write error.
 */
export function postOversized(url: string, path: string, token: string, body: Buffer, options: { method?: string; contentType?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': options.contentType ?? 'application/json', 'content-length': body.length };
    const request = http.request(target, { method: options.method ?? 'POST', headers }, (response) => {
      clearTimeout(sendBody);
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    // The headers alone say the body is too large: the server answers before the body is sent, so
    // no write races the answer. Only if it does not, the body follows.
    request.flushHeaders();
    const sendBody = setTimeout(() => request.end(body), 3000);
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    request.on('close', () => reject(new Error('the connection closed before the server answered')));
  });
}

