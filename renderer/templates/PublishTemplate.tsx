import { useState } from 'react';
import type { TemplateDetail } from '../../core/api/calls/templates';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { AlertNotice } from '../ui/AlertNotice';
import { Dialog, DialogActions } from '../ui/Dialog';

/**
 * For a knowledge manager: publishes the version shown to every device, as the template's next
 * version in the published knowledge (templates.publish). Nothing for anyone else, and a plain
 * statement for a version that is published already.
 */
export function PublishTemplate({ detail, nextVersion, onPublished }: { detail: TemplateDetail; nextVersion: number; onPublished: (published: TemplateDetail) => void }) {
  const { t, text, apiText } = useI18n();
  const sync = useQuery('sync.status', {});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (sync.data?.account?.role !== 'knowledge_manager') return null;
  if (detail.versions.find((v) => v.version === detail.version)?.published === true) return <p className="muted">{t('templates.publishedAlready')}</p>;

  async function publish(): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await mutate('templates.publish', { id: detail.id, version: detail.version });
    setBusy(false);
    if (result.ok) {
      setConfirming(false);
      onPublished(result.value);
    } else setFailure(apiText(result.error));
  }

  return (
    <>
      <button type="button" onClick={() => setConfirming(true)}>
        {t('templates.publish')}
      </button>
      {confirming && (
        <Dialog labelledBy="publish-template-title" onClose={() => setConfirming(false)}>
          <h2 id="publish-template-title">{t('templates.publishTitle', { title: text(detail.template.title), version: detail.version })}</h2>
          <p>{t('templates.publishIntro', { next: nextVersion })}</p>
          <AlertNotice message={failure} />
          <DialogActions
            cancelLabel={t('templates.publishCancel')}
            onCancel={() => setConfirming(false)}
            actionLabel={t('templates.publishNow')}
            busyLabel={t('templates.publishing')}
            busy={busy}
            onConfirm={() => void publish()}
          />
        </Dialog>
      )}
    </>
  );
}
