/** A fingerprint of the sources the app is built from (paths, sizes, modification times). */
export function sourceFingerprint(): string;
/** Runs `npm run build` unless the sources are unchanged since the last successful build. */
export function buildIfChanged(options?: { quiet?: boolean }): 'built' | 'up to date';
