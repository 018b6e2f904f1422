import type { NotifiableAssessment } from "./assess.ts";
import type { DeadlineKind, NotifiableCategory, SentinelKind } from "./table.ts";

type Lang = "ja" | "en";

const CATEGORY: Record<NotifiableCategory, { ja: string; en: string }> = {
  "1": { ja: "1類感染症", en: "category 1" },
  "2": { ja: "2類感染症", en: "category 2" },
  "3": { ja: "3類感染症", en: "category 3" },
  "4": { ja: "4類感染症", en: "category 4" },
  "5": { ja: "5類感染症", en: "category 5" },
  new_influenza: { ja: "新型インフルエンザ等感染症", en: "new-type influenza and similar" },
  designated: { ja: "指定感染症", en: "designated infectious disease" },
  food: { ja: "食中毒", en: "food poisoning" },
};

const DEADLINE: Record<DeadlineKind, { ja: string; en: string }> = {
  immediate: { ja: "診断後直ちに", en: "immediately on diagnosis" },
  within_7_days: { ja: "診断後7日以内", en: "within 7 days of diagnosis" },
  next_monday: { ja: "次の月曜日まで", en: "by the following Monday" },
  first_of_next_month: { ja: "翌月初日まで", en: "by the first day of the next month" },
};

const SENTINEL: Record<SentinelKind, { ja: string; en: string }> = {
  pediatric: { ja: "小児科定点", en: "paediatric sentinel" },
  influenza: { ja: "インフルエンザ定点", en: "influenza sentinel" },
  influenza_covid: { ja: "インフルエンザ／COVID-19定点", en: "influenza/COVID-19 sentinel" },
  ophthalmology: { ja: "眼科定点", en: "ophthalmology sentinel" },
  basic: { ja: "基幹定点", en: "hospital (基幹) sentinel" },
  std: { ja: "性感染症定点", en: "STI sentinel" },
  ari: { ja: "急性呼吸器感染症定点", en: "ARI sentinel" },
};

/** The category in words. @example categoryText("5", "ja") // "5類感染症" */
export function categoryText(category: NotifiableCategory, lang: Lang): string {
  return CATEGORY[category][lang];
}

/** The deadline in words. @example deadlineText("within_7_days", "ja") // "診断後7日以内" */
export function deadlineText(deadline: DeadlineKind, lang: Lang): string {
  return DEADLINE[deadline][lang];
}

/** The deadline as an adverb before 「届け出ます」. @example deadlineAdverb("within_7_days", "ja") // "診断後7日以内に" */
export function deadlineAdverb(deadline: DeadlineKind, lang: Lang): string {
  if (lang === "en") return DEADLINE[deadline].en;
  return deadline === "immediate" ? DEADLINE[deadline].ja : `${DEADLINE[deadline].ja}に`;
}

/**
 * One sentence a physician or nurse reads: under which law and category, who notifies whom, and by when.
 *
 * @example notifiableSummary(assessNotifiable("cre", "2026-12-01"), "ja")
 * // "感染症法 5類感染症（全数把握）: 診断した医師が診断後7日以内に保健所へ届け出ます。"
 */
export function notifiableSummary(assessment: NotifiableAssessment, lang: Lang): string {
  if (!assessment.notifiable) {
    return lang === "ja"
      ? "感染症法・食品衛生法による届出の対象ではありません。"
      : "Not notifiable under the Infectious Diseases Control Law or the Food Sanitation Act.";
  }
  const deadline = deadlineAdverb(assessment.deadline, lang);
  if (assessment.law === "food_sanitation_act") {
    return lang === "ja"
      ? `食品衛生法: 診断した医師が${deadline}最寄りの保健所へ届け出ます（疑いの段階でも届出）。`
      : `Food Sanitation Act: the diagnosing physician notifies the nearest health centre ${deadline} (suspected cases too).`;
  }
  const category = CATEGORY[assessment.category][lang];
  if (!assessment.everyPhysician) {
    const who = (assessment.sentinel ?? [])
      .map((kind) => SENTINEL[kind][lang])
      .join(lang === "ja" ? "・" : ", ");
    return lang === "ja"
      ? `感染症法 ${category}（定点把握）: 指定された${who}医療機関だけが${deadline}届け出ます。それ以外の医師の届出は不要です。`
      : `Infectious Diseases Control Law, ${category} (sentinel): only designated ${who} institutions notify, ${deadline}. Other physicians do not notify.`;
  }
  return lang === "ja"
    ? `感染症法 ${category}（全数把握）: 診断した医師が${deadline}保健所へ届け出ます。`
    : `Infectious Diseases Control Law, ${category} (all cases): the diagnosing physician notifies the health centre ${deadline}.`;
}
