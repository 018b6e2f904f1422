import {
  BUILT_IN_PROFILE_IDS,
  BUILT_IN_PROFILES,
  type CriteriaSet,
  criteriaFor,
  GROUP_TEXT,
  isSyndromeGroup,
  quietDaysFor,
  type RuleProfile,
  SYMPTOM_LABELS,
} from "@mamori/domain/surveillance";
import type { TFunction } from "i18next";
import { diseaseLabel } from "../../alerts/alert-labels.ts";
import type { Lang } from "../../lib/labels.ts";

// A rule profile in plain words: per group, when a report is due (criteria A and B), and when an outbreak may be
// declared over; plus the 24-hour cluster rule. Loaded only by the rule profile page, since the profiles bring their
// schema with them.

export interface ProfileRow {
  key: string;
  subject: string;
  criterionA: string;
  criterionB: string;
  end: string;
}

export interface ProfileDescription {
  id: string;
  name: string;
  description: string | null;
  rows: ProfileRow[];
  cluster: string;
}

function fractionText(t: TFunction<"alerts">, fraction: number): string {
  if (fraction === 0.5) return t("profiles.half");
  if (fraction === 0.2) return t("profiles.fifth");
  return t("profiles.fraction", { percent: Math.round(fraction * 1000) / 10 });
}

function criteriaText(t: TFunction<"alerts">, criteria: CriteriaSet, lang: Lang) {
  const join = lang === "ja" ? "・" : " or ";
  const criterionA = criteria.A.anyOf
    .map((rule) =>
      t("profiles.aRule", {
        days: rule.windowDays,
        count: rule.minPersons,
        outcomes: rule.outcomes.map((kind) => t(`cases.outcome_${kind}`)).join(join),
      }),
    )
    .join(t("profiles.bOr"));
  const b = criteria.B;
  const parts = [
    ...(b.minPersons !== null
      ? [
          b.counting === "outbreak"
            ? t("profiles.bOutbreakPersons", { count: b.minPersons })
            : t("profiles.bPersons", { days: b.windowDays, count: b.minPersons }),
        ]
      : []),
    ...(b.usersFraction !== null
      ? [t("profiles.bUsers", { fraction: fractionText(t, b.usersFraction) })]
      : []),
  ];
  const notes = [
    b.counting === "window" && b.resolvedCasesDropOut ? t("profiles.bDropOut") : t("profiles.bKeep"),
    ...(b.staffCountTowardsPersons ? [] : [t("profiles.bNoStaff")]),
  ];
  const criterionB =
    lang === "ja"
      ? `${parts.join(t("profiles.bOr"))}（${notes.join("、")}）`
      : `${parts.join(t("profiles.bOr"))} (${notes.join(", ")})`;
  return { criterionA, criterionB };
}

/**
 * One profile described: every facility group, each disease the profile sets apart, and the other diseases.
 *
 * @example describeProfile(t, BUILT_IN_PROFILES["mhlw-2005"], "ja").rows[0]
 * // { key: "GI", subject: "嘔吐・下痢", criterionA: "7日間に死亡・重症・入院の人が2人以上", … }
 */
export function describeProfile(
  t: TFunction<"alerts">,
  profile: RuleProfile,
  lang: Lang,
): ProfileDescription {
  const diseases = Object.keys(profile.criteria.overrides).filter((key) => !isSyndromeGroup(key));
  const subjects: { key: string; subject: string }[] = [
    ...profile.facilityGroups.map((group) => ({ key: group, subject: GROUP_TEXT[group].name[lang] })),
    ...diseases.map((disease) => ({ key: disease, subject: diseaseLabel(t, disease, lang) })),
    { key: "", subject: t("profiles.anyGroup") },
  ];
  const rows = subjects.map(({ key, subject }) => ({
    key: key === "" ? "other" : key,
    subject,
    ...criteriaText(t, criteriaFor(profile, key), lang),
    end: t("profiles.endRule", { days: quietDaysFor(profile, key) }),
  }));
  const cluster = t("profiles.clusterRule", {
    hours: profile.noroCluster.windowHours,
    count: profile.noroCluster.minPersons,
    symptoms: profile.noroCluster.symptoms
      .map((code) => SYMPTOM_LABELS[code][lang])
      .join(lang === "ja" ? "・" : " or "),
  });
  return {
    id: profile.id,
    name: profile.name[lang],
    description: profile.description?.[lang] ?? null,
    rows,
    cluster,
  };
}

/** The shipped profiles, national default first, described in the user's language. */
export function describeBuiltInProfiles(t: TFunction<"alerts">, lang: Lang): ProfileDescription[] {
  return BUILT_IN_PROFILE_IDS.flatMap((id) => {
    const profile = BUILT_IN_PROFILES[id];
    return profile ? [describeProfile(t, profile, lang)] : [];
  });
}
