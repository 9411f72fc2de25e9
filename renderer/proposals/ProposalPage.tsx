import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { GenerationProblem, ProposalComparison, ProposalDetail, ProposalSection } from '../../core/proposals/types';
import { MAX_TABLE_ROWS, SECTION_TITLE_MAX, PROPOSAL_TITLE_MAX } from '../../core/proposals/types';
import { PageHeading } from '../app/PageHeading';
import { Dialog, DialogActions } from '../ui/Dialog';
import { ErrorView, Loading } from '../app/StateViews';
import { RichTextEditor } from '../editor/RichTextEditor';
import { useI18n } from '../i18n/i18n';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { mutate, setQueryResult } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { dropLocalCopy, IDLE, readLocalCopy, useAutosave, type LocalCopy } from '../data/autosave';
import { SaveStatus } from '../ui/SaveStatus';
import { formatDateTime } from '../ui/format';
import { CompareView } from './CompareView';
import { CriteriaEditor } from './CriteriaEditor';
import { ExportMenu } from './ExportMenu';
import { PricingEditor } from './PricingEditor';
import { PROPOSAL_COPIES, proposalAutosave, type ProposalDraft } from './proposal-autosave';
import { StatusControl } from './StatusControl';
import { TimelineEditor } from './TimelineEditor';
import { countVariables, nextSpot, unresolvedSpots, type UnresolvedSpot } from './unresolved';
import { useSideName, VersionsPanel } from './VersionsPanel';
import '../engagements/engagements.css';
import './proposals.css';
import { isLockedProposal } from '../../core/proposals/types';
import { nodesOfType } from '../../core/richtext/walk';

/** Where the new-proposal dialog leaves what generation could not fill, for the editor to list. */
export type ProposalLocationState = { problems?: GenerationProblem[] };

