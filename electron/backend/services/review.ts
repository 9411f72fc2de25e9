import fs from 'node:fs';
import { formatApiMessage, msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { ParsedArgs } from '../../../core/api/contract';
import { localDay } from '../../../core/dates';
import { checkLexicalDocument } from '../../../core/notes/lexical-document';
import { normalizeTags } from '../../../core/notes/types';
import { IMAGE_TYPES } from '../../../core/files/sniff';
import { documentJson, heading, image, list, paragraph, textNode } from '../../../core/richtext/build';
import { blocksOf, childrenOf, nodesOfType, stringField, type RichNode } from '../../../core/richtext/walk';
import { PUBLISHED_SPACE } from '../../../core/sync/spaces';
import { SUBMISSION_FILES_MAX, type ReviewArticle, type ReviewAttention, type Submission, type SubmissionContent, type SubmissionFile, type SubmissionList, type SubmissionSummary } from '../../../core/review/types';
import { commit, insert, remove, transact, update, type Change } from '../db/changes';
import type { Db } from '../db/connection';
import { getAttachment, listLinks } from '../repos/attachment-repo';
import { unknownScenarios } from '../repos/engagement-repo';
import { newId } from '../repos/ids';
import { getLesson, updateLesson } from '../repos/lesson-repo';
import { getNote } from '../repos/note-repo';
import { articlesFromReview, countAttention, getSubmission, listSubmissions, putSubmission, setReview, submissionForSource, submissionId, submissionsOfArticle } from '../repos/review-repo';
import { assignSpace } from '../sync/outbox';
import { syncIdentity, type SyncIdentity } from '../sync/state';
import { attachmentPath } from '../files/attachment-store';
import type { ServiceContext } from './context';
import { checkedBody } from './notes';
import { foundOrFail, notFound } from './found';
import { identityOrFail, managerOrFail } from './roles';

/**
 * Submitting for review (authors) and reviewing (knowledge managers). A submission is a copy of
 * the lesson or note as it was submitted, in the author's review space; the lesson itself is
 * locked ('submitted') until a reviewer returns it. Publishing writes a new article into the
 * published space, naming its sources, and every device receives it with the next sync.
 */

const FINAL = new Set(['merged', 'published', 'rejected']);

function reviewerOrFail(db: Db): SyncIdentity {
  return managerOrFail(db, msg('error.reviewNotManager'));
}

function submissionOrFail(db: Db, id: string, me: string | null): Submission {
  const found = getSubmission(db, id, me);
  if (found === null) throw new ApiFailure('not_found', msg('error.reviewNoSuchSubmission', { id }));
  return found;
}

export function submitForReview(db: Db, { kind, id }: ParsedArgs<'review.submit'>, now: Date = new Date()): SubmissionSummary {
  const identity = identityOrFail(db);
  return transact(db, () => {
    let content: SubmissionContent;
    let title: string;
    let text: string;
    let scenarios: string[] = [];
    if (kind === 'lesson') {
      const lesson = foundOrFail(getLesson(db, id), 'record.lesson', id);
      if (lesson.status !== 'ready') throw new ApiFailure('conflict', msg('error.reviewLessonNotReady', { status: msg(`lessonStatus.${lesson.status}`) }));
      content = {
        kind: 'lesson',
        context: lesson.context,
        problem: lesson.problem,
        action: lesson.action,
        result: lesson.result,
        recommendation: lesson.recommendation,
        tags: lesson.tags,
        files: filesShown(db, 'lessons', id, []),
      };
      title = lesson.title;
      text = [lesson.context, lesson.problem, lesson.action, lesson.result, lesson.recommendation].filter((t) => t !== '').join('\n\n');
      scenarios = lesson.scenarios;
      updateLesson(db, lesson, { ...lesson, status: 'submitted' });
    } else {
      const note = foundOrFail(getNote(db, id), 'record.note', id);
      const pictures = nodesOfType(note.bodyJson, 'image').map((n) => stringField(n, 'sha256'));
      content = { kind: 'note', bodyJson: note.bodyJson, tags: note.tags, files: filesShown(db, 'field_notes', id, pictures) };
      title = note.title;
      text = note.text;
    }
    const submission = submissionId(kind, id);
    putSubmission(db, { id: submission, authorId: identity.userId, authorName: identity.displayName, kind, sourceId: id, title, content, text, scenarios, submittedAt: now.toISOString() });
    return submissionOrFail(db, submission, identity.userId);
  });
}

/** The files a submission shows: pictures in its body, then files attached to the record (each once, those this device has a record of). */
function filesShown(db: Db, ownerTable: 'lessons' | 'field_notes', ownerId: string, pictures: readonly string[]): SubmissionFile[] {
  const shas = new Set([...pictures, ...listLinks(db, ownerTable, ownerId).map((l) => l.sha256)]);
  const files: SubmissionFile[] = [];
  for (const sha256 of shas) {
    const file = getAttachment(db, sha256);
    if (file && files.length < SUBMISSION_FILES_MAX) files.push({ sha256, name: file.name, mime: file.mime, size: file.size });
  }
  return files;
}

export function listForReview(db: Db, filter: ParsedArgs<'review.list'>): SubmissionList {
  return listSubmissions(db, filter, syncIdentity(db)?.userId ?? null);
}

/** What waits for this user in Review; nothing on a device that is not connected (it has no submissions of anyone's). */
export function reviewAttention(db: Db): ReviewAttention {
  const identity = syncIdentity(db);
  if (identity === null) return { open: null, returned: 0 };
  const counted = countAttention(db, identity.userId);
  return { open: identity.role === 'knowledge_manager' ? counted.open : null, returned: counted.returned };
}

export function reviewOf(db: Db, id: string): Submission {
  return submissionOrFail(db, id, syncIdentity(db)?.userId ?? null);
}

export function forSource(db: Db, sourceId: string): SubmissionSummary | null {
  return submissionForSource(db, sourceId, syncIdentity(db)?.userId ?? null);
}

export function articlesForMerging(db: Db, { query }: ParsedArgs<'review.articles'>): ReviewArticle[] {
  return articlesFromReview(db, query ?? '');
}

export function sourcesOf(db: Db, articleId: string): SubmissionSummary[] {
  return submissionsOfArticle(db, articleId, syncIdentity(db)?.userId ?? null);
}

/** Refuses anything but a live article published from review; `refusal` says why that matters for what is asked. */
function fromReviewOrFail(db: Db, identity: SyncIdentity, articleId: string, refusal: 'error.reviewNotWithdrawable' | 'error.reviewNotEditable'): void {
  const live = db.prepare('SELECT 1 FROM kb_articles WHERE id = ? AND deleted = 0').get(articleId) !== undefined;
  if (!live) throw notFound('record.article', articleId);
  if (submissionsOfArticle(db, articleId, identity.userId).length === 0) throw new ApiFailure('conflict', msg(refusal, { id: articleId }));
}

/**
 * Withdraws an article published from review (a tombstone in the published space: every device
 * drops it from its knowledge base and search with the next sync). Only such articles: pack
 * content changes with a new pack version, and a device's own articles are not the manager's.
 */
export function withdraw(db: Db, { articleId }: ParsedArgs<'review.withdraw'>): { withdrawn: true } {
  const identity = reviewerOrFail(db);
  return transact(db, () => {
    fromReviewOrFail(db, identity, articleId, 'error.reviewNotWithdrawable');
    commit(db, [remove('kb_articles', { id: articleId })]);
    return { withdrawn: true as const };
  });
}

export function decide(db: Db, { id, status, note }: ParsedArgs<'review.decide'>, now: Date = new Date()): SubmissionSummary {
  const identity = reviewerOrFail(db);
  return transact(db, () => {
    const submission = submissionOrFail(db, id, identity.userId);
    if (FINAL.has(submission.status)) throw new ApiFailure('conflict', msg('error.reviewFinal', { title: submission.title, status: msg(`submissionStatus.${submission.status}`) }));
    if (status !== 'in_review' && note.trim() === '') throw new ApiFailure('bad_request', msg('error.reviewNeedsNote'));
    setReview(db, id, { status, note: note.trim(), by: identity.displayName, at: now.toISOString() });
    return submissionOrFail(db, id, identity.userId);
  });
}

type ArticleLang = 'en' | 'zh';
type PartKey = `review.part.${'context' | 'problem' | 'action' | 'result' | 'recommendation' | 'pictures'}`;

function word(key: 'review.sources' | PartKey, lang: ArticleLang): string {
  return formatApiMessage(msg(key), lang);
}

/** What one submission brings to an article: its content, under its title when the article has several sources. */
function contentBlocks(s: Submission, lang: ArticleLang, titled: boolean): RichNode[] {
  const blocks: RichNode[] = [];
  if (titled) blocks.push(heading('h2', s.title));
  const level = titled ? 'h3' : 'h2';
  if (s.content.kind === 'lesson') {
    const parts = [
      ['review.part.context', s.content.context],
      ['review.part.problem', s.content.problem],
      ['review.part.action', s.content.action],
      ['review.part.result', s.content.result],
      ['review.part.recommendation', s.content.recommendation],
    ] as const;
    for (const [key, value] of parts) {
      if (value.trim() === '') continue;
      blocks.push(heading(level, word(key, lang)));
      for (const line of value.split(/\n{2,}/)) blocks.push(paragraph([textNode(line)]));
    }
    // The pictures attached to the lesson, each in a paragraph of its own, named by its file name.
    const pictures = lessonPictures(s);
    if (pictures.length > 0) blocks.push(heading(level, word('review.part.pictures', lang)));
    for (const file of pictures) blocks.push(paragraph([image(file.sha256, file.name)]));
  } else {
    // The note's body as submitted, checked again (it came from another device).
    const checked = checkLexicalDocument(s.content.bodyJson);
    if (checked.json !== null) blocks.push(...blocksOf(checked.json));
  }
  return blocks;
}

/** The list of sources that ends every article from review: each source's title, author and day. */
function sourcesSection(sources: readonly Submission[], lang: ArticleLang, timeZone?: string): [RichNode, RichNode] {
  return [
    heading('h2', word('review.sources', lang)),
    list(
      'bullet',
      sources.map((s) => formatApiMessage(msg('review.sourceLine', { title: s.title, author: s.authorName, date: localDay(new Date(s.submittedAt), timeZone) }), lang)),
    ),
  ];
}

function headingText(node: RichNode): string {
  return childrenOf(node)
    .map((c) => stringField(c, 'text'))
    .join('')
    .trim();
}

/** Whether the blocks end with a list of sources (as `sourcesSection` writes it in `lang`). */
function endsWithSources(blocks: readonly RichNode[], lang: ArticleLang): boolean {
  const [title, items] = blocks.slice(-2);
  return title?.type === 'heading' && headingText(title) === word('review.sources', lang) && items?.type === 'list';
}

/**
 * An article's text with submissions added: its text as it is (with any change a manager made),
 * the added submissions' content under their titles, and its list of sources with theirs added
 * (a list a manager changed keeps the change, such as a customer's name taken out of a title).
 */
function withAdded(blocks: readonly RichNode[], added: readonly Submission[], lang: ArticleLang): RichNode[] {
  const contents = added.flatMap((s) => contentBlocks(s, lang, true));
  const [addedTitle, addedList] = sourcesSection(added, lang);
  if (!endsWithSources(blocks, lang)) return [...blocks, ...contents, addedTitle, addedList];
  const [title, earlierList] = blocks.slice(-2) as [RichNode, RichNode];
  const items = [...childrenOf(earlierList), ...childrenOf(addedList)].map((item, i) => ({ ...item, value: i + 1 }));
  return [...blocks.slice(0, -2), ...contents, title, { ...earlierList, children: items }];
}

/** An article's text in one language: its title and summary, and its body, checked as any body a person wrote. */
function articleText(blocks: readonly RichNode[], named: { title: string; summary: string }) {
  const checked = checkedBody(documentJson([...blocks]), 'docKind.articleText', 'body');
  return { title: named.title, summary: named.summary, body_json: checked.json, body_text: checked.text };
}

/** The pictures a submission shows: a note's pictures in its body, a lesson's attached pictures. */
function picturesOf(s: Submission): SubmissionFile[] {
  if (s.content.kind === 'lesson') return lessonPictures(s);
  const shown = new Set(nodesOfType(s.content.bodyJson, 'image').map((n) => stringField(n, 'sha256')));
  return (s.content.files ?? []).filter((f) => shown.has(f.sha256));
}

/**
 * The pictures an article's text shows, recorded in the published space, so every device fetches
 * them with the article (sync/files.ts) and shows them: a record is what the hosts serve a file by
 * (files/blobs.ts). Each came to this device with its submission; one already recorded here (a
 * picture of the manager's own) is left where it is.
 */
function pictureRecords({ db, dataDir }: Pick<ServiceContext, 'db' | 'dataDir'>, sources: readonly Submission[], bodies: readonly string[]): Change[] {
  const shown = new Set(bodies.flatMap((b) => nodesOfType(b, 'image').map((n) => stringField(n, 'sha256'))));
  const changes: Change[] = [];
  const recorded = new Set<string>();
  for (const file of sources.flatMap(picturesOf)) {
    if (!shown.has(file.sha256) || recorded.has(file.sha256) || getAttachment(db, file.sha256) !== null) continue;
    recorded.add(file.sha256);
    assignSpace(db, 'attachments', file.sha256, PUBLISHED_SPACE);
    changes.push(insert('attachments', { sha256: file.sha256, mime: file.mime, size: file.size, original_name: file.name, stored_locally: fs.existsSync(attachmentPath(dataDir, file.sha256)) ? 1 : 0 }));
  }
  return changes;
}

/** The pictures among a lesson's attached files (its other files stay with the lesson). */
function lessonPictures(s: Submission): SubmissionFile[] {
  return s.content.kind === 'lesson' ? (s.content.files ?? []).filter((f) => (IMAGE_TYPES as readonly string[]).includes(f.mime)) : [];
}

/** When an article published now is due for review: in a year. */
function reviewDateFrom(now: Date): string {
  return localDay(new Date(now.getTime() + 365 * 24 * 3600 * 1000));
}

type ArticleText = { title: string; summary: string; body_json: string };

/** What publishing starts from: the submissions, checked, and the article they are added to (if any). */
type Publication = {
  identity: SyncIdentity;
  added: Submission[];
  article: { id: string; version: number; earlier: Submission[]; texts: Map<ArticleLang, ArticleText> } | null;
};

function publication(db: Db, ids: readonly string[], into: string | undefined): Publication {
  const identity = reviewerOrFail(db);
  const added = ids.map((id) => submissionOrFail(db, id, identity.userId));
  for (const s of added) {
    if (FINAL.has(s.status)) throw new ApiFailure('conflict', msg('error.reviewFinal', { title: s.title, status: msg(`submissionStatus.${s.status}`) }));
  }
  if (into === undefined) return { identity, added, article: null };
  const article = db.prepare('SELECT version FROM kb_articles WHERE id = ? AND deleted = 0').get(into) as { version: number } | undefined;
  if (article === undefined) throw notFound('record.article', into);
  const earlier = submissionsOfArticle(db, into, identity.userId).map((s) => submissionOrFail(db, s.id, identity.userId));
  if (earlier.length === 0) throw new ApiFailure('conflict', msg('error.reviewNotMergeable', { id: into }));
  const texts = db.prepare('SELECT lang, title, summary, body_json FROM kb_article_texts WHERE article_id = ?').all(into) as (ArticleText & { lang: ArticleLang })[];
  return { identity, added, article: { id: into, version: article.version, earlier, texts: new Map(texts.map((t) => [t.lang, t])) } };
}

function sourcesOfPublication(p: Publication): Submission[] {
  return [...(p.article?.earlier ?? []), ...p.added];
}

/**
 * The article's text in one language as publishing would write it unless the manager changes it:
 * a new article is made from its submissions, then names them; an article published before keeps
 * its text and the added submissions follow (withAdded). An article without a text in that
 * language yet gets one made from all its sources.
 */
function draftBlocks(p: Publication, lang: ArticleLang): RichNode[] {
  const current = p.article?.texts.get(lang);
  if (current !== undefined) return withAdded(blocksOf(current.body_json), p.added, lang);
  const sources = sourcesOfPublication(p);
  return [...sources.flatMap((s) => contentBlocks(s, lang, sources.length > 1)), ...sourcesSection(sources, lang)];
}

/** The text a manager starts from in the publish dialog (see draftBlocks). */
export function draft(db: Db, { ids, lang, into }: ParsedArgs<'review.draft'>): { bodyJson: string } {
  return { bodyJson: articleText(draftBlocks(publication(db, ids, into), lang), { title: '', summary: '' }).body_json };
}

/**
 * The blocks of the text a manager wrote: refused when it is not a valid body, or when it shows a
 * picture that is none of the sources' nor already in the article (a picture must travel with the
 * article, and only those can).
 */
function managersBlocks(p: Publication, body: string): RichNode[] {
  const checked = checkedBody(body, 'docKind.articleText', 'body');
  const known = new Set([
    ...sourcesOfPublication(p).flatMap((s) => picturesOf(s).map((f) => f.sha256)),
    ...[...(p.article?.texts.values() ?? [])].flatMap((t) => nodesOfType(t.body_json, 'image').map((n) => stringField(n, 'sha256'))),
  ]);
  const stranger = nodesOfType(checked.json, 'image').find((n) => !known.has(stringField(n, 'sha256')));
  if (stranger !== undefined) throw new ApiFailure('bad_request', msg('error.reviewPictureNotFromSources', { name: stringField(stranger, 'altText') || stringField(stranger, 'sha256').slice(0, 12) }));
  return blocksOf(checked.json);
}

/**
 * Publishes submissions as a new article, or adds them to one published from review (its next
 * version). The text in the language chosen is the manager's (`body`, e.g. with a customer's name
 * taken out) or else the draft; an added-to article's other languages keep their text with the
 * added submissions and their names after it. Which submissions an article came from is kept
 * apart from its text (each submission names it), whatever the text says.
 */
export function publish({ db, dataDir }: Pick<ServiceContext, 'db' | 'dataDir'>, args: ParsedArgs<'review.publish'>, now: Date = new Date()): { articleId: string } {
  return transact(db, () => {
    const p = publication(db, args.ids, args.into);
    const [unknown] = unknownScenarios(db, args.scenarios);
    if (unknown !== undefined) throw new ApiFailure('bad_request', msg('error.reviewNoSuchScenario', { id: unknown }));
    const chosen = articleText(args.body === undefined ? draftBlocks(p, args.lang) : managersBlocks(p, args.body), args);
    const by = p.identity.displayName;
    return p.article === null ? publishNew({ db, dataDir }, p.added, chosen, by, args, now) : publishInto({ db, dataDir }, p, p.article, chosen, by, args, now);
  });
}

type ChosenText = ReturnType<typeof articleText>;

function publishNew({ db, dataDir }: Pick<ServiceContext, 'db' | 'dataDir'>, sources: readonly Submission[], chosen: ChosenText, by: string, args: ParsedArgs<'review.publish'>, now: Date): { articleId: string } {
  const articleId = `lesson-${newId()}`;
  // The article and its texts live in the published space: every device receives them.
  assignSpace(db, 'kb_articles', articleId, PUBLISHED_SPACE);
  assignSpace(db, 'kb_article_texts', `${articleId}/${args.lang}`, PUBLISHED_SPACE);
  commit(db, [
    insert('kb_articles', {
      id: articleId,
      version: 1,
      type: args.type,
      scenarios: JSON.stringify(args.scenarios),
      tags: JSON.stringify(normalizeTags(args.tags)),
      related: '[]',
      author: by,
      review_date: reviewDateFrom(now),
      origin: 'user',
      locally_modified: 0,
    }),
    // The text in the language it was written in, and only there: a reader in the other
    // language is told so (as for any one-language article), and a screen reader reads it in
    // its own language. Search finds it from either: its index holds both languages' words.
    insert('kb_article_texts', { article_id: articleId, lang: args.lang, ...chosen }),
    ...pictureRecords({ db, dataDir }, sources, [chosen.body_json]),
  ]);
  const status = sources.length === 1 ? 'published' : 'merged';
  for (const s of sources) setReview(db, s.id, { status, note: s.reviewNote, by, at: now.toISOString(), articleId });
  return { articleId };
}

/** The article's next version: the language chosen as the manager left it, its other languages as drafted; the added sources are marked merged into it. */
function publishInto(
  { db, dataDir }: Pick<ServiceContext, 'db' | 'dataDir'>,
  p: Publication,
  article: NonNullable<Publication['article']>,
  chosen: ChosenText,
  by: string,
  args: ParsedArgs<'review.publish'>,
  now: Date,
): { articleId: string } {
  const { id: articleId, texts, version } = article;
  const changes: Change[] = [
    update('kb_articles', { id: articleId }, { version: version + 1, type: args.type, scenarios: JSON.stringify(args.scenarios), tags: JSON.stringify(normalizeTags(args.tags)), review_date: reviewDateFrom(now) }),
  ];
  const bodies: string[] = [];
  for (const lang of new Set([args.lang, ...texts.keys()])) {
    const current = texts.get(lang);
    const text = lang === args.lang ? chosen : articleText(draftBlocks(p, lang), current ?? args);
    bodies.push(text.body_json);
    if (current !== undefined) changes.push(update('kb_article_texts', { article_id: articleId, lang }, text));
    else {
      assignSpace(db, 'kb_article_texts', `${articleId}/${lang}`, PUBLISHED_SPACE);
      changes.push(insert('kb_article_texts', { article_id: articleId, lang, ...text }));
    }
  }
  commit(db, [...changes, ...pictureRecords({ db, dataDir }, sourcesOfPublication(p), bodies)]);
  for (const s of p.added) setReview(db, s.id, { status: 'merged', note: s.reviewNote, by, at: now.toISOString(), articleId });
  return { articleId };
}

/**
 * A knowledge manager changes an article published from review in one language: its title,
 * summary and text as given (a mistake put right, a customer's name taken out after all, a
 * translation added), as the article's next version, due for review a year on. Only such
 * articles: pack content changes with a new pack version, and a device's own articles are not
 * the manager's.
 */
export function revise({ db, dataDir }: Pick<ServiceContext, 'db' | 'dataDir'>, { articleId, lang, title, summary, body }: ParsedArgs<'review.revise'>, now: Date = new Date()): { version: number } {
  const identity = reviewerOrFail(db);
  return transact(db, () => {
    fromReviewOrFail(db, identity, articleId, 'error.reviewNotEditable');
    const p = publication(db, [], articleId);
    if (p.article === null) throw notFound('record.article', articleId);
    const text = articleText(managersBlocks(p, body), { title, summary });
    const version = p.article.version + 1;
    const changes: Change[] = [update('kb_articles', { id: articleId }, { version, review_date: reviewDateFrom(now) })];
    if (p.article.texts.has(lang)) changes.push(update('kb_article_texts', { article_id: articleId, lang }, text));
    else {
      assignSpace(db, 'kb_article_texts', `${articleId}/${lang}`, PUBLISHED_SPACE);
      changes.push(insert('kb_article_texts', { article_id: articleId, lang, ...text }));
    }
    commit(db, [...changes, ...pictureRecords({ db, dataDir }, sourcesOfPublication(p), [text.body_json])]);
    return { version };
  });
}

/**
 * On the author's device, after a sync: a lesson follows its submission's review — returned or
 * rejected lessons can be edited again, published or merged ones are done.
 */
export function reflectReviews(db: Db): number {
  const identity = syncIdentity(db);
  if (identity === null) return 0;
  const rows = db
    .prepare(
      `SELECT s.source_id AS id, s.status AS review, l.status AS lesson FROM submissions s JOIN lessons l ON l.id = s.source_id
       WHERE s.kind = 'lesson' AND s.author_id = ? AND s.deleted = 0 AND l.deleted = 0`,
    )
    .all(identity.userId) as { id: string; review: string; lesson: string }[];
  let changed = 0;
  transact(db, () => {
    for (const r of rows) {
      const wanted = r.review === 'returned' || r.review === 'rejected' ? 'returned' : r.review === 'merged' || r.review === 'published' ? 'merged' : 'submitted';
      if (r.lesson === wanted || (wanted === 'returned' && (r.lesson === 'draft' || r.lesson === 'ready'))) continue;
      const lesson = getLesson(db, r.id);
      if (lesson === null) continue;
      updateLesson(db, lesson, { ...lesson, status: wanted });
      changed++;
    }
  });
  return changed;
}
