import creCefiderocol from "./definitions/cre-cefiderocol.json" with { type: "json" };
import type { Questionnaire } from "./types.ts";
import { validateQuestionnaire } from "./validate.ts";

/**
 * The Questionnaires Mamori ships, by name. Each is a data file under `definitions/` (a new version replaces the file,
 * no code changes); every one is validated when first asked for.
 */
const BUILT_IN: Record<string, unknown> = { "cre-cefiderocol": creCefiderocol };

export const BUILT_IN_QUESTIONNAIRES = Object.keys(BUILT_IN);

/** The launch context `%case` the CRE survey's initialExpressions read (what Mamori knows of the case). */
export type CreSurveyCaseContext = {
  cre?: boolean | null;
  /** A q2 code: bloodstream, urinary, pneumonia, intra_abdominal, skin_soft_tissue, bone_joint, other. */
  infectionSite?: string | null;
  severe?: boolean | null;
  /** A q4 code, e.g. klebsiella_pneumoniae. */
  organism?: string | null;
  /** A q5 code: blood, urine, sputum, pus, other. */
  specimen?: string | null;
  /** A q6 code: producer, non_producer, unknown. */
  carbapenemase?: string | null;
  /** q7 codes: IMP, NDM, VIM, KPC, OXA48, unknown. */
  enzymes?: string[];
  /** A q8 code: yes, no, unknown. */
  activeAlternative?: string | null;
  consultation?: boolean | null;
  /** YYYY-MM-DD */
  cefiderocolStart?: string | null;
  lab?: {
    meropenemMicReported?: boolean;
    imipenemMicReported?: boolean;
    cefmetazoleMicReported?: boolean;
    stReported?: boolean;
    fluoroquinoloneReported?: boolean;
    aminoglycosideReported?: boolean;
    confirmationTestDone?: true | null;
    enzymeTypingDone?: true | null;
  };
};

/**
 * A built-in Questionnaire by name, validated; undefined for an unknown name.
 * @example builtInQuestionnaire("cre-cefiderocol")?.item?.[0]?.linkId // "q1"
 */
export function builtInQuestionnaire(name: string): Questionnaire | undefined {
  const raw = Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined;
  if (raw === undefined) return undefined;
  const result = validateQuestionnaire(structuredClone(raw));
  if (!result.ok) throw new Error(`${name}: ${result.issues.map((i) => i.message).join("; ")}`);
  return result.questionnaire;
}
