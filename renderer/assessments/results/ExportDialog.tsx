import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { LANGS, type Lang } from '../../../core/i18n';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useI18n } from '../../i18n/i18n';
import { callSafe } from '../../lib/api';
import { receiveExport } from '../../lib/download';
import { ExportStatus, type ExportState } from '../../ui/ExportStatus';
import { useQuery } from '../../data/use-query';

/**
 * Chooses the report language (the UI language by default), then saves the DOCX or the PDF. In
 * Electron the app saves it through its save dialog (the PDF printed by the app from the
 * print-styled report page); in the browser host the DOCX arrives as bytes and is downloaded, and
 * the report page opens for the browser's print dialog to save the PDF ("Save as PDF").
 */
export function ExportDialog({ sessionId, format, onClose }: { sessionId: string; format: 'docx' | 'pdf'; onClose: () => void }) {
  const { t, lang: uiLang, apiText } = useI18n();
  const navigate = useNavigate();
  const [lang, setLang] = useState<Lang>(uiLang);
  const info = useQuery('app.info', {});
  const hostPrintsPdf = info.data?.host === 'electron';
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
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
              <input type="radio" name="export-lang" value={l} checked={lang === l} onChange={() => setLang(l)} /> {t(`lang.${l}`)}
            </label>
          ))}
        </fieldset>
        {format === 'pdf' && <p className="muted">{t(hostPrintsPdf ? 'results.exportPdfHintSave' : 'results.exportPdfHint')}</p>}
        <ExportStatus state={state} />
        <DialogActions
          cancelLabel={state.kind === 'done' ? t('common.close') : t('results.cancel')}
          onCancel={onClose}
          actionLabel={t(format === 'docx' ? 'results.exportDownload' : hostPrintsPdf ? 'results.exportSavePdf' : 'results.exportOpen')}
          busy={state.kind === 'busy'}
        />
      </form>
    </Dialog>
  );
}
