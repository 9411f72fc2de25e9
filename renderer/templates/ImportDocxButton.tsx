import type { ImportProblem } from '../../core/templates/docx-import';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { MAX_IMPORT_DOCX_BYTES } from '../../core/api/limits';
import { useI18n } from '../i18n/i18n';
import { mutate } from '../data/query-client';
import { fileBytes } from '../lib/attachments';

/** What the template page shows after an import: what could not be carried over, per section. */
export type ImportedLocationState = { importProblems?: ImportProblem[] };

/**
 * "Import DOCX…": a Word document becomes a new template (or the next version of one with the same
 * id), opened at once with what the import could not carry over. A file too large is refused before
 * it is read; one that is not a Word document is refused by the backend with its reason.
 */
export function ImportDocxButton() {
  const { t, apiText } = useI18n();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  async function importFile(file: File): Promise<void> {
    if (file.size > MAX_IMPORT_DOCX_BYTES) {
      setState({ kind: 'error', message: t('templates.importFailed', { message: `${(file.size / 1024 / 1024).toFixed(1)} MB > ${MAX_IMPORT_DOCX_BYTES / 1024 / 1024} MB` }) });
      return;
    }
    setState({ kind: 'busy' });
    const result = await mutate('templates.importDocx', { name: file.name, data: await fileBytes(file) });
    if (!result.ok) {
      setState({ kind: 'error', message: t('templates.importFailed', { message: apiText(result.error) }) });
      return;
    }
    const state: ImportedLocationState = { importProblems: result.value.problems };
    navigate(`/templates/${result.value.template.id}?version=${result.value.template.version}`, { state });
  }

  return (
    <div className="import-docx">
      <label htmlFor="import-docx-file" className="visually-hidden">
        {t('templates.importFile')}
      </label>
      <input
        ref={input}
        id="import-docx-file"
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" disabled={state.kind === 'busy'} onClick={() => input.current?.click()}>
        {state.kind === 'busy' ? t('templates.importing') : t('templates.importDocx')}
      </button>
      {state.kind === 'error' && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
    </div>
  );
}
