import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { HTTP_PROTOCOL } from '../../core/api/bridge';
import type { EventName, Events } from '../../core/api/contract';
import { launchBackend } from '../backend/launch';
import { serveBlob, serveCall } from './api-routes';
import { createEventHub } from './events';
import { accessAllowed, cookieValue, hostGuard, newSecret, secretMatches } from './guards';
import { send, SECURITY_HEADERS } from './responses';
import { contentType, pickStatic } from './static-files';

export { CONTENT_SECURITY_POLICY } from './responses';

/**
 * The browser host: the built renderer plus the API contract over HTTP, on 127.0.0.1 only.
 * Everything a page can do goes through POST /api/call (the same dispatch as Electron's port),
 * GET /api/events and the read-only GET /api/blob/<sha256>; there are no other endpoints. See
 * README.md for the security model.
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
  /**
   * Why the backend could not start (e.g. a database from a newer version), or null. The host
   * still serves the app, and every call answers `unavailable` with this reason.
   */
  startupProblem: string | null;
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
  const backend = launchBackend({
    dataDir: options.dataDir,
    contentDir: options.contentDir,
    host: 'web',
    appVersion: options.appVersion,
    emit: hub.emit,
    log: (message, error) => log(`[backend] ${message}${error === undefined ? '' : ` ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}`),
  });
  const startupProblem = await backend.started;
  const secret = newSecret();
  // <img> cannot send the secret header, so blob URLs carry this second per-launch value instead.
  // It opens only GET /api/blob/ (read-only), never a call, and the page learns it from the
  // answers to its calls.
  const blobToken = newSecret();
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
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    return handleStatic(req, res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const pathname = url.pathname;
    const cookieName = HTTP_PROTOCOL.cookieName(port);
    if (pathname.startsWith(HTTP_PROTOCOL.blobPath)) {
      // An <img> sends the access cookie; a blob URL also carries the blob token for tabs without it.
      if (!secretMatches(url.searchParams.get(HTTP_PROTOCOL.blobTokenParam) ?? undefined, blobToken) && !secretMatches(cookieValue(req.headers.cookie, cookieName), secret)) {
        req.resume();
        return send(res, 401, `Refused: missing or wrong blob token (the "${HTTP_PROTOCOL.blobTokenParam}" parameter). Blob URLs come from the app's page.`);
      }
      return serveBlob(req, res, pathname, (sha256) => backend.readBlob(sha256));
    }
    if (pathname === HTTP_PROTOCOL.sessionPath) {
      req.resume();
      if (req.method !== 'POST') return send(res, 405, `Use POST for ${pathname}.`, { allow: 'POST' });
      // Only the key itself, from the printed URL, is exchanged for the cookie.
      if (!secretMatches(req.headers[HTTP_PROTOCOL.secretHeader], secret)) return send(res, 401, `Refused: missing or wrong ${HTTP_PROTOCOL.secretHeader} header. Open the app with the URL the host printed.`);
      res.writeHead(204, { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'set-cookie': `${cookieName}=${secret}; Path=/; HttpOnly; SameSite=Strict` });
      res.end();
      return;
    }
    if (!accessAllowed(req, secret, cookieName, HTTP_PROTOCOL.secretHeader)) {
      req.resume();
      return send(res, 401, `Refused: no access key. Open the app once with the URL the host printed (it ends with #k=…).`);
    }
    if (pathname === HTTP_PROTOCOL.eventsPath) {
      if (req.method !== 'GET') return send(res, 405, `Use GET for ${pathname}.`, { allow: 'GET' });
      return hub.subscribe(req, res);
    }
    if (pathname !== HTTP_PROTOCOL.callPath) {
      req.resume();
      return send(res, 404, `No API endpoint at ${pathname}.`);
    }
    return serveCall(req, res, (method, args) => backend.call(method, args), { [HTTP_PROTOCOL.blobTokenHeader]: blobToken });
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
    startupProblem,
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
