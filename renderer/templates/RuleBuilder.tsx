import type { Rule } from '../../core/content/schemas';
import { describeRule, newConditionInput, operatorsFor, subjectOfInput, type ConditionInput, type ConditionProblem, type RuleOperator, type RuleSubject } from '../../core/templates/rule-words';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { builderView, editFromDraft, rowProblems, type BuilderDraft, type RuleEdit } from './rule-edit';
import { parseRuleText } from './template-form';
import type { RuleSubjectsState } from './use-rule-subjects';

/** Numbers compare with the same symbols in both languages; the other operators are words. */
const NUMBER_OPERATOR: Partial<Record<RuleOperator, string>> = { eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥' };
const OPERATOR_KEY: Record<RuleOperator, MessageKey> = {
  eq: 'templates.rule.op.is',
  ne: 'templates.rule.op.isNot',
  lt: 'templates.rule.op.is',
  le: 'templates.rule.op.is',
  gt: 'templates.rule.op.is',
  ge: 'templates.rule.op.is',
  includes: 'templates.rule.op.includes',
  excludes: 'templates.rule.op.excludes',
  oneOf: 'templates.rule.op.oneOf',
};

/** A row moved to another operator: "is one of" starts from the choice the row had, and back. */
function withOperator(row: ConditionInput, operator: RuleOperator): ConditionInput {
  if (operator === row.operator) return row;
  if (operator === 'oneOf') return { ...row, operator, values: row.values ?? (row.value === '' ? [] : [row.value]) };
  if (row.operator === 'oneOf') return { ...row, operator, value: row.values?.[0] ?? row.value };
  return { ...row, operator };
}

/** A rule in words ("Included when …"), with the questions no assessment of the template has flagged. */
export function RuleInWords({ rule, subjects, lead }: { rule: Rule | undefined; subjects: readonly RuleSubject[]; lead: 'includedWhen' | 'includeWhen' }) {
  const { t, lang } = useI18n();
  if (rule === undefined) return <span>{t('templates.always')}</span>;
  const words = describeRule(rule, lang, subjects);
  return (
    <>
      <span className="tpl-rule-words">{t(`templates.rule.${lead}`, { condition: words.text })}</span>
      {words.unknown.length > 0 && (
        <span className="tpl-rule-unknown" role="note">
          {t('templates.rule.unknown', { ids: words.unknown.join(', ') })}
        </span>
      )}
    </>
  );
}

type Props = {
  /** The section's index: ids of the controls are `tpl-s<index>-…`. */
  index: number;
  edit: RuleEdit;
  state: RuleSubjectsState;
  /** What the backend said about this rule when saving. */
  problems: string[];
  onChange: (edit: RuleEdit) => void;
};

/**
 * When a section is included, built in words: Always or Only when all/any of rows of [question]
 * [comparison] [value], with the JSON Logic under Advanced kept in step both ways. JSON the builder
 * cannot show as written stays as it is, described in words, and is edited under Advanced.
 */
export function RuleBuilder({ index, edit, state, problems, onChange }: Props) {
  const { t, apiText } = useI18n();
  const id = `tpl-s${index}-rule`;
  const parsed = parseRuleText(edit.text);
  const jsonProblem = parsed.ok ? null : parsed.problem.kind === 'json' ? t('templates.whenInvalid', { message: parsed.problem.message }) : t('templates.whenNotObject');
  const subjects = state.status === 'ready' ? state.subjects : [];
  const view = state.status === 'ready' ? builderView(edit, subjects) : null;
  const change = (draft: BuilderDraft): void => onChange(editFromDraft(edit, draft, subjects));

  return (
    <fieldset className={problems.length > 0 ? 'tpl-rule-builder cell-invalid' : 'tpl-rule-builder'} aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}>
      <legend>{t('templates.rule.legend')}</legend>
      {state.status === 'loading' && <p className="muted">{t('templates.rule.loading')}</p>}
      {state.status === 'error' && <p className="notice warn">{t('templates.rule.loadFailed', { message: apiText(state.error) })}</p>}
      {state.status === 'ready' && !state.questions && <p className="notice warn">{t('templates.rule.noDefinitions')}</p>}
      {view?.kind === 'builder' && <Builder id={id} draft={view.draft} subjects={subjects} onChange={change} />}
      {view?.kind === 'complex' && (
        <div className="notice">
          <p>{t('templates.rule.tooComplex')}</p>
          <p>
            <RuleInWords rule={view.rule} subjects={subjects} lead="includeWhen" />
          </p>
          <button type="button" onClick={() => onChange({ text: '', draft: { mode: 'always', join: 'all', rows: [] } })}>
            {t('templates.rule.startOver')}
          </button>
        </div>
      )}
      {view?.kind === 'invalid' && <p className="notice warn">{t('templates.rule.invalidJson')}</p>}
      {view?.kind === 'builder' && view.draft.mode === 'when' && parsed.ok && rowProblems(view.draft, subjects).every((p) => p === null) && (
        <p className="tpl-rule-preview" aria-live="polite">
          <RuleInWords rule={parsed.rule} subjects={subjects} lead="includeWhen" />
        </p>
      )}
      {problems.length > 0 && (
        <div id={`${id}-problems`}>
          {problems.map((p) => (
            <span key={p} className="cell-error" role="alert">
              {p}
            </span>
          ))}
        </div>
      )}
      <details className="tpl-rule-advanced">
        <summary>{t('templates.rule.advanced')}</summary>
        <div className={jsonProblem ? 'prop-field cell-invalid' : 'prop-field'}>
          <label htmlFor={`tpl-s${index}-when`}>{t('templates.whenJson')}</label>
          <textarea
            id={`tpl-s${index}-when`}
            rows={2}
            className="tpl-rule"
            value={edit.text}
            spellCheck={false}
            aria-invalid={jsonProblem ? true : undefined}
            onChange={(e) => onChange({ text: e.target.value, draft: null })}
          />
          {jsonProblem && (
            <span className="cell-error" role="alert">
              {jsonProblem}
            </span>
          )}
        </div>
      </details>
    </fieldset>
  );
}

