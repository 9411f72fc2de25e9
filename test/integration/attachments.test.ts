import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../core/api/limits';
import { callFail, callOk, startBackend } from '../helpers/backend';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const owner = { ownerTable: 'field_notes', ownerId: 'note-1' } as const;

describe('attachments', () => {
  it('stores a photo by content, links it, reads it back, captions and unlinks it', async () => {
    const { backend, dataDir } = await startBackend();
    const added = await callOk(backend, 'attachments.add', { ...owner, name: 'rack.png', mime: 'image/png', data: PNG });
    expect(added).toMatchObject({ mime: 'image/png', size: PNG.length, name: 'rack.png', isImage: true, caption: '' });
    expect(fs.readFileSync(path.join(dataDir, 'attachments', added.sha256))).toEqual(PNG);

    // The same bytes twice: one file, two links.
    await callOk(backend, 'attachments.add', { ...owner, name: 'again.png', mime: 'image/png', data: PNG });
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toEqual([added.sha256]);
    expect(await callOk(backend, 'attachments.list', owner)).toHaveLength(2);

    const read = await callOk(backend, 'attachments.read', { sha256: added.sha256 });
    expect(read.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(read.data)).toEqual(PNG);
    expect((await callOk(backend, 'attachments.caption', { linkId: added.linkId, caption: 'Rack B' })).caption).toBe('Rack B');
    expect(await callOk(backend, 'attachments.remove', { linkId: added.linkId })).toEqual({ removed: true });
    expect((await callOk(backend, 'attachments.list', owner)).map((a) => a.name)).toEqual(['again.png']);
  });

  it('refuses a file that claims to be an image and is not, and keeps what was stored', async () => {
    const { backend } = await startBackend();
    await callOk(backend, 'attachments.add', { ...owner, name: 'ok.png', mime: 'image/png', data: PNG });
    const fake = Buffer.from('<script>alert(1)</script>');
    const error = await callFail(backend, 'attachments.add', { ...owner, name: 'photo.jpg', mime: 'image/jpeg', data: fake });
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('photo.jpg');
    // Named like an image with no type given: refused too.
    expect((await callFail(backend, 'attachments.add', { ...owner, name: 'x.png', mime: '', data: fake })).code).toBe('bad_file');
    expect((await callOk(backend, 'attachments.list', owner)).map((a) => a.name)).toEqual(['ok.png']);
  });

  it('keeps other files as opaque bytes that are never shown inline', async () => {
    const { backend } = await startBackend();
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const added = await callOk(backend, 'attachments.add', { ...owner, name: 'page.html', mime: 'text/html', data: html });
    expect(added).toMatchObject({ mime: 'application/octet-stream', isImage: false });
  });

  it('refuses oversized, empty and malformed uploads with a reason', async () => {
    const { backend } = await startBackend();
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    const tooBig = await callFail(backend, 'attachments.add', { ...owner, name: 'huge.jpg', mime: 'image/jpeg', data: big });
    expect(tooBig.code).toBe('bad_request');
    expect(tooBig.message).toMatch(/data: is larger than 25 MB/);
    expect((await callFail(backend, 'attachments.add', { ...owner, name: 'e.png', mime: 'image/png', data: new Uint8Array(0) })).message).toContain('empty');
    // Bytes only as bytes: base64 text, a plain array or another typed array is refused, naming the field.
    for (const notBytes of ['iVBORw0KGgo=', [137, 80, 78, 71], new Uint16Array(4), { 0: 137 }]) {
      const refused = await callFail(backend, 'attachments.add', { ...owner, name: 'b.png', mime: 'image/png', data: notBytes });
      expect([refused.code, refused.message]).toEqual(['bad_request', expect.stringMatching(/data: must be binary data \(a Uint8Array\)/)]);
    }
    expect((await callFail(backend, 'attachments.add', { ownerTable: 'users', ownerId: 'x', name: 'a', mime: '', data: new Uint8Array(1) })).code).toBe('bad_request');
    expect((await callFail(backend, 'attachments.read', { sha256: '../../etc/passwd' })).code).toBe('bad_request');
    expect((await callFail(backend, 'attachments.read', { sha256: 'a'.repeat(64) })).code).toBe('not_found');
  });
});
