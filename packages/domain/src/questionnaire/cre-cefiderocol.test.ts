import { describe, expect, it } from "vitest";
import { BUILT_IN_QUESTIONNAIRES, builtInQuestionnaire } from "./builtins.ts";
import { evaluateResponse } from "./evaluate.ts";
import { EXT, isProvisional, roleOf } from "./extensions.ts";
import { findResponseItem, initialResponse, isPrefilled, itemsForRole, setAnswers } from "./response.ts";
import { response } from "./test-support.ts";
import type { QuestionnaireItem } from "./types.ts";
import { flattenItems } from "./walk.ts";

// Source: /work/shared/seeds/000_93415025af6d4950.txt — MHLW 事務連絡 令和6年1月25日, 参考2 「本調査 回答要領」 and 別添
// 「臨床検査技師による確認を推奨する設問（抄）」.
const cre = builtInQuestionnaire("cre-cefiderocol");
if (!cre) throw new Error("cre-cefiderocol must be built in");
const entries = flattenItems(cre);
const item = (linkId: string): QuestionnaireItem => {
  const found = entries.find((e) => e.item.linkId === linkId)?.item;
  if (!found) throw new Error(`no ${linkId}`);
  return found;
};
const displays = (linkId: string) => item(linkId).answerOption?.map((o) => o.valueCoding?.display);

