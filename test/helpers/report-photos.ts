import { noisePng, picturePng } from './png';
import { ICS_ANSWERS } from './ics-assessment';

/**
 * A completed assessment carrying many photos, for what a large report export costs: used by the
 * 40 MB transport test and by `npm run bench:assessment`.
 */

/** A call into the contract, over whatever transport the caller measures; throws on failure. */
export type Call = (method: string, args: unknown) => Promise<unknown>;
export type Photo = { name: string; mime: string; bytes: Buffer };

/**
 * Photo-sized PNGs of random noise: ~1.4–2.9 MB each (20 of them: ~42 MB). Noise does not compress
 * at all, so this is the worst case for the export (a PNG screenshot or scan compresses far better).
 */
export function noisePhotos(count: number): Photo[] {
  return Array.from({ length: count }, (_, i) => {
    const width = 800 + (i % 5) * 100;
    const height = 600 + (i % 3) * 100;
    return { name: `photo-${i + 1}.png`, mime: 'image/png', bytes: noisePng(width, height, i + 1) };
  });
}

/** A completed ICS assessment (bundled pack) with the photos spread over its questions and a signature. */
export async function completedAssessment(call: Call, photos: Photo[]): Promise<{ sessionId: string; photoBytes: number }> {
  const customer = (await call('customers.create', { name: 'Bench Telecom', kind: 'enterprise' })) as { id: string };
  const engagement = (await call('engagements.create', { customerId: customer.id, title: 'Bench pilot', scenarios: ['intelligent-customer-service'] })) as { id: string };
  const started = (await call('assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' })) as { session: { id: string } };
  const sessionId = started.session.id;
  for (const [questionId, value, note] of ICS_ANSWERS) await call('assessments.answer', { sessionId, questionId, value, ...(note ? { note } : {}) });
  const questions = ['current-process-photos', 'has-ivr', 'call-recordings', 'crm-integration', 'telephony-platform'];
  let photoBytes = 0;
  for (const [i, photo] of photos.entries()) {
    photoBytes += photo.bytes.length;
    const ownerId = `${sessionId}:${questions[i % questions.length] ?? ''}`;
    await call('attachments.add', { ownerTable: 'assessment_answers', ownerId, name: photo.name, mime: photo.mime, data: photo.bytes, caption: `Site photo ${i + 1}` });
  }
  const signature = picturePng(300, 100, { background: '#fafafa', accent: '#1b2027' });
  await call('assessments.complete', { sessionId, signoff: { name: 'Bench Signer', role: 'Sponsor', signaturePng: signature } });
  return { sessionId, photoBytes };
}
