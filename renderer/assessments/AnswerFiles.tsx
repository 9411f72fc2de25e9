import { AttachedFiles } from '../ui/AttachedFiles';
import { useI18n } from '../i18n/i18n';

/** The owner id of a question's photos and files: one record per session and question. */
export function answerOwnerId(sessionId: string, questionId: string): string {
  return `${sessionId}:${questionId}`;
}

/**
 * Photos and files on one question (attachments owned by `<sessionId>:<questionId>`). For an
 * evidence question the answer is the list of attached files, reported through `onFilesChange`.
 */
export function AnswerFiles({
  sessionId,
  questionId,
  disabled,
  onFilesChange,
}: {
  sessionId: string;
  questionId: string;
  disabled: boolean;
  onFilesChange?: (sha256s: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <AttachedFiles
      owner={{ ownerTable: 'assessment_answers', ownerId: answerOwnerId(sessionId, questionId) }}
      label={t('files.label')}
      disabled={disabled}
      {...(onFilesChange ? { onFilesChange } : {})}
    />
  );
}