function Builder({ id, draft, subjects, onChange }: { id: string; draft: BuilderDraft; subjects: readonly RuleSubject[]; onChange: (draft: BuilderDraft) => void }) {
  const { t } = useI18n();
  const problems = rowProblems(draft, subjects);
  const offered = subjects.filter((s) => s.kind !== 'other');
  const setRow = (r: number, row: ConditionInput): void => onChange({ ...draft, rows: draft.rows.map((x, i) => (i === r ? row : x)) });
  const firstSubject = offered.find((s) => s.kind !== 'scenario') ?? offered[0];
  return (
    <>
      {/* The fieldset's legend names these two radios. */}
      <div className="tpl-rule-mode">
        {(['always', 'when'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={draft.mode === mode}
              onChange={() =>
                onChange(mode === 'always' ? { ...draft, mode } : { ...draft, mode, rows: draft.rows.length > 0 ? draft.rows : firstSubject ? [newConditionInput(firstSubject)] : [] })
              }
            />{' '}
            {t(mode === 'always' ? 'templates.rule.always' : 'templates.rule.onlyWhen')}
          </label>
        ))}
      </div>
      {draft.mode === 'when' && (
        <>
          {draft.rows.length > 1 && (
            <div className="prop-field tpl-rule-join">
              <label htmlFor={`${id}-join`}>{t('templates.rule.join')}</label>
              <select id={`${id}-join`} value={draft.join} onChange={(e) => onChange({ ...draft, join: e.target.value === 'any' ? 'any' : 'all' })}>
                <option value="all">{t('templates.rule.join.all')}</option>
                <option value="any">{t('templates.rule.join.any')}</option>
              </select>
            </div>
          )}
          <ol className="tpl-rule-rows">
            {draft.rows.map((row, r) => (
              <ConditionRow
                key={r}
                id={`${id}-c${r}`}
                n={r + 1}
                row={row}
                subjects={subjects}
                offered={offered}
                problem={problems[r] ?? null}
                canRemove={draft.rows.length > 1}
                onChange={(next) => setRow(r, next)}
                onRemove={() => onChange({ ...draft, rows: draft.rows.filter((_, i) => i !== r) })}
              />
            ))}
          </ol>
          <button type="button" disabled={!firstSubject} onClick={() => firstSubject && onChange({ ...draft, rows: [...draft.rows, newConditionInput(firstSubject)] })}>
            {t('templates.rule.add')}
          </button>
        </>
      )}
    </>
  );
}

