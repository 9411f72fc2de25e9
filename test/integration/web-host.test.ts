import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { defaultWebDataDir, parsePort } from '../../electron/web/config';
import { HTTP_PROTOCOL } from '../../core/api/bridge';
import { makeTempDir } from '../helpers/temp-dir';

const CONTENT = path.join(__dirname, '..', 'fixtures', 'packs', 'valid');
let host: WebHost;
let dataDir: string;
let rendererDir: string;
const cleanups: (() => void)[] = [];

/** Raw HTTP so tests control every header, including Host (fetch would not let us). */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (body: unknown, headers: Record<string, string> = {}) =>
  request({ path: HTTP_PROTOCOL.callPath, method: 'POST', headers: { 'content-type': 'application/json', [HTTP_PROTOCOL.secretHeader]: host.secret, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  const data = makeTempDir();
  const renderer = makeTempDir();
  cleanups.push(data.cleanup, renderer.cleanup);
  dataDir = data.dir;
  rendererDir = renderer.dir;
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbench</title><div id="root"></div>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ port: 0, dataDir, contentDir: CONTENT, rendererDir, appVersion: '0.0.0-test', log: () => {} });
});
afterAll(async () => {
  await host.close();
  cleanups.forEach((c) => c());
});

describe('browser host', () => {
  it('prints a 127.0.0.1 URL carrying the secret in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#k=${host.secret}`);
    expect(host.secret.length).toBeGreaterThanOrEqual(43);
  });

  it('serves the app with security headers and no CORS grants', async () => {
    const res = await request({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
    expect((await request({ path: '/kb/some-route' })).body).toContain('<div id="root">');
  });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    expect((await request({ path: '/', headers: { host: 'evil.example:80' } })).status).toBe(421);
    expect((await api({ method: 'app.info', args: {} }, { host: `attacker.test:${host.port}` })).status).toBe(421);
  });

  it('requires the secret on every API call', async () => {
    const missing = await request({ path: HTTP_PROTOCOL.callPath, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"method":"app.info"}' });
    expect(missing.status).toBe(401);
    expect((await api({ method: 'app.info' }, { [HTTP_PROTOCOL.secretHeader]: 'wrong' })).status).toBe(401);
    expect((await request({ path: HTTP_PROTOCOL.eventsPath })).status).toBe(401);
  });

  it('refuses cross-origin requests', async () => {
    const res = await api({ method: 'app.info' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('carries the contract: results, unknown methods, bad arguments', async () => {
    const info = await api({ method: 'app.info', args: {} });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { host: 'web' } });
    expect(JSON.parse((await api({ method: 'fs.readFile', args: {} })).body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = JSON.parse((await api({ method: 'kb.search', args: { query: 7 } })).body) as { ok: boolean; error: { code: string; message: string } };
    expect(bad.error.code).toBe('bad_request');
    expect(bad.error.message).toMatch(/query/);
  });

  it('rejects malformed and oversized bodies with clear messages', async () => {
    const malformed = await api('{"method": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatch(/not valid JSON/);
    expect((await api('[1,2]')).status).toBe(400);
    expect((await api('x'.repeat(HTTP_PROTOCOL.maxBodyBytes + 1000))).status).toBe(413);
    expect((await api({ method: 'app.info' }, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/%00']) {
      const res = await request({ path: p });
      expect(res.body, p).not.toContain('"name"');
    }
  });

  it('streams pushed events to a subscriber', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: HTTP_PROTOCOL.eventsPath, headers: { host: `127.0.0.1:${host.port}`, [HTTP_PROTOCOL.secretHeader]: host.secret } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes('data: ')) {
            req.destroy();
            resolve(text);
          }
        });
        setTimeout(() => host.emit('content.imported', { packVersion: 2, added: 1, updated: 0, problems: 0 }), 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: content.imported\ndata: {"packVersion":2,"added":1,"updated":0,"problems":0}');
  });

  it('accepts its own origin and localhost, and answers preflights with no grants', async () => {
    const own = await api({ method: 'app.info', args: {} }, { origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
    const viaLocalhost = await api({ method: 'app.info', args: {} }, { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` });
    expect(viaLocalhost.status).toBe(200);
    const preflight = await request({ path: HTTP_PROTOCOL.callPath, method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    const ownPreflight = await request({ path: HTTP_PROTOCOL.callPath, method: 'OPTIONS', headers: { origin: `http://127.0.0.1:${host.port}` } });
    expect(ownPreflight.status).toBe(401);
    for (const res of [own, preflight, ownPreflight]) expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(own.headers['cache-control']).toBe('no-store');
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const outside = makeTempDir();
    cleanups.push(outside.cleanup);
    fs.writeFileSync(path.join(outside.dir, 'secret.txt'), 'outside-the-folder');
    fs.symlinkSync(path.join(outside.dir, 'secret.txt'), path.join(rendererDir, 'link.txt'));
    const res = await request({ path: '/link.txt' });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside-the-folder');
  });

  it('reads its port and data folder from flags and the environment', () => {
    expect(parsePort([], {})).toBe(5717);
    expect(parsePort([], { FIELDBENCH_PORT: '6001' })).toBe(6001);
    expect(parsePort(['--port', '0'], { FIELDBENCH_PORT: '6001' })).toBe(0);
    expect(parsePort(['--port=7000'], {})).toBe(7000);
    expect(() => parsePort(['--port', 'abc'], {})).toThrow(/Invalid port "abc" from --port/);
    expect(() => parsePort([], { FIELDBENCH_PORT: '70000' })).toThrow(/FIELDBENCH_PORT/);
    expect(defaultWebDataDir({ FIELDBENCH_DATA_DIR: '/tmp/fb' }, 'linux')).toBe(path.resolve('/tmp/fb'));
    expect(defaultWebDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.local', 'share', 'fieldbench-web'));
    expect(defaultWebDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe(path.join('/xdg', 'fieldbench-web'));
    expect(defaultWebDataDir({ APPDATA: '/appdata' }, 'win32')).toBe(path.join('/appdata', 'fieldbench-web'));
    expect(defaultWebDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'fieldbench-web'));
  });

  it('refuses to start without a built renderer, naming the fix', async () => {
    const empty = makeTempDir();
    cleanups.push(empty.cleanup);
    await expect(startWebHost({ port: 0, dataDir: path.join(empty.dir, 'data'), contentDir: CONTENT, rendererDir: path.join(empty.dir, 'nothing'), appVersion: '0.0.0-test', log: () => {} })).rejects.toThrow(/npm run build/);
  });

  it('keeps data across a restart on the same data folder', async () => {
    expect(JSON.parse((await api({ method: 'settings.update', args: { theme: 'dark' } })).body)).toMatchObject({ ok: true });
    await host.close();
    host = await startWebHost({ port: 0, dataDir, contentDir: CONTENT, rendererDir, appVersion: '0.0.0-test', log: () => {} });
    expect(JSON.parse((await api({ method: 'settings.get', args: {} })).body)).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});
