import { fnv1a32 } from '../text/fingerprint';
import type { AnswerValue } from './logic';

/**
 * Which stored value an edit of one answer (or of its note) started from. The runner sends it with
 * each save and the backend refuses the save as a conflict when the stored value has changed since
 * (another tab or window, a sync): the answer and its note are versioned apart, because they are
 * edited apart. A fingerprint rather than the value itself, so a long note is not sent twice.
 */
function fingerprint(text: string): string {
  // Two seeds: 64 bits, so two different values practically never look alike.
  return `${fnv1a32(text).toString(36)}.${fnv1a32(text, 0x050c5d1f).toString(36)}.${text.length.toString(36)}`;
}

/** The version of an answer's value; no answer and a cleared answer are the same version. */
export function answerVersion(value: AnswerValue | undefined): string {
  return fingerprint(JSON.stringify(value ?? null));
}

/** The version of an answer's note; no note and an empty note are the same version. */
export function noteVersion(note: string | undefined): string {
  return fingerprint(note ?? '');
}
