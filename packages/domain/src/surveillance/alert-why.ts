import { format } from "date-fns";
import { ja as jaLocale } from "date-fns/locale/ja";
import { categoryText, deadlineAdverb, deadlineText } from "../notifiable/text.ts";
import { ALERT_TEXT, GROUP_TEXT, type Language, OUTCOME_TEXT } from "./alert-text.ts";
import type { Alert } from "./alerts.ts";
import { DISEASE_LABELS, type GroupedDisease } from "./diseases.ts";
import type { FacilitySubject } from "./inputs.ts";
import type { RuleSource } from "./rule-sources.ts";
import { SYMPTOM_LABELS, type SymptomCode } from "./symptoms.ts";

/**
 * The "why" of an alert as one or two sentences a care worker can read: who, when, the count against the threshold,
 * the rule and the manual page it comes from. Built only from the alert's evidence, so a screen, a report and the CLI
 * say the same thing.
 */
export type WhyOptions = {
  /** Name to show for a person id (default: the id). */
  personName?: (personId: string) => string;
};

/**
 * Renders the reason for an alert in Japanese or English.
 *
 * @example
 * renderAlertWhy(noroAlert, "en")
 * // "On 2026-01-10, 2 people (r01, r07) newly started vomiting or watery stool within 24 hours of each other
 * //  (r01 08:30, r07 20:30). Rule: 2 or more people within 24 hours (manual p.54)."
 */
