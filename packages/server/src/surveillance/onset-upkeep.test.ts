import { describe, expect, it } from "vitest";
import { onsetUpkeep, type StoredKeptOnset } from "./onset-upkeep.ts";

// The round's write sends only what a recomputation changes in the kept onsets (record-observations.ts).
describe("the kept onsets a recomputation changes", () => {
  const person = "11111111-1111-4111-8111-111111111111";
  const other = "22222222-2222-4222-8222-222222222222";
  // A write on 2026-12-03 (Tokyo): its person's days 2026-12-03 to 2026-12-06 are recomputed (the gap of 3 days).
  const upkeep = onsetUpkeep("Asia/Tokyo", null, [
    { personId: person, at: new Date("2026-12-03T01:00:00Z") },
  ]);
  const at = new Date("2026-12-03T01:00:00Z");
  const stored = (
    day: string,
    subject: StoredKeptOnset["subject"],
    atMs = at.getTime(),
  ): StoredKeptOnset => ({
    personId: person,
    subject,
    day,
    atMs,
    unitId: null,
    personKind: "resident",
  });
  const recomputed = (day: string, subject: StoredKeptOnset["subject"], unitId: string | null = null) => ({
    personId: person,
    subject,
    day,
    at,
    unitId,
    personKind: "resident" as const,
  });

  it("leaves the same onsets alone, writes the new and the changed, and removes those no longer found", () => {
    const { removed, written } = upkeep.changes(
      [
        recomputed("2026-12-03", "FEVER"),
        recomputed("2026-12-03", "GI", "unit-2"),
        recomputed("2026-12-04", "RESP"),
      ],
      [
        stored("2026-12-03", "FEVER"),
        stored("2026-12-03", "GI"),
        stored("2026-12-05", "SKIN"),
        stored("2026-12-03", "RESP", at.getTime() + 1),
      ],
    );
    expect(written.map((o) => `${o.day} ${o.subject}`)).toEqual(["2026-12-03 GI", "2026-12-04 RESP"]);
    expect(removed.map((o) => `${o.day} ${o.subject}`)).toEqual(["2026-12-05 SKIN", "2026-12-03 RESP"]);
  });

  it("touches no kept onset outside the days recomputed, nor another person's", () => {
    const { removed, written } = upkeep.changes(
      [],
      [
        stored("2026-12-02", "FEVER"), // the day before the earliest written
        stored("2026-12-06", "FEVER"), // the last day of the gap: recomputed
        stored("2026-12-07", "FEVER"), // after it
        { ...stored("2026-12-03", "FEVER"), personId: other },
      ],
    );
    expect(written).toEqual([]);
    expect(removed.map((o) => `${o.personId === person ? "person" : "other"} ${o.day}`)).toEqual([
      "person 2026-12-06",
    ]);
  });
});
