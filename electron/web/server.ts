import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { HTTP_PROTOCOL } from '../../core/api/bridge';
import type { EventName, Events } from '../../core/api/contract';
import { createBackend, type Backend } from '../backend/backend';
import { createEventHub } from './events';
import { hostGuard, newSecret, secretMatches } from './guards';
import { isJsonContentType, readBody, send, sendJson, SECURITY_HEADERS } from './responses';
import { contentType, pickStatic } from './static-files';

export { CONTENT_SECURITY_POLICY } from './responses';

/**
 * The browser host: the built renderer plus the API contract over HTTP, on 127.0.0.1 only.
 * Everything a page can do goes through POST /api/call (the same dispatch as Electron IPC) and
 * GET /api/events; there are no other endpoints. See README.md for the security model.
 */

export type WebHostOptions = {
  /** 0 picks any free port. */
  port: number;
  /** Folder for the database; created when missing. */
  dataDir: string;
  /** The bundled content pack (resources/content). */
  contentDir: string;
  /** The built renderer (dist/renderer); must contain index.html. */
  rendererDir: string;
  appVersion: string;
  log?: (message: string) => void;
};

export type WebHost = {
  /** http://127.0.0.1:<port>/#k=<secret> — the only way into the app. */
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
  /** Pushes an event to connected pages, exactly as the backend does (tests use it). */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
};

/** How long open connections get to finish when the host shuts down. */
const CLOSE_GRACE_MS = 2_000;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`The app is not built: ${path.join(options.rendererDir, 'index.html')} is missing. Run "npm run build" first.`);
  }
  const log = options.log ?? ((message: string) => console.error(message));
  const hub = createEventHub();
  let backend: Backend;
  try {
    backend = await createBackend({
      dataDir: options.dataDir,
      contentDir: options.contentDir,
      host: 'web',
      appVersion: options.appVersion,
      emit: hub.emit,
      log: (message, error) => log(`[backend] ${message}${error === undefined ? '' : ` ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}`),
    });
  } catch (error) {
    hub.close();
    throw error;
  }
  const secret = newSecret();
  // The port is known only after listen() when 0 was asked for; requests cannot arrive before that.
  let guard: ReturnType<typeof hostGuard> = () => ({ ok: false, status: 503, message: 'Starting.' });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`[web] ${req.method ?? '?'} ${req.url ?? '?'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) send(res, 500, 'Internal error: see the host’s console.');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const checked = guard(req);
    if (!checked.ok) {
      req.resume();
      return send(res, checked.status, checked.message);
    }
    // The Host header is validated above, so a fixed base only serves to parse the path.
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname);
    return handleStatic(req, res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (!secretMatches(req.headers[HTTP_PROTOCOL.secretHeader], secret)) {
      req.resume();
      return send(res, 401, `Refused: missing or wrong ${HTTP_PROTOCOL.secretHeader} header. Open the app with the URL the host printed.`);
    }
    if (pathname === HTTP_PROTOCOL.eventsPath) {
      if (req.method !== 'GET') return send(res, 405, `Use GET for ${pathname}.`, { allow: 'GET' });
      return hub.subscribe(req, res);
    }
    if (pathname !== HTTP_PROTOCOL.callPath) {
      req.resume();
      return send(res, 404, `No API endpoint at ${pathname}.`);
    }
    if (req.method !== 'POST') {
      req.resume();
      return send(res, 405, `Use POST for ${pathname}.`, { allow: 'POST' });
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume();
      return send(res, 415, `Refused: ${pathname} takes content-type application/json, got "${req.headers['content-type'] ?? 'none'}".`);
    }
    const tooLarge = `Refused: request body larger than ${HTTP_PROTOCOL.maxBodyBytes} bytes.`;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > HTTP_PROTOCOL.maxBodyBytes) {
      // Answer at once and drop the connection rather than read a body we will refuse.
      req.resume();
      return send(res, 413, tooLarge, { connection: 'close' });
    }
    const body = await readBody(req, HTTP_PROTOCOL.maxBodyBytes);
    if (body === 'too-large') return send(res, 413, tooLarge);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (error) {
      return send(res, 400, `Request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return send(res, 400, 'Request body must be a JSON object: {"method": "<domain>.<verb>", "args": {…}}.');
    }
    const { method, args } = parsed as { method?: unknown; args?: unknown };
    // dispatch validates method and args against the contract and never throws.
    sendJson(res, 200, await backend.call(method, args));
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Only GET and HEAD are served here.', { allow: 'GET, HEAD' });
    const file = pickStatic(options.rendererDir, pathname);
    if (file === null) return send(res, 404, `Not found: ${pathname}`);
    const data = await fs.promises.readFile(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': contentType(file),
      'content-length': String(data.length),
      // Vite fingerprints asset names; index.html must always be fetched fresh to pick them up.
      'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    hub.close();
    backend.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${options.port} on 127.0.0.1 is in use. Set FIELDBENCH_PORT or pass --port (0 picks a free port).`);
    throw error;
  }
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The HTTP server has no TCP address.');
  const port = address.port;
  guard = hostGuard(port);

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/#${HTTP_PROTOCOL.fragmentKey}=${secret}`,
    port,
    secret,
    emit: hub.emit,
    close() {
      closing ??= (async () => {
        hub.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        await closed;
        clearTimeout(force);
        // Only after the last request has finished, so no call runs against a closed database.
        backend.close();
      })();
      return closing;
    },
  };
}
