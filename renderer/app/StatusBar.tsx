import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ContentProblem, HeldBackUpdate } from '../../core/api/contract';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { mutate } from '../data/query-client';
import { Dialog } from '../ui/Dialog';
import { formatDateTime } from '../ui/format';
import { SyncIndicator } from '../sync/SyncIndicator';
import './shell-dialogs.css';

/**
 * The footer: which content pack this device has, an honest warning when the pack had problems
 * (with the list in a dialog), the pack updates held back because the user had changed those
 * records (with the list in a dialog), and the sync state.
 */
export function StatusBar() {
  const { t, tn, apiText } = useI18n();
  const content = useQuery('content.status', {});
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [heldBackOpen, setHeldBackOpen] = useState(false);

  let pack: ReactNode;
  if (content.status === 'error')
    pack = (
      <span className="status-error">
        {t('status.loadFailed', { message: apiText(content.error) })}{' '}
        <button type="button" className="link-button" onClick={() => void content.reload()}>
          {t('common.retry')}
        </button>
      </span>
    );
  else if (content.data === null) pack = <span>{t('common.loading')}</span>;
  else if (content.data.packId === null) pack = <span>{t('status.noPack')}</span>;
  else
    pack = (
      <span title={content.data.importedAt ? t('status.packImported', { date: content.data.importedAt }) : undefined}>
        {t('status.pack', { id: content.data.packId, version: content.data.packVersion ?? '?' })}
      </span>
    );
  const problems = content.data?.problems ?? [];
  const heldBack = content.data?.heldBack ?? [];

  return (
    <>
      <footer className="statusbar" aria-label={t('status.label')}>
        {pack}
        {problems.length > 0 && (
          <button type="button" className="status-warning" aria-haspopup="dialog" onClick={() => setProblemsOpen(true)}>
            ⚠ {tn('status.problems', problems.length)}
          </button>
        )}
        {heldBack.length > 0 && (
          <button type="button" className="status-warning" aria-haspopup="dialog" onClick={() => setHeldBackOpen(true)}>
            ⚠ {tn('status.heldBack', heldBack.length)}
          </button>
        )}
        <SyncIndicator />
      </footer>
      {/* Outside the footer, which is a one-line strip with its own text styles. */}
      {problemsOpen && <ProblemsDialog problems={problems} onClose={() => setProblemsOpen(false)} />}
      {heldBackOpen && heldBack.length > 0 && <HeldBackDialog updates={heldBack} onClose={() => setHeldBackOpen(false)} />}
    </>
  );
}

function ProblemsDialog({ problems, onClose }: { problems: ContentProblem[]; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog className="problems-dialog" labelledBy="problems-title" onClose={onClose}>
      <h2 id="problems-title">{t('status.problemsTitle')}</h2>
      <p>{t('status.problemsIntro')}</p>
      <div className="problems-scroll">
        <table className="problems">
          <thead>
            <tr>
              <th scope="col">{t('status.problemFile')}</th>
              <th scope="col">{t('status.problemField')}</th>
              <th scope="col">{t('status.problemMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>
                  <code>{p.file}</code>
                </td>
                <td>
                  <code>{p.field}</code>
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** The pack updates held back on this device: what, which pack version, why and when; templates link to their page to compare and take. */
function HeldBackDialog({ updates, onClose }: { updates: HeldBackUpdate[]; onClose: () => void }) {
  const { t, text, lang, apiText } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function dismiss(update: HeldBackUpdate): Promise<void> {
    setBusy(`${update.kind}:${update.id}`);
    setError(null);
    const result = await mutate('content.dismissUpdate', { kind: update.kind, id: update.id, packVersion: update.packVersion });
    setBusy(null);
    if (!result.ok) setError(t('status.heldBackFailed', { message: apiText(result.error) }));
    // The last one dismissed: nothing is left to show.
    else if (updates.length === 1) onClose();
  }

  return (
    <Dialog className="problems-dialog" labelledBy="held-back-title" onClose={onClose}>
      <h2 id="held-back-title">{t('status.heldBackTitle')}</h2>
      <p>{t('status.heldBackIntro')}</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="problems-scroll">
        <table className="problems held-back">
          <thead>
            <tr>
              <th scope="col">{t('status.heldBackRecord')}</th>
              <th scope="col">{t('status.heldBackVersion')}</th>
              <th scope="col">{t('status.heldBackWhy')}</th>
              <th scope="col">{t('status.heldBackWhen')}</th>
              <th scope="col">{t('status.heldBackActions')}</th>
            </tr>
          </thead>
          <tbody>
            {updates.map((u) => (
              <tr key={`${u.kind}:${u.id}`}>
                <td>
                  <span className="muted">{t(`status.kind.${u.kind}`)}</span> {text(u.title)} <code>{u.id}</code>
                </td>
                <td>{u.packVersion}</td>
                <td>{t(`status.reason.${u.reason}`)}</td>
                <td>{formatDateTime(u.heldAt, lang)}</td>
                <td>
                  <div className="held-back-actions">
                    {u.kind === 'template' && (
                      <Link to={`/templates/${encodeURIComponent(u.id)}`} onClick={onClose} aria-label={t('status.heldBackCompareLabel', { title: text(u.title) })}>
                        {t('status.heldBackCompare')}
                      </Link>
                    )}
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy !== null}
                      aria-label={t('status.heldBackDismissLabel', { title: text(u.title) })}
                      onClick={() => void dismiss(u)}
                    >
                      {t('status.heldBackDismiss')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
