import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { TemplateDetail } from '../../core/api/calls/templates';
import { PageHeading } from '../app/PageHeading';
import { Loading } from '../app/StateViews';
import { RecordLoadFailed } from '../app/RecordStates';
import { useI18n } from '../i18n/i18n';
import { currentData, useQuery } from '../data/use-query';
import { formatDateTime } from '../ui/format';
import { TemplateForm } from './TemplateForm';
import { PackUpdateNotice } from './PackUpdateNotice';
import { PublishTemplate } from './PublishTemplate';
import { ruleText } from './template-form';
import { RuleInWords } from './RuleBuilder';
import { useRuleSubjects } from './use-rule-subjects';
import type { ImportedLocationState } from './ImportDocxButton';
import '../engagements/engagements.css';
import '../proposals/proposals.css';
import './templates.css';

/** `#/templates/:id[?version=n]`: one template version — its sections, rules, defaults and versions — and Edit. */
export function TemplatePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const versionParam = Number(params.get('version'));
  const version = Number.isInteger(versionParam) && versionParam > 0 ? versionParam : undefined;
  const { t } = useI18n();
  const template = useQuery('templates.get', version === undefined ? { id } : { id, version });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const detail = currentData(template);
  if (!detail) {
    if (template.status === 'error') {
      return <RecordLoadFailed error={template.error} notFoundTitle={t('templates.notFoundTitle')} notFoundText={t('templates.notFound', { id })} onRetry={template.reload} />;
    }
    return <Loading />;
  }
  const newest = detail.versions[0]?.version ?? detail.version;
  return editing ? (
    <TemplateForm
      detail={detail}
      nextVersion={newest + 1}
      onCancel={() => setEditing(false)}
      onSaved={(saved) => {
        setEditing(false);
        setNotice(t('templates.saved', { version: saved.version }));
        setParams({}, { replace: true });
      }}
    />
  ) : (
    <TemplateView
      detail={detail}
      newest={newest}
      notice={notice}
      onEdit={() => setEditing(true)}
      onVersion={(v) => setParams({ version: String(v) })}
      onTaken={(taken, packVersion) => {
        setNotice(t('templates.packUpdate.taken', { pack: packVersion, version: taken.version }));
        setParams({}, { replace: true });
      }}
      onDismissed={(packVersion) => setNotice(t('templates.packUpdate.dismissed', { pack: packVersion }))}
      onPublished={(published) => {
        setNotice(t('templates.publishedAs', { version: published.version }));
        setParams({}, { replace: true });
      }}
    />
  );
}

type TemplateViewProps = {
  detail: TemplateDetail;
  newest: number;
  notice: string | null;
  onEdit: () => void;
  onVersion: (version: number) => void;
  onTaken: (taken: TemplateDetail, packVersion: number) => void;
  onDismissed: (packVersion: number) => void;
  onPublished: (published: TemplateDetail) => void;
};

