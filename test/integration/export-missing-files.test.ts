import fs from 'node:fs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { blocksOf } from '../../core/richtext/walk';
import { attachmentPath, sha256Hex } from '../../electron/backend/files/attachment-store';
import { BUNDLED_PACK, callFail, callOk, exportedBytes, startBackend } from '../helpers/backend';
import { icsDefinition } from '../helpers/ics-assessment';
import { picturePng } from '../helpers/png';
import { completedAssessment, type Call } from '../helpers/report-photos';

/**
 * A report whose photo file is missing on this device must not export without a word: the
 * backend says which pictures an export would miss, by name and where each belongs, before the
 * export; the export itself keeps a visible placeholder where each picture belongs.
 */

const callOf =
  (backend: Backend): Call =>
  async (method, args) => {
    const result = await backend.call(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };

const QUEUE = { name: 'queue-board.png', mime: 'image/png', bytes: picturePng(64, 48) };
const IVR = { name: 'ivr-menu.png', mime: 'image/png', bytes: picturePng(80, 40, { accent: '#285ac8' }) };

async function docxText(file: Parameters<typeof exportedBytes>[0]): Promise<string> {
  return (await mammoth.extractRawText({ buffer: exportedBytes(file) })).value;
}

describe('exports with picture files missing on this device', () => {
  it('lists the report photos and signature whose files are gone, with their questions, and keeps placeholders in the DOCX', async () => {
    const { backend, dataDir } = await startBackend({ contentDir: BUNDLED_PACK });
    // The first photo goes to the "current process" evidence question, the second to "has IVR".
    const { sessionId } = await completedAssessment(callOf(backend), [QUEUE, IVR]);
    expect(await callOk(backend, 'reports.assessmentMissingFiles', { sessionId, lang: 'en' })).toEqual([]);

    fs.rmSync(attachmentPath(dataDir, sha256Hex(QUEUE.bytes)));
    const signed = await callOk(backend, 'assessments.get', { id: sessionId });
    const signatureSha = signed.session.signoff?.signatureSha256 ?? '';
    fs.rmSync(attachmentPath(dataDir, signatureSha));

    const question = icsDefinition()
      .sections.flatMap((s) => s.questions)
      .find((q) => q.id === 'current-process-photos');
    const missing = await callOk(backend, 'reports.assessmentMissingFiles', { sessionId, lang: 'en' });
    expect(missing).toEqual([
      { sha256: sha256Hex(QUEUE.bytes), name: 'queue-board.png', caption: 'Site photo 1', where: expect.stringContaining(question?.text.en ?? '?') },
      { sha256: signatureSha, name: 'signature.png', caption: 'Bench Signer', where: '7 Sign-off' },
    ]);
    // Where a photo belongs is said in the report's language.
    const zh = await callOk(backend, 'reports.assessmentMissingFiles', { sessionId, lang: 'zh' });
    expect(zh[0]?.where).toContain(question?.text.zh ?? '?');

    // Exporting anyway: the photo that is there is embedded, the missing ones keep a placeholder.
    const text = await docxText(await callOk(backend, 'reports.assessmentDocx', { sessionId, lang: 'en' }));
    expect(text).toContain('[Image: Site photo 1]');
    expect(text).toContain('Site photo 2');
    expect(text).not.toContain('[Image: Site photo 2]');

    expect(await callFail(backend, 'reports.assessmentMissingFiles', { sessionId: 'no-such-session', lang: 'en' })).toMatchObject({ code: 'not_found' });
  });

  it('lists a proposal image whose file is gone, for the proposal and for a saved version', async () => {
    const { backend, dataDir } = await startBackend({ contentDir: BUNDLED_PACK });
    const { sessionId } = await completedAssessment(callOf(backend), []);
    const { engagement } = await callOk(backend, 'assessments.get', { id: sessionId });
    const { proposal } = await callOk(backend, 'proposals.generate', { engagementId: engagement.id, templateId: 'poc-ics-voicebot', lang: 'en' });
    const photo = picturePng(40, 20);
    const attached = await callOk(backend, 'attachments.add', { ownerTable: 'engagements', ownerId: engagement.id, name: 'site.png', mime: 'image/png', data: photo });
    const [first, ...rest] = proposal.sections;
    if (!first) throw new Error('no sections');
    const body = documentJson([...blocksOf(first.bodyJson), paragraph([textNode('The site: '), { type: 'image', version: 1, sha256: attached.sha256, altText: 'Site visit' }])]);
    await callOk(backend, 'proposals.save', { id: proposal.id, sections: [{ ...first, bodyJson: body }, ...rest] });
    const version = await callOk(backend, 'proposals.saveVersion', { id: proposal.id, name: 'Sent' });
    expect(await callOk(backend, 'proposals.exportMissingFiles', { id: proposal.id })).toEqual([]);

    fs.rmSync(attachmentPath(dataDir, attached.sha256));
    const expected = [{ sha256: attached.sha256, name: 'site.png', caption: 'Site visit', where: `1 ${first.title}` }];
    expect(await callOk(backend, 'proposals.exportMissingFiles', { id: proposal.id })).toEqual(expected);
    expect(await callOk(backend, 'proposals.exportMissingFiles', { id: proposal.id, versionId: version.id })).toEqual(expected);

    const text = await docxText(await callOk(backend, 'proposals.exportDocx', { id: proposal.id }));
    expect(text).toContain('The site: [Image: Site visit]');
    expect(await callFail(backend, 'proposals.exportMissingFiles', { id: 'no-such-proposal' })).toMatchObject({ code: 'not_found' });
  });
});
