import { evaluateAssessment } from '../../../core/assessment/engine';
import type { AnswerValue } from '../../../core/assessment/logic';
import { syntheticAnswer, syntheticDefinition } from '../../helpers/synthetic-definition';
import { fmt, summary, type BenchModule } from './stats';

const QUESTIONS = 300;
const CHANGES = 2000;

/** Rule evaluation per answer change on a 300-question definition: visibility, scores, readiness, recommendations. */
export const ruleEvaluation: BenchModule = {
  name: 'rule evaluation',
  async run() {
    const def = syntheticDefinition(QUESTIONS);
    const questions = def.sections.flatMap((s) => s.questions);
    const answers: Record<string, AnswerValue> = {};
    questions.forEach((q, i) => (answers[q.id] = syntheticAnswer(q, i)));
    // Warm up the JIT the way a session that has been running for a while would be.
    for (let i = 0; i < 200; i++) evaluateAssessment(def, answers);
    const times: number[] = [];
    let visible = 0;
    for (let i = 0; i < CHANGES; i++) {
      const at = (i * 7) % questions.length;
      const q = questions[at];
      if (!q) continue;
      // A seed ≡ the question's index (mod 20) keeps gate questions "yes", so every section stays open.
      answers[q.id] = syntheticAnswer(q, at + 20 * (i + 1));
      const start = process.hrtime.bigint();
      visible = evaluateAssessment(def, answers).visibleQuestions.length;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const s = summary(times);
    console.log(
      `rule evaluation (${QUESTIONS}-question definition, ${CHANGES} answer changes, ~${visible} visible): p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)} (target ≤ 5 ms), max ${fmt(s.max)}`,
    );
  },
};
