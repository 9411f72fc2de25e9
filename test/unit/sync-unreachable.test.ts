import { describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import { unreachable } from '../../electron/backend/sync/http';

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
    expect(unreachable(server, fetchFailure('ECONNREFUSED')).detail).toEqual({ key: 'error.syncUnreachable', params: { server, reason: 'ECONNREFUSED' } });
    expect(unreachable(server, Object.assign(new Error('timed out'), { name: 'TimeoutError' })).detail.params).toMatchObject({ reason: 'no answer in time' });
  });
});
