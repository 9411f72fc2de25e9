import { assessmentFile, type AssessmentFile, type Question } from '../../core/content/schemas';

/**
 * A generated assessment definition of realistic shape and any size, for the benchmark and the
 * engine's scale tests: sections of 20 questions cycling through every question type; each
 * section opens with a yes/no gate question and the next section is shown only when that gate is
 * answered "yes"; every fourth question is conditional on the one before it; one recommendation
 * per section.
 */
export function syntheticDefinition(questionCount = 300): AssessmentFile {
  const L = (en: string) => ({ en, zh: `${en}（中）` });
  const dims = ['business-value', 'data-readiness', 'integration', 'organisation'];
  const perSection = 20;
  const sections: { id: string; title: { en: string; zh: string }; visibleIf?: unknown; questions: unknown[] }[] = [];
  const gateOf: string[] = [];
  for (let i = 0; i < questionCount; i++) {
    const s = Math.floor(i / perSection);
    if (i % perSection === 0) {
      sections.push({ id: `section-${s}`, title: L(`Section ${s}`), questions: [], ...(s > 0 ? { visibleIf: { '==': [{ var: gateOf[s - 1] }, true] } } : {}) });
    }
    const id = `q-${i}`;
    const dim = dims[i % dims.length] ?? 'business-value';
    const base = { id, text: L(`Question ${i}`), required: i % 5 === 0, ...(i % 4 === 3 ? { visibleIf: { '!=': [{ var: `q-${i - 1}` }, null] } } : {}) };
    let q: unknown;
    const gate = i % perSection === 0;
    if (gate) gateOf[s] = id;
    switch (gate ? 0 : i % 8) {
      case 0:
        q = { ...base, type: 'yesno', yes: { [dim]: 4 }, no: { [dim]: 1 } };
        break;
      case 1:
        q = { ...base, type: 'single', options: ['a', 'b', 'c', 'd'].map((v, k) => ({ value: v, label: L(v), scores: { [dim]: k } })) };
        break;
      case 2:
        q = { ...base, type: 'multiple', options: ['w', 'x', 'y', 'z'].map((v, k) => ({ value: v, label: L(v), scores: { [dim]: k + 1 } })) };
        break;
      case 3:
        q = { ...base, type: 'scale', scale: { min: 1, max: 5 }, scores: { [dim]: 4 } };
        break;
      case 4:
        q = { ...base, type: 'number', number: { min: 0, max: 1000 }, bands: [{ max: 100, scores: { [dim]: 1 } }, { min: 100, scores: { [dim]: 4 } }] };
        break;
      case 5:
        q = { ...base, type: 'text' };
        break;
      case 6:
        q = { ...base, type: 'date' };
        break;
      default:
        q = { ...base, type: 'evidence' };
    }
    sections[s]?.questions.push(q);
  }
  return assessmentFile.parse({
    id: 'synthetic-readiness',
    version: 1,
    scenario: 'intelligent-customer-service',
    title: L('Synthetic readiness'),
    description: L(`${questionCount} generated questions`),
    dimensions: dims.map((id) => ({ id, weight: 1 / dims.length, label: L(id) })),
    readinessLevels: [
      { id: 'not-ready', min: 0, label: L('Not ready'), description: L('x') },
      { id: 'pilot-ready', min: 60, label: L('Pilot ready'), description: L('x') },
    ],
    sections,
    recommendations: sections.map((sec, k) => ({
      id: `rec-${k}`,
      kind: 'article',
      ref: 'ics-intent-method',
      // On the section's first number question (types cycle every 8 questions, sections are 20 long).
      when: { and: [{ '==': [{ var: gateOf[k] }, true] }, { '>=': [{ var: `q-${k * perSection + (k % 2 === 0 ? 4 : 8)}` }, 100] }] },
      reason: L(`Because of ${sec.id}`),
    })),
  });
}

/** A valid answer for a generated question, varying with `seed` (pass the question's index to open every section). */
export function syntheticAnswer(q: Question, seed: number): string | number | boolean | string[] {
  switch (q.type) {
    case 'yesno':
      // Gate questions (every 20th) open the next section; other yes/no answers vary.
      return seed % 20 === 0 || seed % 3 !== 1;
    case 'single':
      return q.options[seed % q.options.length]?.value ?? '';
    case 'multiple':
      return q.options.slice(0, 1 + (seed % q.options.length)).map((o) => o.value);
    case 'scale':
      return q.scale.min + (seed % (q.scale.max - q.scale.min + 1));
    case 'number':
      return (seed * 37) % 1000;
    case 'text':
      return `Answer ${seed}`;
    case 'date':
      return `2027-0${1 + (seed % 9)}-1${seed % 10}`;
    default:
      return ['0'.repeat(63) + String(seed % 10)];
  }
}
