import { describe, expect, it } from "vitest";
import { captureRun, inputFolder, runMamori } from "../test/run-cli.ts";
import { run } from "./obligations-command.ts";

// contracts/obligations.md: one JSON document on stdout and exit 0; an invalid record exits 2 with nothing on stdout and
// the first bad field named on stderr.
const contractRecord = {
  facility: { id: "f1", timeZone: "Asia/Tokyo", fiscalYearStartMonth: 4 },
  settings: { committeeEveryMonths: 3, newHireTrainingDays: 30, regularTrainingsPerYear: 2 },
  asOf: "2027-01-10",
  staff: [{ id: "s1", hiredOn: "2026-12-01" }],
  committeeMeetings: [{ date: "2026-10-09" }],
  trainings: [
    { date: "2026-05-20", kind: "regular", attendees: ["s1"] },
    { date: "2026-12-05", kind: "new_hire", attendees: ["s1"] },
  ],
  humidifiers: [
    {
      id: "h1",
      type: "household",
      season: { from: "2026-11-01", to: null },
      log: [{ date: "2026-11-01", action: "tank_change" }],
    },
    {
      id: "h2",
      type: "builtin",
      season: { from: "2026-10-15", to: null },
      log: [
        { date: "2026-10-15", action: "inspection" },
        { date: "2026-03-30", action: "cleaning" },
      ],
    },
  ],
};

const contractOutput = {
  asOf: "2027-01-10",
  items: [
    { code: "COMMITTEE", subject: {}, status: "overdue", due: "2027-01-09" },
    { code: "NEW_HIRE_TRAINING", subject: { staffId: "s1" }, status: "ok", due: "2026-12-31" },
    { code: "REGULAR_TRAINING", subject: { fiscalYear: 2026 }, status: "due_soon", held: 1 },
    { code: "REGULAR_TRAINING", subject: { fiscalYear: 2025 }, status: "overdue", held: 0 },
    { code: "HUMIDIFIER_TANK", subject: { humidifierId: "h1" }, status: "overdue" },
    { code: "HUMIDIFIER_INSPECTION", subject: { humidifierId: "h2" }, status: "overdue" },
    { code: "HUMIDIFIER_CLEANING", subject: { humidifierId: "h2" }, status: "ok", due: "2027-03-30" },
  ],
};

const { file } = inputFolder("mamori-obligations-");
const call = (args: string[]) => captureRun(run, args);

async function variant(
  name: string,
  edit: (record: Record<string, unknown> & typeof contractRecord) => void,
) {
  const copy = structuredClone(contractRecord) as Record<string, unknown> & typeof contractRecord;
  edit(copy);
  return file(name, copy);
}

describe("mamori obligations", () => {
  it("prints exactly the contract's output for the contract's record", async () => {
    const { code, stdout, stderr } = await call([await file("contract.json", contractRecord)]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(contractOutput);
  });

  it("takes --as-of over the record's asOf", async () => {
    const path = await file("contract.json", contractRecord);
    // On 2027-01-09 the committee is due that very day (three months after 2026-10-09): due soon, not overdue.
    const { code, stdout } = await call([path, "--as-of", "2027-01-09"]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.asOf).toBe("2027-01-09");
    expect(output.items[0]).toEqual({
      code: "COMMITTEE",
      subject: {},
      status: "due_soon",
      due: "2027-01-09",
    });
  });

  it("uses the defaults when settings and fiscalYearStartMonth are absent, and ignores records after asOf", async () => {
    const path = await variant("defaults.json", (r) => {
      delete (r as Record<string, unknown>).settings;
      delete (r.facility as Record<string, unknown>).fiscalYearStartMonth;
      r.committeeMeetings.push({ date: "2027-01-11" });
    });
    const { code, stdout } = await call([path]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(contractOutput);
  });

  const invalid: [string, (r: Record<string, unknown> & typeof contractRecord) => void, string][] = [
    [
      "a training on a day that does not exist",
      (r) => {
        r.trainings.push({ date: "2026-12-05", kind: "regular", attendees: [] });
        r.trainings.push({ date: "2027-02-30", kind: "regular", attendees: [] });
      },
      "trainings[3].date: not a date",
    ],
    [
      "an attendee who is not on the staff list",
      (r) => {
        r.trainings[1]!.attendees.push("s9");
      },
      "trainings[1].attendees[1]: not in staff: s9",
    ],
    [
      "an unknown humidifier action",
      (r) => {
        (r.humidifiers[0]!.log as { date: string; action: string }[]).push({
          date: "2026-11-02",
          action: "refill",
        });
      },
      'humidifiers[0].log[1].action: expected one of tank_change, inspection, cleaning, drain (got "refill")',
    ],
    [
      "a misspelt field",
      (r) => {
        (r.staff[0] as Record<string, unknown>).hiredon = "2026-12-01";
      },
      "staff[0].hiredon: unknown field",
    ],
    [
      "a committee interval of zero months",
      (r) => {
        r.settings.committeeEveryMonths = 0;
      },
      "settings.committeeEveryMonths: expected a whole number from 1 to 24",
    ],
    [
      "a season that ends before it starts",
      (r) => {
        (r.humidifiers[1]!.season as { to: string | null }).to = "2026-10-01";
      },
      "humidifiers[1].season.to: expected a date on or after from",
    ],
  ];

  it.each(invalid)("exits 2 naming the field for %s", async (_name, edit, message) => {
    const path = await variant("bad.json", edit);
    expect(await call([path])).toEqual({ code: 2, stdout: "", stderr: `mamori obligations: ${message}\n` });
  });

  it("exits 2 for a bad --as-of, a missing asOf and a missing file", async () => {
    const path = await file("contract.json", contractRecord);
    expect((await call([path, "--as-of", "2027-1-9"])).stderr).toBe(
      "mamori obligations: --as-of: not a date (expected YYYY-MM-DD)\n",
    );
    const noAsOf = await variant("no-as-of.json", (r) => {
      delete (r as Record<string, unknown>).asOf;
    });
    expect(await call([noAsOf])).toEqual({
      code: 2,
      stdout: "",
      stderr: "mamori obligations: asOf: required (in the record or as --as-of)\n",
    });
    expect((await call(["/nonexistent/record.json"])).code).toBe(2);
    expect((await call([])).code).toBe(2);
  });

  it("runs as `mamori obligations` through the real executable", async () => {
    const result = await runMamori(["obligations", await file("contract.json", contractRecord)]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(contractOutput);
  }, 30_000);
});
