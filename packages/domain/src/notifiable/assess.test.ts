import { describe, expect, it } from "vitest";
import { assessNotifiable, dueDateOf, findNotifiableDisease } from "./assess.ts";
import { NOTIFIABLE_TABLE } from "./table.ts";
import { notifiableSummary } from "./text.ts";

function notifiable(disease: string, day: string) {
  const result = assessNotifiable(disease, day);
  if (!result.notifiable) throw new Error(`${disease} on ${day}: ${result.reason}`);
  return result;
}

describe("the notifiable-disease table", () => {
  it("has unique ids, periods that do not overlap and a source on every period", () => {
    const ids = NOTIFIABLE_TABLE.diseases.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const disease of NOTIFIABLE_TABLE.diseases) {
      const periods = [...disease.periods].sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""));
      periods.forEach((period, i) => {
        expect(period.source.length, disease.id).toBeGreaterThan(10);
        const next = periods[i + 1];
        if (next) {
          expect(period.to, `${disease.id} period ${i}`).not.toBeNull();
          expect(period.to! < next.from!, disease.id).toBe(true);
        }
      });
    }
  });

  it("carries every row of 表A2 (manual 付録2, p.78–80): 7 of 1類, 7 of 2類, 5 of 3類", () => {
    const count = (category: string) =>
      NOTIFIABLE_TABLE.diseases.filter((d) =>
        d.periods.some((p) => p.from === null && p.category === category),
      ).length;
    expect(count("1")).toBe(7);
    expect(count("2")).toBe(7);
    expect(count("3")).toBe(5);
    // 4類: 44 in 表A2 (サル痘 among them, now エムポックス).
    expect(count("4")).toBe(44);
  });

  it("finds a disease by its id, Japanese or English name, former name, with full-width letters", () => {
    expect(findNotifiableDisease("ＣＲＥ")?.id).toBe("cre");
    expect(findNotifiableDisease("カルバペネム耐性腸内細菌科細菌感染症")?.id).toBe("cre");
    expect(findNotifiableDisease("サル痘")?.id).toBe("mpox");
    expect(findNotifiableDisease("Legionellosis")?.id).toBe("legionellosis");
    expect(findNotifiableDisease("norovirus")?.id).toBe("infectious_gastroenteritis");
    expect(findNotifiableDisease("疥癬")).toBeUndefined();
  });
});

