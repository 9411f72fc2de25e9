import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { LANGS } from '../../../core/i18n';
import type { MissingFile } from '../../../core/api/calls/reports';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useI18n } from '../../i18n/i18n';
import { callSafe } from '../../lib/api';
import { receiveExport } from '../../lib/download';
import { ExportStatus, type ExportState } from '../../ui/ExportStatus';
import { useQuery } from '../../data/use-query';
import { MissingFiles } from '../../ui/MissingFiles';
import { useDocumentLang } from '../../settings/use-document-lang';
import { ExportSizeNote } from '../../ui/ExportSizeNote';

/**
 * Chooses the report language (the UI language by default), then saves the DOCX or the PDF. In
 * Electron the app saves it through its save dialog (the PDF printed by the app from the
 * print-styled report page); in the browser host the DOCX arrives as bytes and is downloaded, and
 * the report page opens for the browser's print dialog to save the PDF ("Save as PDF"). Photos
 * whose files are not on this device are listed first, with the question each belongs to, and the
 * export waits for "Export anyway" (the document keeps a placeholder where each belongs).
 */
export function ExportDialog({ sessionId, format, onClose }: { sessionId: string; format: 'docx' | 'pdf'; onClose: () => void }) {
  const { t, apiText } = useI18n();
  const navigate = useNavigate();
  const [lang, setLang] = useDocumentLang();
  const info = useQuery('app.info', {});
  const hostPrintsPdf = info.data?.host === 'electron';
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const size = useQuery('reports.assessmentDocxSize', format === 'docx' ? { sessionId, lang } : null);
  // The photos missing from the report in `lang`, shown to the user and waiting for "Export anyway" (null: none shown).
  const [missing, setMissing] = useState<MissingFile[] | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (missing === null) {
      // Asked afresh before every export (after "Export anyway" the list was seen): a file may have arrived or gone since.
      setState({ kind: 'busy' });
      const check = await callSafe('reports.assessmentMissingFiles', { sessionId, lang });
      if (!check.ok) {
        setState({ kind: 'error', message: t('export.checkFailed', { message: apiText(check.error) }) });
        return;
      }
      if (check.value.length > 0) {
        setMissing(check.value);
        setState({ kind: 'idle' });
        return;
      }
    }
    setMissing(null);
    if (format === 'pdf' && !hostPrintsPdf) {
      void navigate(`/assessments/${encodeURIComponent(sessionId)}/report?lang=${lang}`);
      return;
    }
    setState({ kind: 'busy' });
    const result = await callSafe(format === 'pdf' ? 'reports.assessmentPdf' : 'reports.assessmentDocx', { sessionId, lang });
    if (!result.ok) {
      setState({ kind: 'error', message: t('results.exportFailed', { message: apiText(result.error) }) });
      return;
    }
    const told = receiveExport(result.value, t);
    setState(told === null ? { kind: 'idle' } : { kind: 'done', message: told });
  }

  return (
    <Dialog labelledBy="export-title" className="results-dialog" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="export-title">{t(format === 'docx' ? 'results.exportTitleDocx' : 'results.exportTitlePdf')}</h2>
        <fieldset className="export-langs">
          <legend>{t('results.exportLanguage')}</legend>
          {LANGS.map((l) => (
            <label key={l}>
              <input
                type="radio"
                name="export-lang"
                value={l}
                checked={lang === l}
                onChange={() => {
                  setLang(l);
                  // Where a photo belongs is named in the report's language: check again.
                  setMissing(null);
                }}
              />{' '}
              {t(`lang.${l}`)}
            </label>
          ))}
        </fieldset>
        {format === 'docx' && <ExportSizeNote size={size} />}
        {format === 'pdf' && <p className="muted">{t(hostPrintsPdf ? 'results.exportPdfHintSave' : 'results.exportPdfHint')}</p>}
        {missing !== null && <MissingFiles files={missing} what="photos" />}
        <ExportStatus state={state} />
        <DialogActions
          cancelLabel={state.kind === 'done' ? t('common.close') : t('results.cancel')}
          onCancel={onClose}
          actionLabel={
            missing !== null
              ? t('export.anyway')
              : t(format === 'docx' ? 'results.exportDownload' : hostPrintsPdf ? 'results.exportSavePdf' : 'results.exportOpen')
          }
          busy={state.kind === 'busy'}
        />
      </form>
    </Dialog>
  );
}
