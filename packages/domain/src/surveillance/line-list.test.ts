import { describe, expect, it } from "vitest";
import type { ObservationInput, PersonInput } from "./inputs.ts";
import { buildLineList, CLOSE_OFFER_SYMPTOM_FREE_DAYS, type LineListCaseInput } from "./line-list.ts";
import { residents, seen, tokyo } from "./test-scenario.ts";

// Manual §4 1) (seed 002, p.44): 「入所者と職員の健康状態（症状の有無）を、発生した日時や階（あるいはユニット）および居室ごとに
// まとめます。受診状況と診断名、検査、治療の内容を記録しておきます。」 The form 付録4③ (p.85): 発症者状況一覧表 with 受診・診断日
// and 備考. facility-surveillance.md §3: every new onset of a group starts an implicit case.
const AS_OF = tokyo("2026-01-20", "18:00");
const facility = {
  id: "f1",
  timeZone: "Asia/Tokyo",
  units: [
    { id: "u1", name: "1F" },
    { id: "u2", name: "2F" },
  ],
};
const people: PersonInput[] = residents(6).map((person, i) => ({
  ...person,
  unit: i < 3 ? "u2" : "u1",
  room: `room-${String(i % 3)}`,
}));

function days(personId: string, from: number, to: number, symptoms: ObservationInput["symptoms"] = []) {
  const list: ObservationInput[] = [];
  for (let day = from; day <= to; day++) {
    list.push(
      seen(personId, tokyo(`2026-01-${String(day).padStart(2, "0")}`, "08:00"), [...(symptoms ?? [])]),
    );
  }
  return list;
}

const lineList = (observations: ObservationInput[], cases: LineListCaseInput[] = [], asOf = AS_OF) =>
  buildLineList({ facility, people, observations, cases, asOf });

