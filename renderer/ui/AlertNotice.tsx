/** A failure said where it happened (role=alert, so screen readers hear it at once); nothing when there is none. */
export function AlertNotice({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p className="notice warn" role="alert">
      {message}
    </p>
  );
}
