import { Link } from 'react-router';
import type { RecordTable } from '../../core/api/tables';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { fieldName } from './record-words';
import './sync.css';

/**
 * On a record's own page: the fields of this record that changed here and on another device
 * before either saw the other (sync_conflicts), with the way to the choice on the Sync screen.
 * The user editing the record learns that another version is kept before building on the one in use.
 */
export function RecordConflictNotice({ dataset, row }: { dataset: RecordTable; row: string }) {
  const { t, lang } = useI18n();
  const conflicts = useQuery('sync.conflicts', {});
  const fields = [...new Set((conflicts.data ?? []).filter((c) => c.dataset === dataset && c.row === row).map((c) => fieldName(lang, c.column)))];
  if (fields.length === 0) return null;
  return (
    <p className="notice warn record-conflict" role="status">
      {t('sync.recordConflict', { fields: fields.join(lang === 'zh' ? '、' : ', ') })} <Link to="/sync">{t('sync.recordConflictLink')}</Link>
    </p>
  );
}
