import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { HTTP_PROTOCOL } from '../../core/api/bridge';
import type { EventName, Events } from '../../core/api/contract';
import { createBackend } from '../backend/backend';
import { contentType, pickStatic } from './static-files';

/**
 * The browser host: the built renderer and the API contract over HTTP on 127.0.0.1. Any page in
 * the user's browser can reach 127.0.0.1, so: the Host header must be ours (DNS rebinding), every
 * API call carries the per-launch secret, and no CORS grant is ever sent.
 */

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export type WebHostOptions = {
  port: number;
  dataDir: string;
  contentDir: string;
  rendererDir: string;
  appVersion: string;
  log?: (message: string) => void;
};

export type WebHost = {
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
  /** For tests: push an event to connected clients as the backend would. */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
};

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function secretMatches(given: string | string[] | undefined, secret: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const g = Buffer.from(given);
  return g.length === secret.length && crypto.timingSafeEqual(g, secret);
}

/** Reads at most `limit` bytes; past it the rest is drained and dropped so the client can read our answer. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? 'too-large' : Buffer.concat(chunks);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${options.rendererDir}/index.html is missing). Run "npm run build" first.`);
  }
  const log = options.log ?? ((m: string) => console.error(m));
  const clients = new Set<http.ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of clients) c.write(frame);
  };
  const backend = await createBackend({
    dataDir: options.dataDir,
    contentDir: options.contentDir,
    host: 'web',
    appVersion: options.appVersion,
    emit,
    log: (m, e) => log(`[backend] ${m}${e ? ` ${String(e)}` : ''}`),
  });
  const secretText = crypto.randomBytes(32).toString('base64url');
  const secret = Buffer.from(secretText);
  let allowedHosts = new Set<string>();
  let ownOrigin = '';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log(`[web] ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Unknown Host header: this server answers only to 127.0.0.1 and localhost.');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== ownOrigin && origin !== ownOrigin.replace('127.0.0.1', 'localhost')) return send(res, 403, 'Cross-origin requests are refused.');
    const url = new URL(req.url ?? '/', ownOrigin);

    if (url.pathname.startsWith('/api/')) {
      if (!secretMatches(req.headers[HTTP_PROTOCOL.secretHeader], secret)) return send(res, 401, 'Missing or wrong Fieldbench secret.');
      if (url.pathname === HTTP_PROTOCOL.callPath) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST.', undefined, { allow: 'POST' });
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send application/json.');
        if (Number(req.headers['content-length'] ?? 0) > HTTP_PROTOCOL.maxBodyBytes) {
          req.resume();
          return send(res, 413, `Request body larger than ${HTTP_PROTOCOL.maxBodyBytes} bytes.`, undefined, { connection: 'close' });
        }
        const body = await readBody(req, HTTP_PROTOCOL.maxBodyBytes);
        if (body === 'too-large') return send(res, 413, `Request body larger than ${HTTP_PROTOCOL.maxBodyBytes} bytes.`);
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch (error) {
          return send(res, 400, `Request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return send(res, 400, 'Request body must be a JSON object {"method", "args"}.');
        const { method, args } = parsed as { method?: unknown; args?: unknown };
        const result = await backend.call(method, args);
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      if (url.pathname === HTTP_PROTOCOL.eventsPath) {
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      return send(res, 404, 'Unknown API path.');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const file = pickStatic(options.rendererDir, url.pathname);
    if (file === null) return send(res, 404, 'Not found.');
    const data = await fs.promises.readFile(file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentType(file), 'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600' });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  ownOrigin = `http://127.0.0.1:${port}`;
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': heartbeat\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    url: `${ownOrigin}/#${HTTP_PROTOCOL.fragmentKey}=${secretText}`,
    port,
    secret: secretText,
    emit,
    async close() {
      clearInterval(heartbeat);
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      backend.close();
    },
  };
}
