import { TZDate } from "@date-fns/tz";
import type { PersonKind, SymptomCode } from "@mamori/domain/surveillance";
import { addDays } from "date-fns";
import { pick } from "./random.ts";

export type DemoPerson = {
  id: string;
  kind: PersonKind;
  unitFloor: string | null;
  baselineTempC: number | null;
  index: number;
};
export type DemoObservation = {
  id: string;
  personId: string;
  at: Date;
  tempC: number | null;
  symptoms: SymptomCode[];
  note: string | null;
};

/**
 * Symptom spells that come and go in any facility: a cold, a rash, a day of poor appetite. Itch (mostly dry skin in old
 * age, manual p.35 ④ 加齢に伴う皮脂欠乏) and a feverish cough (as in aspiration) come back in the same few residents
 * (`recurring`): scattered through the whole home over weeks they would chain into a slow outbreak of the same
 * infection under the national criterion イ, whose quiet periods are 20 days for flu-like illness and 60 for rash or itch.
 */
const BACKGROUND_SPELLS: readonly {
  symptoms: SymptomCode[];
  days: number;
  feverish?: boolean;
  recurring?: boolean;
}[] = [
  { symptoms: ["cough", "sputum"], days: 3 },
  { symptoms: ["runny_nose", "sore_throat"], days: 2 },
  { symptoms: ["poor_intake"], days: 1 },
  { symptoms: ["itch"], days: 2, recurring: true },
  { symptoms: ["cough"], days: 2, feverish: true, recurring: true },
  { symptoms: ["urine_abnormal"], days: 1 },
];

/** The residents in whom recurring spells come back: one in eight. */
const isRecurringSpellPerson = (person: DemoPerson) => person.index % 8 === 0;

/** The gastrointestinal cluster of the last week: who (by index among 2F residents), day offset, hour, symptoms. */
const GI_CLUSTER: readonly {
  resident: number;
  dayOffset: number;
  hour: number;
  symptoms: SymptomCode[];
  tempC?: number;
  note: string;
}[] = [
  { resident: 0, dayOffset: -5, hour: 7, symptoms: ["vomiting", "nausea"], note: "朝食前に嘔吐1回" },
  { resident: 1, dayOffset: -5, hour: 8, symptoms: ["watery_stool", "abdominal_pain"], note: "水様便2回" },
  { resident: 2, dayOffset: -5, hour: 19, symptoms: ["vomiting"], tempC: 37.6, note: "夕食後に嘔吐" },
  {
    resident: 3,
    dayOffset: -4,
    hour: 7,
    symptoms: ["vomiting", "watery_stool"],
    tempC: 38.2,
    note: "夜間に嘔吐2回、水様便",
  },
  { resident: 4, dayOffset: -4, hour: 9, symptoms: ["diarrhea", "nausea"], note: "下痢" },
  { resident: 5, dayOffset: -3, hour: 8, symptoms: ["watery_stool"], note: "水様便1回" },
];

function at(day: Date, hour: number, minute: number, timeZone: string): Date {
  const local = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute, timeZone);
  return new Date(local.getTime());
}

function roundTemp(t: number): number {
  return Math.round(t * 10) / 10;
}

/** Whether a short-stay or day-service user is in the facility on a given day (index 0 = 60 days ago). */
function present(person: DemoPerson, dayIndex: number, weekday: number): boolean {
  if (person.kind === "short_stay") return (dayIndex + person.index * 5) % 14 < 6;
  if (person.kind === "day_service")
    return person.index % 2 === 0 ? [1, 3, 5].includes(weekday) : [2, 4, 6].includes(weekday);
  if (person.kind === "staff") return (dayIndex + person.index) % 7 < 5;
  return true;
}

/**
 * Plans plausible daily rounds for the days before `today`: a morning round for everyone present, background symptom
 * spells at a low rate, and the gastrointestinal cluster of the last week on 2F. Today is left for the user to record.
 */
export function planDemoRounds(
  people: DemoPerson[],
  today: { year: number; month: number; day: number },
  days: number,
  timeZone: string,
  random: () => number,
  uuid: () => string,
): DemoObservation[] {
  const result: DemoObservation[] = [];
  const todayLocal = new TZDate(today.year, today.month - 1, today.day, timeZone);
  const spells = new Map<string, { symptoms: SymptomCode[]; until: number; feverish: boolean }>();
  const clusterResidents = people.filter((p) => p.kind === "resident" && p.unitFloor === "2F");
  const clusterByPersonDay = new Map<string, (typeof GI_CLUSTER)[number]>();
  for (const c of GI_CLUSTER) {
    const person = clusterResidents[c.resident];
    if (person) clusterByPersonDay.set(`${person.id}|${c.dayOffset}`, c);
  }

  for (let dayIndex = 0; dayIndex < days; dayIndex++) {
    const offset = dayIndex - days;
    const day = addDays(todayLocal, offset);
    for (const person of people) {
      if (!present(person, dayIndex, day.getDay())) continue;
      const baseline = person.baselineTempC ?? 36.4;
      let symptoms: SymptomCode[] = [];
      let tempC = roundTemp(baseline + (random() - 0.5) * 0.6);
      let note: string | null = null;

      const spell = spells.get(person.id);
      if (spell && spell.until >= dayIndex) {
        symptoms = [...spell.symptoms];
        if (spell.feverish) tempC = roundTemp(37.5 + random() * 0.4);
      } else if (random() < 0.02 && offset < -7) {
        const s = pick(random, BACKGROUND_SPELLS);
        if (!s.recurring || isRecurringSpellPerson(person)) {
          spells.set(person.id, {
            symptoms: s.symptoms,
            until: dayIndex + s.days - 1,
            feverish: s.feverish ?? false,
          });
          symptoms = [...s.symptoms];
          if (s.feverish) tempC = roundTemp(37.5 + random() * 0.4);
        }
      }

      const cluster = clusterByPersonDay.get(`${person.id}|${offset}`);
      if (cluster) {
        spells.set(person.id, {
          symptoms: cluster.symptoms.filter((s) => s !== "nausea"),
          until: dayIndex + 1,
          feverish: false,
        });
        if (cluster.hour >= 12) {
          result.push({
            id: uuid(),
            personId: person.id,
            at: at(day, 7, 30, timeZone),
            tempC,
            symptoms: [],
            note: null,
          });
        }
        symptoms = [...cluster.symptoms];
        tempC = cluster.tempC ?? tempC;
        note = cluster.note;
      }

      const hour = cluster?.hour ?? (person.kind === "day_service" ? 10 : 7);
      const minute = Math.floor(random() * (person.kind === "staff" ? 30 : 120));
      result.push({
        id: uuid(),
        personId: person.id,
        at: at(day, hour + Math.floor(minute / 60), minute % 60, timeZone),
        tempC,
        symptoms,
        note,
      });
    }
  }
  return result;
}
