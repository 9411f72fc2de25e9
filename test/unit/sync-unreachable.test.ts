import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatApiMessage, msg } from '../../core/api/message';
import { enrol, unreachable } from '../../electron/backend/sync/http';
import { syncCalls } from '../../core/api/calls/sync';
import type { ApiFailure } from '../../core/api/result';

/** What a failure says comes next: during a sync the work waits here; while connecting, nothing was connected. */
const kept = msg('error.syncThenKept');
const connectAgain = msg('error.syncThenConnect');

/** How fetch fails in Node: a TypeError whose cause carries the system's or TLS's code. */
const fetchFailure = (code: string): Error => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

describe('a request that got no answer', () => {
  const server = 'https://fieldbench.example.com';

  it('says a server name that does not resolve may be a typo or a missing VPN', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const failure = unreachable(server, fetchFailure(code));
      expect([failure.code, failure.detail.key]).toEqual(['unavailable', 'error.syncUnknownHost']);
      expect(failure.message).toContain('could not be found');
      expect(formatApiMessage(failure.detail, 'zh')).toContain('VPN');
    }
  });

  it('says a certificate this computer does not trust means the server could not prove who it is', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      const failure = unreachable(server, fetchFailure(code));
      expect(failure.detail).toEqual({ key: 'error.syncCertificate', params: { server, reason: code } });
      expect(failure.message).toContain('could not prove who it is');
    }
  });

  it('names anything else as unreachable, with its code or what happened', () => {
    expect(unreachable(server, fetchFailure('ECONNREFUSED')).detail).toEqual({ key: 'error.syncUnreachable', params: { server, reason: 'ECONNREFUSED', then: kept } });
    expect(unreachable(server, Object.assign(new Error('timed out'), { name: 'TimeoutError' })).detail.params).toMatchObject({ reason: 'no answer in time' });
    // Without a code: what fetch says happened, not "fetch failed".
    expect(unreachable(server, new TypeError('fetch failed', { cause: new Error('bad port') })).detail.params).toMatchObject({ reason: 'bad port' });
  });
});

