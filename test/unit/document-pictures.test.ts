import { describe, expect, it } from 'vitest';
import { documentPictures } from '../../core/document/pictures';

/** Which pictures a document shows, with where each belongs: what an export asks the device for before it is written. */

describe('documentPictures', () => {
  it('finds photos, signatures and images in rich text, each under its heading or question', () => {
    const text = (t: string) => [{ kind: 'text' as const, text: t }];
    const sha = (c: string) => c.repeat(64);
    const pictures = documentPictures([
      { kind: 'cover', title: 'Proposal', fields: [] },
      { kind: 'paragraph', content: [{ kind: 'image', sha256: sha('a'), alt: 'Logo' }] },
      { kind: 'heading', level: 2, content: text('Answers') },
      { kind: 'paragraph', tone: 'lead', content: text('1.1 Photos of the desk') },
      {
        kind: 'files',
        role: 'photos',
        otherFilesLabel: 'Other files',
        files: [
          { sha256: sha('b'), name: 'desk.png', caption: 'Desk', mime: 'image/png', isImage: true },
          { sha256: sha('c'), name: 'notes.pdf', caption: '', mime: 'application/pdf', isImage: false },
        ],
      },
      { kind: 'heading', level: 2, content: text('Plan') },
      { kind: 'list', style: 'bullet', start: 1, items: [{ content: [{ kind: 'link', url: 'https://x.example', content: [{ kind: 'image', sha256: sha('d'), alt: 'Map' }] }], lists: [] }] },
      { kind: 'table', columns: ['A'], rows: [[{ blocks: [{ kind: 'paragraph', content: [{ kind: 'image', sha256: sha('e'), alt: 'Cell' }] }] }]] },
      { kind: 'heading', level: 2, content: text('Sign-off') },
      { kind: 'files', role: 'signature', otherFilesLabel: 'Other files', files: [{ sha256: sha('f'), name: 'signature.png', caption: 'Li Wei', mime: 'image/png', isImage: true }] },
    ]);
    expect(pictures.map((p) => [p.sha256[0], p.name, p.where])).toEqual([
      ['a', 'Logo', 'Proposal'],
      ['b', 'desk.png', '1.1 Photos of the desk'],
      ['d', 'Map', 'Plan'],
      ['e', 'Cell', 'Plan'],
      ['f', 'signature.png', 'Sign-off'],
    ]);
  });
});
