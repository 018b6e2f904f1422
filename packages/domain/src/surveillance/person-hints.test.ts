import { describe, expect, it } from "vitest";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { AntibioticCourseInput, BathUseInput, ObservationInput, PersonInput } from "./inputs.ts";
import { addIsoDays } from "./local-day.ts";
import { scenario, seen, tokyo } from "./test-scenario.ts";

// Person hints, facility-surveillance.md §5, from the manual's list of symptoms to report (p.33) and what to suspect
// (p.34–35 and the disease pages p.53–63).
const person: PersonInput = { id: "r01", kind: "resident", baselineTempC: 36.2 };
function hints(
  observations: ObservationInput[],
  extra: { antibiotics?: AntibioticCourseInput[]; bathUse?: BathUseInput[]; people?: PersonInput[] } = {},
  day = "2026-01-10",
): string[] {
  const result = evaluateFacility(
    scenario({
      people: extra.people ?? [person],
      observations,
      asOf: tokyo(day, "23:00"),
      lookbackDays: 1,
      ...extra,
    }),
  );
  return result.alerts.filter((alert) => "personId" in alert.subject).map((alert) => alert.code);
}
const at = (time = "09:00", day = "2026-01-10") => tokyo(day, time);

describe("FEVER and LOW_GRADE_FEVER (manual p.33–34, 付録4① p.83)", () => {
  const noBaseline: PersonInput[] = [{ id: "r01", kind: "resident" }];
  it("37.9 °C is a slight fever, 38.0 °C a fever", () => {
    expect(hints([seen("r01", at(), [], 37.9)], { people: noBaseline })).toEqual(["LOW_GRADE_FEVER"]);
    expect(hints([seen("r01", at(), [], 38.0)], { people: noBaseline })).toEqual([
      "FEVER",
      "REPORT_TO_NURSE",
    ]);
  });

  it("usual + 0.9 °C is not a fever, usual + 1.0 °C is (平熱より1℃以上, p.34)", () => {
    expect(hints([seen("r01", at(), [], 37.1)])).toEqual([]);
    expect(hints([seen("r01", at(), [], 37.2)])).toEqual(["FEVER", "REPORT_TO_NURSE"]);
  });

  it("37.4 °C is normal and 37.5 °C a slight fever (付録4①: 通常 37.5°C以上をいう)", () => {
    expect(hints([seen("r01", at(), [], 37.4)], { people: noBaseline })).toEqual([]);
    expect(hints([seen("r01", at(), [], 37.5)], { people: noBaseline })).toEqual(["LOW_GRADE_FEVER"]);
  });

  it("a fever at any reading of the day outranks a slight fever at another, and says when and how high", () => {
    const result = evaluateFacility(
      scenario({
        people: noBaseline,
        observations: [seen("r01", at("08:00"), [], 37.6), seen("r01", at("16:00"), [], 38.4)],
        asOf: at("23:00"),
        lookbackDays: 1,
      }),
    );
    expect(result.alerts.map((a) => a.code)).toEqual(["FEVER", "REPORT_TO_NURSE"]);
    expect(result.alerts[0]!.evidence).toMatchObject({
      at: "2026-01-10T16:00:00+09:00",
      maxTempC: 38.4,
      baselineTempC: null,
      thresholdC: 38,
      riseOverUsualC: 1,
    });
  });
});

describe("REPORT_TO_NURSE (manual p.33: report at once)", () => {
  it("holds for any symptom, and not for a quiet check", () => {
    expect(hints([seen("r01", at(), ["poor_intake"])])).toEqual(["REPORT_TO_NURSE"]);
    expect(hints([seen("r01", at(), [], 36.5)])).toEqual([]);
  });
});

