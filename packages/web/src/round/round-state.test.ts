import { describe, expect, it } from "vitest";
import type { Observation, Round, RoundPerson } from "../api/types.ts";
import type { OutboxItem } from "../outbox/outbox.ts";
import { buildRow, buildRows, peopleToClear, sectionsOf, uncheckedCount } from "./round-state.ts";

const DAY = "2026-11-23";

function person(id: string, room: string | null, extra: Partial<RoundPerson> = {}): RoundPerson {
  return { id, name: `氏名${id}`, kind: "resident", room, baselineTempC: null, observations: [], ...extra };
}

function saved(id: string, personId: string, extra: Partial<Observation> = {}): Observation {
  return {
    id,
    personId,
    at: `${DAY}T07:00:00+09:00`,
    day: DAY,
    tempC: null,
    symptoms: [],
    note: null,
    temperatureClass: null,
    version: 1,
    recordedBy: "demo-care",
    ...extra,
  };
}

function queued(id: string, personId: string, extra: Partial<OutboxItem> = {}, tempC?: number): OutboxItem {
  return {
    observation: {
      id,
      personId,
      at: `${DAY}T07:10:00+09:00`,
      symptoms: [],
      ...(tempC === undefined ? {} : { tempC }),
    },
    day: DAY,
    unitId: "u1",
    queuedAt: `${DAY}T07:10:00+09:00`,
    attempts: 0,
    status: "pending",
    ...extra,
  };
}

describe("round rows", () => {
  it("someone with no entry is unchecked; an entry with nothing in it means checked, nothing new", () => {
    expect(buildRow(person("a", "101"), []).status).toBe("unchecked");
    const row = buildRow(person("a", "101", { observations: [saved("o1", "a")] }), []);
    expect(row.status).toBe("clear");
    expect(row.pending).toBe(false);
  });

  it("an entry still in the outbox counts as checked and shows as pending", () => {
    const row = buildRow(person("a", "101"), [queued("q1", "a")]);
    expect(row.status).toBe("clear");
    expect(row.pending).toBe(true);
    expect(row.entries[0]!.sync).toBe("pending");
  });

  it("classifies a queued temperature at once from the usual temperature (38.0, or usual + 1.0: manual p.33–34)", () => {
    const usual = person("a", "101", { baselineTempC: 36.2 });
    expect(buildRow(usual, [queued("q", "a", {}, 37.2)]).temperatureClass).toBe("fever");
    expect(buildRow(usual, [queued("q", "a", {}, 37.1)]).temperatureClass).toBe("normal");
    expect(buildRow(person("b", "102"), [queued("q", "b", {}, 37.6)]).temperatureClass).toBe(
      "low_grade_fever",
    );
    expect(buildRow(person("b", "102"), [queued("q", "b", {}, 37.6)]).status).toBe("finding");
  });

  it("a symptom makes a finding; the day shows the highest temperature and the worst class", () => {
    const p = person("a", "101", {
      observations: [
        saved("o1", "a", { tempC: 38.4, temperatureClass: "fever" }),
        saved("o2", "a", {
          at: `${DAY}T15:00:00+09:00`,
          tempC: 37.0,
          temperatureClass: "normal",
          symptoms: ["cough"],
        }),
      ],
    });
    const row = buildRow(p, []);
    expect(row).toMatchObject({
      status: "finding",
      maxTempC: 38.4,
      temperatureClass: "fever",
      symptoms: ["cough"],
    });
  });

  it("the server's copy of an entry wins over the outbox copy with the same id (it carries corrections)", () => {
    const p = person("a", "101", { observations: [saved("x", "a", { symptoms: ["vomiting"], version: 2 })] });
    const row = buildRow(p, [queued("x", "a")]);
    expect(row.entries).toHaveLength(1);
    expect(row.entries[0]).toMatchObject({ sync: "saved", symptoms: ["vomiting"], version: 2 });
  });

  it("a refused entry does not count as a check", () => {
    const row = buildRow(person("a", "101"), [queued("q", "a", { status: "rejected" })]);
    expect(row.status).toBe("unchecked");
    expect(row.rejected).toBe(true);
  });

  it("orders rooms naturally, ignores outbox entries of other days, and counts the unchecked", () => {
    const round: Round = {
      date: DAY,
      unit: { id: "u1", name: "1階", floor: "1F" },
      people: [person("c", "110"), person("a", "102"), person("b", "103"), person("d", null)],
    };
    const rows = buildRows(round, [queued("q1", "a"), queued("q2", "b", { day: "2026-11-22" })]);
    expect(rows.map((r) => r.person.id)).toEqual(["a", "b", "c", "d"]);
    expect(uncheckedCount(rows)).toBe(3);
  });

  it("全員変わりなし covers only those not yet checked", () => {
    const round: Round = {
      date: DAY,
      unit: { id: "u1", name: "1階", floor: "1F" },
      people: [
        person("a", "101", { observations: [saved("o", "a", { symptoms: ["vomiting"] })] }),
        person("b", "102"),
        person("c", "103"),
      ],
    };
    const rows = buildRows(round, [queued("q", "c")]);
    expect(peopleToClear(rows).map((p) => p.id)).toEqual(["b"]);
  });

  it("全員変わりなし is for residents and short-stay guests only; day-service users and staff are their own sections", () => {
    const round: Round = {
      date: DAY,
      unit: { id: "u1", name: "2階", floor: "2F" },
      people: [
        person("s", null, { kind: "staff" }),
        person("d", "201", { kind: "day_service" }),
        person("r", "202"),
        person("t", "203", { kind: "short_stay" }),
      ],
    };
    const rows = buildRows(round, []);
    expect(peopleToClear(rows).map((p) => p.id)).toEqual(["r", "t"]);
    expect(uncheckedCount(rows)).toBe(4);
    expect(sectionsOf(rows).map((s) => [s.id, s.rows.map((r) => r.person.id)])).toEqual([
      ["living", ["r", "t"]],
      ["day_service", ["d"]],
      ["staff", ["s"]],
    ]);
    expect(sectionsOf(rows.filter((r) => r.person.kind === "resident")).map((s) => s.id)).toEqual(["living"]);
  });
});
