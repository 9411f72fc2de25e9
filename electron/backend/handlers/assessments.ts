import { ApiFailure } from '../../../core/api/result';
import type { assessmentCalls } from '../../../core/api/calls/assessments';
import { evaluateAssessment, findQuestion, type Answers, type Definition } from '../../../core/assessment/engine';
import { carryAnswers, diffDefinitions } from '../../../core/assessment/diff';
import { validateAnswer } from '../../../core/assessment/validate-answer';
import type { AssessmentDetail, AssessmentSession, StoredAnswer, UpgradePreview } from '../../../core/assessment/types';
import type { Localized } from '../../../core/i18n';
import { sniffType } from '../../../core/files/sniff';
import { storeFile } from '../files/attachment-store';
import { insertAttachment } from '../repos/attachment-repo';
import {
  getAnswers,
  getDefinition,
  getEngagementRef,
  getSession,
  getSetAside,
  insertSession,
  latestDefinitionVersion,
  listLatestDefinitions,
  listSessions,
  markCompleted,
  moveSessionToVersion,
  saveAnswer,
  saveNote,
  type StoredDefinition,
} from '../repos/assessment-repo';
import { nowIso } from '../repos/ids';
import type { HandlerContext, HandlersFor } from './context';

/** The values of stored answers, as the engine reads them. */
function answerValues(answers: Record<string, StoredAnswer>): Answers {
  const values: Record<string, StoredAnswer['value']> = {};
  for (const [id, a] of Object.entries(answers)) if (a.value !== null) values[id] = a.value;
  return values;
}

function questionCount(def: Definition): number {
  return def.sections.reduce((n, s) => n + s.questions.length, 0);
}

function questionText(def: Definition, questionId: string): Localized {
  return findQuestion(def, questionId)?.text ?? { en: questionId, zh: questionId };
}

