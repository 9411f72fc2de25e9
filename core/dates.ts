/**
 * Whether YYYY-MM-DD text names a day that exists. Date would quietly roll 2026-02-30 over to
 * March, so the parsed day must print back as the same text.
 */
export function isRealDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** Whether `name` is an IANA time zone this runtime knows (Asia/Shanghai, UTC); names are matched as Intl matches them. */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '' || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    // Throws a RangeError naming the zone when it is not an IANA time zone.
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    dayFormats.set(key, format);
  }
  return format;
}

/**
 * The one "today": the calendar day (YYYY-MM-DD) at `now` in `timeZone` — by default the time
 * zone of the machine this runs on, which is the user's (the backend, the browser host and the
 * renderer all run on the consultant's laptop). Due dates, review dates and the dates printed in
 * documents are such days; the UTC day (`toISOString().slice(0, 10)`) is yesterday's date from
 * 00:00 to 08:00 in China.
 */
export function localDay(now: Date = new Date(), timeZone?: string): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('localDay: the time is not a valid date.');
  const parts = dayFormat(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
