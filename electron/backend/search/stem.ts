import { stemmer } from 'stemmer';

/**
 * English word forms that mean the same thing share one key: British spellings are written the
 * American way, then the Porter stemmer drops inflections (voiceprints → voiceprint, clauses →
 * claus, extracting → extract, anonymisation → anonym). Search expands a query word into every
 * indexed word with the same key, so each form finds the others; the exact form still ranks first.
 */

// -ise/-isation is British for -ize/-ization, except in words where -ise is the root.
const ISE_ROOTS = new Set([
  'advise', 'arise', 'chastise', 'circumcise', 'comprise', 'compromise', 'concise', 'demise', 'despise', 'devise', 'disguise',
  'enterprise', 'excise', 'exercise', 'expertise', 'franchise', 'improvise', 'incise', 'merchandise', 'noise', 'otherwise',
  'paradise', 'poise', 'praise', 'precise', 'premise', 'promise', 'raise', 'revise', 'rise', 'supervise', 'surmise', 'surprise',
  'televise', 'treatise', 'wise', 'likewise', 'clockwise', 'concise', 'guise', 'cruise', 'bruise', 'anise', 'denise', 'noise',
]);
const OUR_WORDS = /^(colo|behavio|favo|labo|hono|neighbo|harbo|rumo|flavo|endeavo|savo|vigo|armo|humo|odo|rigo|tumo|valo|vapo)ur/;
const RE_WORDS = /^(cent|met|lit|theat|fib|calib|manoeuv|sab|spect)re(s|d)?$/;
const DOUBLED_L = /^(model|label|travel|cancel|signal|fuel|channel|tunnel|level|total|counsel|dial|equal|marshal|panel|program)l(ing|ed|er|ers)$/;
const WHOLE: Record<string, string> = {
  licence: 'license', licences: 'licenses', defence: 'defense', offence: 'offense', programme: 'program', programmes: 'programs',
  catalogue: 'catalog', catalogues: 'catalog', dialogue: 'dialog', dialogues: 'dialogs', analogue: 'analog', grey: 'gray',
  enquiry: 'inquiry', enquiries: 'inquiries', cheque: 'check', kerb: 'curb', tyre: 'tire', tyres: 'tires', aluminium: 'aluminum',
};

/** A British spelling written the American way; other words unchanged. Lower-case input. */
export function americanSpelling(word: string): string {
  const whole = WHOLE[word];
  if (whole !== undefined) return whole;
  if (OUR_WORDS.test(word)) return word.replace(/our/, 'or');
  if (RE_WORDS.test(word)) return word.replace(/re(s|d)?$/, (_m, end: string | undefined) => `er${end ?? ''}`);
  const doubled = DOUBLED_L.exec(word);
  if (doubled) return `${doubled[1] ?? ''}${doubled[2] ?? ''}`;
  if (/yse(s|d)?$|ysing$/.test(word)) return word.replace(/ys(e|es|ed|ing)$/, 'yz$1');
  const ise = /^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (ise && !ISE_ROOTS.has(`${ise[1] ?? ''}ise`)) return `${ise[1] ?? ''}iz${ise[2] ?? ''}`;
  return word;
}

/**
 * Words Porter gives another word's key though they mean something else: busy is not business,
 * an experiment not an experience, production not a product, generation not general, a
 * communication not a community, an authority not an author. Each group gets a key of its own
 * (migration 010 writes them into the vocabulary of databases indexed before; a word added here
 * later needs a migration that does the same).
 */
export const OWN_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    busy: ['busy'],
    experiment: ['experiment', 'experiments', 'experimenting', 'experimented'],
    generat: ['generate', 'generates', 'generated', 'generating', 'generation', 'generations', 'generative', 'generator', 'generators'],
    generic: ['generic', 'generics'],
    communic: ['communicate', 'communicates', 'communicated', 'communicating', 'communication', 'communications'],
    news: ['news'],
    authority: ['authority', 'authorities'],
    production: ['production', 'productions'],
    productiv: ['productive', 'productivity'],
  }).flatMap(([key, words]) => words.map((word) => [word, key])),
);

const LATIN_WORD = /^[a-z][a-z0-9]*$/;
const keys = new Map<string, string>();
const MAX_CACHED = 200_000;

/**
 * The key that word forms share. Only Latin words of letters (and digits after a letter) are
 * stemmed; numbers, identifiers like 5g and Chinese words are their own key.
 */
export function stemKey(word: string): string {
  const known = keys.get(word);
  if (known !== undefined) return known;
  const american = LATIN_WORD.test(word) && word.length > 3 ? americanSpelling(word) : null;
  const key = american === null ? word : (OWN_KEYS[american] ?? stemmer(american));
  if (keys.size >= MAX_CACHED) keys.clear();
  keys.set(word, key);
  return key;
}
