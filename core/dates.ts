/**
 * Whether YYYY-MM-DD text names a day that exists. Date would quietly roll 2026-02-30 over to
 * March, so the parsed day must print back as the same text.
 */
export function isRealDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}
