import { msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import {
  authorsResponseSchema,
  bucketsResponseSchema,
  enrolResponseSchema,
  errorResponseSchema,
  messagesResponseSchema,
  meResponseSchema,
  syncResponseSchema,
  type EnrolRequest,
  type EnrolResponse,
} from '../../../core/sync/protocol';
import type { z } from 'zod';
import type { Transport } from './round';

/**
 * The HTTP side of sync: every request to the central repository, its answer checked against the
 * protocol's schema, and every failure turned into one message the user can act on (unreachable,
 * revoked, clock, protocol, server error). Nothing here retries: a sync that fails stops, keeps
 * what it committed, and the next one resumes.
 */

export const REQUEST_TIMEOUT_MS = 60_000;

export type Fetch = typeof fetch;

/** Counts the bytes that went each way, for progress and history. */
export type ByteCounter = { up: number; down: number };

/**
 * What a failure's message says comes next: a sync leaves the work waiting here; an enrolment has
 * connected nothing yet, so nothing will sync by itself.
 */
type Purpose = 'sync' | 'enrol';
const THEN: Record<Purpose, ApiMessage> = { sync: msg('error.syncThenKept'), enrol: msg('error.syncThenConnect') };

async function request<S extends z.ZodType>(
  server: string,
  path: string,
  init: { method: 'GET' | 'POST'; token?: string; body?: unknown; purpose?: Purpose },
  schema: S,
  counter: ByteCounter | null,
  fetchImpl: Fetch,
): Promise<z.infer<S>> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const then = THEN[init.purpose ?? 'sync'];
  let response: Response;
  try {
    response = await fetchImpl(new URL(path, withSlash(server)), {
      method: init.method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }) },
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    throw unreachable(server, error, then);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw unreachable(server, error, then);
  }
  if (counter) {
    counter.up += Buffer.byteLength(body ?? '') + path.length;
    counter.down += Buffer.byteLength(text);
  }
  if (!response.ok) throw failureOf(server, response, text, then);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A 200 that is not JSON is a web page answering in the server's place (a Wi-Fi sign-in page,
    // or an address that is not the repository's), not a Fieldbench server.
    throw new ApiFailure('unavailable', msg('error.syncNotFieldbench', { server, reason: pageReason(text) || `${response.status}`, then }));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ApiFailure('unavailable', msg('error.syncBadAnswer', { reason: `${first?.path.join('.') ?? ''}: ${first?.message ?? ''}` }));
  }
  return parsed.data;
}

function withSlash(server: string): string {
  return server.endsWith('/') ? server : `${server}/`;
}

// Node's codes for a certificate this machine does not trust or that names another host.
const CERTIFICATE_CODES = /^(CERT_|UNABLE_TO_(GET|VERIFY)_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH)/;
// OpenSSL's codes for an https:// request answered in plain HTTP (a server without TLS).
const NOT_TLS_CODES = /^(ERR_SSL_WRONG_VERSION_NUMBER|ERR_SSL_PACKET_LENGTH_TOO_LONG|ERR_SSL_UNKNOWN_PROTOCOL)$/;

/**
 * A request that got no answer, in words that say what to do: a server name that does not resolve
 * (a typo, or off the VPN), a certificate this machine does not trust (a self-signed server, or
 * hotel Wi-Fi intercepting the connection), a server that does not speak HTTPS (an address typed
 * without http:// for a server on this computer), or otherwise a server that could not be reached.
 */
export function unreachable(server: string, error: unknown, then: ApiMessage = THEN.sync): ApiFailure {
  const reason = reasonOf(error);
  // redirect: 'error' refuses any redirect: the repository never sends one, a Wi-Fi sign-in page does.
  if (reason === 'unexpected redirect') return new ApiFailure('unavailable', msg('error.syncRedirected', { server, then }));
  if (reason === 'ENOTFOUND' || reason === 'EAI_AGAIN') return new ApiFailure('unavailable', msg('error.syncUnknownHost', { server, then }));
  if (CERTIFICATE_CODES.test(reason)) return new ApiFailure('unavailable', msg('error.syncCertificate', { server, reason }));
  if (NOT_TLS_CODES.test(reason)) return new ApiFailure('unavailable', msg('error.syncNotHttps', { server, reason, then }));
  return new ApiFailure('unavailable', msg('error.syncUnreachable', { server, reason, then }));
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
    // Without a code, what undici says happened ("unexpected redirect", "bad port"), not "fetch failed".
    if (cause instanceof Error && cause.message !== '') return cause.message.slice(0, 120);
    if (error.name === 'TimeoutError') return 'no answer in time';
    return error.message.slice(0, 120);
  }
  return String(error).slice(0, 120);
}

