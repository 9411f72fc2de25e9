import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../core/api/limits';
import { callFail, callOk, noteOwner, startBackend } from '../helpers/backend';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');


describe('attachments', () => {
  it('stores a photo by content, links it, reads it back, captions and unlinks it', async () => {
    const { backend, dataDir } = await startBackend();
    const owner = await noteOwner(backend);
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
    const owner = await noteOwner(backend);
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
    const owner = await noteOwner(backend);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const added = await callOk(backend, 'attachments.add', { ...owner, name: 'page.html', mime: 'text/html', data: html });
    expect(added).toMatchObject({ mime: 'application/octet-stream', isImage: false });
  });

  it('refuses oversized, empty and malformed uploads with a reason', async () => {
    const { backend } = await startBackend();
    const owner = await noteOwner(backend);
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

describe('attachments from an untrusted sender', () => {
  it('stores only listed types under their own type, decided from the bytes and the name; everything else as application/octet-stream', async () => {
    const { backend } = await startBackend();
    const owner = await noteOwner(backend);
    // Each file different: files are stored once per content, under the type of their first upload.
    const zip = (tag: string): Buffer => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(tag)]);
    const ole = (tag: string): Buffer => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from(tag)]);
    const cases: [name: string, mime: string, data: Buffer, stored: string][] = [
      ['plan.docx', 'application/octet-stream', zip('plan'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['sites.xlsx', '', zip('sites'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['deck.pptx', 'text/html', zip('deck'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['old.doc', '', ole('old'), 'application/msword'],
      ['readme.txt', 'text/html', Buffer.from('Site visit: rack B, 站点 3'), 'text/plain'],
      ['kpis.csv', 'text/csv', Buffer.from('site,kwh\nA,12\n'), 'text/csv'],
      ['report.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
      // Active or unknown content: kept, but only ever as bytes to download.
      ['page.html', 'text/html', Buffer.from('<script>alert(1)</script>'), 'application/octet-stream'],
      ['logo.svg', '', Buffer.from('<svg onload="alert(1)"/>'), 'application/octet-stream'],
      ['fake.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from('<html>'), 'application/octet-stream'],
      ['tool.exe', 'application/x-msdownload', Buffer.from('MZ\x90\x00'), 'application/octet-stream'],
      ['notes.txt', 'text/plain', Buffer.from([0x00, 0xff, 0x00]), 'application/octet-stream'],
      ['style.css', 'text/css', Buffer.from('body{}'), 'application/octet-stream'],
    ];
    for (const [name, mime, data, stored] of cases) {
      const added = await callOk(backend, 'attachments.add', { ...owner, name, mime, data });
      expect(added.mime, name).toBe(stored);
      expect(added.isImage, name).toBe(false);
    }
  });

  it('refuses a file for a record that does not exist, and stores nothing', async () => {
    const { backend, dataDir } = await startBackend();
    const missing = await callFail(backend, 'attachments.add', { ownerTable: 'field_notes', ownerId: 'no-such-note', name: 'rack.png', mime: 'image/png', data: PNG });
    expect(missing.code).toBe('not_found');
    expect(missing.message).toContain('no-such-note');
    const noSession = await callFail(backend, 'attachments.add', { ownerTable: 'assessment_answers', ownerId: 'no-such-session:q1', name: 'rack.png', mime: 'image/png', data: PNG });
    expect(noSession.code).toBe('not_found');
    // A session that exists, but a question its definition does not ask.
    const customer = await callOk(backend, 'customers.create', { name: 'Harbour Telecom', kind: 'enterprise' });
    const engagement = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Contact centre', scenarios: ['intelligent-customer-service'] });
    const started = await callOk(backend, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
    const sessionId = started.session.id;
    const strange = await callFail(backend, 'attachments.add', { ownerTable: 'assessment_answers', ownerId: `${sessionId}:no-such-question`, name: 'rack.png', mime: 'image/png', data: PNG });
    expect(strange.code).toBe('not_found');
    await callOk(backend, 'attachments.add', { ownerTable: 'assessment_answers', ownerId: `${sessionId}:has-ivr`, name: 'ivr.png', mime: 'image/png', data: PNG });
    const owner = await noteOwner(backend);
    await callOk(backend, 'notes.remove', { id: owner.ownerId });
    expect((await callFail(backend, 'attachments.add', { ...owner, name: 'rack.png', mime: 'image/png', data: PNG })).code).toBe('not_found');
    // Only the photo of the question that is asked was stored.
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toHaveLength(1);
  });
});