describe("the line list", () => {
  it("lists a new onset of a group as a suspected case with its days, and symptom-free days never close it", () => {
    const list = lineList([
      ...days("r01", 10, 14),
      seen("r01", tokyo("2026-01-15", "06:40"), ["vomiting"], 37.9),
      seen("r01", tokyo("2026-01-15", "19:00"), ["diarrhea"], 38.3),
      ...days("r01", 16, 20),
    ]);
    expect(list.days).toEqual([
      "2026-01-14",
      "2026-01-15",
      "2026-01-16",
      "2026-01-17",
      "2026-01-18",
      "2026-01-19",
      "2026-01-20",
    ]);
    expect(list.entries).toHaveLength(1);
    const entry = list.entries[0]!;
    expect(entry).toMatchObject({
      source: "implicit",
      caseId: null,
      status: "suspected",
      subject: { group: "GI" },
      personId: "r01",
      unitId: "u2",
      roomId: "room-0",
      onsetDate: "2026-01-15",
      onsetAt: "2026-01-15T06:40:00+09:00",
      lastSymptomDate: "2026-01-15",
      resolvedDate: null,
      symptomFreeDays: 5,
      closeOffer: { resolvedDate: "2026-01-16", symptomFreeDays: 5 },
    });
    expect(entry.days[1]).toEqual({
      date: "2026-01-15",
      recorded: true,
      symptoms: ["fever", "vomiting", "diarrhea"],
      lowGradeFever: false,
      maxTempC: 38.3,
      caseSymptoms: true,
    });
    expect(entry.days[0]).toMatchObject({ recorded: true, symptoms: [], caseSymptoms: false });
  });

  it(`offers closing after ${CLOSE_OFFER_SYMPTOM_FREE_DAYS} recorded symptom-free days, not after 2`, () => {
    const base = [...days("r01", 16, 17, ["watery_stool"])];
    const two = lineList([...base, ...days("r01", 18, 19)], [], tokyo("2026-01-19", "18:00")).entries[0]!;
    expect(two.symptomFreeDays).toBe(2);
    expect(two.closeOffer).toBeNull();
    const three = lineList([...base, ...days("r01", 18, 20)]).entries[0]!;
    expect(three.symptomFreeDays).toBe(3);
    expect(three.closeOffer).toEqual({ resolvedDate: "2026-01-18", symptomFreeDays: 3 });
    // Still a current case: it is offered, never closed.
    expect(three.resolvedDate).toBeNull();
  });

  it("does not count a day without a record towards the symptom-free days", () => {
    const list = lineList([
      ...days("r01", 15, 15, ["vomiting"]),
      ...days("r01", 16, 16),
      // 1月17日: nobody recorded r01
      ...days("r01", 18, 19),
    ]);
    expect(list.entries[0]).toMatchObject({ symptomFreeDays: 2, closeOffer: null });
  });

  it("starts the count again when a symptom of the group comes back", () => {
    const list = lineList([
      ...days("r01", 14, 14, ["vomiting"]),
      ...days("r01", 15, 16),
      ...days("r01", 17, 17, ["diarrhea"]),
      ...days("r01", 18, 19),
    ]);
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({
      onsetDate: "2026-01-14",
      lastSymptomDate: "2026-01-17",
      symptomFreeDays: 2,
      closeOffer: null,
    });
  });

  it("keeps a case listed while its latest symptom is within the 7 days shown, not once it is older", () => {
    // Shown: 1月14日–20日. The last symptom on the 14th keeps the case current; on the 13th it has left the list.
    const on14 = lineList([...days("r01", 12, 14, ["diarrhea"]), ...days("r01", 15, 20)]);
    expect(on14.entries.map((entry) => entry.lastSymptomDate)).toEqual(["2026-01-14"]);
    const on13 = lineList([...days("r01", 12, 13, ["diarrhea"]), ...days("r01", 14, 20)]);
    expect(on13.entries).toEqual([]);
  });

  it("lists a case closed within the days shown with its closing day, and not one closed before them", () => {
    const observations = [...days("r01", 12, 13, ["vomiting"]), ...days("r01", 14, 20)];
    const note = (resolvedDate: string): LineListCaseInput => ({
      id: "c1",
      personId: "r01",
      disease: null,
      group: "GI",
      status: "suspected",
      onsetDate: "2026-01-12",
      resolvedDate,
    });
    expect(lineList(observations, [note("2026-01-14")]).entries[0]).toMatchObject({
      caseId: "c1",
      resolvedDate: "2026-01-14",
      closeOffer: null,
    });
    expect(lineList(observations, [note("2026-01-13")]).entries).toEqual([]);
  });

  it("keeps the nurse's notes on the implicit case: confirmation, consultation day and remarks", () => {
    const list = lineList(
      [...days("r02", 18, 20, ["watery_stool"])],
      [
        {
          id: "c2",
          personId: "r02",
          disease: null,
          group: "GI",
          status: "confirmed",
          onsetDate: "2026-01-18",
          diagnosedDate: "2026-01-19",
          remarks: "協力医療機関を受診",
          version: 3,
        },
      ],
    );
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({
      key: "c2",
      caseId: "c2",
      version: 3,
      source: "implicit",
      status: "confirmed",
      disease: null,
      diagnosedDate: "2026-01-19",
      remarks: "協力医療機関を受診",
      onsetAt: "2026-01-18T08:00:00+09:00",
    });
  });

  it("shows a named disease in place of the implicit case it replaces (within 7 days)", () => {
    const list = lineList(
      [...days("r03", 17, 19, ["vomiting"]), ...days("r03", 20, 20)],
      [
        {
          id: "c3",
          personId: "r03",
          disease: "norovirus",
          group: null,
          status: "confirmed",
          onsetDate: "2026-01-17",
          diagnosedDate: "2026-01-18",
        },
      ],
    );
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({
      key: "c3",
      source: "recorded",
      disease: "norovirus",
      subject: { group: "GI" },
      status: "confirmed",
      lastSymptomDate: "2026-01-19",
      symptomFreeDays: 1,
    });
  });

  it("lists a disease of no group under the disease, without an offer to close", () => {
    const list = lineList(
      [...days("r04", 14, 20)],
      [
        {
          id: "c4",
          personId: "r04",
          disease: "tuberculosis",
          group: null,
          status: "suspected",
          onsetDate: "2026-01-15",
        },
      ],
    );
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({ subject: { disease: "tuberculosis" }, closeOffer: null });
  });

  it("lists only the latest case when a new onset follows a gap of more than 3 days", () => {
    const list = lineList([
      ...days("r01", 10, 10, ["diarrhea"]),
      ...days("r01", 11, 14),
      ...days("r01", 15, 15, ["diarrhea"]),
      ...days("r01", 16, 16),
    ]);
    expect(list.entries.map((entry) => entry.onsetDate)).toEqual(["2026-01-15"]);
  });

  it("orders rows by floor in the facility's order, then room", () => {
    const list = lineList([
      ...days("r05", 19, 19, ["diarrhea"]),
      ...days("r04", 19, 19, ["diarrhea"]),
      ...days("r02", 19, 19, ["rash"]),
      ...days("r01", 19, 19, ["diarrhea"]),
    ]);
    expect(list.entries.map((entry) => [entry.unitId, entry.roomId, entry.personId])).toEqual([
      ["u1", "room-0", "r04"],
      ["u1", "room-1", "r05"],
      ["u2", "room-0", "r01"],
      ["u2", "room-1", "r02"],
    ]);
  });

  it("ignores what happens after the as-of instant", () => {
    const list = lineList([
      ...days("r01", 19, 19, ["vomiting"]),
      seen("r01", tokyo("2026-01-20", "20:00"), ["diarrhea"]),
    ]);
    expect(list.entries[0]!.days.at(-1)).toMatchObject({ recorded: false });
  });

  it("names the input of a case that has neither a disease nor a group", () => {
    expect(() =>
      lineList(
        [],
        [
          {
            id: "x",
            personId: "r01",
            disease: null,
            group: null,
            status: "suspected",
            onsetDate: "2026-01-15",
          },
        ],
      ),
    ).toThrow(/cases\[0\]\.disease/);
  });
});
