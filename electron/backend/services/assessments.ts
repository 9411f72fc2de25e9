import { msg } from '../../../core/api/message';
import { ApiFailure, issue } from '../../../core/api/result';
import type { ParsedArgs } from '../../../core/api/contract';
import { evaluateAssessment, findQuestion, type Answers, type Definition } from '../../../core/assessment/engine';
import { carryAnswers, diffDefinitions } from '../../../core/assessment/diff';
import { validateAnswer } from '../../../core/assessment/validate-answer';
import { answerVersion, noteVersion } from '../../../core/assessment/answer-version';
import type {
  AssessmentDetail,
  AssessmentSession,
  AssessmentSummary,
  DefinitionQuestions,
  DefinitionSummary,
  StoredAnswer,
  UpgradePreview,
} from '../../../core/assessment/types';
import type { AssessmentResult } from '../../../core/assessment/engine';
import { pick, type Localized } from '../../../core/i18n';
import { sniffType } from '../../../core/files/sniff';
import { stampNow, transact } from '../db/changes';
import {
  getAnswer,
  getAnswers,
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
} from '../repos/assessment-repo';
import { bufferOf, linkFile, storeBytes } from './attachments';
import type { ServiceContext } from './context';
import { notFound } from './found';
import { answerFileCounts } from '../repos/attachment-repo';

/** Guided assessments: sessions on a definition version, answers checked against it, upgrades, sign-off. */

/** The values of stored answers, as the engine reads them. */
export function answerValues(answers: Record<string, StoredAnswer>): Answers {
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

function sessionOf({ db }: ServiceContext, id: string): AssessmentSession {
  const session = getSession(db, id);
  if (!session) throw notFound('record.assessment', id);
  return session;
}

function inProgress(ctx: ServiceContext, id: string): AssessmentSession {
  const session = sessionOf(ctx, id);
  if (session.status === 'completed') throw new ApiFailure('conflict', msg('error.assessmentCompleted', { at: session.completedAt ?? session.updatedAt }));
  return session;
}

function questionOf(def: Definition, questionId: string) {
  const question = findQuestion(def, questionId);
  if (!question) throw new ApiFailure('bad_request', msg('error.questionNotInDefinition', { question: questionId, definition: def.id, version: def.version }));
  return question;
}

export function listDefinitions(ctx: ServiceContext, scenario: string | undefined): DefinitionSummary[] {
  return listLatestDefinitions(ctx.db, scenario).map((d) => ({
    id: d.id,
    version: d.version,
    scenarioId: d.scenarioId,
    title: d.title,
    questionCount: questionCount(d.definition),
    questionsAtStart: evaluateAssessment(d.definition, {}).visibleQuestions.length,
  }));
}

/** The questions of the latest definition of each of these scenarios, in the order the definitions are listed. */
export function listDefinitionQuestions(ctx: ServiceContext, scenarios: readonly string[]): DefinitionQuestions[] {
  return listLatestDefinitions(ctx.db)
    .filter((d) => scenarios.includes(d.scenarioId))
    .map((d) => ({
      id: d.id,
      version: d.version,
      scenarioId: d.scenarioId,
      title: d.title,
      questions: d.definition.sections.flatMap((s) => s.questions),
    }));
}

/** One session with its definition, answers, evaluated result and any newer definition version. */
export function sessionDetail(ctx: ServiceContext, id: string): AssessmentDetail {
  const { db } = ctx;
  const session = sessionOf(ctx, id);
  const engagement = getEngagementRef(db, session.engagementId);
  if (!engagement) throw new ApiFailure('not_found', msg('error.assessmentEngagementGone', { id }));
  const { definition } = ctx.definitions.get(session.definitionId, session.definitionVersion);
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
    fileCounts: answerFileCounts(db, id),
  };
}

export function startSession(ctx: ServiceContext, { engagementId, definitionId }: ParsedArgs<'assessments.start'>): AssessmentDetail {
  const id = transact(ctx.db, () => {
    if (!getEngagementRef(ctx.db, engagementId)) throw notFound('record.engagement', engagementId);
    const version = latestDefinitionVersion(ctx.db, definitionId);
    if (version === null) throw new ApiFailure('not_found', msg('error.definitionNotOnDevice', { id: definitionId }));
    return insertSession(ctx.db, { engagementId, definitionId, definitionVersion: version });
  });
  return sessionDetail(ctx, id);
}

export function listSessionSummaries(ctx: ServiceContext, filter: ParsedArgs<'assessments.list'>): AssessmentSummary[] {
  return listSessions(ctx.db, filter).map(({ session, engagement, title }) => {
    const { definition } = ctx.definitions.get(session.definitionId, session.definitionVersion);
    const result = evaluateAssessment(definition, answerValues(getAnswers(ctx.db, session.id)));
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
  });
}