/** The reason an HTML or plain-text page gives: its <title>, else its text without tags, in a line. */
function pageReason(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const words = (title ?? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return words.slice(0, 200);
}

function failureOf(server: string, response: Response, text: string, then: ApiMessage): ApiFailure {
  let code = '';
  let message = text.slice(0, 200);
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      code = parsed.data.error.code;
      message = parsed.data.error.message;
    }
  } catch {
    // Not JSON (a reverse proxy's error page, "502 Bad Gateway"): its title or first words are the reason.
    message = pageReason(text);
  }
  // Refused or not found by something that is not the repository (it always names its error), or
  // the repository has no such endpoint: the address is not a Fieldbench repository's. Never
  // "this device was revoked" for a device that never reached one.
  const foreign = code === '' && [401, 403, 404, 405].includes(response.status);
  if (foreign || (response.status === 404 && code === 'not_found')) {
    return new ApiFailure('unavailable', msg('error.syncNotFieldbench', { server, reason: [String(response.status), message].filter((s) => s !== '').join(' '), then }));
  }
  if (response.status === 401) return new ApiFailure('forbidden', code === 'sign_in' ? msg('error.syncSignIn', { server }) : msg('error.syncRevoked'));
  if (response.status === 403) return new ApiFailure('forbidden', msg('error.syncForbidden', { reason: message }));
  if (response.status === 426) return new ApiFailure('conflict', msg('error.syncUpgrade'));
  // A sync sends smaller requests and tries again (round.ts); anything else says what to change.
  if (response.status === 413) return new ApiFailure('too_large', msg('error.syncTooLarge', { server, reason: [String(response.status), message].filter((s) => s !== '').join(' '), then }));
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after') ?? '900');
    return new ApiFailure('conflict', msg('error.syncRateLimited', { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
  }
  if (response.status === 422 && code === 'clock_drift') {
    const minutes = /(-?\d+) minutes/.exec(message)?.[1] ?? '?';
    return new ApiFailure('conflict', msg('error.syncClockDrift', { minutes }));
  }
  return new ApiFailure('unavailable', msg('error.syncServer', { status: response.status, reason: message, then }));
}

export function enrol(server: string, body: EnrolRequest, fetchImpl: Fetch = fetch): Promise<EnrolResponse> {
  return request(server, 'api/v1/enrol', { method: 'POST', body, purpose: 'enrol' }, enrolResponseSchema, null, fetchImpl);
}

/** The transport runSync uses, bound to one server and device token. */
export function httpTransport(server: string, token: string, counter: ByteCounter, fetchImpl: Fetch = fetch): Transport {
  return {
    me: () => request(server, 'api/v1/me', { method: 'GET', token }, meResponseSchema, counter, fetchImpl),
    sync: (body) => request(server, 'api/v1/sync', { method: 'POST', token, body }, syncResponseSchema, counter, fetchImpl),
    buckets: (space) => request(server, `api/v1/spaces/${encodeURIComponent(space)}/buckets`, { method: 'GET', token }, bucketsResponseSchema, counter, fetchImpl),
    messages: (space, from, after, limit) => {
      const query = new URLSearchParams({ from, limit: String(limit), ...(after === null ? {} : { after }) });
      return request(server, `api/v1/spaces/${encodeURIComponent(space)}/messages?${query.toString()}`, { method: 'GET', token }, messagesResponseSchema, counter, fetchImpl);
    },
    authors: (body) => request(server, 'api/v1/authors', { method: 'POST', token, body }, authorsResponseSchema, counter, fetchImpl),
  };
}