function TemplateView({ detail, newest, notice, onEdit, onVersion, onTaken, onDismissed, onPublished }: TemplateViewProps) {
  const { t, text, lang, apiText, colon } = useI18n();
  const importProblems = (useLocation().state as ImportedLocationState | null)?.importProblems ?? [];
  const tpl = detail.template;
  const title = text(tpl.title);
  const ruleSubjects = useRuleSubjects(tpl.scenarios);
  // Where a version came from; a published one says so, wherever it was made.
  const originWords = (v: { origin: TemplateDetail['origin']; published?: boolean }): string => (v.published === true ? t('templates.origin.published') : t(`templates.origin.${v.origin}`));
  return (
    <article className="page template-page" aria-labelledby="page-title">
      <Link to="/templates" className="back-link">
        ← {t('templates.backToList')}
      </Link>
      <header className="page-header list-header">
        <div>
          <p className="eyebrow">
            {t('templates.showing', { version: detail.version })}
            {detail.version === newest && ` (${t('templates.newest')})`} · {originWords(detail.versions.find((v) => v.version === detail.version) ?? detail)} · {t('templates.durationWeeks', { weeks: tpl.durationWeeks })}
          </p>
          <PageHeading title={title}>{title}</PageHeading>
          <p>{text(tpl.description)}</p>
        </div>
        <div className="list-header-actions">
          <PublishTemplate detail={detail} nextVersion={newest + 1} onPublished={onPublished} />
          {detail.version === newest ? (
            <button type="button" className="primary-button" onClick={onEdit}>
              {t('templates.editNewest', { version: newest + 1 })}
            </button>
          ) : (
            <button type="button" onClick={() => onVersion(newest)}>
              {t('templates.showNewest')}
            </button>
          )}
        </div>
      </header>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <PackUpdateNotice id={detail.id} onTaken={onTaken} onDismissed={onDismissed} />
      {importProblems.length > 0 && (
        <section className="notice warn" aria-labelledby="import-problems-title">
          <h2 id="import-problems-title">{t('templates.importProblems')}</h2>
          <ul>
            {importProblems.map((p, i) => (
              <li key={i}>
                <strong>{p.where}</strong>: {apiText(p.message)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="template-layout">
        <div>
          <h2>{t('templates.sections')}</h2>
          <ol className="template-sections">
            {tpl.sections.map((s) => (
              <li key={s.id} className="panel">
                <h3>
                  {text(s.title)} <code className="muted">{s.id}</code>
                </h3>
                <p className="muted">
                  {s.when === undefined || ruleSubjects.status === 'ready' ? (
                    <RuleInWords rule={s.when} subjects={ruleSubjects.status === 'ready' ? ruleSubjects.subjects : []} lead="includedWhen" />
                  ) : (
                    // Until the questions arrive (or when they cannot), the rule as written.
                    <code>{ruleText(s.when)}</code>
                  )}
                  {s.repeat && ` · ${t('templates.repeat')} ${t(`templates.repeat.${s.repeat}`)}`}
                </p>
                {s.when !== undefined && ruleSubjects.status === 'ready' && (
                  <details className="tpl-rule-json">
                    <summary>{t('templates.rule.json')}</summary>
                    <code>{ruleText(s.when)}</code>
                  </details>
                )}
                {s.fromArticle && (
                  <p>
                    {t('templates.fromArticle')}{colon}<SourceArticle id={s.fromArticle} />
                  </p>
                )}
                {s.body && (
                  // A long body scrolls inside its box: focusable, so the keyboard can scroll it too.
                  <pre className="template-body" tabIndex={0} role="region" aria-label={t('templates.sectionText', { title: text(s.title) })}>
                    {text(s.body)}
                  </pre>
                )}
              </li>
            ))}
          </ol>
          <h2>{t('templates.criteria')}</h2>
          <ul>
            {tpl.successCriteria.map((c, i) => (
              <li key={i}>
                <strong>{text(c.metric)}</strong>: {text(c.target)} — {text(c.measurement)}
              </li>
            ))}
          </ul>
          <h2>{t('templates.pricing', { currency: tpl.pricing.currency, tax: tpl.pricing.taxRate })}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('templates.item')}</th>
                <th scope="col">{t('templates.unit')}</th>
                <th scope="col" className="num">
                  {t('templates.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('templates.unitPrice')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tpl.pricing.lines.map((line, i) => (
                <tr key={i}>
                  <td>{text(line.item)}</td>
                  <td>{text(line.unit)}</td>
                  <td className="num">{line.quantity}</td>
                  <td className="num">{line.unitPrice}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('templates.timeline')}</h2>
          <ol>
            {tpl.timeline.map((p, i) => (
              <li key={i}>
                <strong>{text(p.phase)}</strong> — {t('templates.durationWeeks', { weeks: p.weeks })}{colon}{text(p.deliverables)}
              </li>
            ))}
          </ol>
        </div>
        <aside className="panel">
          <h2>{t('templates.versions')}</h2>
          <ul className="version-list">
            {detail.versions.map((v) => (
              <li key={v.version}>
                {v.version === detail.version ? (
                  <strong aria-current="true">{t('templates.version', { version: v.version })}</strong>
                ) : (
                  <button type="button" className="link-button" onClick={() => onVersion(v.version)} aria-label={t('templates.viewVersion', { version: v.version })}>
                    {t('templates.version', { version: v.version })}
                  </button>
                )}
                <span className="muted">
                  {originWords(v)} · {formatDateTime(v.updatedAt, lang)}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}

/** A section's source article by its title in the user's language; by its id while it loads, or when this device does not hold it. */
function SourceArticle({ id }: { id: string }) {
  const { text } = useI18n();
  const article = currentData(useQuery('kb.get', { id }));
  return (
    <>
      <Link to={`/kb/${id}`}>{article ? text(article.title) : `kb:${id}`}</Link>
      {article && <code className="muted"> {id}</code>}
    </>
  );
}
