import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MissingFile } from '../../core/api/calls/reports';
import type { ExportCopy, ExportFinding } from '../../core/proposals/export-checks';
import { ExportFindings } from './ExportFindings';
import { receiveExport } from '../lib/download';
import { ExportStatus, type ExportState } from '../ui/ExportStatus';
import { Dialog, DialogActions } from '../ui/Dialog';
import { MissingFiles } from '../ui/MissingFiles';
import { useI18n } from '../i18n/i18n';
import { callSafe } from '../lib/api';
import { useQuery } from '../data/use-query';
import { ExportSizeNote } from '../ui/ExportSizeNote';

type Format = 'docx' | 'pdf' | 'markdown';

/**
 * Export the proposal as Word, PDF or Markdown, after the pending edits are saved: a copy for the
 * customer (the default: no status, version or knowledge-base references) or an internal one. In
 * Electron the app saves the file through its save dialog (the PDF printed from the proposal's
 * print page); in the browser host the bytes arrive and are downloaded, and the print page opens
 * for the browser's print dialog to save the PDF ("Save as PDF"). What the recipient would notice
 * (unfilled variables, empty sections, …) and images whose files are not on this device are listed
 * first, and the export waits for "Export anyway".
 */
export function ExportMenu({ proposalId, flush, hasPictures }: { proposalId: string; flush: () => Promise<boolean>; hasPictures: boolean }) {
  const { t, apiText, colon } = useI18n();
  const navigate = useNavigate();
  const info = useQuery('app.info', {});
  const hostPrintsPdf = info.data?.host === 'electron';
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [copy, setCopy] = useState<ExportCopy>('customer');
  const [confirm, setConfirm] = useState<{ format: Format; missing: MissingFile[]; findings: ExportFinding[] } | null>(null);
  // Only pictures make a proposal's Word file large: without them there is nothing worth saying,
  // and the estimate (the whole document built again) is not asked for after every autosave.
  const size = useQuery('proposals.exportDocxSize', hasPictures ? { id: proposalId, copy } : null);

  async function exportAs(format: Format): Promise<void> {
    setState({ kind: 'busy' });
    await flush();
    // Asked afresh before every export: a file may have arrived or gone since, a section been edited.
    const check = await callSafe('proposals.exportMissingFiles', { id: proposalId });
    if (!check.ok) {
      setState({ kind: 'error', message: t('export.checkFailed', { message: apiText(check.error) }) });
      return;
    }
    const findings = await callSafe('proposals.exportChecks', { id: proposalId, copy });
    if (!findings.ok) {
      setState({ kind: 'error', message: t('proposals.checksFailed', { message: apiText(findings.error) }) });
      return;
    }
    if (check.value.length > 0 || findings.value.length > 0) {
      setState({ kind: 'idle' });
      setConfirm({ format, missing: check.value, findings: findings.value });
      return;
    }
    await write(format);
  }

  async function write(format: Format): Promise<void> {
    if (format === 'pdf' && !hostPrintsPdf) {
      void navigate(`/proposals/${encodeURIComponent(proposalId)}/print${copy === 'internal' ? '?copy=internal' : ''}`);
      return;
    }
    setState({ kind: 'busy' });
    const method = format === 'docx' ? 'proposals.exportDocx' : format === 'pdf' ? 'proposals.exportPdf' : 'proposals.exportMarkdown';
    const result = await callSafe(method, { id: proposalId, copy });
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
      <span className="muted">{t('proposals.export')}{colon}</span>
      <label className="export-copy">
        <span className="visually-hidden">{t('proposals.exportCopy')}</span>
        <select value={copy} disabled={busy} onChange={(e) => setCopy(e.target.value === 'internal' ? 'internal' : 'customer')}>
          <option value="customer">{t('proposals.copyCustomer')}</option>
          <option value="internal">{t('proposals.copyInternal')}</option>
        </select>
      </label>
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
      <ExportSizeNote size={size} />
      <ExportStatus state={state} className="export-result" />
      {confirm && (
        <Dialog labelledBy="export-checks-title" onClose={() => setConfirm(null)}>
          <h2 id="export-checks-title">{confirm.findings.length > 0 ? t('proposals.checksTitle') : t('export.missingTitle')}</h2>
          {confirm.findings.length > 0 && <ExportFindings findings={confirm.findings} />}
          {confirm.missing.length > 0 && <MissingFiles files={confirm.missing} what="images" />}
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
