import { describe, expect, it } from "vitest";
import { captureRun, inputFolder, runMamori } from "../test/run-cli.ts";
import { run } from "./evaluate-command.ts";

// contracts/evaluate.md: one JSON document on stdout and exit 0; an invalid scenario or profile exits 2 with nothing on
// stdout and a message on stderr that names the first bad field.
const contractScenario = {
  facility: { id: "f1", type: "elderly_care", timeZone: "Asia/Tokyo", units: [{ id: "1F" }, { id: "2F" }] },
  people: [
    { id: "r01", kind: "resident", unit: "1F", room: "101", baselineTempC: 36.2 },
    { id: "r07", kind: "resident", unit: "2F" },
    { id: "d01", kind: "day_service" },
    { id: "s01", kind: "staff", job: "care" },
  ],
  observations: [
    { personId: "r01", at: "2026-01-10T08:30:00+09:00", tempC: 38.1, symptoms: ["vomiting"] },
    { personId: "r02", at: "2026-01-10T09:00:00+09:00", symptoms: [] },
    { personId: "r07", at: "2026-01-10T21:10:00+09:00", symptoms: ["watery_stool"] },
    { personId: "r01", at: "2026-01-11T08:30:00+09:00", tempC: 37.0, symptoms: [] },
  ],
  cases: [
    {
      personId: "r03",
      disease: "norovirus",
      status: "confirmed",
      onsetDate: "2026-01-09",
      resolvedDate: null,
      outcomes: [{ kind: "hospitalised", date: "2026-01-10" }],
    },
  ],
  antibiotics: [{ personId: "r04", start: "2026-01-01", end: "2026-01-07" }],
  bathUse: [{ personId: "r05", date: "2026-01-02" }],
  asOf: "2026-01-11T09:00:00+09:00",
  profile: "mhlw-2005",
};

const { file, path: inFolder } = inputFolder("mamori-evaluate-");
const call = (args: string[]) => captureRun(run, args);

/** The contract scenario with one field changed by `edit`. */
async function variant(
  name: string,
  edit: (scenario: typeof contractScenario & Record<string, unknown>) => void,
) {
  const copy = structuredClone(contractScenario) as typeof contractScenario & Record<string, unknown>;
  edit(copy);
  return file(name, copy);
}

