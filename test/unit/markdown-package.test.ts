import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_WORDS } from '../../core/document/words';
import { markdownPackage } from '../../electron/backend/export/markdown-package';
import { picturePng } from '../helpers/png';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('a Markdown export that stands alone', () => {
  it('writes a picture that is not on this device, or is no picture, as its words; without pictures the Markdown goes alone', async () => {
    const pack = await markdownPackage(`Site: ![Queue board](attachment:${A})\n\n![](attachment:${B})\n\nText \\!\\[x\\](attachment:${A})`, 'p', (sha) => (sha === B ? Buffer.from('not a picture') : null), DOCUMENT_WORDS.zh);
    expect(pack).toEqual({ kind: 'markdown', text: `Site: *[图片：Queue board]*\n\n*[图片]*\n\nText \\!\\[x\\](attachment:${A})` });
  });

  it('zips the Markdown with its pictures, each once, linked by a relative path', async () => {
    const png = picturePng(30, 20);
    const pack = await markdownPackage(`![one](attachment:${A}) ![again](attachment:${A})`, 'proposal-x', (sha) => (sha === A ? png : null), DOCUMENT_WORDS.en);
    if (pack.kind !== 'zip') throw new Error('expected a zip');
    const zip = await JSZip.loadAsync(pack.bytes);
    expect(Object.keys(zip.files).filter((n) => !zip.files[n]?.dir).sort()).toEqual([`images/${A.slice(0, 16)}.png`, 'proposal-x.md']);
    expect(await zip.file('proposal-x.md')?.async('string')).toBe(`![one](images/${A.slice(0, 16)}.png) ![again](images/${A.slice(0, 16)}.png)`);
    expect(await zip.file(`images/${A.slice(0, 16)}.png`)?.async('nodebuffer')).toEqual(png);
  });
});
