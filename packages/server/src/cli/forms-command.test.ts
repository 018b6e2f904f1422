import { describe, expect, it } from "vitest";
import { captureRun, inputFolder, runMamori } from "../test/run-cli.ts";
import { run } from "./forms-command.ts";

// contracts/forms.md: the scenario of `mamori evaluate` (same validation, same exit codes: 0 with one JSON document on
// stdout; 2 with nothing on stdout and the bad field named on stderr).
const scenario = {
  facility: { id: "f1", type: "elderly_care", timeZone: "Asia/Tokyo", units: [{ id: "1F" }, { id: "2F" }] },
  people: [
    { id: "r01", kind: "resident", unit: "1F", room: "101", baselineTempC: 36.2 },
    { id: "r03", kind: "resident", unit: "2F", room: "203" },
    { id: "ss1", kind: "short_stay", unit: "2F", room: "210" },
    { id: "d01", kind: "day_service" },
    { id: "s01", kind: "staff", job: "care" },
    { id: "k01", kind: "staff", job: "kitchen" },
  ],
  observations: [
    { personId: "r01", at: "2027-01-04T08:30:00+09:00", tempC: 37.2, symptoms: [] }, // usual + 1.0 °C: fever
    { personId: "r03", at: "2027-01-05T09:00:00+09:00", symptoms: ["vomiting", "watery_stool"] },
    { personId: "ss1", at: "2027-01-05T09:00:00+09:00", tempC: 37.8, symptoms: ["nausea"] }, // 微熱: no ●
    { personId: "d01", at: "2027-01-06T10:00:00+09:00", symptoms: ["diarrhea"] },
    { personId: "k01", at: "2027-01-06T10:00:00+09:00", tempC: 38.4, symptoms: ["vomiting"] },
    { personId: "s01", at: "2027-01-07T10:00:00+09:00", symptoms: ["cough"] },
    { personId: "r01", at: "2027-01-20T10:00:00+09:00", symptoms: ["vomiting"] }, // after asOf
  ],
  cases: [
    {
      personId: "r03",
      disease: "norovirus",
      status: "confirmed",
      onsetDate: "2027-01-05",
      consultationDate: "2027-01-06",
      remarks: "便検査",
    },
  ],
  asOf: "2027-01-11T09:00:00+09:00",
};

const { file, path: inFolder } = inputFolder("mamori-forms-");
const call = (args: string[]) => captureRun(run, args);

