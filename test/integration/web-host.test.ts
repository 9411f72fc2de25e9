import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { defaultWebDataDir, parsePort, webContentDir } from '../../electron/web/config';
import { HTTP_PROTOCOL } from '../../core/api/bridge';
import { decodeEnvelope, ENVELOPE_CONTENT_TYPE, encodeEnvelope } from '../../core/api/http-envelope';
import type { ApiResult } from '../../core/api/result';
import { makeTempDir } from '../helpers/temp-dir';
import { newerDataFolder } from '../helpers/newer-data';
import { pngHeaded } from '../helpers/png';

const CONTENT = path.join(__dirname, '..', 'fixtures', 'packs', 'valid');
let host: WebHost;
let dataDir: string;
let rendererDir: string;
const cleanups: (() => void)[] = [];

/** Raw HTTP so tests control every header, including Host (fetch would not let us). */
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; bytes: Buffer };
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer | Uint8Array[] }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', reject);
    if (Array.isArray(options.body)) for (const part of options.body) req.write(part);
    else if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** POSTs to /api/call: a value is sent as an envelope, a string or Buffer as the raw body. */
const api = (body: unknown, headers: Record<string, string> = {}) =>
  request({
    path: HTTP_PROTOCOL.callPath,
    method: 'POST',
    headers: { 'content-type': ENVELOPE_CONTENT_TYPE, [HTTP_PROTOCOL.secretHeader]: host.secret, ...headers },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : encodeEnvelope(body),
  });
/** The ApiResult an envelope answer carries. */
const result = (answer: Answer): ApiResult<unknown> => {
  expect(answer.headers['content-type']).toBe(ENVELOPE_CONTENT_TYPE);
  return decodeEnvelope(answer.bytes) as ApiResult<unknown>;
};

