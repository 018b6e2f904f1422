import type {
  AntibioticCourseInput,
  BathUseInput,
  EvaluateFacilityInput,
  ObservationInput,
  PersonInput,
  RecordedCaseInput,
  SymptomCode,
} from "@mamori/domain/surveillance";

/**
 * A synthetic facility for the rules benchmark: 100 people (70 residents, 8 short stay, 7 day service, 15 staff), a year
 * of daily rounds ending on the as-of day, background symptoms, and a few outbreaks (norovirus-type, influenza-like,
 * scabies). Deterministic for a given seed (mulberry32).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

function tokyoInstant(day: number, minutes: number): string {
  const local = new Date(day * MS_PER_DAY + minutes * 60_000);
  return `${local.toISOString().slice(0, 19)}+09:00`;
}

function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

type Outbreak = {
  startOffset: number;
  lengthDays: number;
  persons: number;
  symptoms: SymptomCode[][];
  fever: boolean;
};

export function generateFacility(
  options: { seed?: number; days?: number; asOf?: string } = {},
): EvaluateFacilityInput {
  const random = mulberry32(options.seed ?? 20260120);
  const totalDays = options.days ?? 365;
  const asOf = options.asOf ?? "2026-01-20T18:00:00+09:00";
  const asOfDay = Math.floor((Date.parse(asOf) + TOKYO_OFFSET_MS) / MS_PER_DAY);
  const firstDay = asOfDay - totalDays + 1;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const people: PersonInput[] = [];
  for (let i = 1; i <= 70; i++) {
    people.push({
      id: `r${String(i).padStart(3, "0")}`,
      kind: "resident",
      unit: i <= 35 ? "1F" : "2F",
      room: String(100 + i),
      baselineTempC: Math.round((35.8 + random() * 1.0) * 10) / 10,
    });
  }
  for (let i = 1; i <= 8; i++) people.push({ id: `ss${i}`, kind: "short_stay", unit: "2F" });
  for (let i = 1; i <= 7; i++) people.push({ id: `ds${i}`, kind: "day_service" });
  const jobs = ["care", "care", "care", "nursing", "kitchen", "other"] as const;
  for (let i = 1; i <= 15; i++)
    people.push({ id: `s${String(i).padStart(2, "0")}`, kind: "staff", job: pick(jobs) });
  const users = people.filter((person) => person.kind !== "staff");

  // Outbreaks: symptom sets per affected person-day; persons drawn at random.
  const outbreaks: Outbreak[] = [
    {
      startOffset: 20,
      lengthDays: 4,
      persons: 12,
      symptoms: [["vomiting"], ["watery_stool"], ["diarrhea"]],
      fever: false,
    },
    { startOffset: 120, lengthDays: 6, persons: 6, symptoms: [["rash", "itch"]], fever: false },
    {
      startOffset: 300,
      lengthDays: 3,
      persons: 9,
      symptoms: [["vomiting", "diarrhea"], ["watery_stool"]],
      fever: false,
    },
    {
      startOffset: 345,
      lengthDays: 8,
      persons: 14,
      symptoms: [
        ["cough", "sore_throat"],
        ["cough", "sputum"],
      ],
      fever: true,
    },
    { startOffset: 360, lengthDays: 2, persons: 4, symptoms: [["vomiting"], ["watery_stool"]], fever: false },
  ];
  const planned = new Map<string, { symptoms: SymptomCode[]; fever: boolean }>();
  for (const outbreak of outbreaks) {
    for (let k = 0; k < outbreak.persons; k++) {
      const person = pick(people);
      const onset = firstDay + outbreak.startOffset + Math.floor(random() * outbreak.lengthDays);
      const duration = 1 + Math.floor(random() * 3);
      for (let d = onset; d < onset + duration && d <= asOfDay; d++) {
        planned.set(`${person.id}|${d}`, { symptoms: pick(outbreak.symptoms), fever: outbreak.fever });
      }
    }
  }

  const background: SymptomCode[][] = [
    ["cough"],
    ["runny_nose"],
    ["diarrhea"],
    ["poor_intake"],
    ["itch"],
    ["abdominal_pain"],
    ["sputum"],
    ["urine_abnormal"],
    ["headache"],
  ];
  const observations: ObservationInput[] = [];
  const bathUse: BathUseInput[] = [];
  for (let day = firstDay; day <= asOfDay; day++) {
    const weekday = new Date(day * MS_PER_DAY).getUTCDay();
    for (const person of people) {
      const present =
        person.kind === "staff"
          ? random() < 0.6
          : person.kind === "day_service"
            ? weekday >= 1 && weekday <= 5
            : true;
      if (!present) continue;
      const plan = planned.get(`${person.id}|${day}`);
      const symptoms: SymptomCode[] = plan
        ? [...plan.symptoms]
        : random() < 0.02
          ? [...pick(background)]
          : [];
      const baseline = person.baselineTempC ?? 36.4;
      const fever = plan?.fever || random() < 0.004;
      const tempC = Math.round((fever ? 38 + random() * 1.5 : baseline + (random() - 0.5) * 0.8) * 10) / 10;
      const morning = 8 * 60 + Math.floor(random() * 120);
      observations.push({ personId: person.id, at: tokyoInstant(day, morning), tempC, symptoms });
      if (person.kind !== "staff" && (symptoms.length > 0 || random() < 0.2)) {
        observations.push({
          personId: person.id,
          at: tokyoInstant(day, 17 * 60 + Math.floor(random() * 120)),
          tempC: Math.round((baseline + (random() - 0.5) * 0.6) * 10) / 10,
          symptoms: plan ? [...plan.symptoms] : [],
        });
      }
      if (person.kind === "resident" && weekday === Number(person.id.slice(1)) % 7 && random() < 0.9) {
        bathUse.push({ personId: person.id, date: isoDay(day) });
      }
    }
  }

  const cases: RecordedCaseInput[] = [
    {
      personId: "r005",
      disease: "norovirus",
      status: "confirmed",
      onsetDate: isoDay(firstDay + 21),
      resolvedDate: isoDay(firstDay + 24),
      outcomes: [{ kind: "hospitalised", date: isoDay(firstDay + 22) }],
    },
    {
      personId: "r040",
      disease: "influenza",
      status: "confirmed",
      onsetDate: isoDay(firstDay + 347),
      resolvedDate: null,
      outcomes: [{ kind: "severe", date: isoDay(firstDay + 349) }],
    },
    { personId: "r012", disease: "tuberculosis", status: "suspected", onsetDate: isoDay(firstDay + 200) },
  ];
  const antibiotics: AntibioticCourseInput[] = [];
  for (let i = 0; i < 40; i++) {
    const start = firstDay + Math.floor(random() * totalDays);
    antibiotics.push({
      personId: pick(users).id,
      start: isoDay(start),
      end: isoDay(start + 4 + Math.floor(random() * 7)),
    });
  }

  return {
    facility: {
      id: "bench",
      type: "elderly_care",
      timeZone: "Asia/Tokyo",
      units: [{ id: "1F" }, { id: "2F" }],
    },
    people,
    observations,
    cases,
    antibiotics,
    bathUse,
    asOf,
    lookbackDays: 1,
  };
}