export function assessmentHandlers({ db, dataDir }: HandlerContext): HandlersFor<typeof assessmentCalls> {
  // A definition version never changes once stored, so parsed definitions can be kept: an answer
  // call then costs one read of the answers, the evaluation and one write.
  const definitions = new Map<string, StoredDefinition>();
  const definitionOf = (id: string, version: number): StoredDefinition => {
    const key = `${id}@${version}`;
    let found = definitions.get(key);
    if (!found) {
      const stored = getDefinition(db, id, version);
      if (!stored) throw new ApiFailure('not_found', `Assessment definition "${id}" version ${version} is not on this device.`);
      definitions.set(key, stored);
      found = stored;
    }
    return found;
  };

  const sessionOf = (id: string): AssessmentSession => {
    const session = getSession(db, id);
    if (!session) throw new ApiFailure('not_found', `No assessment session "${id}".`);
    return session;
  };

  const inProgress = (id: string): AssessmentSession => {
    const session = sessionOf(id);
    if (session.status === 'completed')
      throw new ApiFailure('conflict', `This assessment was completed on ${session.completedAt ?? session.updatedAt} and can no longer be changed.`);
    return session;
  };

  const detail = (id: string): AssessmentDetail => {
    const session = sessionOf(id);
    const engagement = getEngagementRef(db, session.engagementId);
    if (!engagement) throw new ApiFailure('not_found', `The engagement of assessment "${id}" no longer exists.`);
    const { definition } = definitionOf(session.definitionId, session.definitionVersion);
    const answers = getAnswers(db, id);
    const latest = latestDefinitionVersion(db, session.definitionId);
    return {
      session,
      engagement,
      definition,
      answers,
      result: evaluateAssessment(definition, answerValues(answers)),
      newerVersion: latest !== null && latest > session.definitionVersion ? latest : null,
      setAside: getSetAside(db, id),
    };
  };

  const questionOf = (def: Definition, questionId: string) => {
    const question = findQuestion(def, questionId);
    if (!question) throw new ApiFailure('bad_request', `Question "${questionId}" is not part of "${def.id}" version ${def.version}.`);
    return question;
  };

  const preview = (session: AssessmentSession, toVersion: number): UpgradePreview & { removedIds: Set<string> } => {
    const from = definitionOf(session.definitionId, session.definitionVersion).definition;
    const to = definitionOf(session.definitionId, toVersion).definition;
    const diff = diffDefinitions(from, to);
    const answers = getAnswers(db, session.id);
    // Cleared answers (value null) take part too, so a note on a removed question is set aside with it.
    const carried = carryAnswers(to, Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.value])));
    const order = from.sections.flatMap((sec) => sec.questions.map((q) => q.id));
    return {
      from: session.definitionVersion,
      to: toVersion,
      diff: {
        added: diff.added.map((questionId) => ({ questionId, text: questionText(to, questionId) })),
        removed: diff.removed.map((questionId) => ({ questionId, text: questionText(from, questionId) })),
        changed: diff.changed.map((c) => ({ questionId: c.questionId, text: questionText(to, c.questionId), fields: c.fields })),
      },
      // In the order the questions are asked, so the dialog reads like the runner.
      setAside: carried.setAside
        .map((s) => ({ ...s, text: questionText(from, s.questionId) }))
        .sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId)),
      removedIds: new Set(diff.removed),
    };
  };

  return {
    'assessments.definitions': ({ scenario }) =>
      listLatestDefinitions(db, scenario).map((d) => ({
        id: d.id,
        version: d.version,
        scenarioId: d.scenarioId,
        title: d.title,
        questionCount: questionCount(d.definition),
      })),

    'assessments.start': ({ engagementId, definitionId }) => {
      if (!getEngagementRef(db, engagementId)) throw new ApiFailure('not_found', `No engagement "${engagementId}".`);
      const version = latestDefinitionVersion(db, definitionId);
      if (version === null) throw new ApiFailure('not_found', `No assessment definition "${definitionId}" on this device.`);
      const id = insertSession(db, { engagementId, definitionId, definitionVersion: version, at: nowIso() });
      return detail(id);
    },

    'assessments.list': ({ engagementId, status }) =>
      listSessions(db, { engagementId, status }).map(({ session, engagement, title }) => {
        const { definition } = definitionOf(session.definitionId, session.definitionVersion);
        const result = evaluateAssessment(definition, answerValues(getAnswers(db, session.id)));
        return {
          id: session.id,
          engagementId: engagement.id,
          engagementTitle: engagement.title,
          customerName: engagement.customerName,
          definitionId: session.definitionId,
          definitionVersion: session.definitionVersion,
          title,
          status: session.status,
          answered: result.answeredCount,
          visibleTotal: result.visibleQuestions.length,
          readiness: result.readiness,
          overall: result.overall,
          startedAt: session.startedAt,
          updatedAt: session.updatedAt,
          completedAt: session.completedAt,
        };
      }),

    'assessments.get': ({ id }) => detail(id),

    'assessments.answer': ({ sessionId, questionId, value, note }) => {
      const session = inProgress(sessionId);
      const { definition } = definitionOf(session.definitionId, session.definitionVersion);
      const question = questionOf(definition, questionId);
      const problem = validateAnswer(question, value);
      if (problem) throw new ApiFailure('bad_request', `“${question.text.en}” (${questionId}): ${problem}.`, [{ path: questionId, message: problem }]);
      const savedAt = nowIso();
      saveAnswer(db, sessionId, questionId, value, note, savedAt);
      const answers = answerValues(getAnswers(db, sessionId));
      return { savedAt, result: evaluateAssessment(definition, answers) };
    },

    'assessments.note': ({ sessionId, questionId, note }) => {
      const session = inProgress(sessionId);
      questionOf(definitionOf(session.definitionId, session.definitionVersion).definition, questionId);
      const savedAt = nowIso();
      saveNote(db, sessionId, questionId, note, savedAt);
      return { savedAt };
    },

    'assessments.previewUpgrade': ({ sessionId }) => {
      const session = sessionOf(sessionId);
      const latest = latestDefinitionVersion(db, session.definitionId);
      if (latest === null || latest <= session.definitionVersion)
        throw new ApiFailure('conflict', `This assessment already uses the newest version (${session.definitionVersion}) of "${session.definitionId}".`);
      const { removedIds: _unused, ...shown } = preview(session, latest);
      return shown;
    },

    'assessments.upgrade': ({ sessionId, toVersion }) => {
      const session = inProgress(sessionId);
      if (toVersion <= session.definitionVersion)
        throw new ApiFailure('conflict', `Version ${toVersion} is not newer than the version this assessment uses (${session.definitionVersion}).`);
      const planned = preview(session, toVersion);
      moveSessionToVersion(db, {
        sessionId,
        fromVersion: session.definitionVersion,
        toVersion,
        at: nowIso(),
        setAside: planned.setAside.map((s) => ({ questionId: s.questionId, reason: s.reason, questionRemoved: planned.removedIds.has(s.questionId) })),
      });
      return detail(sessionId);
    },

    'assessments.complete': ({ sessionId, signoff }) => {
      const session = inProgress(sessionId);
      const current = detail(session.id);
      const missing = current.result.requiredMissing;
      if (missing.length > 0) {
        const names = missing.map((q) => `“${questionText(current.definition, q).en}” (${q})`).join(', ');
        throw new ApiFailure('conflict', `Answer the required questions before completing: ${names}.`, missing.map((q) => ({ path: q, message: 'required' })));
      }
      const bytes = Buffer.from(signoff.signaturePng.buffer, signoff.signaturePng.byteOffset, signoff.signaturePng.byteLength);
      const name = 'signature.png';
      if (sniffType(bytes) !== 'image/png') throw new ApiFailure('bad_file', 'The signature is not a PNG image; draw it again.');
      const sha256 = storeFile(dataDir, bytes);
      const at = nowIso();
      db.transaction(() => {
        insertAttachment(db, { sha256, mime: 'image/png', size: bytes.length, name }, { ownerTable: 'assessment_sessions', ownerId: sessionId, caption: signoff.name });
        const done = markCompleted(db, sessionId, { name: signoff.name, role: signoff.role, signedAt: signoff.signedAt ?? at, signatureSha256: sha256 }, at);
        if (!done) throw new ApiFailure('conflict', 'This assessment was completed meanwhile.');
      })();
      return detail(sessionId);
    },
  };
}
