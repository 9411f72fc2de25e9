import { useI18n } from '../i18n/i18n';

export type ExportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'error'; message: string };

/** Where an export stands: preparing, where the file went, or why it failed (announced to screen readers). */
export function ExportStatus({ state, className = '' }: { state: ExportState; className?: string }) {
  const { t } = useI18n();
  if (state.kind === 'idle') return null;
  if (state.kind === 'error') {
    return (
      <p role="alert" className={`error-text ${className}`}>
        {state.message}
      </p>
    );
  }
  return (
    <p role="status" className={`muted ${className}`}>
      {state.kind === 'busy' ? t('export.busy') : state.message}
    </p>
  );
}