/** Saves one answer durably, checked against the session's definition; returns the new result. */
export function answerQuestion(ctx: ServiceContext, { sessionId, questionId, value, note, baseVersion }: ParsedArgs<'assessments.answer'>): { savedAt: string; result: AssessmentResult } {
  return transact(ctx.db, () => {
    const session = inProgress(ctx, sessionId);
    const { definition } = ctx.definitions.get(session.definitionId, session.definitionVersion);
    const question = questionOf(definition, questionId);
    const problem = validateAnswer(question, value);
    if (problem) throw new ApiFailure('bad_request', msg('error.answerRefused', { question: question.text, problem }), [issue(questionId, problem)]);
    if (baseVersion !== undefined) {
      const stored = answerVersion(getAnswer(ctx.db, sessionId, questionId)?.value);
      // Saving what is already stored is no clash, whoever stored it.
      if (stored !== baseVersion && stored !== answerVersion(value)) throw new ApiFailure('conflict', msg('error.answerChangedElsewhere', { question: question.text }));
    }
    const savedAt = saveAnswer(ctx.db, sessionId, questionId, value, note);
    return { savedAt, result: evaluateAssessment(definition, answerValues(getAnswers(ctx.db, sessionId))) };
  });
}

export function noteOnQuestion(ctx: ServiceContext, { sessionId, questionId, note, baseVersion }: ParsedArgs<'assessments.note'>): { savedAt: string } {
  return transact(ctx.db, () => {
    const session = inProgress(ctx, sessionId);
    const question = questionOf(ctx.definitions.get(session.definitionId, session.definitionVersion).definition, questionId);
    if (baseVersion !== undefined) {
      const stored = noteVersion(getAnswer(ctx.db, sessionId, questionId)?.note);
      if (stored !== baseVersion && stored !== noteVersion(note)) throw new ApiFailure('conflict', msg('error.answerNoteChangedElsewhere', { question: question.text }));
    }
    return { savedAt: saveNote(ctx.db, sessionId, questionId, note) };
  });
}

function planUpgrade(ctx: ServiceContext, session: AssessmentSession, toVersion: number): UpgradePreview & { removedIds: Set<string> } {
  const from = ctx.definitions.get(session.definitionId, session.definitionVersion).definition;
  const to = ctx.definitions.get(session.definitionId, toVersion).definition;
  const diff = diffDefinitions(from, to);
  const answers = getAnswers(ctx.db, session.id);
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
}

export function previewUpgrade(ctx: ServiceContext, sessionId: string): UpgradePreview {
  const session = sessionOf(ctx, sessionId);
  const latest = latestDefinitionVersion(ctx.db, session.definitionId);
  if (latest === null || latest <= session.definitionVersion) {
    throw new ApiFailure('conflict', msg('error.alreadyNewest', { version: session.definitionVersion, id: session.definitionId }));
  }
  const { removedIds: _unused, ...shown } = planUpgrade(ctx, session, latest);
  return shown;
}

/** Moves an in-progress session to a newer definition version; answers that no longer fit are set aside, never lost. */
export function upgradeSession(ctx: ServiceContext, { sessionId, toVersion }: ParsedArgs<'assessments.upgrade'>): AssessmentDetail {
  transact(ctx.db, () => {
    const session = inProgress(ctx, sessionId);
    if (toVersion <= session.definitionVersion) {
      throw new ApiFailure('conflict', msg('error.versionNotNewer', { to: toVersion, from: session.definitionVersion }));
    }
    const planned = planUpgrade(ctx, session, toVersion);
    moveSessionToVersion(ctx.db, {
      sessionId,
      fromVersion: session.definitionVersion,
      toVersion,
      setAside: planned.setAside.map((s) => ({ questionId: s.questionId, reason: s.reason, questionRemoved: planned.removedIds.has(s.questionId) })),
    });
  });
  return sessionDetail(ctx, sessionId);
}

/** Completes a session with a sign-off; refused while required visible questions are unanswered. */
export function completeSession(ctx: ServiceContext, { sessionId, signoff }: ParsedArgs<'assessments.complete'>): AssessmentDetail {
  inProgress(ctx, sessionId);
  const current = sessionDetail(ctx, sessionId);
  const missing = current.result.requiredMissing;
  if (missing.length > 0) {
    const texts = missing.map((q) => questionText(current.definition, q));
    const questions = { en: texts.map((t) => `“${pick(t, 'en')}”`).join(', '), zh: texts.map((t) => `“${pick(t, 'zh')}”`).join('、') };
    throw new ApiFailure('conflict', msg('error.requiredUnanswered', { questions }), missing.map((q) => issue(q, msg('issue.required'))));
  }
  const bytes = bufferOf(signoff.signaturePng);
  if (sniffType(bytes) !== 'image/png') throw new ApiFailure('bad_file', msg('error.signatureNotPng'));
  // The file is stored before the transaction: a rollback leaves at most an unlinked file behind.
  const file = storeBytes(ctx, { name: 'signature.png', mime: 'image/png', bytes });
  transact(ctx.db, () => {
    const at = stampNow();
    linkFile(ctx.db, file, { ownerTable: 'assessment_sessions', ownerId: sessionId, caption: signoff.name });
    const done = markCompleted(ctx.db, sessionId, { name: signoff.name, role: signoff.role, signedAt: signoff.signedAt ?? at, signatureSha256: file.sha256 }, at);
    if (!done) throw new ApiFailure('conflict', msg('error.assessmentCompletedMeanwhile'));
  });
  return sessionDetail(ctx, sessionId);
}
