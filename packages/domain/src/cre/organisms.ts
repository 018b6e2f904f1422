import { distance } from "fastest-levenshtein";
import {
  ENTEROBACTERALES_GENERA,
  type EnterobacteralesFamily,
  ORGANISM_PICKER,
  ORGANISM_SYNONYMS,
  type OrganismEntry,
  OTHER_GRAM_NEGATIVE_GENERA,
} from "./organisms-data.ts";

export type ResolvedOrganism = {
  known: true;
  input: string;
  /** Current name: "Genus species", or the genus alone when only the genus was given or the species is not listed. */
  name: string;
  genus: string;
  species: string | null;
  family: EnterobacteralesFamily | null;
  enterobacterales: boolean;
};

export type UnknownOrganism = { known: false; input: string; nearest: string[] };

const GENUS_BY_LOWER = new Map(
  [...Object.keys(ENTEROBACTERALES_GENERA), ...OTHER_GRAM_NEGATIVE_GENERA].map((g) => [g.toLowerCase(), g]),
);
const SYNONYM_BY_LOWER = new Map(Object.entries(ORGANISM_SYNONYMS).map(([k, v]) => [k.toLowerCase(), v]));
const PICKER_BY_JA = new Map<string, OrganismEntry>();
for (const entry of ORGANISM_PICKER) {
  PICKER_BY_JA.set(entry.ja, entry);
  PICKER_BY_JA.set(entry.ja.replace(/（.*）$/, ""), entry);
}

function cleanName(input: string): string {
  return input
    .normalize("NFKC")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\s+(spp?\.?|species|group|complex)$/i, "");
}

function resolved(input: string, genus: string, species: string | null): ResolvedOrganism {
  const family = ENTEROBACTERALES_GENERA[genus] ?? null;
  return {
    known: true,
    input,
    name: species ? `${genus} ${species}` : genus,
    genus,
    species,
    family,
    enterobacterales: family !== null,
  };
}

/**
 * Resolves a laboratory organism name to its genus and tells whether it belongs to the order Enterobacterales.
 *
 * Accepts binomials ("Klebsiella pneumoniae"), abbreviated binomials ("K. pneumoniae", for listed species), genus names
 * with or without "spp." / "sp.", former names ("Enterobacter aerogenes" → Klebsiella aerogenes) and the Japanese names
 * of the picker ("大腸菌"). Membership is decided at genus level, so a species not in the picker list of a known genus
 * is accepted. An unknown genus answers `known: false` with the three nearest names (Levenshtein distance).
 *
 * Source: Adeolu et al. IJSEM 2016;66:5575 (order Enterobacterales); notification criteria renamed to 腸内細菌目 from
 * 2023-05-26 (cre-reference.md §1.1). @example resolveOrganism("E. coli") // { known: true, genus: "Escherichia", … }
 */
export function resolveOrganism(input: string): ResolvedOrganism | UnknownOrganism {
  const cleaned = cleanName(input);
  const ja = PICKER_BY_JA.get(cleaned);
  if (ja) return resolved(input, ja.genus, ja.species);
  const synonym = SYNONYM_BY_LOWER.get(cleaned.toLowerCase());
  const text = synonym ?? cleaned;
  const [first = "", second, ...rest] = text.split(" ");
  const abbreviation = /^([A-Za-z])\.$/.exec(first);
  if (abbreviation && second && rest.length === 0) {
    const matches = ORGANISM_PICKER.filter(
      (e) =>
        e.species !== null &&
        e.genus[0]?.toLowerCase() === abbreviation[1]?.toLowerCase() &&
        e.species === second.toLowerCase(),
    );
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only) return resolved(input, only.genus, only.species);
  } else {
    const genus = GENUS_BY_LOWER.get(first.toLowerCase());
    if (genus && (second === undefined || /^[a-z-]+$/i.test(second))) {
      return resolved(input, genus, second ? second.toLowerCase() : null);
    }
  }
  return { known: false, input, nearest: nearestOrganismNames(cleaned) };
}

/**
 * The organism names closest to a misspelt one, for the "did you mean" of an error message.
 *
 * Source: Levenshtein edit distance (fastest-levenshtein), case-insensitive, over the picker names, the genera and the
 * former names. @example nearestOrganismNames("Klebsiela pneumonia") // ["Klebsiella pneumoniae", …]
 */
export function nearestOrganismNames(input: string, count = 3): string[] {
  const target = input.toLowerCase();
  const candidates = [
    ...ORGANISM_PICKER.map((e) => e.name),
    ...Object.keys(ENTEROBACTERALES_GENERA),
    ...OTHER_GRAM_NEGATIVE_GENERA,
    ...Object.keys(ORGANISM_SYNONYMS),
  ];
  return [...new Set(candidates)]
    .map((name) => ({ name, d: distance(target, name.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((c) => c.name);
}

/**
 * Whether an organism name belongs to the order Enterobacterales: true, false, or "unknown" for a name Mamori does not
 * know. Source: as {@link resolveOrganism}. @example isEnterobacterales("Proteus mirabilis") // true
 */
export function isEnterobacterales(input: string): boolean | "unknown" {
  const organism = resolveOrganism(input);
  return organism.known ? organism.enterobacterales : "unknown";
}

/**
 * The organism list for a picker: current names with Japanese names and whether each is an Enterobacterales.
 *
 * Source: organisms-data.ts. @example organismPickerList()[0] // { name: "Klebsiella pneumoniae", ja: "肺炎桿菌…", … }
 */
export function organismPickerList(): Array<OrganismEntry & { enterobacterales: boolean }> {
  return ORGANISM_PICKER.map((e) => ({ ...e, enterobacterales: e.genus in ENTEROBACTERALES_GENERA }));
}
