import crypto from 'node:crypto';
import type http from 'node:http';

/**
 * Who may talk to the browser host. Any web page the user opens can send requests to 127.0.0.1,
 * so three independent checks stand between it and the data: the Host header (a DNS-rebinding
 * page arrives with its own host name), the Origin header (a cross-site fetch names its site),
 * and the per-launch secret that only the page opened from the printed URL knows.
 */

export type Guard = { ok: true } | { ok: false; status: number; message: string };

export function hostGuard(port: number): (req: http.IncomingMessage) => Guard {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return (req) => {
    const host = req.headers.host;
    if (host === undefined || !allowedHosts.has(host)) {
      return { ok: false, status: 421, message: `Refused: Host header "${host ?? ''}" is not 127.0.0.1:${port} or localhost:${port}.` };
    }
    const origin = req.headers.origin;
    // Same-origin GETs usually send no Origin; anything sent with one must come from our own page.
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return { ok: false, status: 403, message: `Refused: requests from origin "${origin}" are not allowed.` };
    }
    return { ok: true };
  };
}

/** A cookie's value from a Cookie header, or undefined (the last one wins, as browsers send the most specific first). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  let found: string | undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name && found === undefined) found = part.slice(at + 1).trim();
  }
  return found;
}

/**
 * Whether a request may use the API: it carries the secret in its header (the tab opened from the
 * printed URL), or the access cookie. A cookie travels with any request the browser makes to this
 * origin — also from a page on another local port, which counts as the same site — so a request
 * authorised by the cookie alone must also name our own page as its Origin (hostGuard refused any
 * other origin already; this refuses requests that send none, other than plain reads).
 */
export function accessAllowed(req: http.IncomingMessage, secret: string, cookieName: string, header: string): boolean {
  if (secretMatches(req.headers[header], secret)) return true;
  if (!secretMatches(cookieValue(req.headers.cookie, cookieName), secret)) return false;
  return req.method === 'GET' || req.method === 'HEAD' || req.headers.origin !== undefined;
}

/** A fresh secret for each launch: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  // The length is public (always 43), so an early return on it leaks nothing.
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
