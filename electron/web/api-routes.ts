import type http from 'node:http';
import { blobHeaders, blobSha256, type BlobFile } from '../../core/api/blobs';
import { HTTP_PROTOCOL } from '../../core/api/bridge';
import { decodeEnvelope, ENVELOPE_CONTENT_TYPE, EnvelopeError } from '../../core/api/http-envelope';
import type { ApiResult } from '../../core/api/result';
import { isEnvelopeContentType, readBody, send, sendEnvelope, SECURITY_HEADERS } from './responses';

/**
 * The two data routes of the browser host, after its guards (Host, Origin, and the secret or the
 * blob token) have passed: POST /api/call and GET /api/blob/<sha256>.
 */

export type CallBackend = (method: unknown, args: unknown) => Promise<ApiResult<unknown>>;

/**
 * POST /api/call: an envelope {method, args} in, the ApiResult as an envelope out (HTTP 200
 * whenever the call was dispatched; the backend validates method and arguments and never throws).
 * `headers` go on the answer (the blob token).
 */
export async function serveCall(req: http.IncomingMessage, res: http.ServerResponse, call: CallBackend, headers: Record<string, string>): Promise<void> {
  const pathname = HTTP_PROTOCOL.callPath;
  if (req.method !== 'POST') {
    req.resume();
    return send(res, 405, `Use POST for ${pathname}.`, { allow: 'POST' });
  }
  if (!isEnvelopeContentType(req.headers['content-type'])) {
    req.resume();
    return send(res, 415, `Refused: ${pathname} takes content-type ${ENVELOPE_CONTENT_TYPE} (see core/api/http-envelope.ts), got "${req.headers['content-type'] ?? 'none'}".`);
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
  if (body === 'incomplete') return send(res, 400, `Request body ended before the ${declared} bytes its Content-Length announced.`);
  let request: unknown;
  try {
    request = decodeEnvelope(body);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    return send(res, 400, `Request body is not a valid ${ENVELOPE_CONTENT_TYPE} envelope: ${error.message}.`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return send(res, 400, 'Request envelope must carry an object: {"method": "<domain>.<verb>", "args": {…}}.');
  }
  const { method, args } = request as { method?: unknown; args?: unknown };
  sendEnvelope(res, 200, await call(method, args), headers);
}

/**
 * GET /api/blob/<sha256>: a stored attachment, read-only, with the type from its row (images
 * inline, every other file as a download; see core/api/blobs.ts).
 */
export async function serveBlob(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, readBlob: (sha256: string) => Promise<BlobFile | null>): Promise<void> {
  req.resume();
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, `Use GET for ${HTTP_PROTOCOL.blobPath}<sha256>.`, { allow: 'GET, HEAD' });
  const sha256 = blobSha256(pathname.slice(HTTP_PROTOCOL.blobPath.length));
  if (sha256 === null) return send(res, 400, `Refused: ${HTTP_PROTOCOL.blobPath} takes a sha256 in lowercase hex, got "${pathname.slice(HTTP_PROTOCOL.blobPath.length, HTTP_PROTOCOL.blobPath.length + 80)}".`);
  const file = await readBlob(sha256);
  if (file === null) return send(res, 404, `No stored file ${sha256.slice(0, 12)}… on this device.`);
  res.writeHead(200, { ...SECURITY_HEADERS, ...blobHeaders(file) });
  res.end(req.method === 'HEAD' ? undefined : file.data);
}
