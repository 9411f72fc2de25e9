import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeFile } from '../../electron/backend/files/attachment-store';
import { insertAttachment } from '../../electron/backend/repos/attachment-repo';
import { callFail, callOk, startBackend } from '../helpers/backend';
import { bombPng, webpHeader } from '../helpers/image-headers';
import { picturePng } from '../helpers/png';

/** Pictures past the pixel limits are not stored, and one already stored (or synced) is not served. */

describe('picture limits', () => {
  it('refuses to attach a picture whose header promises 400 megapixels, and stores nothing', async () => {
    const { backend, dataDir } = await startBackend();
    const note = await callOk(backend, 'notes.create', { title: 'Site visit' });
    const owner = { ownerTable: 'field_notes', ownerId: note.id } as const;
    const error = await callFail(backend, 'attachments.add', { ...owner, name: 'rack.png', mime: 'image/png', data: bombPng(20_000, 20_000) });
    expect(error).toMatchObject({ code: 'too_large', key: 'error.imageTooLarge', params: { name: 'rack.png', width: 20_000, height: 20_000, maxSide: 30_000, maxMegapixels: 120 } });
    // Named as anything else, the bytes are still a picture.
    expect(await callFail(backend, 'attachments.add', { ...owner, name: 'rack.bin', mime: 'application/octet-stream', data: webpHeader(40_000, 100) })).toMatchObject({ key: 'error.imageTooLarge' });
    expect(await callOk(backend, 'attachments.list', owner)).toEqual([]);
    const folder = path.join(dataDir, 'attachments');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
  });

  it('does not serve a stored picture past the limits (one that arrived by sync), and serves the others', async () => {
    const { backend, dataDir } = await startBackend();
    const note = await callOk(backend, 'notes.create', { title: 'Synced' });
    const link = { ownerTable: 'field_notes', ownerId: note.id, caption: '' } as const;
    const stored = (bytes: Buffer, name: string): string => {
      // As sync would store it: straight into the store and the table, past attachments.add.
      const sha256 = storeFile(dataDir, bytes);
      insertAttachment(backend.db, { sha256, mime: 'image/png', size: bytes.length, name }, link);
      return sha256;
    };
    const huge = stored(bombPng(20_000, 20_000), 'huge.png');
    const fine = stored(picturePng(64, 64), 'fine.png');
    expect(backend.readBlob(huge)).toBeNull();
    expect(backend.readBlob(fine)).toMatchObject({ mime: 'image/png', name: 'fine.png' });
  });
});
