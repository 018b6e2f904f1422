import { describe, expect, it } from "vitest";
import type { ObservationInput, PersonInput } from "./inputs.ts";
import { createLocalDayResolver, dayNumberOf, isoDayOf } from "./local-day.ts";
import { countOnsetsByDay, findNewOnsets, personOnsets } from "./onsets.ts";
import { indexObservations } from "./person-days.ts";
import { SYNDROME_GROUP_CONDITIONS } from "./syndrome-groups.ts";
import { residents, seen, tokyo } from "./test-scenario.ts";

const resolver = createLocalDayResolver("Asia/Tokyo");
const asOfMs = Date.parse("2026-12-31T00:00:00+09:00");
const index = (observations: ObservationInput[], people: PersonInput[] = residents(20)) =>
  indexObservations({ people, observations, resolver, asOfMs });
const days = (onsets: { day: number }[]) => onsets.map((onset) => isoDayOf(onset.day));

// New onset (新たな発症, manual 付録4② p.84): present on d, absent on d−1, d−2, d−3 — the 3-day gap is the decision of
// facility-surveillance.md §3; a day without any record counts as absent.
describe("new onsets", () => {
  it("a symptom back after 3 symptom-free days is a new onset; after 2 it is not", () => {
    const threeFree = index([
      seen("r01", tokyo("2026-01-01"), ["vomiting"]),
      seen("r01", tokyo("2026-01-02")),
      seen("r01", tokyo("2026-01-03")),
      seen("r01", tokyo("2026-01-04")),
      seen("r01", tokyo("2026-01-05"), ["vomiting"]),
    ]);
    expect(days(findNewOnsets(threeFree, [["vomiting"]]))).toEqual(["2026-01-01", "2026-01-05"]);
    const twoFree = index([
      seen("r01", tokyo("2026-01-01"), ["vomiting"]),
      seen("r01", tokyo("2026-01-02")),
      seen("r01", tokyo("2026-01-03")),
      seen("r01", tokyo("2026-01-04"), ["vomiting"]),
    ]);
    expect(days(findNewOnsets(twoFree, [["vomiting"]]))).toEqual(["2026-01-01"]);
  });

  it("days without a record count as absent", () => {
    const gap = index([
      seen("r01", tokyo("2026-01-01"), ["cough"]),
      seen("r01", tokyo("2026-01-05"), ["cough"]),
    ]);
    expect(days(findNewOnsets(gap, SYNDROME_GROUP_CONDITIONS.RESP))).toEqual(["2026-01-01", "2026-01-05"]);
  });

  it("the gap is a setting", () => {
    const data = index([
      seen("r01", tokyo("2026-01-01"), ["rash"]),
      seen("r01", tokyo("2026-01-03"), ["rash"]),
    ]);
    expect(days(findNewOnsets(data, SYNDROME_GROUP_CONDITIONS.SKIN, 1))).toEqual([
      "2026-01-01",
      "2026-01-03",
    ]);
    expect(days(findNewOnsets(data, SYNDROME_GROUP_CONDITIONS.SKIN, 3))).toEqual(["2026-01-01"]);
  });

  it("the onset time is the first observation of the day that shows it", () => {
    const data = index([
      seen("r01", tokyo("2026-01-10", "20:00"), ["diarrhea"]),
      seen("r01", tokyo("2026-01-10", "08:00")),
      seen("r01", tokyo("2026-01-10", "14:00"), ["vomiting"]),
    ]);
    const [onset] = findNewOnsets(data, SYNDROME_GROUP_CONDITIONS.GI);
    expect(resolver.format(onset!.atMs)).toBe("2026-01-10T14:00:00+09:00");
  });

  it("an ILI onset is timed by the observation that completes fever plus a respiratory symptom", () => {
    const data = index([
      seen("r01", tokyo("2026-01-10", "08:00"), [], 38.2),
      seen("r01", tokyo("2026-01-10", "15:00"), ["cough"], 37.4),
    ]);
    const timeline = data.byPersonId.get("r01")!;
    const [onset] = personOnsets(timeline, SYNDROME_GROUP_CONDITIONS.ILI);
    expect(resolver.format(onset!.atMs)).toBe("2026-01-10T15:00:00+09:00");
    expect(
      personOnsets(timeline, SYNDROME_GROUP_CONDITIONS.FEVER).map((o) => resolver.format(o.atMs)),
    ).toEqual(["2026-01-10T08:00:00+09:00"]);
  });

  it("fever comes from the temperature against the usual one (manual p.33–34)", () => {
    const people: PersonInput[] = [{ id: "r01", kind: "resident", baselineTempC: 36.2 }];
    const data = index(
      [seen("r01", tokyo("2026-01-10"), [], 37.1), seen("r01", tokyo("2026-01-15"), [], 37.2)],
      people,
    );
    expect(days(findNewOnsets(data, SYNDROME_GROUP_CONDITIONS.FEVER))).toEqual(["2026-01-15"]);
  });

  it("counts new onsets per day as the weekly trend sheet does (manual 付録4② p.84: fever 3,3,4,2,1,0,0 = 13)", () => {
    const perDay = [3, 3, 4, 2, 1, 0, 0];
    const observations: ObservationInput[] = [];
    let person = 1;
    perDay.forEach((count, offset) => {
      for (let k = 0; k < count; k++) {
        const day = isoDayOf(dayNumberOf("2026-01-05") + offset);
        observations.push(seen(`r${String(person++).padStart(2, "0")}`, tokyo(day), [], 38.4));
      }
    });
    const onsets = findNewOnsets(index(observations), SYNDROME_GROUP_CONDITIONS.FEVER);
    const counts = countOnsetsByDay(onsets, dayNumberOf("2026-01-05"), dayNumberOf("2026-01-11"));
    expect(counts).toEqual(perDay);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(13);
  });
});