export function renderAlertWhy(alert: Alert, language: Language, options: WhyOptions = {}): string {
  const ja = language === "ja";
  const name = (id: string) => options.personName?.(id) ?? id;
  const names = (ids: readonly string[]) => ids.map(name).join(ja ? "、" : ", ");
  const symptoms = (codes: readonly SymptomCode[]) =>
    codes.map((code) => SYMPTOM_LABELS[code][language]).join(ja ? "・" : ", ");
  const source = sourceText(alert.evidence.source, language);
  const day = alert.day;
  const when = (isoDay: string) => dayText(isoDay, language);
  const subjectName =
    "personId" in alert.subject ? name(alert.subject.personId) : facilityName(alert.subject, language);

  switch (alert.code) {
    case "FEVER": {
      const e = alert.evidence;
      const temp = e.maxTempC === null ? (ja ? "発熱の記録" : "fever recorded") : `${fmt(e.maxTempC)} °C`;
      const usual =
        e.baselineTempC === null
          ? ""
          : ja
            ? `、または平熱${fmt(e.baselineTempC)} °Cより${fmt(e.riseOverUsualC)} °C以上高い`
            : `, or ${fmt(e.riseOverUsualC)} °C above the usual ${fmt(e.baselineTempC)} °C`;
      return ja
        ? `${subjectName}：${when(day)} ${time(e.at)}に${temp}（基準：${fmt(e.thresholdC)} °C以上${usual}）。${source}`
        : `${subjectName}: ${temp} on ${when(day)} at ${time(e.at)} (rule: ${fmt(e.thresholdC)} °C or more${usual}). ${source}`;
    }
    case "LOW_GRADE_FEVER": {
      const e = alert.evidence;
      const temp = e.maxTempC === null ? "" : `${fmt(e.maxTempC)} °C`;
      return ja
        ? `${subjectName}：${when(day)} ${time(e.at)}に${temp}（微熱：${fmt(e.fromC)} °C以上${fmt(e.belowC)} °C未満）。${source}`
        : `${subjectName}: ${temp} on ${when(day)} at ${time(e.at)} (slight fever: ${fmt(e.fromC)} °C up to ${fmt(e.belowC)} °C). ${source}`;
    }
    case "REPORT_TO_NURSE": {
      const e = alert.evidence;
      return ja
        ? `${subjectName}：${when(day)} ${time(e.at)}に${symptoms(e.symptoms)}。これらの症状はすぐに看護職員か医師へ報告します。${source}`
        : `${subjectName}: ${symptoms(e.symptoms)} on ${when(day)} at ${time(e.at)}. These symptoms are reported to the nurse or doctor at once. ${source}`;
    }
    case "CDI_CONSIDER": {
      const e = alert.evidence;
      const courses = e.antibiotics
        .map(
          (course) =>
            `${course.drug ? `${course.drug} ` : ""}${when(course.start)}–${course.end ? when(course.end) : ja ? "継続中" : "ongoing"}`,
        )
        .join(ja ? "、" : "; ");
      return ja
        ? `${subjectName}：${when(day)}に${symptoms(e.symptoms)}。${e.lookbackDays}日以内に抗菌薬を使用（${courses}）。${source}`
        : `${subjectName}: ${symptoms(e.symptoms)} on ${when(day)}, with antibiotics in the last ${e.lookbackDays} days (${courses}). ${source}`;
    }
    case "NOROVIRUS_CONSIDER": {
      const e = alert.evidence;
      const months = e.months.join(ja ? "・" : ", ");
      return ja
        ? `${subjectName}：${when(day)}に${symptoms(e.symptoms)}（${e.month}月。ノロウイルスを疑う月：${months}月）。${source}`
        : `${subjectName}: ${symptoms(e.symptoms)} on ${when(day)} (month ${e.month}; norovirus months: ${months}). ${source}`;
    }
    case "EHEC_URGENT": {
      const e = alert.evidence;
      const times = e.wateryStoolTimes.map(time).join(ja ? "、" : ", ");
      const found = [
        ...(e.bloodyStool ? [ja ? "血便" : "bloody stool"] : []),
        ...(e.wateryStoolTimes.length > 0
          ? [
              ja
                ? `水様便${e.wateryStoolTimes.length}回（${times}）`
                : `watery stool recorded ${e.wateryStoolTimes.length} times (${times})`,
            ]
          : []),
      ];
      return ja
        ? `${subjectName}：${when(day)}に腹痛と${found.join("・")}（${time(e.at)}。基準：腹痛に血便、または1日${e.frequentWateryStoolFrom}回以上記録された水様便）。${source}`
        : `${subjectName}: abdominal pain with ${found.join(" and ")} on ${when(day)} (${time(e.at)}; rule: pain with bloody stool, or with watery stool recorded ${e.frequentWateryStoolFrom} or more times in the day). ${source}`;
    }
    case "TB_CONSIDER": {
      const e = alert.evidence;
      const first = e.coughDays[0] ?? day;
      return ja
        ? `${subjectName}：記録のある${e.coughDays.length}日間（${when(first)}〜${when(day)}）すべてで咳（基準：${e.requiredDays}日続く）。${source}`
        : `${subjectName}: cough on all ${e.coughDays.length} recorded days from ${when(first)} to ${when(day)} (rule: ${e.requiredDays} days in a row). ${source}`;
    }
    case "SCABIES_CONSIDER": {
      const e = alert.evidence;
      return ja
        ? `${subjectName}：${when(day)}に${symptoms(e.symptoms)}が同じ日に。${source}`
        : `${subjectName}: ${symptoms(e.symptoms)} on the same day, ${when(day)}. ${source}`;
    }
    case "LEGIONELLA_CONSIDER": {
      const e = alert.evidence;
      const baths = e.bathDates.map(when).join(ja ? "、" : ", ");
      return ja
        ? `${subjectName}：${when(day)}に${symptoms(e.symptoms)}。共同浴場の利用：${baths}（基準：入浴後${e.withinDays}日以内）。${source}`
        : `${subjectName}: ${symptoms(e.symptoms)} on ${when(day)}; used the shared bath on ${baths} (rule: within ${e.withinDays} days after bathing). ${source}`;
    }
    case "UTI_CONSIDER": {
      const e = alert.evidence;
      const temp = e.maxTempC === null ? "" : ja ? `（${fmt(e.maxTempC)} °C）` : ` (${fmt(e.maxTempC)} °C)`;
      return ja
        ? `${subjectName}：${when(day)}に${symptoms(e.symptoms)}${temp}。${source}`
        : `${subjectName}: ${symptoms(e.symptoms)}${temp} on ${when(day)}. ${source}`;
    }
    case "NORO_CLUSTER_24H": {
      const e = alert.evidence;
      const times = e.onsets.map(
        (onset) => `${name(onset.personId)} ${when(onset.at.slice(0, 10))} ${time(onset.at)}`,
      );
      return ja
        ? `${when(day)}：${e.count}人（${names(e.personIds)}）が${e.windowHours}時間以内に${symptoms(e.symptoms)}を新たに発症（${times.join("、")}）。基準：${e.windowHours}時間以内に${e.threshold}人以上。${source}`
        : `On ${when(day)}, ${e.count} people (${names(e.personIds)}) newly started ${e.symptoms.map((code) => SYMPTOM_LABELS[code].en.toLowerCase()).join(" or ")} within ${e.windowHours} hours of each other (${times.join("; ")}). Rule: ${e.threshold} or more people within ${e.windowHours} hours. ${source}`;
    }
    case "REPORT_CRITERION_A": {
      const e = alert.evidence;
      const outcomes = e.outcomes
        .map(
          (outcome) =>
            `${name(outcome.personId)} ${OUTCOME_TEXT[outcome.kind][language]} ${when(outcome.date)}`,
        )
        .join(ja ? "、" : "; ");
      const met = e.conditions.filter((condition) => condition.met);
      const rules = met
        .map((condition) =>
          ja
            ? `${condition.windowDays}日間に${condition.outcomes.map((kind) => OUTCOME_TEXT[kind].ja).join("・")}が${condition.threshold}人以上（${when(condition.window.from)}〜${when(condition.window.to)}：${condition.count}人）`
            : `${condition.threshold} or more ${condition.outcomes.map((kind) => OUTCOME_TEXT[kind].en).join(" or ")} in ${condition.windowDays} days (${when(condition.window.from)} to ${when(condition.window.to)}: ${condition.count})`,
        )
        .join(ja ? "、" : "; ");
      return ja
        ? `${subjectName}：${outcomes}。基準：${rules}。${source}`
        : `${subjectName}: ${outcomes}. Rule: ${rules}. ${source}`;
    }
    case "REPORT_CRITERION_B": {
      const e = alert.evidence;
      const parts: string[] = [];
      if (e.threshold !== null) {
        parts.push(
          ja
            ? `${e.count}人（基準：${e.threshold}人以上）`
            : `${e.count} people (rule: ${e.threshold} or more)`,
        );
      }
      if (e.users) {
        const percent = Math.round(e.users.fraction * 1000) / 10;
        parts.push(
          ja
            ? `利用者${e.users.count}人／全${e.users.total}人（基準：${percent}%以上＝${e.users.threshold}人）`
            : `${e.users.count} of ${e.users.total} users (rule: ${percent}% or more = ${e.users.threshold})`,
        );
      }
      if (e.counting === "outbreak" && e.outbreak) {
        const quiet = e.outbreak.quietDays;
        return ja
          ? `${subjectName}：今回の集団発生（${when(e.window.from)}〜${when(e.window.to)}。新しい発症のない日が${quiet}日続くまでを一つと数える）で発症した人（治った人も数える）が${parts.join("、")}（${names(e.personIds)}）。${source}`
          : `${subjectName}: people who fell ill in the current outbreak (${when(e.window.from)} to ${when(e.window.to)}; one outbreak until ${quiet} days pass with no one new), recovered or not: ${parts.join("; ")} (${names(e.personIds)}). ${source}`;
      }
      const who = ja
        ? e.resolvedCasesDropOut
          ? "発症し、まだ治っていない人"
          : "発症した人"
        : e.resolvedCasesDropOut
          ? "people who fell ill and are not yet well"
          : "people who fell ill";
      return ja
        ? `${subjectName}：${when(e.window.from)}〜${when(e.window.to)}に${who}が${parts.join("、")}（${names(e.personIds)}）。${source}`
        : `${subjectName}: ${who} from ${when(e.window.from)} to ${when(e.window.to)}: ${parts.join("; ")} (${names(e.personIds)}). ${source}`;
    }
    case "ABOVE_USUAL": {
      const e = alert.evidence;
      const bound = fmt(Math.round(e.upperbound * 100) / 100);
      return ja
        ? `${subjectName}：${when(day)}の新たな発症者${e.count}人が、これまで${e.historyDays}日の記録から見た上限${bound}人を超えました（過去の記録と比べる統計の方法 EARS ${e.method} による）。${source}`
        : `${subjectName}: ${e.count} people fell ill on ${when(day)}, above the usual upper bound of ${bound} from ${e.historyDays} days of records (EARS ${e.method}, alpha ${e.alpha}). ${source}`;
    }
    case "OUTBREAK_END_ELIGIBLE": {
      const e = alert.evidence;
      const openedBy = e.openedBy.map((code) =>
        code === "DECLARED" ? (ja ? "宣言" : "declared") : ALERT_TEXT[code].title[language],
      );
      return ja
        ? `${subjectName}：最後に新しく発症したのは${when(e.lastOnset)}で、${e.daysWithoutNewOnset}日間新しい発症者がいません（基準：${e.requiredDays}日）。${when(e.openedOn)}に始まった集団発生（${openedBy.join("、")}）。${source}`
        : `${subjectName}: the last new case fell ill on ${when(e.lastOnset)}, ${e.daysWithoutNewOnset} days ago, with none since (rule: ${e.requiredDays} days). Outbreak opened on ${when(e.openedOn)} (${openedBy.join("; ")}). ${source}`;
    }
    case "NOTIFY_DEADLINE": {
      const e = alert.evidence;
      const category = categoryText(e.category, language);
      const basis =
        e.diagnosisBasis === "onset"
          ? ja
            ? "（診断日の記録がないため発症日）"
            : " (no diagnosis day recorded: the onset)"
          : "";
      const lawName =
        e.law === "food_sanitation_act"
          ? ja
            ? "食品衛生法"
            : "Food Sanitation Act"
          : ja
            ? `感染症法 ${category}`
            : `Infectious Diseases Control Law, ${category}`;
      const left = ja
        ? e.overdue
          ? `期限を${-e.daysLeft}日過ぎています`
          : e.daysLeft === 0
            ? "今日が期限です"
            : `あと${e.daysLeft}日`
        : e.overdue
          ? `${-e.daysLeft} days past the deadline`
          : e.daysLeft === 0
            ? "the deadline is today"
            : `${e.daysLeft} days left`;
      return ja
        ? `${subjectName}：${e.name.ja}（${lawName}）、${when(e.diagnosedDate)}診断${basis}。医師が${deadlineAdverb(e.deadline, "ja")}保健所へ届け出ます。期限 ${when(e.dueDate)}（${left}）。届出日を記録すると消えます。${source}`
        : `${subjectName}: ${e.name.en} (${lawName}), diagnosed on ${when(e.diagnosedDate)}${basis}. The physician notifies the health centre ${deadlineText(e.deadline, "en")}: due ${when(e.dueDate)} (${left}). Recording the notified date clears this. ${source}`;
    }
  }
}