beforeAll(async () => {
  const data = makeTempDir();
  const renderer = makeTempDir();
  cleanups.push(data.cleanup, renderer.cleanup);
  dataDir = data.dir;
  rendererDir = renderer.dir;
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbench</title><div id="root"></div>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
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
    // The policy literally: scripts from the page's own origin only, no <base>, no framing.
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
    // The build writes source maps beside the bundles; the host never serves them.
    const map = await request({ path: '/assets/app.js.map' });
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('secret.ts');
    expect((await request({ path: '/kb/some-route' })).body).toContain('<div id="root">');
  });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    expect((await request({ path: '/', headers: { host: 'evil.example:80' } })).status).toBe(421);
    expect((await api({ method: 'app.info', args: {} }, { host: `attacker.test:${host.port}` })).status).toBe(421);
  });

  it('requires the secret on every API call', async () => {
    const missing = await request({ path: HTTP_PROTOCOL.callPath, method: 'POST', headers: { 'content-type': ENVELOPE_CONTENT_TYPE }, body: encodeEnvelope({ method: 'app.info' }) });
    expect(missing.status).toBe(401);
    expect((await api({ method: 'app.info' }, { [HTTP_PROTOCOL.secretHeader]: 'wrong' })).status).toBe(401);
    expect((await request({ path: HTTP_PROTOCOL.eventsPath })).status).toBe(401);
  });

  it('trades the key for an HttpOnly, SameSite=Strict cookie named for its port, which then opens the API to the same page only', async () => {
    const cookieName = HTTP_PROTOCOL.cookieName(host.port);
    // Only the key itself buys the cookie.
    expect((await request({ path: HTTP_PROTOCOL.sessionPath, method: 'POST', headers: { [HTTP_PROTOCOL.secretHeader]: 'wrong' } })).status).toBe(401);
    expect((await request({ path: HTTP_PROTOCOL.sessionPath, method: 'GET', headers: { [HTTP_PROTOCOL.secretHeader]: host.secret } })).status).toBe(405);
    const session = await request({ path: HTTP_PROTOCOL.sessionPath, method: 'POST', headers: { [HTTP_PROTOCOL.secretHeader]: host.secret } });
    expect(session.status).toBe(204);
    const setCookie = String(session.headers['set-cookie'] ?? '');
    expect(setCookie).toBe(`${cookieName}=${host.secret}; Path=/; HttpOnly; SameSite=Strict`);
    const cookie = `${cookieName}=${host.secret}`;
    const own = `http://127.0.0.1:${host.port}`;
    const withCookie = (headers: Record<string, string>) =>
      request({ path: HTTP_PROTOCOL.callPath, method: 'POST', headers: { 'content-type': ENVELOPE_CONTENT_TYPE, cookie, ...headers }, body: encodeEnvelope({ method: 'app.info' }) });
    // The app's own page (a new tab, a bookmark): its calls carry its Origin and the cookie.
    expect((await withCookie({ origin: own })).status).toBe(200);
    // A page on another local port is the same site, so the browser sends the cookie: its Origin refuses it.
    expect((await withCookie({ origin: 'http://127.0.0.1:5173' })).status).toBe(403);
    // A call that names no origin must carry the key itself.
    expect((await withCookie({})).status).toBe(401);
    // Another port's cookie, or a stale one from an earlier launch, opens nothing.
    expect((await withCookie({ origin: own, cookie: `${HTTP_PROTOCOL.cookieName(host.port + 1)}=${host.secret}` })).status).toBe(401);
    expect((await withCookie({ origin: own, cookie: `${cookieName}=${'x'.repeat(host.secret.length)}` })).status).toBe(401);
    // Reads (the event stream) work with the cookie alone.
    const events = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: HTTP_PROTOCOL.eventsPath, headers: { host: `127.0.0.1:${host.port}`, cookie } }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.end();
    });
    expect(events).toBe(200);
  });

  it('refuses requests from sandboxed frames and file:// pages (Origin: null)', async () => {
    const res = await api({ method: 'app.info' }, { origin: 'null' });
    expect(res.status).toBe(403);
  });

  it('refuses cross-origin requests', async () => {
    const res = await api({ method: 'app.info' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('carries the contract: results, unknown methods, bad arguments', async () => {
    const info = await api({ method: 'app.info', args: {} });
    expect(info.status).toBe(200);
    expect(result(info)).toMatchObject({ ok: true, value: { host: 'web' } });
    expect(result(await api({ method: 'fs.readFile', args: {} }))).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = result(await api({ method: 'kb.search', args: { query: 7 } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/query/) } });
  });

  it('rejects malformed and oversized bodies with clear messages', async () => {
    /** A raw envelope: the header JSON as given, then the blob bytes. */
    const raw = (header: string, blobs = Buffer.alloc(0)): Buffer => {
      const json = Buffer.from(header, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(json.length);
      return Buffer.concat([length, json, blobs]);
    };
    const malformed = await api(raw('{"json": {"method": '));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatch(/not a valid application\/x-fieldbench envelope: the header is not valid UTF-8 JSON/);
    expect((await api(raw('{"json": [1, 2], "blobs": []}'))).body).toMatch(/must carry an object/);
    expect((await api(raw('{"json": {"method": "app.info"}, "blobs": [{"path": ["args"], "size": 3}]}'))).body).toMatch(/blobs add up to 3 bytes, but 0 follow/);
    expect((await api(raw('{"json": {"args": {"data": "x"}}, "blobs": [{"path": ["args", "data"], "size": 1}]}', Buffer.from('x')))).body).toMatch(/blob 0: the JSON has no null at args\.data/);
    expect((await api(Buffer.from([0, 0, 0, 200, 123]))).body).toMatch(/header is said to have 200 bytes/);
    expect((await api('x'.repeat(HTTP_PROTOCOL.maxBodyBytes + 1000))).status).toBe(413);
    const json = await api(JSON.stringify({ method: 'app.info' }), { 'content-type': 'application/json' });
    expect([json.status, json.body]).toEqual([415, expect.stringContaining('takes content-type application/x-fieldbench')]);
    expect((await api({ method: 'app.info' }, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('carries bytes raw both ways: an attachment in, the same bytes out, never base64', async () => {
    const png = pngHeaded(crypto.randomBytes(64 * 1024));
    const n1 = (result(await api({ method: 'notes.create', args: { title: 'Rack B' } })) as { value: { id: string } }).value.id;
    const parts = encodeEnvelope({ method: 'attachments.add', args: { ownerTable: 'field_notes', ownerId: n1, name: 'rack.png', mime: 'image/png', data: png } });
    // The upload is the JSON header plus the file itself: no 4/3 growth.
    expect(parts.reduce((n, p) => n + p.byteLength, 0)).toBeLessThan(png.length + 400);
    const added = result(await api({ method: 'attachments.add', args: { ownerTable: 'field_notes', ownerId: n1, name: 'rack.png', mime: 'image/png', data: png } }));
    expect(added).toMatchObject({ ok: true, value: { name: 'rack.png', size: png.length } });
    const sha256 = (added as { value: { sha256: string } }).value.sha256;
    const read = await api({ method: 'attachments.read', args: { sha256 } });
    expect(read.bytes.length).toBeLessThan(png.length + 400);
    const value = (result(read) as { value: { data: Uint8Array } }).value;
    expect(value.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(value.data).equals(png)).toBe(true);
    // Arguments that are not bytes where bytes belong are refused by the contract, naming the field.
    const base64 = result(await api({ method: 'attachments.add', args: { ownerTable: 'field_notes', ownerId: n1, name: 'x.png', mime: 'image/png', data: png.toString('base64') } }));
    expect(base64).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/data: must be binary data/) } });
  });

  it('serves stored files read-only at /api/blob/<sha256> with the per-launch blob token', async () => {
    const png = pngHeaded(crypto.randomBytes(1000));
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const n2 = (result(await api({ method: 'notes.create', args: { title: 'Site photos' } })) as { value: { id: string } }).value.id;
    const add = async (name: string, mime: string, data: Buffer) => {
      const answer = await api({ method: 'attachments.add', args: { ownerTable: 'field_notes', ownerId: n2, name, mime, data } });
      return { token: String(answer.headers[HTTP_PROTOCOL.blobTokenHeader]), sha256: (result(answer) as { value: { sha256: string } }).value.sha256 };
    };
    const image = await add('rack.png', 'image/png', png);
    const page = await add('page “1”.html', 'text/html', html);
    expect(image.token).toMatch(/^[\w-]{43}$/);
    expect(image.token).not.toBe(host.secret);
    const blob = (sha256: string, token = image.token, method = 'GET') => request({ path: `${HTTP_PROTOCOL.blobPath}${sha256}?${HTTP_PROTOCOL.blobTokenParam}=${token}`, method });

    const shown = await blob(image.sha256);
    expect(shown.status).toBe(200);
    expect(shown.bytes.equals(png)).toBe(true);
    expect(shown.headers).toMatchObject({ 'content-type': 'image/png', 'content-disposition': 'inline', 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox' });
    expect(Object.keys(shown.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    // Anything but an image is only ever a download, under its own name.
    const other = await blob(page.sha256);
    expect(other.headers['content-type']).toBe('application/octet-stream');
    expect(other.headers['content-disposition']).toBe(`attachment; filename="page _1_.html"; filename*=UTF-8''page%20%E2%80%9C1%E2%80%9D.html`);

    expect((await blob(image.sha256, 'wrong')).status).toBe(401);
    expect((await request({ path: `${HTTP_PROTOCOL.blobPath}${image.sha256}` })).status).toBe(401);
    // The secret opens calls, not blobs: the blob route wants its own token.
    expect((await blob(image.sha256, host.secret)).status).toBe(401);
    expect((await blob('a'.repeat(64))).status).toBe(404);
    expect((await blob('..%2f..%2fpackage.json')).status).toBe(400);
    // Dot segments are folded by the URL parser and land outside /api/blob/: nothing is served.
    expect((await blob('../../package.json')).body).not.toContain('"name"');
    expect((await blob(image.sha256.toUpperCase())).status).toBe(400);
    expect((await blob(image.sha256, image.token, 'POST')).status).toBe(405);
    const head = await blob(image.sha256, image.token, 'HEAD');
    expect([head.status, head.headers['content-length'], head.bytes.length]).toEqual([200, String(png.length), 0]);
    // The Host check still comes first.
    expect((await request({ path: `${HTTP_PROTOCOL.blobPath}${image.sha256}?t=${image.token}`, headers: { host: 'evil.example' } })).status).toBe(421);
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

  it('reads its port, data folder and content pack from flags and the environment', () => {
    expect(webContentDir('/app', {})).toBe(path.join('/app', 'resources', 'content'));
    expect(webContentDir('/app', { FIELDBENCH_CONTENT_DIR: '/packs/next' })).toBe(path.resolve('/packs/next'));
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

  it('after a failed start-up serves the app and answers every call at once with unavailable and the reason', async () => {
    const newer = await startWebHost({ port: 0, dataDir: await newerDataFolder(), contentDir: CONTENT, rendererDir, appVersion: '0.0.0-test', log: () => {} });
    try {
      expect(newer.startupProblem).toMatch(/^Fieldbench could not open its data: This data file was written by a newer version of Fieldbench/);
      const call = (method: string, args: unknown) =>
        new Promise<{ status: number; bytes: Buffer; type: string | undefined }>((resolve, reject) => {
          const req = http.request(
            { host: '127.0.0.1', port: newer.port, path: HTTP_PROTOCOL.callPath, method: 'POST', headers: { host: `127.0.0.1:${newer.port}`, 'content-type': ENVELOPE_CONTENT_TYPE, [HTTP_PROTOCOL.secretHeader]: newer.secret } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), type: res.headers['content-type'] }));
            },
          );
          req.on('error', reject);
          for (const part of encodeEnvelope({ method, args })) req.write(part);
          req.end();
        });
      for (const [method, args] of [['settings.get', {}], ['kb.search', { query: 'x' }], ['attachments.list', { ownerTable: 'field_notes', ownerId: 'n' }]] as const) {
        const answer = await call(method, args);
        expect([answer.status, answer.type]).toEqual([200, ENVELOPE_CONTENT_TYPE]);
        expect(decodeEnvelope(answer.bytes)).toMatchObject({ ok: false, error: { code: 'unavailable', key: 'error.cannotOpenData', message: newer.startupProblem } });
      }
    } finally {
      await newer.close();
    }
  });

  it('keeps data across a restart on the same data folder', async () => {
    expect(result(await api({ method: 'settings.update', args: { theme: 'dark' } }))).toMatchObject({ ok: true });
    await host.close();
    host = await startWebHost({ port: 0, dataDir, contentDir: CONTENT, rendererDir, appVersion: '0.0.0-test', log: () => {} });
    expect(host.startupProblem).toBeNull();
    expect(result(await api({ method: 'settings.get', args: {} }))).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});