describe("assessNotifiable", () => {
  it("COVID-19: 新型インフルエンザ等感染症 (直ちに, 全数) up to 2023-05-07, 5類定点 from 2023-05-08", () => {
    const before = notifiable("covid19", "2023-05-07");
    expect(before).toMatchObject({
      category: "new_influenza",
      surveillance: "all_cases",
      deadline: "immediate",
      everyPhysician: true,
      dueDate: "2023-05-07",
    });
    const after = notifiable("covid19", "2023-05-08");
    expect(after).toMatchObject({
      category: "5",
      surveillance: "sentinel",
      deadline: "next_monday",
      sentinel: ["influenza_covid"],
      everyPhysician: false,
      // 2023-05-08 is a Monday: the Monday after its week.
      dueDate: "2023-05-15",
    });
  });

  it("COVID-19 before 2020-02-01 was not notifiable; 指定感染症 from that day", () => {
    expect(assessNotifiable("covid19", "2020-01-31")).toMatchObject({
      notifiable: false,
      reason: "NOT_IN_FORCE",
    });
    expect(notifiable("新型コロナウイルス感染症", "2020-02-01").category).toBe("designated");
    expect(notifiable("covid19", "2021-02-12").category).toBe("designated");
    expect(notifiable("covid19", "2021-02-13").category).toBe("new_influenza");
  });

  it("CRE: 5類全数, 7日以内 (表A2: 「7日以内に届出（全数）」); day 7 is the due date, day 8 is past it", () => {
    const cre = notifiable("cre", "2026-11-25");
    expect(cre).toMatchObject({
      category: "5",
      surveillance: "all_cases",
      deadline: "within_7_days",
      everyPhysician: true,
    });
    expect(cre.dueDate).toBe("2026-12-02");
    expect("2026-12-02" <= cre.dueDate).toBe(true);
    expect("2026-12-03" <= cre.dueDate).toBe(false);
    // Across a month and a year end.
    expect(notifiable("CRE", "2026-12-28").dueDate).toBe("2027-01-04");
  });

  it("CRE is named 腸内細菌科 until 2023-05-25 and 腸内細菌目 from 2023-05-26, with the same deadline", () => {
    expect(notifiable("cre", "2023-05-25").name.ja).toBe("カルバペネム耐性腸内細菌科細菌感染症");
    expect(notifiable("cre", "2023-05-26").name.ja).toBe("カルバペネム耐性腸内細菌目細菌感染症");
    expect(notifiable("cre", "2023-05-25").deadline).toBe(notifiable("cre", "2023-05-26").deadline);
    // Added to 5類 in 2014-09 (付録2 本文).
    expect(assessNotifiable("cre", "2014-09-18").notifiable).toBe(false);
    expect(notifiable("cre", "2014-09-19").deadline).toBe("within_7_days");
  });

  it("rubella: 7日以内 until 2017-12-31, 直ちに from 2018-01-01 (付録2 p.78 「風しんの届出が診断後直ちに届出に変更」)", () => {
    expect(notifiable("風しん", "2017-12-31").deadline).toBe("within_7_days");
    expect(notifiable("風しん", "2018-01-01").deadline).toBe("immediate");
  });

  it("pertussis: 定点 until 2017-12-31, 全数 7日以内 from 2018-01-01 (付録2 p.78)", () => {
    expect(notifiable("百日咳", "2017-12-31").surveillance).toBe("sentinel");
    expect(notifiable("百日咳", "2018-01-01")).toMatchObject({
      surveillance: "all_cases",
      deadline: "within_7_days",
    });
  });

  it("food poisoning goes to the health centre at once under 食品衛生法, suspected cases too (manual p.48)", () => {
    const food = notifiable("食中毒", "2026-12-02");
    expect(food).toMatchObject({
      law: "food_sanitation_act",
      deadline: "immediate",
      dueDate: "2026-12-02",
      suspectedNotified: true,
      notifyTo: "health_centre",
    });
    expect(food.source).toContain("第63条");
    expect(notifiable("food_poisoning", "2020-05-31").source).toContain("第58条");
    expect(notifiable("food_poisoning", "2020-06-01").source).toContain("第63条");
  });

  it("EHEC is 3類, 直ちに; norovirus is 感染性胃腸炎, 小児科・基幹定点 only; scabies is not notifiable", () => {
    expect(notifiable("ehec", "2026-12-02")).toMatchObject({
      category: "3",
      deadline: "immediate",
      everyPhysician: true,
    });
    expect(notifiable("norovirus", "2026-12-02")).toMatchObject({
      diseaseId: "infectious_gastroenteritis",
      everyPhysician: false,
      sentinel: ["pediatric", "basic"],
    });
    expect(assessNotifiable("scabies", "2026-12-02")).toMatchObject({
      notifiable: false,
      reason: "NOT_LISTED",
    });
  });

  it("acute respiratory infection (ARI) is 5類定点 from 2025-04-07, not before", () => {
    expect(assessNotifiable("ARI", "2025-04-06").notifiable).toBe(false);
    expect(notifiable("ARI", "2025-04-07").sentinel).toEqual(["ari"]);
  });

  it("mpox: サル痘 up to 2023-05-25, エムポックス from 2023-05-26, 4類 直ちに both", () => {
    expect(notifiable("mpox", "2023-05-25").name.ja).toBe("サル痘");
    expect(notifiable("サル痘", "2023-05-26").name.ja).toBe("エムポックス");
  });

  it("refuses a diagnosis day that is not a date", () => {
    expect(() => assessNotifiable("cre", "2026-02-30")).toThrow(RangeError);
  });

  it("says in words who notifies and by when", () => {
    expect(notifiableSummary(notifiable("cre", "2026-12-01"), "ja")).toBe(
      "感染症法 5類感染症（全数把握）: 診断した医師が診断後7日以内に保健所へ届け出ます。",
    );
    expect(notifiableSummary(notifiable("influenza", "2026-12-01"), "ja")).toContain("定点把握");
    expect(notifiableSummary(assessNotifiable("scabies", "2026-12-01"), "ja")).toContain(
      "対象ではありません",
    );
  });
});

describe("dueDateOf", () => {
  it("次の月曜日: Sunday → the next day; Monday → a week later", () => {
    expect(dueDateOf("next_monday", "2026-12-06")).toBe("2026-12-07");
    expect(dueDateOf("next_monday", "2026-12-07")).toBe("2026-12-14");
    expect(dueDateOf("next_monday", "2026-12-02")).toBe("2026-12-07");
  });
  it("翌月初日, December into January", () => {
    expect(dueDateOf("first_of_next_month", "2026-12-31")).toBe("2027-01-01");
    expect(dueDateOf("first_of_next_month", "2026-01-01")).toBe("2026-02-01");
  });
});
