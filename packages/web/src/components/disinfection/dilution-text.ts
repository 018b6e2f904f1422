/**
 * Amounts as people read them off a measuring cup or a cap: 「10」「0.02」「5,980」 ml, and caps in halves
 * (「2杯」「半杯」「1杯半」; English "2", "½", "1½").
 */
export function formatMl(ml: number, lang: string): string {
  return ml.toLocaleString(lang === "en" ? "en-GB" : "ja-JP", { maximumFractionDigits: 2 });
}

function capText(n: number, lang: string): string {
  const whole = Math.floor(n);
  const half = n - whole >= 0.5;
  if (lang === "en") return `${whole > 0 ? whole : ""}${half ? "½" : ""}` || "0";
  if (whole === 0) return half ? "半杯" : "0杯";
  return `${whole}杯${half ? "半" : ""}`;
}

/** Caps, or a range of caps when the cap size is a range: 「4〜5杯」. */
export function formatCaps(min: number, max: number, lang: string): string {
  if (min === max) return capText(min, lang);
  if (lang === "en") return `${capText(min, lang)}–${capText(max, lang)}`;
  return `${capText(min, lang).replace(/杯$/, "")}〜${capText(max, lang)}`;
}

/** A concentration in percent as the manual writes it: 0.1, 0.02, 0.5 (no float residue). */
export function formatPercent(percent: number): string {
  return String(Math.round(percent * 10_000) / 10_000);
}
