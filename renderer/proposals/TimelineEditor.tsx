import { useMemo, useState } from 'react';
import { checkTimeline, timelineSchedule, type TimelineProblem } from '../../core/proposals/timeline';
import { MAX_PHASE_WEEKS, MAX_TIMELINE_PHASES, TIMELINE_TEXT_MAX, type Timeline, type TimelinePhase } from '../../core/proposals/types';
import { Gantt } from '../charts/Gantt';
import { useI18n } from '../i18n/i18n';

/** A phase as edited: the weeks as typed, so "1x" can be shown with its message instead of vanishing. */
type DraftPhase = Omit<TimelinePhase, 'weeks'> & { weeksText: string };

function toDraft(phase: TimelinePhase): DraftPhase {
  const { weeks, ...rest } = phase;
  return { ...rest, weeksText: String(weeks) };
}

function toTimeline(start: string, phases: readonly DraftPhase[]): Timeline {
  return {
    start,
    phases: phases.map(({ weeksText, milestone, ...rest }) => {
      const weeks = /^\s*\d{1,3}\s*$/.test(weeksText) ? Number(weeksText) : Number.NaN;
      const phase: TimelinePhase = { ...rest, weeks };
      return milestone !== undefined && milestone.trim() !== '' ? { ...phase, milestone } : phase;
    }),
  };
}

function newPhaseId(phases: readonly DraftPhase[]): string {
  const taken = new Set(phases.map((p) => p.id));
  let n = phases.length + 1;
  while (taken.has(`phase-${n}`)) n += 1;
  return `phase-${n}`;
}

/**
 * The timeline: a start date and phases (name, weeks, deliverables, milestone), with the Gantt
 * chart drawn from core's timelineSchedule. Nothing is saved while a field is wrong.
 */
export function TimelineEditor({ initial, onChange }: { initial: Timeline; onChange: (timeline: Timeline) => void }) {
  const { t } = useI18n();
  const [start, setStart] = useState(initial.start);
  const [phases, setPhases] = useState<DraftPhase[]>(() => initial.phases.map(toDraft));
  const timeline = useMemo(() => toTimeline(start, phases), [start, phases]);
  const problems = useMemo(() => checkTimeline(timeline), [timeline]);
  const schedule = useMemo(() => (problems.length === 0 ? timelineSchedule(timeline) : null), [problems, timeline]);

  function update(nextStart: string, nextPhases: DraftPhase[]): void {
    setStart(nextStart);
    setPhases(nextPhases);
    const next = toTimeline(nextStart, nextPhases);
    if (checkTimeline(next).length === 0) onChange(next);
  }
  const setPhase = (index: number, patch: Partial<DraftPhase>): void => update(start, phases.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const problemAt = (phase: number | null, field: TimelineProblem['field']): TimelineProblem | undefined => problems.find((p) => p.phase === phase && p.field === field);
  const startProblem = problemAt(null, 'start');

  return (
    <div className="timeline-editor">
      <div className="prop-field">
        <label htmlFor="timeline-start">{t('proposals.timeline.start')}</label>
        <input
          id="timeline-start"
          type="date"
          value={start}
          aria-invalid={startProblem ? true : undefined}
          aria-describedby={startProblem ? 'timeline-start-error' : undefined}
          onChange={(e) => update(e.target.value, phases)}
        />
        {startProblem && (
          <span id="timeline-start-error" className="cell-error">
            {t('proposals.timeline.problem.start')}
          </span>
        )}
      </div>
      <div className="table-scroll">
        <table className="data-table timeline-table">
          <caption className="visually-hidden">{t('proposals.timeline.chart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposals.timeline.phase')}</th>
              <th scope="col" className="num">
                {t('proposals.timeline.weeks')}
              </th>
              <th scope="col">{t('proposals.timeline.from')}</th>
              <th scope="col">{t('proposals.timeline.to')}</th>
              <th scope="col">{t('proposals.timeline.deliverables')}</th>
              <th scope="col">{t('proposals.timeline.milestone')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('proposals.timeline.remove', { n: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {phases.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('proposals.timeline.noPhases')}
                </td>
              </tr>
            )}
            {phases.map((phase, index) => {
              const nameProblem = problemAt(index, 'name');
              const weeksProblem = problemAt(index, 'weeks');
              const dates = schedule?.[index];
              const label = (field: 'phase' | 'weeks' | 'deliverables' | 'milestone'): string =>
                t('proposals.timeline.cell', { field: t(`proposals.timeline.${field}`), n: index + 1 });
              return (
                <tr key={phase.id}>
                  <td className={nameProblem ? 'cell-invalid' : undefined}>
                    <input
                      type="text"
                      value={phase.name}
                      maxLength={TIMELINE_TEXT_MAX}
                      aria-label={label('phase')}
                      aria-invalid={nameProblem ? true : undefined}
                      onChange={(e) => setPhase(index, { name: e.target.value })}
                    />
                    {nameProblem && <span className="cell-error">{t('proposals.timeline.problem.name')}</span>}
                  </td>
                  <td className={weeksProblem ? 'cell-invalid' : undefined}>
                    <input
                      type="text"
                      inputMode="numeric"
                      className="num-input weeks-input"
                      value={phase.weeksText}
                      maxLength={3}
                      aria-label={label('weeks')}
                      aria-invalid={weeksProblem ? true : undefined}
                      title={`1–${MAX_PHASE_WEEKS}`}
                      onChange={(e) => setPhase(index, { weeksText: e.target.value })}
                    />
                    {weeksProblem && <span className="cell-error">{t('proposals.timeline.problem.weeks')}</span>}
                  </td>
                  <td>{dates?.start ?? '—'}</td>
                  <td>{dates?.end ?? '—'}</td>
                  <td>
                    <textarea rows={2} value={phase.deliverables} maxLength={TIMELINE_TEXT_MAX} aria-label={label('deliverables')} onChange={(e) => setPhase(index, { deliverables: e.target.value })} />
                  </td>
                  <td>
                    <input type="text" value={phase.milestone ?? ''} maxLength={TIMELINE_TEXT_MAX} aria-label={label('milestone')} onChange={(e) => setPhase(index, { milestone: e.target.value })} />
                  </td>
                  <td>
                    <button type="button" className="remove-button" aria-label={t('proposals.timeline.remove', { n: index + 1 })} title={t('proposals.timeline.remove', { n: index + 1 })} onClick={() => update(start, phases.filter((_, i) => i !== index))}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="pricing-actions">
        <button
          type="button"
          disabled={phases.length >= MAX_TIMELINE_PHASES}
          onClick={() => update(start, [...phases, { id: newPhaseId(phases), name: '', weeksText: '2', deliverables: '' }])}
        >
          {t('proposals.timeline.add')}
        </button>
        {problems.length > 0 && (
          <p className="error-text" role="status">
            {t('proposals.timeline.unsavedHint')}
          </p>
        )}
      </div>
      {schedule && schedule.length > 0 && (
        <Gantt
          phases={schedule}
          labels={{
            title: t('proposals.timeline.chart'),
            phase: t('proposals.timeline.phase'),
            start: t('proposals.timeline.from'),
            end: t('proposals.timeline.to'),
            weeks: t('proposals.timeline.weeks'),
            milestone: t('proposals.timeline.milestone'),
            describe: (p) => t('proposals.timeline.describe', { name: p.name, start: p.start, end: p.end, weeks: p.weeks }),
          }}
        />
      )}
    </div>
  );
}
