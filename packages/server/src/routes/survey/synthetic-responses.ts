import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import {
  type StoredQuestionnaireResponse,
  surveyResponses,
  surveyResponseVersions,
  users,
} from "../../db/schema/index.ts";
import { CRE_SURVEY_URL, CRE_SURVEY_VERSION, dimensionsOf, responseWith } from "./cre-survey-items.ts";
import type { QrAnswer } from "./questionnaire-response.ts";

/** A small seeded generator (mulberry32), so the demo and the benchmark hold the same responses on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly [T, number][]): T => {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of list) {
    r -= weight;
    if (r < 0) return value;
  }
  return list.at(-1)![0];
};

const PREFECTURES: [string, number][] = [
  ["東京都", 20],
  ["大阪府", 14],
  ["神奈川県", 10],
  ["愛知県", 8],
  ["福岡県", 7],
  ["北海道", 5],
  ["兵庫県", 5],
  ["埼玉県", 4],
  ["千葉県", 4],
  ["宮城県", 2],
  ["広島県", 2],
  ["沖縄県", 1],
];

const code = (c: string): QrAnswer[] => [{ valueCoding: { code: c } }];

/**
 * Synthetic submitted paper responses to the cefiderocol survey — for the demo's secretariat and the overview
 * benchmark, never for real figures: weighted towards what the 2024 notice's national survey reports (IMP the most
 * common carbapenemase in Japan), every answer valid against the questionnaire.
 */
export async function insertSyntheticResponses(
  db: Executor,
  options: { count: number; seed: number; createdBy: string; now: Date },
): Promise<number> {
  const random = seeded(options.seed);
  // Paper responses belong to the secretariat that keyed them in: the creator's organisation.
  const [creator] = await db
    .select({ organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, options.createdBy));
  const organisationId = creator!.organisationId;
  const rows: (typeof surveyResponses.$inferInsert)[] = [];
  const versions: (typeof surveyResponseVersions.$inferInsert)[] = [];
  for (let i = 0; i < options.count; i++) {
    const id = freshId(random);
    const isCre = random() < 0.93;
    const answers = new Map<string, QrAnswer[]>([["q1", [{ valueBoolean: isCre }]]]);
    if (isCre) {
      const producer = pick(random, [
        ["producer", 70],
        ["non_producer", 22],
        ["unknown", 8],
      ]);
      const yesNo = () => code(random() < 0.85 ? "yes" : "no");
      const day = 1 + Math.floor(random() * 28);
      answers.set(
        "q2",
        code(
          pick(random, [
            ["bloodstream", 35],
            ["urinary", 25],
            ["pneumonia", 20],
            ["intra_abdominal", 12],
            ["skin_soft_tissue", 4],
            ["bone_joint", 2],
            ["other", 2],
          ]),
        ),
      );
      answers.set("q3", [{ valueBoolean: random() < 0.6 }]);
      answers.set(
        "q4",
        code(
          pick(random, [
            ["klebsiella_pneumoniae", 35],
            ["escherichia_coli", 20],
            ["enterobacter_cloacae_complex", 25],
            ["klebsiella_aerogenes", 8],
            ["serratia_marcescens", 4],
            ["citrobacter", 5],
            ["other", 3],
          ]),
        ),
      );
      answers.set(
        "q5",
        code(
          pick(random, [
            ["blood", 40],
            ["urine", 30],
            ["sputum", 20],
            ["pus", 7],
            ["other", 3],
          ]),
        ),
      );
      answers.set("q6", code(producer));
      if (producer === "producer")
        answers.set(
          "q7",
          code(
            pick(random, [
              ["IMP", 75],
              ["NDM", 10],
              ["KPC", 6],
              ["OXA48", 5],
              ["VIM", 1],
              ["unknown", 3],
            ]),
          ),
        );
      const alternative = pick(random, [
        ["no", 70],
        ["yes", 20],
        ["unknown", 10],
      ]);
      answers.set("q8", code(alternative));
      if (alternative === "yes") answers.set("q9", [{ valueString: "重症のため" }]);
      answers.set("q10", [{ valueBoolean: random() < 0.8 }]);
      answers.set("q11", [
        {
          valueDate: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
        },
      ]);
      answers.set("q12", [{ valueDecimal: random() < 0.8 ? 2 : 1.5 }]);
      answers.set(
        "q13",
        code(
          pick(random, [
            ["q8h", 85],
            ["q12h", 10],
            ["q6h", 3],
            ["other", 2],
          ]),
        ),
      );
      answers.set(
        "q14",
        code(
          pick(random, [
            ["yes", 40],
            ["no", 10],
            ["not_needed", 50],
          ]),
        ),
      );
      answers.set("q15", [{ valueInteger: 5 + Math.floor(random() * 16) }]);
      answers.set(
        "q17",
        code(
          pick(random, [
            ["cured", 30],
            ["improved", 40],
            ["unchanged", 10],
            ["worsened", 8],
            ["died", 10],
            ["not_assessable", 2],
          ]),
        ),
      );
      for (const l of ["q18.1", "q18.2", "q18.3", "q19.1", "q19.2", "q19.3"]) answers.set(l, yesNo());
      answers.set(
        "q20",
        code(
          pick(random, [
            ["yes", 75],
            ["no", 15],
            ["no-capacity", 10],
          ]),
        ),
      );
      answers.set(
        "q21",
        code(
          pick(random, [
            ["yes", 55],
            ["no", 25],
            ["no-capacity", 20],
          ]),
        ),
      );
    }
    const response = {
      ...responseWith(
        {
          resourceType: "QuestionnaireResponse",
          questionnaire: `${CRE_SURVEY_URL}|${CRE_SURVEY_VERSION}`,
          item: [],
        },
        answers,
      ),
      status: "completed",
    } as StoredQuestionnaireResponse;
    const verdict = null;
    const dims = dimensionsOf(response, verdict);
    const submittedAt = new Date(options.now.getTime() - Math.floor(random() * 300) * 86_400_000);
    rows.push({
      id,
      organisationId,
      source: "paper",
      questionnaireUrl: CRE_SURVEY_URL,
      questionnaireVersion: CRE_SURVEY_VERSION,
      status: "submitted",
      response,
      version: 1,
      prefecture: pick(random, PREFECTURES),
      ...dims,
      dateShiftDays: (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 30)),
      createdBy: options.createdBy,
      createdAt: submittedAt,
      updatedBy: options.createdBy,
      updatedAt: submittedAt,
      submittedAt,
    });
    versions.push({
      organisationId,
      responseId: id,
      version: 1,
      submissionId: freshId(random),
      response,
      dimensions: dims,
      submittedBy: options.createdBy,
      submittedAt,
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(surveyResponses).values(rows.slice(i, i + 500));
    await db.insert(surveyResponseVersions).values(versions.slice(i, i + 500));
  }
  return rows.length;
}

/**
 * A fresh random id, never one from the seed: two calls (the demo and a test, or one test twice) must not collide on a
 * shared database. The seeded generator still moves on as far as an id drawn from it would, so the answers that follow
 * stay those of the seed.
 */
function freshId(random: () => number): string {
  for (let i = 0; i < 33; i++) random();
  return randomUUID();
}
