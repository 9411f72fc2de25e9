import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { mutate, setQueryResult } from '../data/query-client';
import { useI18n } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { formatDateTime } from '../ui/format';
import { SignaturePad } from './SignaturePad';

/** Name, role, the time (now) and a drawn signature; completes the session and opens its results. */
export function SignoffDialog({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const { t, lang, apiText } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  // The drawn signature's PNG, possibly still being encoded; null: nothing drawn.
  const [signature, setSignature] = useState<Promise<Uint8Array | null> | null>(null);
  const [now] = useState(() => new Date().toISOString());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Signing opens the results: their code (the radar) is fetched while the dialog is filled in.
  useEffect(() => {
    void import('./results/ResultsPage').catch(() => undefined);
  }, []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (name.trim() === '' || !signature) return;
    setBusy(true);
    setProblem(null);
    const png = await signature;
    if (!png) {
      setProblem(t('assessments.signatureUnreadable'));
      setBusy(false);
      return;
    }
    const result = await mutate('assessments.complete', { sessionId, signoff: { name: name.trim(), role: role.trim(), signaturePng: png, signedAt: now } });
    if (result.ok) {
      // The completed session is what the results page shows: it opens without fetching it again.
      setQueryResult('assessments.get', { id: sessionId }, result.value);
      void navigate(`/assessments/${sessionId}/results`);
      return;
    }
    setProblem(apiText(result.error));
    setBusy(false);
  };

  return (
    <Dialog labelledBy="signoff-title" onClose={onClose} className="signoff-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="signoff-title">{t('assessments.signoffTitle')}</h2>
        <p className="muted">{t('assessments.signoffIntro')}</p>
        <div className="form-grid">
          <label htmlFor="signoff-name">{t('assessments.signName')}</label>
          <div>
            <input id="signoff-name" type="text" value={name} maxLength={200} required aria-invalid={tried && name.trim() === ''} aria-describedby="signoff-name-problem" onChange={(e) => setName(e.target.value)} />
            <p id="signoff-name-problem" className="error-text">
              {tried && name.trim() === '' ? t('assessments.nameMissing') : ''}
            </p>
          </div>
          <label htmlFor="signoff-role">{t('assessments.signRole')}</label>
          <input id="signoff-role" type="text" value={role} maxLength={200} onChange={(e) => setRole(e.target.value)} />
          <span>{t('assessments.signTime')}</span>
          <output>{formatDateTime(now, lang)}</output>
          <span id="signature-label">{t('assessments.signature')}</span>
          <div>
            <SignaturePad onChange={setSignature} labelledBy="signature-label" describedBy="signature-help" />
            <p id="signature-help" className={tried && !signature ? 'error-text' : 'muted'}>
              {tried && !signature ? t('assessments.signatureMissing') : t('assessments.signatureHelp')}
            </p>
          </div>
        </div>
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        <DialogActions cancelLabel={t('assessments.cancel')} onCancel={onClose} actionLabel={t('assessments.signAndComplete')} busyLabel={t('assessments.completing')} busy={busy} />
      </form>
    </Dialog>
  );
}
