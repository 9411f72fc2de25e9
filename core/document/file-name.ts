/**
 * A part of an exported file's name: letters, digits and dashes only, so it is safe on every file
 * system, and at most `max` characters, cut between words (never inside one). Pure.
 */
export function fileNamePart(text: string, fallback: string, max = 60): string {
  const words = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .filter((w) => w !== '');
  let out = '';
  for (const word of words) {
    const next = out === '' ? word : `${out}-${word}`;
    if ([...next].length > max) break;
    out = next;
  }
  // A first word longer than the limit is cut, as nothing shorter names the file.
  if (out === '' && words[0]) out = [...words[0]].slice(0, max).join('');
  return out || fallback;
}

/** "Harbour Telecom" and "Voice POC — Harbour Telecom" make "Harbour-Telecom-Voice-POC", not the customer twice. */
export function withoutRepeat(lead: string, rest: string): string {
  const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key(lead) !== '' && key(rest).includes(key(lead)) ? rest : `${lead} ${rest}`;
}
