/** Parses a JSON array-of-strings column; the CHECK constraint guarantees valid JSON, not the shape. */
export function stringArray(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