describe("mamori evaluate", () => {
  it("prints asOf, profile, the 7 days and the alerts of the contract's scenario", async () => {
    const { code, stdout, stderr } = await call([await file("contract.json", contractScenario)]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.asOf).toBe("2026-01-11T09:00:00+09:00");
    expect(output.profile).toBe("mhlw-2005");
    expect(output.days).toEqual([
      "2026-01-05",
      "2026-01-06",
      "2026-01-07",
      "2026-01-08",
      "2026-01-09",
      "2026-01-10",
      "2026-01-11",
    ]);
    const lines = output.alerts.map(
      (a: { day: string; code: string; subject: object }) =>
        `${a.day} ${a.code} ${Object.values(a.subject).join("/")}`,
    );
    // r01 vomiting 08:30 and r07 watery stool 21:10 on 01-10: 12 h 40 min apart (manual p.54).
    expect(lines).toContain("2026-01-10 NORO_CLUSTER_24H GI");
    expect(lines).toContain("2026-01-10 FEVER r01");
    const cluster = output.alerts.find((a: { code: string }) => a.code === "NORO_CLUSTER_24H");
    expect(cluster).toMatchObject({
      subject: { group: "GI" },
      profile: "mhlw-2005",
      evidence: { personIds: ["r01", "r07"], count: 2, threshold: 2, source: { pages: [54] } },
    });
    expect(lines).toEqual(
      [...lines].sort((a: string, b: string) => (a.split(" ")[0]! < b.split(" ")[0]! ? -1 : 0) || 0),
    );
  });

  it("takes --as-of, --lookback and --profile over the scenario's own", async () => {
    const path = await file("contract.json", contractScenario);
    const { code, stdout } = await call([
      path,
      "--as-of",
      "2026-01-20T09:00:00+09:00",
      "--lookback",
      "3",
      "--profile",
      "childcare",
    ]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({
      asOf: "2026-01-20T09:00:00+09:00",
      profile: "childcare",
      days: ["2026-01-18", "2026-01-19", "2026-01-20"],
    });
    // The GI cluster of 01-10 has had no new onset for 7 days (manual p.56).
    expect(output.alerts.map((a: { code: string; day: string }) => `${a.day} ${a.code}`)).toEqual([
      "2026-01-18 OUTBREAK_END_ELIGIBLE",
      "2026-01-19 OUTBREAK_END_ELIGIBLE",
      "2026-01-20 OUTBREAK_END_ELIGIBLE",
    ]);
  });

  // seeds/002_091590dabd09ea3f.txt, 付録1① item 4 (p.69): ア 「1 週間に 2 名以上」 has a week, イ 「10 名以上又は全利用者の半数以上発生した場合」 none.
  // Nationally イ counts everyone ill in the current outbreak (onsets chained with gaps under the group's quiet period,
  // 7 days for GI: p.56 「新しい患者が1週間出なければ」); rolling-7d counts onsets of the last 7 days.
  it("counts the current outbreak for criterion イ, or the last 7 days with --profile rolling-7d", async () => {
    const residents = Array.from({ length: 40 }, (_, i) => ({
      id: `r${String(i + 1).padStart(2, "0")}`,
      kind: "resident",
      unit: "1F",
    }));
    // One new GI onset a day from 01-01 to 01-10: ten people in a 10-day outbreak.
    const observations = residents.slice(0, 10).map((person, i) => ({
      personId: person.id,
      at: `2026-01-${String(i + 1).padStart(2, "0")}T10:00:00+09:00`,
      symptoms: ["diarrhea"],
    }));
    const path = await file("chained.json", {
      facility: { id: "f1", type: "elderly_care", timeZone: "Asia/Tokyo" },
      people: residents,
      observations,
      asOf: "2026-01-10T20:00:00+09:00",
    });
    const criterionB = (stdout: string) =>
      JSON.parse(stdout).alerts.filter((a: { code: string }) => a.code === "REPORT_CRITERION_B");
    const national = await call([path, "--lookback", "1"]);
    expect(national.code).toBe(0);
    expect(criterionB(national.stdout)).toEqual([
      expect.objectContaining({
        day: "2026-01-10",
        subject: { group: "GI" },
        profile: "mhlw-2005",
        evidence: expect.objectContaining({
          counting: "outbreak",
          count: 10,
          threshold: 10,
          window: { from: "2026-01-01", to: "2026-01-10" },
          outbreak: { firstOnset: "2026-01-01", lastOnset: "2026-01-10", quietDays: 7 },
        }),
      }),
    ]);
    const rolling = await call([path, "--lookback", "1", "--profile", "rolling-7d"]);
    expect(rolling.code).toBe(0);
    expect(JSON.parse(rolling.stdout).profile).toBe("rolling-7d");
    expect(criterionB(rolling.stdout)).toEqual([]);
  });

  it("refuses a profile whose criterion B does not say how it counts", async () => {
    const { readFile } = await import("node:fs/promises");
    const national = JSON.parse(
      await readFile(
        new URL("../../../domain/src/surveillance/profiles/mhlw-2005.json", import.meta.url),
        "utf8",
      ),
    );
    const { counting: _counting, ...uncounted } = national.criteria.default.B;
    const bad = await file("uncounted.json", {
      ...national,
      id: "uncounted",
      criteria: { ...national.criteria, default: { ...national.criteria.default, B: uncounted } },
    });
    const failed = await call([await file("contract.json", contractScenario), "--profile", bad]);
    expect(failed).toEqual({
      code: 2,
      stdout: "",
      stderr: `mamori evaluate: ${bad}: criteria.default.B.counting: expected one of outbreak, window (got null)\n`,
    });
  });

  it("reads a profile file, and names the bad field of an invalid one", async () => {
    const { readFile } = await import("node:fs/promises");
    const city = JSON.parse(
      await readFile(
        new URL("../../../domain/src/surveillance/profiles/city-strict.json", import.meta.url),
        "utf8",
      ),
    );
    const good = await file("my-profile.json", { ...city, id: "my-city" });
    const scenarioPath = await file("contract.json", contractScenario);
    const ok = await call([scenarioPath, "--profile", good]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).profile).toBe("my-city");

    const bad = await file("bad-profile.json", {
      ...city,
      criteria: {
        ...city.criteria,
        default: { ...city.criteria.default, B: { ...city.criteria.default.B, usersFraction: 1.5 } },
      },
    });
    const failed = await call([scenarioPath, "--profile", bad]);
    expect(failed).toEqual({
      code: 2,
      stdout: "",
      stderr: `mamori evaluate: ${bad}: criteria.default.B.usersFraction: expected a number above 0 up to 1\n`,
    });
  });

  it("resolves a scenario's profile file next to the scenario", async () => {
    const { readFile } = await import("node:fs/promises");
    const childcare = JSON.parse(
      await readFile(
        new URL("../../../domain/src/surveillance/profiles/childcare.json", import.meta.url),
        "utf8",
      ),
    );
    await file("local-profile.json", { ...childcare, id: "local" });
    const path = await variant("with-profile-file.json", (s) => {
      s.profile = "./local-profile.json";
    });
    const result = await call([path]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).profile).toBe("local");
  });

  const invalid: [string, (s: typeof contractScenario & Record<string, unknown>) => void, string][] = [
    [
      "a temperature out of range",
      (s) => {
        s.observations.push({ personId: "r01", at: "2026-01-11T10:00:00+09:00", tempC: 50, symptoms: [] });
      },
      "observations[4].tempC: expected a number between 30 and 45",
    ],
    [
      "a temperature that is not a number",
      (s) => {
        (s.observations[3] as Record<string, unknown>).tempC = "37.0";
      },
      "observations[3].tempC: expected a number between 30 and 45",
    ],
    [
      "an unknown symptom",
      (s) => {
        (s.observations[0] as Record<string, unknown>).symptoms = ["vomiting", "fainting"];
      },
      'observations[0].symptoms[1]: expected one of fever, nausea, vomiting, diarrhea, watery_stool, bloody_stool, abdominal_pain, cough, sputum, sore_throat, runny_nose, rash, skin_redness_swelling, itch, poor_intake, headache, reduced_consciousness, abnormal_pulse, tachypnea, pallor_cyanosis, urine_abnormal, other (got "fainting")',
    ],
    [
      "a misspelt field",
      (s) => {
        (s.observations[1] as Record<string, unknown>).tempc = 38.2;
      },
      "observations[1].tempc: unknown field",
    ],
    [
      "an instant without an offset",
      (s) => {
        s.observations[2]!.at = "2026-01-10T21:10:00";
      },
      "observations[2].at: expected an ISO instant with offset, such as 2026-01-10T08:30:00+09:00",
    ],
    [
      "an impossible date",
      (s) => {
        s.cases[0]!.onsetDate = "2026-02-30";
      },
      "cases[0].onsetDate: expected a date YYYY-MM-DD",
    ],
    [
      "an unknown person kind",
      (s) => {
        (s.people[2] as Record<string, unknown>).kind = "visitor";
      },
      'people[2].kind: expected one of resident, short_stay, day_service, staff (got "visitor")',
    ],
    [
      "a duplicate person",
      (s) => {
        s.people.push({ id: "r01", kind: "resident" } as (typeof s.people)[number]);
      },
      'people[4].id: duplicate person id "r01"',
    ],
    [
      "an unknown unit",
      (s) => {
        s.people[0]!.unit = "3F";
      },
      'people[0].unit: unknown unit "3F" (facility units: 1F, 2F)',
    ],
    [
      "an unknown time zone",
      (s) => {
        s.facility.timeZone = "Asia/Edo";
      },
      "facility.timeZone: expected an IANA time zone such as Asia/Tokyo",
    ],
    [
      "an antibiotic course ending before it starts",
      (s) => {
        s.antibiotics[0]!.end = "2025-12-31";
      },
      "antibiotics[0].end: expected a date on or after start",
    ],
    [
      "a missing people list",
      (s) => {
        delete (s as Record<string, unknown>).people;
      },
      "people: expected a list of people",
    ],
    [
      "a notified date before the diagnosis",
      (s) => {
        s.cases[0] = { ...s.cases[0]!, consultationDate: "2026-01-10", notifiedDate: "2026-01-09" } as never;
      },
      "cases[0].notifiedDate: expected a date on or after consultationDate",
    ],
    [
      "no asOf anywhere",
      (s) => {
        delete (s as Record<string, unknown>).asOf;
      },
      "asOf: required (in the scenario or as --as-of)",
    ],
    [
      "an unknown profile id",
      (s) => {
        s.profile = "osaka";
      },
      'profile: unknown profile "osaka" (built in: mhlw-2005, childcare, city-strict, rolling-7d; or a profile file)',
    ],
  ];

  it.each(invalid)("exits 2 on %s, naming the field, with nothing on stdout", async (_, edit, message) => {
    const path = await variant("invalid.json", edit);
    expect(await call([path])).toEqual({ code: 2, stdout: "", stderr: `mamori evaluate: ${message}\n` });
  });

  it("produces NOTIFY_DEADLINE for a notifiable diagnosis until its notified date (manual p.48, 付録2 表A2)", async () => {
    // EHEC is 3類: 「診断後直ちに届出（全数）」. Diagnosed (受診・診断日) on 01-10: due that day, late on 01-11.
    const ehec = {
      personId: "r01",
      disease: "ehec",
      status: "confirmed",
      onsetDate: "2026-01-09",
      consultationDate: "2026-01-10",
    };
    const notify = async (extra: Record<string, unknown>) => {
      const path = await variant("notify.json", (s) => {
        s.cases.push({ ...ehec, ...extra } as never);
      });
      const { code, stdout } = await call([path, "--lookback", "3"]);
      expect(code).toBe(0);
      return JSON.parse(stdout).alerts.filter((a: { code: string }) => a.code === "NOTIFY_DEADLINE");
    };
    const open = await notify({});
    expect(
      open.map((a: { day: string; subject: unknown; evidence: { overdue: boolean } }) => [
        a.day,
        a.subject,
        a.evidence.overdue,
      ]),
    ).toEqual([
      ["2026-01-10", { personId: "r01", disease: "ehec" }, false],
      ["2026-01-11", { personId: "r01", disease: "ehec" }, true],
    ]);
    expect(open[0].evidence).toMatchObject({ dueDate: "2026-01-10", category: "3", deadline: "immediate" });
    expect(await notify({ notifiedDate: "2026-01-11" })).toHaveLength(1);
    // The contract's norovirus case is 5類定点: notified by sentinel institutions only, no alert.
    expect(open.some((a: { subject: { disease: string } }) => a.subject.disease === "norovirus")).toBe(false);
  });

  it("exits 2 on bad options, unreadable or non-JSON files and a missing argument", async () => {
    const path = await file("contract.json", contractScenario);
    expect((await call([path, "--lookback", "0"])).stderr).toBe(
      "mamori evaluate: --lookback: expected a whole number of days from 1 to 3660\n",
    );
    expect((await call([path, "--as-of", "tomorrow"])).stderr).toBe(
      "mamori evaluate: --as-of: expected an ISO instant with offset, such as 2026-01-11T09:00:00+09:00\n",
    );
    expect((await call([path, "--profile", "nowhere"])).stderr).toContain(
      '--profile: unknown profile "nowhere"',
    );
    expect((await call([path, "--colour"])).code).toBe(2);
    const missing = await call([inFolder("missing.json")]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("cannot read scenario file");
    const notJson = await call([await file("broken.json", "{ facility: ")]);
    expect(notJson).toMatchObject({ code: 2, stdout: "" });
    expect(notJson.stderr).toContain("is not JSON");
    expect(await call([])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "usage: mamori evaluate SCENARIO.json [--as-of ISO-INSTANT] [--profile ID-or-FILE] [--lookback DAYS]\n",
    });
  });

  it("runs through the mamori binary", async () => {
    const path = await file("contract.json", contractScenario);
    const ok = await runMamori(["evaluate", path, "--lookback", "1"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ profile: "mhlw-2005", days: ["2026-01-11"] });
    const failure = await runMamori(["evaluate", inFolder("missing.json")]);
    expect(failure).toMatchObject({ code: 2, stdout: "" });
  }, 30_000);
});
