/**
 * The time zones offered first on the facility settings page: Japan first, then neighbours where Japanese operators run
 * care facilities, and UTC. Any other IANA zone may be typed; the server accepts whatever `Intl` knows.
 */
export const OFFERED_TIME_ZONES = [
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Taipei",
  "Asia/Shanghai",
  "Asia/Manila",
  "Pacific/Guam",
  "UTC",
] as const;
export type OfferedTimeZone = (typeof OFFERED_TIME_ZONES)[number];

export const isOfferedTimeZone = (tz: string): tz is OfferedTimeZone =>
  (OFFERED_TIME_ZONES as readonly string[]).includes(tz);

/**
 * Whether `tz` is an IANA time zone this browser knows: the same test as the server's (facility/schema.ts), so what
 * passes here is accepted there.
 * @example isTimeZone("Asia/Tokyo") // true
 * @example isTimeZone("Tokyo") // false
 */
export function isTimeZone(tz: string): boolean {
  if (tz.trim() === "" || tz !== tz.trim()) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