function ConditionRow(props: {
  id: string;
  n: number;
  row: ConditionInput;
  subjects: readonly RuleSubject[];
  offered: readonly RuleSubject[];
  problem: ConditionProblem | null;
  canRemove: boolean;
  onChange: (row: ConditionInput) => void;
  onRemove: () => void;
}) {
  const { id, n, row, subjects, offered, problem, canRemove, onChange, onRemove } = props;
  const { t, text } = useI18n();
  const subject = subjectOfInput(row, subjects);
  const operators = operatorsFor(subject.kind);
  const groups = groupsOf(offered);
  const questionProblem = problem === 'noQuestion' ? t('templates.rule.problem.noQuestion') : null;
  const valueProblem = problem !== null && problem !== 'noQuestion' ? t(`templates.rule.problem.${problem}`) : null;
  const valueId = `${id}-value`;
  return (
    <li className="tpl-rule-row" aria-label={t('templates.rule.condition', { n })}>
      <div className={questionProblem ? 'prop-field cell-invalid' : 'prop-field'}>
        <label htmlFor={`${id}-question`} className="visually-hidden">
          {t('templates.rule.question', { n })}
        </label>
        <select
          id={`${id}-question`}
          value={row.questionId}
          aria-invalid={questionProblem ? true : undefined}
          onChange={(e) => {
            const next = subjects.find((s) => s.id === e.target.value);
            onChange(next ? newConditionInput(next) : { ...row, questionId: e.target.value });
          }}
        >
          {row.questionId === '' && <option value="">{t('templates.rule.chooseQuestion')}</option>}
          {subject.unknown && <option value={subject.id}>{t('templates.rule.unknownQuestion', { id: subject.id })}</option>}
          {groups.map((g) =>
            g.label === null ? (
              g.subjects.map((s) => (
                <option key={s.id} value={s.id}>
                  {text(s.label)}
                </option>
              ))
            ) : (
              <optgroup key={g.key} label={text(g.label)}>
                {g.subjects.map((s) => (
                  <option key={s.id} value={s.id}>
                    {text(s.label)}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
        {questionProblem && (
          <span className="cell-error" role="alert">
            {questionProblem}
          </span>
        )}
      </div>
      <div className="prop-field tpl-rule-op">
        <label htmlFor={`${id}-op`} className="visually-hidden">
          {t('templates.rule.operator', { n })}
        </label>
        <select id={`${id}-op`} value={row.operator} onChange={(e) => onChange(withOperator(row, operators.find((o) => o === e.target.value) ?? row.operator))}>
          {operators.map((o) => {
            const symbol = subject.kind === 'number' ? NUMBER_OPERATOR[o] : undefined;
            return (
              <option key={o} value={o}>
                {symbol ?? t(OPERATOR_KEY[o])}
              </option>
            );
          })}
        </select>
      </div>
      <div className={['prop-field', row.operator === 'oneOf' ? 'tpl-rule-choices-field' : '', valueProblem ? 'cell-invalid' : ''].filter(Boolean).join(' ')}>
        {row.operator !== 'oneOf' && (
          <label htmlFor={valueId} className="visually-hidden">
            {t('templates.rule.value', { n })}
          </label>
        )}
        {row.operator === 'oneOf' ? (
          <Choices id={valueId} n={n} row={row} subject={subject} onChange={onChange} />
        ) : subject.kind === 'yesno' ? (
          <select id={valueId} value={row.value} onChange={(e) => onChange({ ...row, value: e.target.value })}>
            <option value="yes">{t('templates.rule.yes')}</option>
            <option value="no">{t('templates.rule.no')}</option>
          </select>
        ) : subject.options.length > 0 ? (
          <select id={valueId} value={row.value} aria-invalid={valueProblem ? true : undefined} onChange={(e) => onChange({ ...row, value: e.target.value })}>
            {!subject.options.some((o) => o.value === row.value) && <option value={row.value}>{row.value}</option>}
            {subject.options.map((o) => (
              <option key={o.value} value={o.value}>
                {text(o.label)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={valueId}
            type="text"
            inputMode={subject.kind === 'number' ? 'decimal' : undefined}
            value={row.value}
            aria-invalid={valueProblem ? true : undefined}
            onChange={(e) => onChange({ ...row, value: e.target.value })}
          />
        )}
        {valueProblem && (
          <span className="cell-error" role="alert">
            {valueProblem}
          </span>
        )}
      </div>
      <button type="button" className="link-button" disabled={!canRemove} onClick={onRemove}>
        {t('templates.rule.remove', { n })}
      </button>
    </li>
  );
}

/** "Is one of": a checkbox per choice, in the options' order (a value no option has stays listed, ticked, until unticked). */
function Choices({ id, n, row, subject, onChange }: { id: string; n: number; row: ConditionInput; subject: RuleSubject; onChange: (row: ConditionInput) => void }) {
  const { t, text } = useI18n();
  const values = row.values ?? [];
  const choices = [...subject.options.map((o) => ({ value: o.value, label: text(o.label) })), ...values.filter((v) => !subject.options.some((o) => o.value === v)).map((v) => ({ value: v, label: v }))];
  const toggle = (value: string, on: boolean): void => {
    const next = new Set(values);
    if (on) next.add(value);
    else next.delete(value);
    onChange({ ...row, values: choices.map((c) => c.value).filter((v) => next.has(v)) });
  };
  return (
    <fieldset id={id} className="tpl-rule-choices">
      <legend className="visually-hidden">{t('templates.rule.choices', { n })}</legend>
      {choices.map((c) => (
        <label key={c.value}>
          <input type="checkbox" checked={values.includes(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} /> {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Subjects in runs of the same assessment, for the question select's option groups (the scenario first, ungrouped). */
function groupsOf(subjects: readonly RuleSubject[]): { key: string; label: RuleSubject['group']; subjects: RuleSubject[] }[] {
  const groups: { key: string; label: RuleSubject['group']; subjects: RuleSubject[] }[] = [];
  for (const s of subjects) {
    const last = groups[groups.length - 1];
    if (last && JSON.stringify(last.label) === JSON.stringify(s.group)) last.subjects.push(s);
    else groups.push({ key: `${groups.length}`, label: s.group, subjects: [s] });
  }
  return groups;
}
