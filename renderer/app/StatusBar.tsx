import { useState, type ReactNode } from 'react';
import type { ContentProblem } from '../../core/api/contract';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { Dialog } from '../ui/Dialog';
import './shell-dialogs.css';

/**
 * The footer: which content pack this device has, an honest warning when the pack had problems
 * (with the list in a dialog), and the sync state.
 */
export function StatusBar() {
  const { t, tn, apiText } = useI18n();
  const content = useQuery('content.status', {});
  const [problemsOpen, setProblemsOpen] = useState(false);

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

  return (
    <>
      <footer className="statusbar" aria-label={t('status.label')}>
        {pack}
        {problems.length > 0 && (
          <button type="button" className="status-warning" aria-haspopup="dialog" onClick={() => setProblemsOpen(true)}>
            ⚠ {tn('status.problems', problems.length)}
          </button>
        )}
        <span className="status-sync">{t('status.local')}</span>
      </footer>
      {/* Outside the footer, which is a one-line strip with its own text styles. */}
      {problemsOpen && <ProblemsDialog problems={problems} onClose={() => setProblemsOpen(false)} />}
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