describe("the CRE cefiderocol survey definition", () => {
  it("is built in, validated, versioned by url and version", () => {
    expect(BUILT_IN_QUESTIONNAIRES).toContain("cre-cefiderocol");
    expect(cre.url).toBe("https://mamori.jp/fhir/Questionnaire/cre-cefiderocol");
    expect(cre.version).toBeTruthy();
    expect(cre.title).toBe(
      "カルバペネム耐性腸内細菌目細菌（CRE）感染症の治療薬の適正使用に関するアンケート調査",
    );
  });

  it("has the 21 questions q1…q21 at the top level (参考2: 「全 21 問」)", () => {
    expect(cre.item?.map((i) => i.linkId)).toEqual(Array.from({ length: 21 }, (_, i) => `q${i + 1}`));
  });

  it("q1 is the seed's 設問1, boolean and required", () => {
    // 参考2 ②: 「設問 1. 菌種は、カルバペネム耐性腸内細菌目細菌（CRE）である。」にご回答ください。
    expect(item("q1")).toMatchObject({
      text: "菌種は、カルバペネム耐性腸内細菌目細菌（CRE）である。",
      type: "boolean",
      required: true,
    });
  });

  it("「いいえ」 on q1 ends the survey: only q1 is enabled and the response is complete with q1 alone", () => {
    // 参考2 ②: 「いいえ」と答えた場合 … 「カルバペネム耐性腸内細菌目細菌（CRE）のみの回答とさせていただきます。」
    const result = evaluateResponse(cre, response([{ linkId: "q1", answer: [{ valueBoolean: false }] }]));
    expect(result).toEqual({
      enabled: ["q1"],
      missingRequired: [],
      invalid: [],
      answersIgnored: [],
      complete: true,
    });
  });

  it("「はい」 on q1 shows the remaining questions q2–q21 (「残りの設問*が表示されます（全 21 問）」)", () => {
    const result = evaluateResponse(cre, response([{ linkId: "q1", answer: [{ valueBoolean: true }] }]));
    for (let n = 2; n <= 21; n++) {
      if (n === 7 || n === 9) continue; // follow-ups of q6 and q8, enabled by their answers
      expect(result.enabled).toContain(`q${n}`);
    }
    expect(result.complete).toBe(false);
  });

  it("answers given after a 「いいえ」 are ignored, not kept", () => {
    const result = evaluateResponse(
      cre,
      response([
        { linkId: "q1", answer: [{ valueBoolean: false }] },
        { linkId: "q3", answer: [{ valueBoolean: true }] },
      ]),
    );
    expect(result.answersIgnored).toEqual(["q3"]);
    expect(result.complete).toBe(true);
  });

  it("q2–q17 are marked provisional; q1 and q18–q21 (the seed's own words) are not", () => {
    for (let n = 2; n <= 17; n++) expect(isProvisional(item(`q${n}`)), `q${n}`).toBe(true);
    for (const id of ["q1", "q18", "q18.1", "q19", "q20", "q21"])
      expect(isProvisional(item(id)), id).toBe(false);
  });

  it("q18–q21 carry the 別添 laboratory items with their exact options", () => {
    // 別添 薬剤感受性試験結果について 1.–6. (はい ・ いいえ)
    expect(item("q18.1").text).toBe("メロペネムの MIC を報告した。");
    expect(item("q18.2").text).toBe("イミペネムの MIC を報告した。");
    expect(item("q18.3").text).toBe("セフメタゾールの MIC を報告した。");
    expect(item("q19.1").text).toBe("ST 合剤の感受性結果を報告した。");
    expect(item("q19.2").text).toBe("フルオロキノロン系抗微生物薬の感受性結果を報告した。");
    expect(item("q19.3").text).toBe("アミノグリコシド系抗微生物薬の感受性結果を報告した。");
    for (const id of ["q18.1", "q18.2", "q18.3", "q19.1", "q19.2", "q19.3"])
      expect(displays(id)).toEqual(["はい", "いいえ"]);
    // 別添 カルバペネマーゼ産生について 1.–2. (はい ・ いいえ ・ 検査体制がない)
    expect(item("q20").text).toContain("確認試験（mCIM、Carba NP 等）を実施した。");
    expect(item("q21").text).toContain("耐性遺伝子の鑑別試験を実施した。");
    expect(displays("q20")).toEqual(["はい", "いいえ", "検査体制がない"]);
    expect(displays("q21")).toEqual(["はい", "いいえ", "検査体制がない"]);
    expect(item("q21.note").text).toBe(
      "※試験方法や試験結果に限らず、試験を実施した場合は、「はい」を選択してください。",
    );
  });

  it("hands q18–q21 to the laboratory technologist (「臨床検査技師に確認を推奨する設問が 4 問（設問 18～21）」)", () => {
    for (const id of ["q18", "q19", "q20", "q21"])
      expect(item(id).extension).toContainEqual({ url: EXT.role, valueCode: "lab_technologist" });
    const lab = itemsForRole(cre, "lab_technologist");
    expect(lab).toEqual([
      "q18",
      "q18.1",
      "q18.2",
      "q18.3",
      "q19",
      "q19.1",
      "q19.2",
      "q19.3",
      "q20",
      "q21",
      "q21.note",
    ]);
    const q18_1 = entries.find((e) => e.item.linkId === "q18.1");
    expect(q18_1 && roleOf([...q18_1.ancestors, q18_1.item])).toBe("lab_technologist");
    expect(roleOf([item("q10")])).toBeUndefined();
  });

  it("pre-fills what Mamori knows from %case and marks it; the lab's 「いいえ / 検査体制がない」 is left to the lab", () => {
    const r = initialResponse(cre, {
      source: "case",
      context: {
        case: {
          cre: true,
          organism: "klebsiella_pneumoniae",
          consultation: true,
          cefiderocolStart: "2024-02-01",
          lab: {
            meropenemMicReported: true,
            imipenemMicReported: false,
            confirmationTestDone: null,
            enzymeTypingDone: true,
          },
        },
      },
    });
    expect(findResponseItem(r, "q1")?.answer).toEqual([{ valueBoolean: true }]);
    expect(isPrefilled(findResponseItem(r, "q1"))).toBe(true);
    expect(findResponseItem(r, "q4")?.answer?.[0]?.valueCoding?.display).toBe("Klebsiella pneumoniae");
    expect(findResponseItem(r, "q11")?.answer).toEqual([{ valueDate: "2024-02-01" }]);
    expect(findResponseItem(r, "q18.1")?.answer?.[0]?.valueCoding?.display).toBe("はい");
    expect(findResponseItem(r, "q18.2")?.answer?.[0]?.valueCoding?.display).toBe("いいえ");
    expect(findResponseItem(r, "q20")).toBeUndefined();
    expect(findResponseItem(r, "q21")?.answer?.[0]?.valueCoding?.code).toBe("yes");
    expect(r.questionnaire).toBe(`${cre.url}|${cre.version}`);
    // a person changing a pre-filled answer takes the mark away
    const changed = setAnswers(cre, r, "q18.2", [
      {
        valueCoding: { system: "https://mamori.jp/fhir/CodeSystem/cre-survey", code: "yes", display: "はい" },
      },
    ]);
    expect(isPrefilled(findResponseItem(changed, "q18.2"))).toBe(false);
    expect(isPrefilled(findResponseItem(changed, "q18.1"))).toBe(true);
  });

  it("constraints: the dose is over 0 g and at most 2 g; the duration 1–90 days", () => {
    const base = [{ linkId: "q1", answer: [{ valueBoolean: true }] }];
    const dose = (g: number) =>
      evaluateResponse(
        cre,
        response([...base, { linkId: "q12", answer: [{ valueDecimal: g }] }]),
      ).invalid.map((i) => i.linkId);
    expect(dose(2)).toEqual([]);
    expect(dose(2.5)).toEqual(["q12"]);
    expect(dose(0)).toEqual(["q12"]);
    const days = (d: number) =>
      evaluateResponse(
        cre,
        response([...base, { linkId: "q15", answer: [{ valueInteger: d }] }]),
      ).invalid.map((i) => i.linkId);
    expect(days(1)).toEqual([]);
    expect(days(90)).toEqual([]);
    expect(days(91)).toEqual(["q15"]);
  });
});