/** `#/proposals/:id`: one proposal — outline, the selected section's editor, versions, status and export. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const proposal = useQuery('proposals.get', { id });
  const [loadCount, setLoadCount] = useState(0);
  const [restoredNotice, setRestoredNotice] = useState<string | null>(null);

  const loaded = currentData(proposal);
  // The editor takes the proposal once: the refetch its own autosave causes never resets it. A
  // restore or "load the stored version" remounts it, once the stored proposal is here.
  if (loaded) {
    return (
      <ProposalEditor
        key={`${loaded.id}:${loadCount}`}
        proposal={loaded}
        notice={restoredNotice}
        onReload={(notice) =>
          void proposal.reload().then(() => {
            setRestoredNotice(notice ?? null);
            setLoadCount((n) => n + 1);
          })
        }
      />
    );
  }
  if (proposal.status === 'error') {
    const notFound = proposal.error.code === 'not_found';
    const title = notFound ? t('proposals.notFoundTitle') : t('common.errorTitle');
    return (
      <section className="page" aria-labelledby="page-title">
        <PageHeading title={title}>{title}</PageHeading>
        {notFound ? <p>{t('proposals.notFound', { id })}</p> : <ErrorView message={proposal.error} onRetry={proposal.reload} />}
      </section>
    );
  }
  return <Loading />;
}

function ProposalEditor({ proposal: loaded, notice, onReload }: { proposal: ProposalDetail; notice: string | null; onReload: (notice?: string) => void }) {
  const { t, tn, lang, apiText } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const sideName = useSideName();
  const [proposal, setProposal] = useState(loaded);
  const [localCopy, setLocalCopy] = useState<LocalCopy<ProposalDraft> | null>(() => {
    const copy = readLocalCopy(PROPOSAL_COPIES, loaded.id);
    return copy && JSON.stringify([copy.title, copy.sections, copy.successCriteria, copy.pricing, copy.timeline]) !==
      JSON.stringify([loaded.title, loaded.sections, loaded.successCriteria, loaded.pricing, loaded.timeline])
      ? copy
      : null;
  });
  // What is on screen; the editors own their text after mounting, editorKey remounts them.
  const [shown, setShown] = useState({ title: loaded.title, sections: loaded.sections, editorKey: 0, criteria: loaded.successCriteria, pricing: loaded.pricing, timeline: loaded.timeline });
  const [selectedId, setSelectedId] = useState(loaded.sections[0]?.id ?? '');
  const [showSources, setShowSources] = useState(false);
  const [editorError, setEditorError] = useState<string | null>(null);
  const [problems, setProblems] = useState<GenerationProblem[]>(() => (location.state as ProposalLocationState | null)?.problems ?? []);
  const [comparison, setComparison] = useState<ProposalComparison | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const { states, change: changeDraft, retry, rebase, flush } = useAutosave(proposalAutosave(loaded));
  const status = states[loaded.id] ?? IDLE;
  // Sent, won and lost proposals are what the customer received: shown, never edited.
  const locked = isLockedProposal(proposal.status);
  const change = useCallback((patch: Partial<ProposalDraft>, delayMs?: number) => changeDraft(loaded.id, patch, delayMs), [changeDraft, loaded.id]);
  const sectionsRef = useRef(loaded.sections);
  const currentSpot = useRef<UnresolvedSpot | null>(null);
  const pendingFocus = useRef<UnresolvedSpot | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const engagement = useQuery('engagements.get', { id: loaded.engagementId });

  // The generation problems travel in the history entry once: a reload or a restore must not show them again.
  useEffect(() => {
    if (location.state !== null) void navigate(location.pathname, { replace: true, state: null });
  }, [location.pathname, location.state, navigate]);

  const spots = useMemo(() => unresolvedSpots(shown.sections), [shown.sections]);
  // Cheap on every keystroke: only a section whose JSON names an image is parsed.
  const hasPictures = useMemo(() => shown.sections.some((s) => s.bodyJson.includes('"image"') && nodesOfType(s.bodyJson, 'image').length > 0), [shown.sections]);
  const selected = shown.sections.find((s) => s.id === selectedId) ?? shown.sections[0];
  const heading = shown.title.trim() || loaded.title;

  const updateSection = useCallback(
    (id: string, patch: Partial<ProposalSection>) => {
      const next = sectionsRef.current.map((s) => (s.id === id ? { ...s, ...patch } : s));
      sectionsRef.current = next;
      setShown((s) => ({ ...s, sections: next }));
      change({ sections: next });
    },
    [change],
  );

  function restoreCopy(copy: LocalCopy<ProposalDraft>): void {
    sectionsRef.current = copy.sections;
    setShown((s) => ({ title: copy.title, sections: copy.sections, editorKey: s.editorKey + 1, criteria: copy.successCriteria, pricing: copy.pricing, timeline: copy.timeline }));
    change({ title: copy.title, sections: copy.sections, successCriteria: copy.successCriteria, pricing: copy.pricing, timeline: copy.timeline }, 0);
    setLocalCopy(null);
  }

  // "Next unresolved": select the section, then focus its n-th variable once the editor has drawn it.
  useEffect(() => {
    const spot = pendingFocus.current;
    if (!spot || spot.sectionId !== selectedId) return;
    let tries = 0;
    const timer = setInterval(() => {
      const chips = document.querySelectorAll<HTMLElement>('.section-pane .rt-variable');
      const chip = chips[spot.index] ?? chips[chips.length - 1];
      if (chip || ++tries > 40) {
        clearInterval(timer);
        pendingFocus.current = null;
        chip?.focus();
        chip?.scrollIntoView({ block: 'center' });
      }
    }, 25);
    return () => clearInterval(timer);
  }, [selectedId, shown.editorKey, focusTick]);

  function goToNextUnresolved(): void {
    const focused = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('rt-variable') ? document.activeElement : null;
    if (focused === null) currentSpot.current = null;
    const next = nextSpot(spots, currentSpot.current);
    if (!next) return;
    currentSpot.current = next;
    pendingFocus.current = next;
    setSelectedId(next.sectionId);
    setFocusTick((n) => n + 1);
  }

  function onOutlineKey(event: KeyboardEvent<HTMLOListElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const ids = shown.sections.map((s) => s.id);
    const at = ids.indexOf(selectedId);
    const nextIndex = event.key === 'Home' ? 0 : event.key === 'End' ? ids.length - 1 : Math.min(ids.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    const nextId = ids[nextIndex];
    if (nextId === undefined) return;
    setSelectedId(nextId);
    document.getElementById(`outline-${nextId}`)?.focus();
  }

  async function remove(): Promise<void> {
    const result = await mutate('proposals.remove', { id: loaded.id });
    if (!result.ok) {
      setConfirmDelete(false);
      setActionError(t('proposals.actionFailed', { message: apiText(result.error) }));
      return;
    }
    dropLocalCopy(PROPOSAL_COPIES, loaded.id);
    navigate('/proposals');
  }

  const problemSection = (p: GenerationProblem): ProposalSection | undefined => shown.sections.find((s) => s.id === p.sectionId);

  /** An editable copy of a sent, won or lost proposal, opened at once. */
  async function newRevision(): Promise<void> {
    const result = await mutate('proposals.revise', { id: loaded.id });
    if (!result.ok) {
      setActionError(t('proposals.actionFailed', { message: apiText(result.error) }));
      return;
    }
    setQueryResult('proposals.get', { id: result.value.id }, result.value);
    navigate(`/proposals/${result.value.id}`);
  }

  return (
    <article className="page proposal-page" aria-labelledby="page-title">
      <Link to="/proposals" className="back-link">
        ← {t('proposals.back')}
      </Link>
      <header className="page-header proposal-header">
        <div className="proposal-header-main">
          <p className="eyebrow">
            {t('proposals.forEngagement')} <Link to={`/engagements/${loaded.engagementId}`}>{engagement.data?.title ?? loaded.engagementId}</Link>
            {engagement.data && ` · ${engagement.data.customer.name}`}
            {' · '}
            {t('proposals.fromTemplate', { title: loaded.templateTitle ? (lang === 'zh' ? loaded.templateTitle.zh : loaded.templateTitle.en) || loaded.templateId : loaded.templateId, version: loaded.templateVersion })}
            {' · '}
            {t('proposals.writtenIn', { lang: t(`langName.${loaded.lang}`) })}
          </p>
          <PageHeading title={heading}>{heading}</PageHeading>
          <label htmlFor="proposal-title" className="proposal-title-label">
            {t('proposals.titleField')}
          </label>
          <input
            id="proposal-title"
            className="proposal-title-input"
            type="text"
            value={shown.title}
            readOnly={locked}
            maxLength={PROPOSAL_TITLE_MAX}
            onChange={(e) => {
              const title = e.target.value;
              setShown((s) => ({ ...s, title }));
              if (title.trim() !== '') change({ title });
            }}
          />
        </div>
        <div className="proposal-header-side">
          <SaveStatus
            state={status}
            className="proposal-save"
            idle={t('proposals.updated', { time: formatDateTime(proposal.updatedAt, lang) })}
            keptLocally={t('proposals.keptLocally')}
            conflict={{ message: t('proposals.conflict'), reloadLabel: t('proposals.reload'), onReload: () => onReload() }}
            onRetry={() => retry(loaded.id)}
          />
          <button type="button" className="danger-button" onClick={() => setConfirmDelete(true)}>
            {t('proposals.delete')}
          </button>
        </div>
      </header>
      <RecordConflictNotice dataset="proposals" row={loaded.id} />

      <div className="proposal-bar">
        <StatusControl
          proposal={proposal}
          flush={flush}
          onChanged={(next) => {
            rebase(loaded.id, next.updatedAt);
            setProposal(next);
          }}
        />
        <ExportMenu proposalId={loaded.id} flush={flush} hasPictures={hasPictures} />
      </div>

      {locked && (
        <div className="notice locked-banner" role="status" data-testid="proposal-locked">
          <span>{t('proposals.locked', { status: t(`proposals.status.${proposal.status}`) })}</span>
          <button type="button" className="primary-button" onClick={() => void newRevision()}>
            {t('proposals.newRevision')}
          </button>
        </div>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {localCopy && (
        <div className="note-banner" role="status">
          <span>{t('proposals.draftFound', { time: formatDateTime(localCopy.keptAt, lang) })}</span>
          <button type="button" onClick={() => restoreCopy(localCopy)}>
            {t('proposals.draftRestore')}
          </button>
          <button
            type="button"
            onClick={() => {
              dropLocalCopy(PROPOSAL_COPIES, loaded.id);
              setLocalCopy(null);
            }}
          >
            {t('proposals.draftDiscard')}
          </button>
        </div>
      )}
      {(actionError ?? editorError) && (
        <p className="error-text" role="alert">
          {actionError ?? editorError}
        </p>
      )}
      {problems.length > 0 && (
        <section className="notice warn generation-problems" aria-labelledby="generation-problems-title">
          <h2 id="generation-problems-title">{tn('proposals.problems', problems.length)}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.sectionId}-${i}`}>
                {problemSection(p) ? (
                  <button type="button" className="link-button" onClick={() => setSelectedId(p.sectionId)}>
                    {p.sectionTitle}
                  </button>
                ) : (
                  <span>{p.sectionTitle}</span>
                )}
                : {t(`proposals.problem.${p.kind}`, { subject: p.subject })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setProblems([])}>
            {t('proposals.problemsDismiss')}
          </button>
        </section>
      )}
      {proposal.stale.length > 0 && (
        <section className="notice warn stale-banner" aria-labelledby="stale-title" data-testid="stale-banner">
          <h2 id="stale-title">{t('proposals.staleTitle')}</h2>
          <ul>
            {proposal.stale.map((s) => (
              <li key={`${s.sectionId}-${s.blockIndex}-${s.articleId}`}>
                <button type="button" className="link-button" onClick={() => setSelectedId(s.sectionId)}>
                  {t('proposals.staleItem', { section: s.sectionTitle, article: s.articleTitle, date: s.reviewDate })}
                </button>{' '}
                <Link to={`/kb/${s.articleId}`}>kb:{s.articleId}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="proposal-tools" role="toolbar" aria-label={t('proposals.toolsLabel')}>
        <span className={spots.length > 0 ? 'unresolved-count has-unresolved' : 'unresolved-count'} role="status" data-testid="unresolved-count">
          {spots.length > 0 ? tn('proposals.unresolved', spots.length) : t('proposals.allResolved')}
        </span>
        <button type="button" disabled={spots.length === 0} onClick={goToNextUnresolved}>
          {t('proposals.nextUnresolved')}
        </button>
        <button type="button" aria-pressed={showSources} onClick={() => setShowSources((v) => !v)}>
          {t('proposals.showSources')}
        </button>
      </div>

      <div className="proposal-layout">
        <div className="proposal-left">
          <nav className="proposal-outline" aria-label={t('proposals.outlineLabel')}>
            <h2 className="outline-title">{t('proposals.outline')}</h2>
            <ol onKeyDown={onOutlineKey} aria-describedby="outline-hint">
              {shown.sections.map((s, index) => {
                const count = countVariables(s.bodyJson);
                return (
                  <li key={s.id}>
                    <button
                      id={`outline-${s.id}`}
                      type="button"
                      className="outline-item"
                      aria-current={s.id === selected?.id ? 'true' : undefined}
                      tabIndex={s.id === selected?.id ? 0 : -1}
                      onClick={() => setSelectedId(s.id)}
                    >
                      <span className="outline-number">{index + 1}.</span> {s.title || '—'}
                      {count > 0 && (
                        <span className="chip unresolved-chip" aria-label={tn('proposals.unresolved', count)}>
                          {count}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ol>
            <p id="outline-hint" className="muted outline-hint">
              {t('proposals.outlineHint')}
            </p>
          </nav>
          <VersionsPanel
            proposalId={loaded.id}
            flush={flush}
            onCompared={setComparison}
            onRestored={(_, name) => onReload(t('proposals.restored', { name }))}
          />
        </div>

        {selected && (
          <SectionPane
            key={`${selected.id}:${shown.editorKey}:${locked ? 'locked' : 'open'}`}
            section={selected}
            readOnly={locked}
            engagementId={loaded.engagementId}
            showSources={showSources}
            criteria={shown.criteria}
            pricing={shown.pricing}
            timeline={shown.timeline}
            onError={setEditorError}
            onSection={(patch) => updateSection(selected.id, patch)}
            onDraft={(patch) => {
              setShown((s) => ({
                ...s,
                ...(patch.successCriteria ? { criteria: patch.successCriteria } : {}),
                ...(patch.pricing ? { pricing: patch.pricing } : {}),
                ...(patch.timeline ? { timeline: patch.timeline } : {}),
              }));
              change(patch);
            }}
          />
        )}
      </div>

      {comparison && <CompareView comparison={comparison} sideName={sideName} onClose={() => setComparison(null)} />}

      {confirmDelete && (
        <Dialog labelledBy="delete-proposal-title" onClose={() => setConfirmDelete(false)}>
          <h2 id="delete-proposal-title">{t('proposals.deleteTitle')}</h2>
          <p>{t('proposals.deleteBody', { title: heading })}</p>
          <DialogActions cancelLabel={t('proposals.cancel')} onCancel={() => setConfirmDelete(false)} actionLabel={t('proposals.deleteConfirm')} danger onConfirm={() => void remove()} />
        </Dialog>
      )}
    </article>
  );
}

/** The selected section: its title, its text (or introduction) and, for structured kinds, the table or chart editor. */
function SectionPane({
  section,
  readOnly,
  engagementId,
  showSources,
  criteria,
  pricing,
  timeline,
  onError,
  onSection,
  onDraft,
}: {
  section: ProposalSection;
  /** A sent, won or lost proposal: shown, not edited. */
  readOnly: boolean;
  /** Images pasted into a proposal are stored with its engagement. */
  engagementId: string;
  showSources: boolean;
  criteria: ProposalDraft['successCriteria'];
  pricing: ProposalDraft['pricing'];
  timeline: ProposalDraft['timeline'];
  onError: (message: string | null) => void;
  onSection: (patch: Partial<ProposalSection>) => void;
  onDraft: (patch: Partial<ProposalDraft>) => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(section.title);
  const structured = section.kind === 'success-criteria' || section.kind === 'pricing' || section.kind === 'timeline';
  const shownTitle = title.trim() || section.title;
  return (
    <section className={structured ? 'section-pane structured' : 'section-pane'} aria-labelledby="section-pane-title">
      <h2 id="section-pane-title" className="visually-hidden">
        {shownTitle}
      </h2>
      <div className="prop-field section-title-field">
        <label htmlFor="section-title">{t('proposals.sectionTitle')}</label>
        <input
          id="section-title"
          type="text"
          value={title}
          readOnly={readOnly}
          maxLength={SECTION_TITLE_MAX}
          onChange={(e) => {
            setTitle(e.target.value);
            if (e.target.value.trim() !== '') onSection({ title: e.target.value });
          }}
        />
      </div>
      <RichTextEditor
        kind="proposal"
        initialJson={section.bodyJson}
        label={t(structured ? 'proposals.sectionIntro' : 'proposals.sectionBody', { title: shownTitle })}
        attachTo={{ ownerTable: 'engagements', ownerId: engagementId }}
        showSources={showSources}
        maxTableRows={MAX_TABLE_ROWS}
        readOnly={readOnly}
        onError={onError}
        onChange={(bodyJson) => {
          onError(null);
          onSection({ bodyJson });
        }}
      />
      {/* A disabled fieldset: every input, select and button of the tables at once. */}
      <fieldset className="section-tables" disabled={readOnly}>
        {section.kind === 'success-criteria' && <CriteriaEditor initial={criteria} onChange={(successCriteria) => onDraft({ successCriteria })} />}
        {section.kind === 'pricing' && <PricingEditor initial={pricing} onChange={(next) => onDraft({ pricing: next })} />}
        {section.kind === 'timeline' && <TimelineEditor initial={timeline} onChange={(next) => onDraft({ timeline: next })} />}
      </fieldset>
    </section>
  );
}

