import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TemplateDetail } from '../../core/api/calls/templates';
import type { TemplateFile } from '../../core/content/schemas';
import type { Localized } from '../../core/i18n';
import { PageHeading } from '../app/PageHeading';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { insertVariable, issuesAt, newSectionId, parseRuleText, pickerVariables, unplacedIssues, type TemplateSection } from './template-form';
import { builderView, rowProblems, ruleEditOf, type RuleEdit } from './rule-edit';
import { RuleBuilder } from './RuleBuilder';
import { useRuleSubjects } from './use-rule-subjects';

const REPEATS = ['team', 'scenarios', 'milestones'] as const;
type Issue = { path: string; message: string };

/**
 * The template editor: every field of the template, bodies as Markdown with a picker that inserts
 * `{{variable}}` where the cursor was, rules built in words from the assessments' questions (their
 * JSON Logic under Advanced). Saving makes a new version; what the backend refuses is shown at the
 * field it names.
 */
export function TemplateForm({ detail, nextVersion, onCancel, onSaved }: { detail: TemplateDetail; nextVersion: number; onCancel: () => void; onSaved: (saved: TemplateDetail) => void }) {
  const { t, text, apiText, colon } = useI18n();
  const [draft, setDraft] = useState<TemplateFile>(detail.template);
  const [rules, setRules] = useState<RuleEdit[]>(() => detail.template.sections.map((s) => ruleEditOf(s.when)));
  const ruleSubjects = useRuleSubjects(detail.template.scenarios);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const [variable, setVariable] = useState('customer.name');
  const articles = useQuery('kb.list', { limit: 500, sort: 'title' });
  // The body textarea edited last, and its selection, for the variable picker.
  const lastBody = useRef<{ section: number; lang: 'en' | 'zh'; start: number; end: number } | null>(null);
  const placed = new Set<string>();
  const at = (path: string): string[] => {
    placed.add(path);
    return issuesAt(issues, path);
  };
  const variables = pickerVariables(draft);
  const title = text(detail.template.title);

  const setSection = (index: number, patch: Partial<TemplateSection>): void =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));

  function insert(): void {
    const target = lastBody.current;
    if (!target) return;
    const section = draft.sections[target.section];
    if (!section) return;
    const body = section.body ?? { en: '', zh: '' };
    const next = insertVariable(body[target.lang], variable, target.start, target.end);
    setSection(target.section, { body: { ...body, [target.lang]: next.text } });
    lastBody.current = { ...target, start: next.caret, end: next.caret };
    const element = document.getElementById(`tpl-s${target.section}-body-${target.lang}`);
    if (element instanceof HTMLTextAreaElement) {
      element.focus();
      requestAnimationFrame(() => element.setSelectionRange(next.caret, next.caret));
    }
  }

  function move(index: number, by: -1 | 1): void {
    const to = index + by;
    if (to < 0 || to >= draft.sections.length) return;
    const swap = <T,>(list: T[]): T[] => {
      const copy = [...list];
      const [item] = copy.splice(index, 1);
      if (item !== undefined) copy.splice(to, 0, item);
      return copy;
    };
    setDraft((d) => ({ ...d, sections: swap(d.sections) }));
    setRules(swap);
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = rules.map((r) => parseRuleText(r.text));
    const subjects = ruleSubjects.status === 'ready' ? ruleSubjects.subjects : null;
    // A row still being filled in (a number that is not one yet) holds the save; the row says why.
    const unfinished = subjects === null ? [] : rules.flatMap((r, i) => {
      const view = builderView(r, subjects);
      return view.kind === 'builder' && rowProblems(view.draft, subjects).some((p) => p !== null) ? [i] : [];
    });
    // Invalid JSON and unfinished rows are shown live where they are; the save only waits for them.
    if (parsed.some((p) => !p.ok) || unfinished.length > 0) {
      setState({ kind: 'error', message: t('templates.rule.unfinished') });
      return;
    }
    const template: TemplateFile = {
      ...draft,
      sections: draft.sections.map((s, i) => {
        const rule = parsed[i];
        const { when: _old, body, fromArticle, ...rest } = s;
        const hasBody = body !== undefined && (body.en.trim() !== '' || body.zh.trim() !== '');
        return {
          ...rest,
          ...(rule?.ok && rule.rule !== undefined ? { when: rule.rule } : {}),
          ...(hasBody ? { body } : {}),
          ...(fromArticle ? { fromArticle } : {}),
        };
      }),
    };
    setState({ kind: 'busy' });
    setIssues([]);
    const result = await mutate('templates.save', { basedOn: { id: detail.id, version: detail.version }, template });
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    setIssues((result.error.issues ?? []).map((i) => ({ path: i.path, message: apiText(i) })));
    setState({ kind: 'error', message: t('templates.saveFailed', { message: apiText(result.error) }) });
  }

  const localizedFields = (path: string, value: Localized, keys: [MessageKey, MessageKey], onChange: (value: Localized) => void, multiline = false) =>
    (['en', 'zh'] as const).map((l, i) => {
      const id = `tpl-${path.replace(/\./g, '-')}-${l}`;
      const problems = at(`${path}.${l}`);
      return (
        <Field key={l} id={id} label={t(keys[i] ?? keys[0])} problems={problems}>
          {multiline ? (
            <textarea id={id} rows={2} value={value[l]} aria-invalid={problems.length > 0 ? true : undefined} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          ) : (
            <input id={id} type="text" value={value[l]} aria-invalid={problems.length > 0 ? true : undefined} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          )}
        </Field>
      );
    });

  const body = (
    <>
      <fieldset className="tpl-group">
        {localizedFields('title', draft.title, ['templates.titleEn', 'templates.titleZh'], (title) => setDraft((d) => ({ ...d, title })))}
        {localizedFields('description', draft.description, ['templates.descriptionEn', 'templates.descriptionZh'], (description) => setDraft((d) => ({ ...d, description })), true)}
        <Field id="tpl-duration" label={t('templates.duration')} problems={at('durationWeeks')}>
          <input
            id="tpl-duration"
            type="number"
            min={1}
            max={104}
            value={draft.durationWeeks}
            onChange={(e) => setDraft((d) => ({ ...d, durationWeeks: Math.trunc(Number(e.target.value)) }))}
          />
        </Field>
      </fieldset>

      <h2>{t('templates.sections')}</h2>
      {draft.sections.map((section, index) => {
        const sectionBody = section.body ?? { en: '', zh: '' };
        const ruleProblems = at(`sections.${index}.when`);
        return (
          <fieldset key={index} className="tpl-group tpl-section">
            <legend>
              {t('templates.section', { n: index + 1 })}{colon}{text(section.title)}
            </legend>
            <div className="tpl-row-actions">
              <button type="button" onClick={() => move(index, -1)} disabled={index === 0}>
                {t('templates.moveUp', { n: index + 1 })}
              </button>
              <button type="button" onClick={() => move(index, 1)} disabled={index === draft.sections.length - 1}>
                {t('templates.moveDown', { n: index + 1 })}
              </button>
              <button
                type="button"
                className="link-button"
                disabled={draft.sections.length <= 1}
                onClick={() => {
                  setDraft((d) => ({ ...d, sections: d.sections.filter((_, i) => i !== index) }));
                  setRules((r) => r.filter((_, i) => i !== index));
                }}
              >
                {t('templates.removeSection', { n: index + 1 })}
              </button>
            </div>
            <Field id={`tpl-s${index}-id`} label={t('templates.sectionId')} problems={at(`sections.${index}.id`)}>
              <input id={`tpl-s${index}-id`} type="text" value={section.id} maxLength={100} onChange={(e) => setSection(index, { id: e.target.value })} />
            </Field>
            {localizedFields(`sections.${index}.title`, section.title, ['templates.titleEn', 'templates.titleZh'], (value) => setSection(index, { title: value }))}
            {(['en', 'zh'] as const).map((l) => {
              const id = `tpl-s${index}-body-${l}`;
              const problems = [...at(`sections.${index}.body.${l}`), ...(l === 'en' ? at(`sections.${index}.body`) : [])];
              return (
                <Field key={l} id={id} label={t(l === 'en' ? 'templates.bodyEn' : 'templates.bodyZh')} problems={problems}>
                  <textarea
                    id={id}
                    rows={6}
                    className="tpl-body"
                    value={sectionBody[l]}
                    aria-invalid={problems.length > 0 ? true : undefined}
                    onChange={(e) => setSection(index, { body: { ...sectionBody, [l]: e.target.value } })}
                    onSelect={(e) => {
                      lastBody.current = { section: index, lang: l, start: e.currentTarget.selectionStart, end: e.currentTarget.selectionEnd };
                    }}
                  />
                </Field>
              );
            })}
            <RuleBuilder
              index={index}
              edit={rules[index] ?? ruleEditOf(undefined)}
              state={ruleSubjects}
              problems={ruleProblems}
              onChange={(edit) => {
                setRules((r) => r.map((x, i) => (i === index ? edit : x)));
                // What the backend said about the rule is about the one before this change.
                setIssues((all) => all.filter((x) => x.path !== `sections.${index}.when` && x.path !== `template.sections.${index}.when`));
              }}
            />
            <div className="tpl-inline">
              <Field id={`tpl-s${index}-repeat`} label={t('templates.repeat')} problems={at(`sections.${index}.repeat`)}>
                <select
                  id={`tpl-s${index}-repeat`}
                  value={section.repeat ?? ''}
                  onChange={(e) => {
                    const { repeat: _drop, ...rest } = section;
                    setSection(index, e.target.value === '' ? { ...rest, repeat: undefined } : { repeat: e.target.value as (typeof REPEATS)[number] });
                  }}
                >
                  <option value="">{t('templates.repeat.none')}</option>
                  {REPEATS.map((r) => (
                    <option key={r} value={r}>
                      {t(`templates.repeat.${r}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`tpl-s${index}-article`} label={t('templates.fromArticle')} problems={at(`sections.${index}.fromArticle`)}>
                <select id={`tpl-s${index}-article`} value={section.fromArticle ?? ''} onChange={(e) => setSection(index, { fromArticle: e.target.value === '' ? undefined : e.target.value })}>
                  <option value="">{t('templates.noArticle')}</option>
                  {section.fromArticle && !articles.data?.items.some((a) => a.id === section.fromArticle) && <option value={section.fromArticle}>{section.fromArticle}</option>}
                  {articles.data?.items.map((a) => (
                    <option key={a.id} value={a.id}>
                      {text(a.title)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => {
          setDraft((d) => ({ ...d, sections: [...d.sections, { id: newSectionId(d.sections), title: { en: '', zh: '' }, body: { en: '', zh: '' } }] }));
          setRules((r) => [...r, ruleEditOf(undefined)]);
        }}
      >
        {t('templates.addSection')}
      </button>

      <h2>{t('templates.criteria')}</h2>
      {draft.successCriteria.map((c, index) => (
        <fieldset key={index} className="tpl-group tpl-inline-group">
          {localizedFields(`successCriteria.${index}.metric`, c.metric, ['templates.metricEn', 'templates.metricZh'], (metric) =>
            setDraft((d) => ({ ...d, successCriteria: d.successCriteria.map((x, i) => (i === index ? { ...x, metric } : x)) })),
          )}
          {localizedFields(`successCriteria.${index}.target`, c.target, ['templates.targetEn', 'templates.targetZh'], (target) =>
            setDraft((d) => ({ ...d, successCriteria: d.successCriteria.map((x, i) => (i === index ? { ...x, target } : x)) })),
          )}
          {localizedFields(`successCriteria.${index}.measurement`, c.measurement, ['templates.measurementEn', 'templates.measurementZh'], (measurement) =>
            setDraft((d) => ({ ...d, successCriteria: d.successCriteria.map((x, i) => (i === index ? { ...x, measurement } : x)) })),
          )}
          <button type="button" className="link-button" onClick={() => setDraft((d) => ({ ...d, successCriteria: d.successCriteria.filter((_, i) => i !== index) }))}>
            {t('templates.removeCriterion', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => setDraft((d) => ({ ...d, successCriteria: [...d.successCriteria, { metric: { en: '', zh: '' }, target: { en: '', zh: '' }, measurement: { en: '', zh: '' } }] }))}
      >
        {t('templates.addCriterion')}
      </button>

      <h2>{t('templates.pricing', { currency: draft.pricing.currency, tax: draft.pricing.taxRate })}</h2>
      <div className="tpl-inline">
        <Field id="tpl-currency" label={t('templates.currency')} problems={at('pricing.currency')}>
          <input id="tpl-currency" type="text" maxLength={3} value={draft.pricing.currency} onChange={(e) => setDraft((d) => ({ ...d, pricing: { ...d.pricing, currency: e.target.value.toUpperCase() } }))} />
        </Field>
        <Field id="tpl-tax" label={t('templates.taxRate')} problems={at('pricing.taxRate')}>
          <input id="tpl-tax" type="text" inputMode="decimal" value={draft.pricing.taxRate} onChange={(e) => setDraft((d) => ({ ...d, pricing: { ...d.pricing, taxRate: e.target.value } }))} />
        </Field>
      </div>
      {draft.pricing.lines.map((line, index) => {
        const setLine = (patch: Partial<typeof line>): void =>
          setDraft((d) => ({ ...d, pricing: { ...d.pricing, lines: d.pricing.lines.map((x, i) => (i === index ? { ...x, ...patch } : x)) } }));
        return (
          <fieldset key={index} className="tpl-group tpl-inline-group">
            {localizedFields(`pricing.lines.${index}.item`, line.item, ['templates.itemEn', 'templates.itemZh'], (item) => setLine({ item }))}
            {localizedFields(`pricing.lines.${index}.unit`, line.unit, ['templates.unitEn', 'templates.unitZh'], (unit) => setLine({ unit }))}
            <Field id={`tpl-line${index}-qty`} label={t('templates.quantity')} problems={at(`pricing.lines.${index}.quantity`)}>
              <input id={`tpl-line${index}-qty`} type="text" inputMode="decimal" value={line.quantity} onChange={(e) => setLine({ quantity: e.target.value })} />
            </Field>
            <Field id={`tpl-line${index}-price`} label={t('templates.unitPrice')} problems={at(`pricing.lines.${index}.unitPrice`)}>
              <input id={`tpl-line${index}-price`} type="text" inputMode="decimal" value={line.unitPrice} onChange={(e) => setLine({ unitPrice: e.target.value })} />
            </Field>
            <button
              type="button"
              className="link-button"
              disabled={draft.pricing.lines.length <= 1}
              onClick={() => setDraft((d) => ({ ...d, pricing: { ...d.pricing, lines: d.pricing.lines.filter((_, i) => i !== index) } }))}
            >
              {t('templates.removeLine', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          setDraft((d) => ({ ...d, pricing: { ...d.pricing, lines: [...d.pricing.lines, { item: { en: '', zh: '' }, unit: { en: '', zh: '' }, quantity: '1', unitPrice: '0' }] } }))
        }
      >
        {t('templates.addLine')}
      </button>

      <h2>{t('templates.timeline')}</h2>
      {draft.timeline.map((phase, index) => {
        const setPhase = (patch: Partial<typeof phase>): void => setDraft((d) => ({ ...d, timeline: d.timeline.map((x, i) => (i === index ? { ...x, ...patch } : x)) }));
        return (
          <fieldset key={index} className="tpl-group tpl-inline-group">
            {localizedFields(`timeline.${index}.phase`, phase.phase, ['templates.phaseEn', 'templates.phaseZh'], (value) => setPhase({ phase: value }))}
            <Field id={`tpl-phase${index}-weeks`} label={t('templates.weeks')} problems={at(`timeline.${index}.weeks`)}>
              <input id={`tpl-phase${index}-weeks`} type="number" min={1} max={52} value={phase.weeks} onChange={(e) => setPhase({ weeks: Math.trunc(Number(e.target.value)) })} />
            </Field>
            {localizedFields(`timeline.${index}.deliverables`, phase.deliverables, ['templates.deliverablesEn', 'templates.deliverablesZh'], (deliverables) => setPhase({ deliverables }), true)}
            <button
              type="button"
              className="link-button"
              disabled={draft.timeline.length <= 1}
              onClick={() => setDraft((d) => ({ ...d, timeline: d.timeline.filter((_, i) => i !== index) }))}
            >
              {t('templates.removePhase', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => setDraft((d) => ({ ...d, timeline: [...d.timeline, { phase: { en: '', zh: '' }, weeks: 2, deliverables: { en: '', zh: '' } }] }))}>
        {t('templates.addPhase')}
      </button>
    </>
  );

  // Rendering the fields above marked the paths they show; the rest are listed at the top.
  const elsewhere = unplacedIssues(issues, placed);
  return (
    <article className="page template-edit-page" aria-labelledby="page-title">
      <form onSubmit={(e) => void save(e)} noValidate>
        <header className="page-header list-header">
          <PageHeading title={t('templates.editTitle', { title })}>{t('templates.editTitle', { title })}</PageHeading>
          <div className="list-header-actions">
            <button type="button" onClick={onCancel}>
              {t('templates.cancel')}
            </button>
            <button type="submit" className="primary-button" disabled={state.kind === 'busy'}>
              {state.kind === 'busy' ? t('templates.saving') : t('templates.save', { version: nextVersion })}
            </button>
          </div>
        </header>
        {state.kind === 'error' && (
          <div className="error-view" role="alert">
            <p className="error-title">{state.message}</p>
            {elsewhere.length > 0 && (
              <ul>
                {elsewhere.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="tpl-edit-layout">
          <div>{body}</div>
          <aside className="panel tpl-variables">
            <h2>{t('templates.variables')}</h2>
            <label htmlFor="tpl-variable" className="visually-hidden">
              {t('templates.variables')}
            </label>
            <select id="tpl-variable" size={12} value={variable} onChange={(e) => setVariable(e.target.value)}>
              {variables.map((v) => (
                <option key={v} value={v}>
                  {`{{${v}}}`}
                </option>
              ))}
            </select>
            <button type="button" onClick={insert}>
              {t('templates.variableInsert')}
            </button>
            <p className="muted">{t('templates.variableHint')}</p>
          </aside>
        </div>
      </form>
    </article>
  );
}

function Field({ id, label, problems, children }: { id: string; label: string; problems: string[]; children: ReactNode }) {
  return (
    <div className={problems.length > 0 ? 'prop-field cell-invalid' : 'prop-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problems.map((p) => (
        <span key={p} className="cell-error" role="alert">
          {p}
        </span>
      ))}
    </div>
  );
}