describe("mamori forms weekly", () => {
  it("prints the week's days, the residents and a row per column", async () => {
    const { code, stdout, stderr } = await call([
      "weekly",
      await file("s.json", scenario),
      "--week-start",
      "2027-01-04",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.weekStart).toBe("2027-01-04");
    expect(output.days).toHaveLength(7);
    expect(output.residents).toBe(3);
    const rows = Object.fromEntries(
      output.rows.map((r: { column: string; counts: number[] }) => [r.column, r.counts]),
    );
    expect(Object.keys(rows)).toEqual(["fever", "vomiting", "diarrhea", "cough", "throat", "rash", "other"]);
    expect(rows.fever).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(rows.vomiting).toEqual([0, 2, 0, 0, 0, 0, 0]); // r03 and ss1; r01 on 01-20 is after asOf (and the week)
    expect(rows.diarrhea).toEqual([0, 1, 0, 0, 0, 0, 0]); // d01 is a day-service user: not counted
    expect(rows.cough).toEqual([0, 0, 0, 0, 0, 0, 0]); // s01 is staff
  });

  it("lets --as-of cut the observations", async () => {
    const { stdout } = await call([
      "weekly",
      await file("s.json", scenario),
      "--week-start",
      "2027-01-04",
      "--as-of",
      "2027-01-05T08:00:00+09:00",
    ]);
    expect(JSON.parse(stdout).rows[1].total).toBe(0);
  });
});

describe("mamori forms physician-report", () => {
  it("prints the lines in the form's order with marks, 受診・診断日 and 備考, and the tally", async () => {
    const { code, stdout, stderr } = await call([
      "physician-report",
      await file("s.json", scenario),
      "--from",
      "2027-01-04",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.days).toEqual([
      "2027-01-04",
      "2027-01-05",
      "2027-01-06",
      "2027-01-07",
      "2027-01-08",
      "2027-01-09",
    ]);
    expect(output.lines).toEqual([
      {
        personId: "r01",
        section: "resident",
        unit: "1F",
        room: "101",
        marks: ["●", "", "", "", "", ""],
        consultationDate: null,
        remarks: "",
      },
      {
        personId: "r03",
        section: "resident",
        unit: "2F",
        room: "203",
        marks: ["", "◎", "", "", "", ""],
        consultationDate: "2027-01-06",
        remarks: "ノロウイルス感染症（確定） 便検査",
      },
      {
        personId: "ss1",
        section: "short_stay",
        unit: "2F",
        room: "210",
        marks: ["", "□", "", "", "", ""],
        consultationDate: null,
        remarks: "",
      },
      {
        personId: "k01",
        section: "kitchen_staff",
        unit: null,
        room: null,
        marks: ["", "", "●□", "", "", ""],
        consultationDate: null,
        remarks: "",
      },
      {
        personId: "d01",
        section: "day_service",
        unit: null,
        room: null,
        marks: ["", "", "△", "", "", ""],
        consultationDate: null,
        remarks: "",
      },
    ]);
    expect(output.tally).toEqual([
      { row: "unit:1F", counts: [1, 0, 0, 0, 0, 0], total: 1 },
      { row: "unit:2F", counts: [0, 2, 0, 0, 0, 0], total: 2 },
      { row: "co_located", counts: [0, 0, 1, 0, 0, 0], total: 1 },
      { row: "staff", counts: [0, 0, 1, 0, 0, 0], total: 1 },
    ]);
  });

  it("takes --days", async () => {
    const { stdout } = await call([
      "physician-report",
      await file("s.json", scenario),
      "--from",
      "2027-01-05",
      "--days",
      "3",
    ]);
    expect(JSON.parse(stdout).days).toEqual(["2027-01-05", "2027-01-06", "2027-01-07"]);
  });
});

describe("mamori forms — bad input: exit 2, nothing on stdout, the field named on stderr", () => {
  const bad = async (args: string[], message: RegExp) => {
    const result = await call(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  };

  it("names the bad field of the scenario, as mamori evaluate does", async () => {
    const broken = structuredClone(scenario) as { observations: { tempC?: number }[] };
    broken.observations[2]!.tempC = 47;
    await bad(
      ["weekly", await file("bad.json", broken), "--week-start", "2027-01-04"],
      /observations\[2\]\.tempC: expected a number between 30 and 45/,
    );
    const badCase = structuredClone(scenario) as { cases: { consultationDate: string }[] };
    badCase.cases[0]!.consultationDate = "6 Jan";
    await bad(
      ["physician-report", await file("bad-case.json", badCase), "--from", "2027-01-04"],
      /cases\[0\]\.consultationDate/,
    );
  });

  it("names the option that is missing or wrong", async () => {
    const path = await file("s.json", scenario);
    await bad(["weekly", path], /--week-start: required/);
    await bad(["weekly", path, "--week-start", "2027-02-30"], /--week-start: expected a date/);
    await bad(["physician-report", path], /--from: required/);
    await bad(
      ["physician-report", path, "--from", "2027-01-04", "--days", "0"],
      /--days: expected a whole number/,
    );
    await bad(["physician-report", path, "--from", "2027-01-04", "--days", "32"], /--days/);
    await bad(["weekly", path, "--week-start", "2027-01-04", "--as-of", "tomorrow"], /--as-of/);
    await bad(["weekly", path, "--week-start", "2027-01-04", "--from", "2027-01-04"], /--from/);
    await bad(["monthly", path], /usage: mamori forms/);
    await bad(
      ["weekly", inFolder("missing.json"), "--week-start", "2027-01-04"],
      /cannot read scenario file/,
    );
  });

  it("is reached through the mamori executable", async () => {
    const result = await runMamori([
      "forms",
      "weekly",
      await file("s.json", scenario),
      "--week-start",
      "2027-01-04",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).residents).toBe(3);
    const refused = await runMamori(["forms", "physician-report", await file("s.json", scenario)]);
    expect(refused).toMatchObject({ code: 2, stdout: "" });
  });
});