describe("CDI_CONSIDER (manual p.34: 1ヶ月以内に抗菌薬の使用歴)", () => {
  const course = (end: string): AntibioticCourseInput => ({
    personId: "r01",
    start: addIsoDays(end, -5),
    end,
  });
  it("counts a course that ended 30 days before, not 31", () => {
    expect(hints([seen("r01", at(), ["diarrhea"])], { antibiotics: [course("2025-12-11")] })).toContain(
      "CDI_CONSIDER",
    );
    expect(hints([seen("r01", at(), ["diarrhea"])], { antibiotics: [course("2025-12-10")] })).not.toContain(
      "CDI_CONSIDER",
    );
  });
  it("holds for abdominal pain and for an ongoing course, not for a course starting later", () => {
    expect(
      hints([seen("r01", at(), ["abdominal_pain"])], {
        antibiotics: [{ personId: "r01", start: "2026-01-08" }],
      }),
    ).toContain("CDI_CONSIDER");
    expect(
      hints([seen("r01", at(), ["abdominal_pain"])], {
        antibiotics: [{ personId: "r01", start: "2026-01-11" }],
      }),
    ).not.toContain("CDI_CONSIDER");
  });
});

describe("NOROVIRUS_CONSIDER (manual p.34: 冬季に嘔吐や下痢)", () => {
  it("holds from November to March, not in October or April", () => {
    for (const [day, expected] of [
      ["2025-10-31", false],
      ["2025-11-01", true],
      ["2026-03-31", true],
      ["2026-04-01", false],
    ] as const) {
      const codes = hints([seen("r01", tokyo(day), ["vomiting"])], {}, day);
      expect(codes.includes("NOROVIRUS_CONSIDER"), day).toBe(expected);
    }
  });
});

// seeds/002_091590dabd09ea3f.txt, p.59 (腸管出血性大腸菌感染症 ウ. 発生時の対応): 「激しい腹痛を伴う頻回の水様便または血便がある場合には、病原菌の
// 検出の有無に係わらず、できるだけ早く医師の診察を受け」 — severe abdominal pain with frequent watery stool, or with bloody
// stool. Recorded data: abdominal pain as recorded; "frequent" = watery stool at 2 or more observation times of the day.
describe("EHEC_URGENT (manual p.59 「激しい腹痛を伴う頻回の水様便または血便」)", () => {
  const ehec = (observations: ObservationInput[]) =>
    evaluateFacility(
      scenario({ people: [person], observations, asOf: tokyo("2026-01-10", "23:00"), lookbackDays: 1 }),
    ).alerts.find((alert) => alert.code === "EHEC_URGENT");

  it("abdominal pain with bloody stool, even at different rounds; bloody stool alone is not enough", () => {
    expect(
      hints([seen("r01", at("08:00"), ["bloody_stool"]), seen("r01", at("15:00"), ["abdominal_pain"])]),
    ).toContain("EHEC_URGENT");
    expect(hints([seen("r01", at("08:00"), ["bloody_stool"])])).not.toContain("EHEC_URGENT");
  });

  it("abdominal pain with watery stool at 2 observation times is urgent; at 1 it is not", () => {
    const once = [seen("r01", at("08:00"), ["abdominal_pain", "watery_stool"])];
    expect(hints(once)).not.toContain("EHEC_URGENT");
    const twice = [...once, seen("r01", at("11:30"), ["watery_stool"])];
    expect(ehec(twice)).toMatchObject({
      day: "2026-01-10",
      evidence: {
        at: "2026-01-10T11:30:00+09:00",
        symptoms: ["watery_stool", "abdominal_pain"],
        bloodyStool: false,
        wateryStoolTimes: ["2026-01-10T08:00:00+09:00", "2026-01-10T11:30:00+09:00"],
        frequentWateryStoolFrom: 2,
        source: { pages: [34, 59] },
      },
    });
  });

  it("frequent watery stool without abdominal pain is not urgent (「激しい腹痛を伴う」)", () => {
    expect(
      hints([seen("r01", at("08:00"), ["watery_stool"]), seen("r01", at("11:30"), ["watery_stool"])]),
    ).not.toContain("EHEC_URGENT");
  });

  it("two watery stools recorded at the same instant are one observation time, not two", () => {
    const same = [
      seen("r01", at("08:00"), ["abdominal_pain", "watery_stool"]),
      seen("r01", at("08:00"), ["watery_stool"]),
    ];
    expect(hints(same)).not.toContain("EHEC_URGENT");
  });
});

