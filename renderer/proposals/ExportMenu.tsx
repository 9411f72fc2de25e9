import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MissingFile } from '../../core/api/calls/reports';
import { receiveExport } from '../lib/download';
import { ExportStatus, type ExportState } from '../ui/ExportStatus';
import { Dialog, DialogActions } from '../ui/Dialog';
import { MissingFiles } from '../ui/MissingFiles';
import { useI18n } from '../i18n/i18n';
import { callSafe } from '../lib/api';
import { useQuery } from '../data/use-query';

type Format = 'docx' | 'pdf' | 'markdown';

/**
 * Export the proposal as Word, PDF or Markdown, after the pending edits are saved. In Electron the
 * app saves the file through its save dialog (the PDF printed from the proposal's print page); in
 * the browser host the bytes arrive and are downloaded, and the print page opens for the browser's
 * print dialog to save the PDF ("Save as PDF"). Images whose files are not on this device are
 * listed first, with the section each belongs to, and the export waits for "Export anyway".
 */
export function ExportMenu({ proposalId, flush }: { proposalId: string; flush: () => Promise<boolean> }) {
  const { t, apiText } = useI18n();
  const navigate = useNavigate();
  const info = useQuery('app.info', {});
  const hostPrintsPdf = info.data?.host === 'electron';
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [confirm, setConfirm] = useState<{ format: Format; missing: MissingFile[] } | null>(null);

  async function exportAs(format: Format): Promise<void> {
    setState({ kind: 'busy' });
    await flush();
    // Asked afresh before every export: a file may have arrived or gone since.
    const check = await callSafe('proposals.exportMissingFiles', { id: proposalId });
    if (!check.ok) {
      setState({ kind: 'error', message: t('export.checkFailed', { message: apiText(check.error) }) });
      return;
    }
    if (check.value.length > 0) {
      setState({ kind: 'idle' });
      setConfirm({ format, missing: check.value });
      return;
    }
    await write(format);
  }

  async function write(format: Format): Promise<void> {
    if (format === 'pdf' && !hostPrintsPdf) {
      void navigate(`/proposals/${encodeURIComponent(proposalId)}/print`);
      return;
    }
    setState({ kind: 'busy' });
    const method = format === 'docx' ? 'proposals.exportDocx' : format === 'pdf' ? 'proposals.exportPdf' : 'proposals.exportMarkdown';
    const result = await callSafe(method, { id: proposalId });
    if (!result.ok) {
      setState({ kind: 'error', message: t('proposals.exportFailed', { message: apiText(result.error) }) });
      return;
    }
    const told = receiveExport(result.value, t);
    setState(told === null ? { kind: 'idle' } : { kind: 'done', message: told });
  }

  const busy = state.kind === 'busy';
  return (
    <div className="export-menu" role="group" aria-label={t('proposals.export')}>
      <span className="muted">{t('proposals.export')}:</span>
      {(
        [
          ['docx', 'proposals.exportDocx'],
          ['pdf', 'proposals.exportPdf'],
          ['markdown', 'proposals.exportMarkdown'],
        ] as const
      ).map(([format, label]) => (
        <button key={format} type="button" disabled={busy} onClick={() => void exportAs(format)}>
          {t(label)}
        </button>
      ))}
      <ExportStatus state={state} className="export-result" />
      {confirm && (
        <Dialog labelledBy="missing-files-title" onClose={() => setConfirm(null)}>
          <h2 id="missing-files-title">{t('export.missingTitle')}</h2>
          <MissingFiles files={confirm.missing} what="images" />
          <DialogActions
            cancelLabel={t('export.cancel')}
            onCancel={() => setConfirm(null)}
            actionLabel={t('export.anyway')}
            onConfirm={() => {
              const { format } = confirm;
              setConfirm(null);
              void write(format);
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
