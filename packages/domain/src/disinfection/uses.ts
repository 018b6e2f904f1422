import type { DisinfectionSourceId } from "./sources.ts";

/**
 * What a sodium hypochlorite solution is made for, with the concentration the manual gives and where it says so.
 * `alternatives` are other concentrations the manual gives for the same use elsewhere, shown beside the main one: for
 * vomit and stool on floors, 付録5⑥ says 1000 ppm (0.1%) while 付録5④ and the main text (p.27) say 0.5%.
 */
export type HypochloriteUse = {
  id: "vomit" | "surfaces" | "bedpan" | "linen";
  /** Concentration in percent. */
  percent: number;
  /** The objects in the manual's words. */
  objects: { ja: string; en: string };
  source: DisinfectionSourceId;
  /** The manual's sentence. */
  quote: string;
  alternatives: readonly { percent: number; source: DisinfectionSourceId; quote: string }[];
  /** Contact time or way of use, when the manual gives one. */
  howJa?: string;
  howEn?: string;
};

export const HYPOCHLORITE_USES: readonly HypochloriteUse[] = [
  {
    id: "vomit",
    percent: 0.1,
    objects: {
      ja: "便や吐物が付着した床等、衣類等の漬け置き",
      en: "Floors soiled with stool or vomit; soaking clothes",
    },
    source: "bleach",
    quote: "便や吐物が付着した床等 ○衣類等の漬け置き　1000ppm (0.1%)",
    alternatives: [
      {
        percent: 0.5,
        source: "objects",
        quote: "嘔吐物や排泄物や吐物で汚染された床は、手袋をして0.5%次亜塩素酸ナトリウムで清拭する。",
      },
      {
        percent: 0.5,
        source: "vomitText",
        quote: "汚染場所およびその周囲を、0.5%の次亜塩素酸ナトリウム液で清拭し、消毒します。",
      },
    ],
    howJa: "手袋・マスク・ビニールエプロンを着け、使用後は窓を開けて換気します。",
    howEn: "Wear gloves, a mask and a plastic apron; open the windows afterwards.",
  },
  {
    id: "surfaces",
    percent: 0.02,
    objects: {
      ja: "食器等の漬け置き、トイレの便座やドアノブ、手すり、床等",
      en: "Soaking tableware; toilet seats, door knobs, handrails, floors",
    },
    source: "bleach",
    quote: "食器等の漬け置き ○トイレの便座やドアノブ、手すり、床等　200ppm (0.02%)",
    alternatives: [],
  },
  {
    id: "bedpan",
    percent: 0.1,
    objects: { ja: "差し込み便器（ベッドパン）", en: "Bedpans" },
    source: "objects",
    quote: "洗浄後、0.1%次亜塩素酸ナトリウムで処理（5分間）。",
    alternatives: [],
    howJa: "洗浄後に5分間つけます。",
    howEn: "After washing, 5 minutes in the solution.",
  },
  {
    id: "linen",
    percent: 0.05,
    objects: { ja: "リネン・衣類、まな板、ふきん", en: "Linen and clothes; chopping boards, cloths" },
    source: "objects",
    quote: "次亜塩素酸ナトリウム（0.05～0.1%）浸漬後、洗濯、乾燥させる。",
    alternatives: [
      { percent: 0.1, source: "objects", quote: "次亜塩素酸ナトリウム（0.05～0.1%）に浸漬後、洗浄する。" },
    ],
    howJa: "つけ置いたあと、洗濯して乾かします。",
    howEn: "Soak, then wash and dry.",
  },
];

export type HypochloriteUseId = HypochloriteUse["id"];

/** The use of an id, or undefined (for deep links such as `/disinfection?use=vomit`). */
export function findHypochloriteUse(id: string | null | undefined): HypochloriteUse | undefined {
  return HYPOCHLORITE_USES.find((use) => use.id === id);
}
