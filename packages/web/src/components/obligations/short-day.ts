const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A day as people here write it on a list: "12月2日(水)", with the year only when it is not the year of `today`
 * ("2025年12月2日(火)"); in English "Wed 2 Dec".
 */
export function shortDay(day: string, lang: string, today?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const sameYear = today === undefined || today.slice(0, 4) === match[1];
  if (lang === "en") return `${WEEKDAYS_EN[weekday]} ${d} ${MONTHS_EN[m - 1]}${sameYear ? "" : ` ${y}`}`;
  return `${sameYear ? "" : `${y}年`}${m}月${d}日(${WEEKDAYS_JA[weekday]})`;
}
