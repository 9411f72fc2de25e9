/** The time zone this device is set to (what an engagement without one uses). */
export const DEVICE_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every IANA zone this runtime knows, in order; `current` is kept even when this runtime does not list it (it came by sync). */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return current !== '' && !zones.includes(current) ? [current, ...zones] : zones;
}
