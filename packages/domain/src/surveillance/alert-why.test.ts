import { describe, expect, it } from "vitest";
import { ALERT_TEXT, GROUP_TEXT, OUTCOME_TEXT, STAFF_ABSENCE_TEXT } from "./alert-text.ts";
import { renderAlertWhy, sourceText } from "./alert-why.ts";
import { ALERT_CODES, type Alert } from "./alerts.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { ObservationInput } from "./inputs.ts";
import { addIsoDays } from "./local-day.ts";
import { SYNDROME_GROUPS } from "./syndrome-groups.ts";
import { residents, scenario, seen, tokyo } from "./test-scenario.ts";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("display text", () => {
  it("has a Japanese and an English title and advice for every alert code, group and outcome", () => {
    for (const code of ALERT_CODES) {
      const text = ALERT_TEXT[code];
      expect(text.title.ja, code).toMatch(JAPANESE);
      expect(text.advice.ja, code).toMatch(JAPANESE);
      expect(text.title.en, code).toMatch(/^[\x20-\x7e]+$/);
      expect(text.advice.en.length, code).toBeGreaterThan(20);
    }
    for (const group of SYNDROME_GROUPS) {
      expect(GROUP_TEXT[group].name.ja).toMatch(JAPANESE);
      expect(GROUP_TEXT[group].name.en.length).toBeGreaterThan(2);
    }
    expect(OUTCOME_TEXT.death).toEqual({ ja: "死亡", en: "died" });
  });

  // seeds/002_091590dabd09ea3f.txt, p.48 (4.3)(1) 施設長の対応): 「迅速に、市町村等の高齢者施設主管部局に報告します。あわせて、保健所にも報告し
  // 対応の指示を求めます」 and c. 報告の書式: 「各市町村指定の報告書用紙書式にしたがってください」 — promptly, on the
  // municipality's form; the manual asks for no telephone call first.
  it("tells the director to report promptly on the municipality's form, not to telephone first", () => {
    for (const code of ["REPORT_CRITERION_A", "REPORT_CRITERION_B"] as const) {
      const { ja, en } = ALERT_TEXT[code].advice;
      expect(ja).toContain("迅速に報告");
      expect(ja).toContain("市町村が指定する報告書の様式");
      expect(ja).toContain("保健所にも報告し、指示を求めます");
      expect(ja).not.toContain("電話");
      expect(en).toContain("promptly");
      expect(en).toContain("report form the municipality sets");
      expect(en).not.toMatch(/phone/i);
    }
  });

  // seeds/002_091590dabd09ea3f.txt, §5 1)(1) エ (p.50–52): 「職員が感染した場合の休業期間を施設で決めておきます。現在、学校保健安全法…では、
  // 「発症した後 5 日を経過し、かつ、解熱した後 2 日を経過するまで」をインフルエンザによる出席停止期間としています」 — the
  // facility decides; the school rule is a reference, not the staff rule.
  it("presents the influenza 5 + 2 days as the school rule the facility may take as a reference", () => {
    const { ja, en } = STAFF_ABSENCE_TEXT.influenza;
    expect(ja.indexOf("施設で決めておきます")).toBeLessThan(ja.indexOf("参考"));
    expect(ja).toContain("学校保健安全法");
    expect(ja).toContain("「発症した後5日を経過し、かつ、解熱した後2日を経過するまで」");
    expect(en).toMatch(/^The facility decides/);
    expect(en).toContain("For reference, the School Health and Safety Act");
    expect(en).toContain("5 days have passed since it began and 2 days since the fever went down");
  });

  it("writes page ranges the way the manual is cited", () => {
    expect(sourceText({ pages: [33, 34], section: "" }, "en")).toBe("(manual p.33–34)");
    expect(sourceText({ pages: [69, 48], section: "" }, "ja")).toBe("（マニュアル p.48, p.69）");
  });
});