describe("an answer that is not the server's", () => {
  const server = 'https://fieldbench.example.com';
  const answer = (status: number, body: string, type: string) => async (): Promise<Response> => new Response(body, { status, headers: { 'content-type': type } });
  const failureOf = async (status: number, body: string, type = 'text/html'): Promise<{ code: string; detail: unknown; message: string }> => {
    try {
      await enrol(server, { username: 'ann', password: 'x'.repeat(12), deviceName: 'Laptop' }, answer(status, body, type));
    } catch (error) {
      return error as { code: string; detail: unknown; message: string };
    }
    throw new Error('enrol succeeded');
  };

  it("names a reverse proxy's error page by its title, without its markup", async () => {
    const nginx = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
    const failure = await failureOf(502, nginx);
    expect(failure.detail).toEqual({ key: 'error.syncServer', params: { status: 502, reason: '502 Bad Gateway', then: connectAgain } });
    const untitled = await failureOf(504, '<html><body><h1>Gateway   Timeout</h1><script>alert(1)</script><p>upstream timed out</p></body></html>');
    expect(untitled.detail).toEqual({ key: 'error.syncServer', params: { status: 504, reason: 'Gateway Timeout upstream timed out', then: connectAgain } });
    expect((await failureOf(503, 'Service Unavailable', 'text/plain')).detail).toEqual({ key: 'error.syncServer', params: { status: 503, reason: 'Service Unavailable', then: connectAgain } });
  });

  it('says an address that answers without being a Fieldbench repository is not one, never that the device was revoked', async () => {
    // A web server's 401, 403, 404 or 405 without the repository's error body.
    const notFieldbench = (reason: string) => ({ key: 'error.syncNotFieldbench', params: { server, reason, then: connectAgain } });
    expect((await failureOf(401, '<html><title>401 Authorization Required</title></html>')).detail).toEqual(notFieldbench('401 401 Authorization Required'));
    expect((await failureOf(405, '')).detail).toEqual(notFieldbench('405'));
    expect((await failureOf(404, '{"error":{"code":"not_found","message":"no such endpoint"}}', 'application/json')).detail).toEqual(notFieldbench('404 no such endpoint'));
    // A page answering 200 in the server's place (a Wi-Fi sign-in page) is named by its title.
    const portal = await failureOf(200, '<html><head><title>Harbour Hotel Wi-Fi</title></head><body><form>Room number</form></body></html>');
    expect(portal.detail).toEqual(notFieldbench('Harbour Hotel Wi-Fi'));
    expect(portal.message).toContain('sign in to the network first');
    // The repository's own refusals keep their meaning.
    expect((await failureOf(401, '{"error":{"code":"sign_in","message":"the user name or password is not right"}}', 'application/json')).detail).toEqual({ key: 'error.syncSignIn', params: { server } });
    expect((await failureOf(401, '{"error":{"code":"unauthenticated","message":"this device token is not valid"}}', 'application/json')).detail).toEqual({ key: 'error.syncRevoked', params: {} });
  });

  it('says a redirect (what a Wi-Fi sign-in page does) is one, through a real fetch', async () => {
    const portal = http.createServer((_request, response) => {
      response.writeHead(302, { location: 'http://127.0.0.1:9/login' }).end();
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    const address = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    try {
      const failure = await enrol(address, { username: 'ann', password: 'x'.repeat(12), deviceName: 'Laptop' }).then(
        () => null,
        (error: unknown) => error as { detail: unknown },
      );
      expect(failure?.detail).toEqual({ key: 'error.syncRedirected', params: { server: address, then: connectAgain } });
    } finally {
      await new Promise((resolve) => portal.close(resolve));
    }
  });
});

describe('connecting a device that gets no answer', () => {
  /** A plain-HTTP server on 127.0.0.1 that would answer anything, and enrol's failure against it. */
  const enrolFailure = async (serverUrl: (port: number) => string, listen = true): Promise<ApiFailure> => {
    const plain = http.createServer((_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const port = (plain.address() as AddressInfo).port;
    if (!listen) await new Promise((resolve) => plain.close(resolve));
    try {
      return await enrol(serverUrl(port), { username: 'ann', password: 'x'.repeat(12), deviceName: 'Laptop' }).then(
        () => {
          throw new Error('enrol succeeded');
        },
        (error: unknown) => error as ApiFailure,
      );
    } finally {
      if (listen) await new Promise((resolve) => plain.close(resolve));
    }
  };

  it('says an https:// address answered by a server without TLS is one, and how such a server on this computer is reached', async () => {
    const failure = await enrolFailure((port) => `https://127.0.0.1:${port}`);
    expect(failure.detail.key).toBe('error.syncNotHttps');
    expect(failure.detail.params).toMatchObject({ server: expect.stringMatching(/^https:\/\/127\.0\.0\.1:/), reason: expect.stringMatching(/^ERR_SSL_/), then: connectAgain });
    expect(failure.message).toContain('does not answer over HTTPS');
    expect(failure.message).toContain('http://');
    expect(formatApiMessage(failure.detail, 'zh')).toContain('HTTPS');
  });

  it('says the device is not connected yet, never that its work will sync by itself', async () => {
    const failure = await enrolFailure((port) => `http://127.0.0.1:${port}`, false);
    expect(failure.detail).toMatchObject({ key: 'error.syncUnreachable', params: { reason: 'ECONNREFUSED', then: connectAgain } });
    expect(failure.message).toContain('This device is not connected yet');
    expect(failure.message).not.toContain('syncs when');
    expect(formatApiMessage(failure.detail, 'zh')).toContain('尚未连接');
  });
});

describe('the name a user gives this device', () => {
  const parse = (deviceName: string) => syncCalls['sync.enrol'].args.safeParse({ serverUrl: 'https://fieldbench.example.com', username: 'ann', password: 'secret', deviceName });

  it('is refused, at its field, with a control character or a bidirectional override in it (it is shown to administrators and other devices)', () => {
    for (const name of ['Ann\tlaptop', 'Ann\nlaptop', 'laptop\u001b[2J', 'laptop\u009b31m', 'pot\u202eliam']) {
      const result = parse(name);
      expect(result.success, JSON.stringify(name)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['deviceName']);
      expect(result.error?.issues[0]?.message).toBe('issue.unprintableName');
    }
    for (const name of ["Ann's ThinkPad", '李伟的笔记本', 'Büro-PC 2', '👩‍💻 laptop']) expect(parse(name).success, name).toBe(true);
  });
});

describe('the server address a user types', () => {
  const parse = (serverUrl: string) => syncCalls['sync.enrol'].args.safeParse({ serverUrl, username: 'ann', password: 'secret', deviceName: 'Laptop' });

  it('is https when typed without a scheme, as a browser reads it, and kept as typed otherwise', () => {
    expect(parse('fieldbench.example.com').data?.serverUrl).toBe('https://fieldbench.example.com');
    expect(parse('  10.0.0.5:8443/fieldbench ').data?.serverUrl).toBe('https://10.0.0.5:8443/fieldbench');
    expect(parse('http://127.0.0.1:8080').data?.serverUrl).toBe('http://127.0.0.1:8080');
  });

  it('is refused, at its field, when it is no server address', () => {
    for (const url of ['ftp://files.example.com', 'javascript:alert(1)', 'https://ann:pw@example.com', 'https://example.com/?x=1', 'example.com#top', '']) {
      const result = parse(url);
      expect(result.success, url).toBe(false);
      expect(result.error?.issues[0]?.path, url).toEqual(['serverUrl']);
      expect(result.error?.issues[0]?.message, url).toBe('issue.notServerUrl');
    }
  });

  it('is https unless the server is on this computer: over plain http the password and the work would cross the network readable', () => {
    for (const url of ['http://fieldbench.example.com', 'http://10.0.0.5:8787', 'http://192.168.1.20', 'http://[fe80::1]:8787', 'http://127.example.com']) {
      const result = parse(url);
      expect(result.success, url).toBe(false);
      expect(result.error?.issues[0]?.message, url).toBe('issue.serverUrlNotHttps');
    }
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'https://10.0.0.5:8443']) expect(parse(url).success, url).toBe(true);
  });
});