describe("TB_CONSIDER (manual p.60: 咳が2週間以上続く場合は要注意)", () => {
  const coughDays = (count: number, last = "2026-01-10") =>
    Array.from({ length: count }, (_, i) => seen("r01", tokyo(addIsoDays(last, -i)), ["cough"]));
  it("holds on the 14th recorded day of cough, not the 13th", () => {
    expect(hints(coughDays(13))).not.toContain("TB_CONSIDER");
    expect(hints(coughDays(14))).toContain("TB_CONSIDER");
  });
  it("skips days without a record but is broken by a recorded day without cough", () => {
    const withGap = coughDays(15).filter((_, i) => i !== 5);
    expect(hints(withGap)).toContain("TB_CONSIDER");
    const broken = [...coughDays(14).filter((_, i) => i !== 5), seen("r01", tokyo("2026-01-05"))];
    expect(hints(broken)).not.toContain("TB_CONSIDER");
  });
});

describe("SCABIES_CONSIDER (manual p.35 and p.57)", () => {
  it("needs itch with rash on the same day", () => {
    expect(hints([seen("r01", at(), ["itch", "rash"])])).toContain("SCABIES_CONSIDER");
    expect(hints([seen("r01", at(), ["itch"])])).not.toContain("SCABIES_CONSIDER");
  });
});

describe("LEGIONELLA_CONSIDER (manual p.62–63: 共同入浴施設等を利用した後に肺炎の症状)", () => {
  const ill = [seen("r01", at(), ["cough"], 38.6)];
  it("holds up to 10 days after a bath, not 11", () => {
    expect(hints(ill, { bathUse: [{ personId: "r01", date: "2025-12-31" }] })).toContain(
      "LEGIONELLA_CONSIDER",
    );
    expect(hints(ill, { bathUse: [{ personId: "r01", date: "2025-12-30" }] })).not.toContain(
      "LEGIONELLA_CONSIDER",
    );
  });
  it("needs fever with the respiratory symptom, and a bath before, not after", () => {
    expect(
      hints([seen("r01", at(), ["cough"], 37.0)], { bathUse: [{ personId: "r01", date: "2026-01-08" }] }),
    ).not.toContain("LEGIONELLA_CONSIDER");
    expect(hints(ill, { bathUse: [{ personId: "r01", date: "2026-01-11" }] })).not.toContain(
      "LEGIONELLA_CONSIDER",
    );
  });
});

// seeds/002_091590dabd09ea3f.txt, §3 7)(1) a⑤ p.35: 「上記の症状以外にも、尿路感染症（尿の臭いや混濁等に注意）等についても注意を払います」 — the signs
// alone, with no fever required (old people may not run one: p.34).
describe("UTI_CONSIDER (manual p.35 「尿路感染症（尿の臭いや混濁等に注意）」)", () => {
  const noBaseline: PersonInput[] = [{ id: "r01", kind: "resident" }];
  it("smelly or cloudy urine raises it without fever, with a slight fever and with a fever", () => {
    expect(hints([seen("r01", at(), ["urine_abnormal"], 36.6)], { people: noBaseline })).toEqual([
      "REPORT_TO_NURSE",
      "UTI_CONSIDER",
    ]);
    expect(hints([seen("r01", at(), ["urine_abnormal"], 37.6)], { people: noBaseline })).toEqual([
      "LOW_GRADE_FEVER",
      "REPORT_TO_NURSE",
      "UTI_CONSIDER",
    ]);
    expect(hints([seen("r01", at(), ["urine_abnormal"], 38.1)])).toContain("UTI_CONSIDER");
  });

  it("a fever without smelly or cloudy urine does not", () => {
    expect(hints([seen("r01", at(), [], 38.4)], { people: noBaseline })).toEqual([
      "FEVER",
      "REPORT_TO_NURSE",
    ]);
  });
});
