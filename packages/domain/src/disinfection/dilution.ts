/**
 * Diluting sodium hypochlorite (次亜塩素酸ナトリウム) for disinfection.
 *
 * Source: 高齢者介護施設における感染対策マニュアル 改訂版 (2019) 付録5 ⑤「消毒液の希釈方法」and ⑥「市販の漂白剤を用いた時の
 * 調製法」(p.86–90), facility-surveillance.md §8. The volume of stock is the target concentration times the total wanted
 * divided by the stock's concentration; the rest is water: 「6%溶液を 10ml とり、水を 590ml 加えると、0.1%液 600ml が
 * 得られる」.
 */

/** 「ペットボトル（のキャップ）1 杯約 5ml」(付録5⑥). */
export const PET_BOTTLE_CAP_ML = 5;
/** 「漂白剤のキャップ 1 杯約 20~25ml」(付録5⑥). */
export const BLEACH_CAP_ML = { min: 20, max: 25 } as const;

/** Stock products named by the manual: 「市販の次亜塩素酸ナトリウム製品の濃度には、10%・6%・1%等があります」and household bleach 「約 5%」. */
export const STOCK_PRESETS = [
  { id: "stock6", percent: 6 },
  { id: "bleach5", percent: 5 },
  { id: "stock1", percent: 1 },
  { id: "stock10", percent: 10 },
] as const;

/** The highest stock concentration accepted (commercial products are 12% at most). */
export const MAX_STOCK_PERCENT = 12;
/** The largest batch the calculator makes (a 20 L bucket). */
export const MAX_TOTAL_ML = 20_000;
/** Smallest measurable amount shown (0.01 ml, as the manual's 0.02 ml). */
const ML_DECIMALS = 100;

export type DilutionRequest = {
  /** Concentration wanted, in percent (0.1 = 1000 ppm). */
  targetPercent: number;
  /** Concentration of the stock, in percent (household bleach ≈ 5). */
  stockPercent: number;
  /** Total volume of diluted solution wanted, in ml. */
  totalMl: number;
};

export type DilutionErrorCode =
  | "not_a_number"
  | "not_positive"
  | "stock_too_strong"
  | "total_too_large"
  | "target_not_below_stock"
  | "too_small_to_measure";

export type DilutionResult =
  | {
      ok: true;
      /** ml of stock to measure. */
      stockMl: number;
      /** ml of water to add. */
      waterMl: number;
      totalMl: number;
      /** How many times the stock is diluted (希釈倍率): 50 for 0.1% from 5%. */
      dilutionFactor: number;
      targetPpm: number;
      /** The stock in PET-bottle caps (≈ 5 ml), to the nearest half cap. */
      petBottleCaps: number;
      /** The stock in bleach caps (≈ 20–25 ml): `max` counts 20 ml a cap, as the manual's table does, `min` 25 ml. */
      bleachCaps: { min: number; max: number };
    }
  | { ok: false; field: keyof DilutionRequest; code: DilutionErrorCode };

const roundMl = (ml: number) => Math.round(ml * ML_DECIMALS) / ML_DECIMALS;
const roundHalf = (n: number) => Math.round(n * 2) / 2;
const roundTenth = (n: number) => Math.round(n * 10) / 10;

/**
 * How much stock and water make a dilute sodium hypochlorite solution, with the stock in the caps people measure with.
 *
 * Concentrations are turned into parts per million first (0.1% = 1000 ppm), so that 0.1 × 600 ÷ 6 is exactly 10 and
 * not 10.000000000000002. Refused with the field and a code: a value that is not a positive number, a stock above 12%,
 * a total above 20 L, a target not weaker than the stock, or an amount of stock below 0.01 ml.
 *
 * @example diluteHypochlorite({ targetPercent: 0.1, stockPercent: 5, totalMl: 500 })
 * // { ok: true, stockMl: 10, waterMl: 490, dilutionFactor: 50, petBottleCaps: 2, … } — 付録5⑥: 「ペットボトルのキャップ 2 杯」
 * @example diluteHypochlorite({ targetPercent: 0.1, stockPercent: 6, totalMl: 600 }) // stockMl 10, waterMl 590 (付録5⑤ 例1)
 */
export function diluteHypochlorite(request: DilutionRequest): DilutionResult {
  for (const field of ["targetPercent", "stockPercent", "totalMl"] as const) {
    const value = request[field];
    if (typeof value !== "number" || !Number.isFinite(value))
      return { ok: false, field, code: "not_a_number" };
    if (value <= 0) return { ok: false, field, code: "not_positive" };
  }
  if (request.stockPercent > MAX_STOCK_PERCENT)
    return { ok: false, field: "stockPercent", code: "stock_too_strong" };
  if (request.totalMl > MAX_TOTAL_ML) return { ok: false, field: "totalMl", code: "total_too_large" };
  const targetPpm = Math.round(request.targetPercent * 10_000);
  const stockPpm = Math.round(request.stockPercent * 10_000);
  if (targetPpm >= stockPpm) return { ok: false, field: "targetPercent", code: "target_not_below_stock" };
  const stockMl = roundMl((request.totalMl * targetPpm) / stockPpm);
  if (stockMl <= 0) return { ok: false, field: "totalMl", code: "too_small_to_measure" };
  return {
    ok: true,
    stockMl,
    waterMl: roundMl(request.totalMl - stockMl),
    totalMl: request.totalMl,
    dilutionFactor: roundTenth(stockPpm / targetPpm),
    targetPpm,
    petBottleCaps: roundHalf(stockMl / PET_BOTTLE_CAP_ML),
    bleachCaps: { min: roundHalf(stockMl / BLEACH_CAP_ML.max), max: roundHalf(stockMl / BLEACH_CAP_ML.min) },
  };
}
