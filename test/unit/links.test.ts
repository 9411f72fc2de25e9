import { describe, expect, it } from 'vitest';
import { isAllowedMailto, isMailLink, isWebLink, mailtoHref } from '../../core/richtext/links';

describe('link grammar', () => {
  it.each([
    ['https://example.org/a?b=1#c', true, true],
    ['http://example.org', true, false],
    ['https://例子.测试/路径', true, true],
    ['https://example.org:8443/x', true, true],
    ['http:javascript:alert(1)', false, false],
    ['https:evil.example', false, false],
    ['https:/evil.example', false, false],
    ['https://user@evil.example', false, false],
    ['https://evil.example/\u202eexe.txt', false, false],
    ['https://exa mple.org', false, false],
    [' https://example.org', false, false],
    ['javascript:alert(1)', false, false],
  ])('%j web link: %s (https only: %s)', (url, web, secure) => {
    expect(isWebLink(url)).toBe(web);
    expect(isWebLink(url, true)).toBe(secure);
  });

  it('accepts a mailto: address with subject, body and cc only', () => {
    expect(isAllowedMailto('mailto:a@example.org')).toBe(true);
    expect(isAllowedMailto('mailto:a@example.org,b@example.org?subject=Visit&body=Line%0Atwo&cc=c@example.org')).toBe(true);
    expect(isAllowedMailto('MAILTO:a@example.org?Subject=x')).toBe(true);
    for (const url of ['mailto:a@example.org?attach=/home/user/.ssh/id_rsa', 'mailto:a@example.org?%61ttach=x', 'mailto:a@example.org?bcc=x@y.z', 'mailto:a@example.org?subject=a&subject=b', 'mailto:a@example.org?cc=not-an-address', 'mailto:', 'mailto:?body=x', 'mailto:a@example.org?subject=%E0%A4%A']) {
      expect(isAllowedMailto(url), url).toBe(false);
    }
    expect(isMailLink('mailto:a@example.org?subject=x')).toBe(false);
  });

  it('makes a contact address a link only when it is one', () => {
    expect(mailtoHref(' ops@example.org ')).toBe('mailto:ops@example.org');
    expect(mailtoHref('ops@example.org?attach=/etc/passwd')).toBeNull();
    expect(mailtoHref('not an address')).toBeNull();
  });
});