describe("renderAlertWhy", () => {
  // One facility that raises every code the engine produces on 2026-01-20.
  const day = "2026-01-20";
  const observations: ObservationInput[] = [
    seen("r01", tokyo(day, "08:00"), ["vomiting", "urine_abnormal", "bloody_stool", "abdominal_pain"], 38.4),
    seen("r02", tokyo(day, "10:15"), ["watery_stool", "itch", "rash"], 37.6),
    seen("r03", tokyo(day, "09:00"), ["cough", "diarrhea"], 38.6),
    ...Array.from({ length: 13 }, (_, i) => seen("r04", tokyo(addIsoDays(day, -i - 1)), ["cough"])),
    seen("r04", tokyo(day), ["cough"]),
  ];
  const result = evaluateFacility(
    scenario({
      people: residents(6).map((person) =>
        person.id === "r02" ? { ...person, baselineTempC: 36.8 } : person,
      ),
      observations,
      cases: [
        {
          personId: "r05",
          disease: "norovirus",
          status: "confirmed",
          onsetDate: "2026-01-02",
          outcomes: [{ kind: "death", date: "2026-01-15" }],
        },
        {
          personId: "r06",
          disease: "norovirus",
          status: "confirmed",
          onsetDate: "2026-01-03",
          outcomes: [{ kind: "hospitalised", date: "2026-01-18" }],
        },
        { personId: "r04", disease: "tuberculosis", status: "suspected", onsetDate: "2026-01-03" },
      ],
      antibiotics: [{ personId: "r01", start: "2026-01-01", end: "2026-01-05", drug: "LVFX" }],
      bathUse: [{ personId: "r03", date: "2026-01-14" }],
      episodes: [{ subject: { disease: "tuberculosis" }, openedDate: "2026-01-04" }],
      asOf: tokyo(day, "20:00"),
      lookbackDays: 1,
    }),
  );
  const byCode = new Map<string, Alert>();
  for (const alert of result.alerts) if (!byCode.has(alert.code)) byCode.set(alert.code, alert);

  it("the fixture raises every code but ABOVE_USUAL (history too short)", () => {
    // NOTIFY_DEADLINE comes from the suspected tuberculosis case: 2類, notified at once, suspected cases too (付録2 表A2
    // 「診断後直ちに届出（全数）」, manual p.78–80).
    expect([...byCode.keys()].sort()).toEqual(ALERT_CODES.filter((code) => code !== "ABOVE_USUAL").sort());
  });

  const expectations: Record<string, { ja: string[]; en: string[] }> = {
    FEVER: {
      ja: ["r01：1月20日(火) 08:00に38.4 °C", "38.0 °C以上", "平熱36.2 °C", "p.33–34"],
      en: ["38.4 °C on 20 Jan at 08:00", "(manual p.33–34)"],
    },
    LOW_GRADE_FEVER: { ja: ["r02", "37.6 °C", "微熱"], en: ["37.6 °C", "37.5 °C up to 38.0 °C"] },
    REPORT_TO_NURSE: { ja: ["看護職員か医師", "p.33"], en: ["reported to the nurse"] },
    CDI_CONSIDER: { ja: ["30日以内に抗菌薬", "LVFX 1月1日(木)–1月5日(月)"], en: ["last 30 days"] },
    NOROVIRUS_CONSIDER: { ja: ["1月", "11・12・1・2・3月"], en: ["month 1"] },
    EHEC_URGENT: {
      ja: ["r01：1月20日(火)に腹痛と血便（08:00。基準：腹痛に血便、または1日2回以上記録された水様便）"],
      en: ["abdominal pain with bloody stool on 20 Jan", "p.34, p.59"],
    },
    TB_CONSIDER: {
      ja: ["14日間", "1月7日(水)〜1月20日(火)", "14日続く"],
      en: ["all 14 recorded days", "p.35, p.60"],
    },
    SCABIES_CONSIDER: { ja: ["発疹・掻痒感"], en: ["Rash, Itch"] },
    LEGIONELLA_CONSIDER: {
      ja: ["1月14日(水)", "10日以内"],
      en: ["shared bath on 14 Jan", "within 10 days"],
    },
    UTI_CONSIDER: { ja: ["尿の臭い・混濁", "38.4 °C"], en: ["Smelly or cloudy urine"] },
    NORO_CLUSTER_24H: {
      ja: ["2人（r01、r02）", "24時間以内", "r01 1月20日(火) 08:00", "マニュアル p.54"],
      en: ["2 people (r01, r02)", "within 24 hours", "(manual p.54)"],
    },
    REPORT_CRITERION_A: {
      ja: [
        "嘔吐・下痢：",
        "r05 死亡 1月15日(木)",
        "2人以上",
        "（1月14日(水)〜1月20日(火)：2人）",
        "p.48, p.69",
      ],
      en: ["r05 died 15 Jan", "2 or more died or seriously ill or hospitalised in 7 days"],
    },
    REPORT_CRITERION_B: {
      // The norovirus cases of 01-02 and 01-03 lie 17 days before the onsets of 01-20: a gap of 7 quiet days or more
      // ends an outbreak (manual p.56), so they belong to an earlier one.
      ja: [
        "嘔吐・下痢：今回の集団発生（1月20日(火)〜1月20日(火)。新しい発症のない日が7日続くまでを一つと数える）",
        "治った人も数える",
        "利用者3人／全6人（基準：50%以上＝3人）",
        "（r01、r02、r03）",
      ],
      en: [
        "current outbreak (20 Jan to 20 Jan; one outbreak until 7 days pass with no one new), recovered or not",
        "3 of 6 users (rule: 50% or more = 3)",
        "3 people (rule: 10 or more)",
      ],
    },
    NOTIFY_DEADLINE: {
      // No 受診・診断日 recorded: the onset of 1月3日 stands in; 直ちに → due that day, 17 days past on 1月20日.
      ja: [
        "r04：結核（感染症法 2類感染症）",
        "1月3日(土)診断（診断日の記録がないため発症日）",
        "診断後直ちに保健所へ",
        "期限を17日過ぎています",
        "p.48, p.78",
      ],
      en: ["Tuberculosis (Infectious Diseases Control Law, category 2)", "17 days past the deadline"],
    },
    OUTBREAK_END_ELIGIBLE: {
      ja: ["tuberculosis：最後に新しく発症したのは1月3日(土)", "17日間", "基準：7日", "宣言", "p.56"],
      en: ["17 days ago", "declared", "(manual p.56)"],
    },
  };

  it.each(Object.keys(expectations))("%s says who, when, the count against the rule and the page", (code) => {
    const alert = byCode.get(code)!;
    const ja = renderAlertWhy(alert, "ja");
    const en = renderAlertWhy(alert, "en");
    for (const part of expectations[code]!.ja) expect(ja).toContain(part);
    for (const part of expectations[code]!.en) expect(en).toContain(part);
    expect(ja).toMatch(/（マニュアル p\.\d+/);
    expect(en).toMatch(/\(manual p\.\d+/);
  });

  it("uses the names it is given", () => {
    const names: Record<string, string> = { r01: "山田 花子", r02: "佐藤 一郎" };
    const why = renderAlertWhy(byCode.get("NORO_CLUSTER_24H")!, "ja", {
      personName: (id) => names[id] ?? id,
    });
    expect(why).toContain("2人（山田 花子、佐藤 一郎）");
  });
});