function facilityName(subject: FacilitySubject, language: Language): string {
  if ("group" in subject) return GROUP_TEXT[subject.group].name[language];
  const label = Object.hasOwn(DISEASE_LABELS, subject.disease)
    ? DISEASE_LABELS[subject.disease as GroupedDisease][language]
    : subject.disease;
  return label;
}

/**
 * "manual p.33–34" / "マニュアル p.48, p.69".
 *
 * @example sourceText({ pages: [33, 34], section: "" }, "en") // "(manual p.33–34)"
 */
export function sourceText(source: RuleSource, language: Language): string {
  const pages = [...source.pages].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const start = pages[i]!;
    let end = start;
    while (i + 1 < pages.length && pages[i + 1] === end + 1) end = pages[++i]!;
    parts.push(end === start ? `p.${start}` : `p.${start}–${end}`);
  }
  return language === "ja" ? `（マニュアル ${parts.join(", ")}）` : `(manual ${parts.join(", ")})`;
}

function time(instant: string): string {
  return instant.slice(11, 16);
}

function fmt(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * A day as people write it: 11月20日(金) in Japanese, 20 Nov in English.
 *
 * @example dayText("2026-11-20", "ja") // "11月20日(金)"
 */
export function dayText(isoDay: string, language: Language): string {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return language === "ja" ? format(date, "M月d日(E)", { locale: jaLocale }) : format(date, "d MMM");
}
