import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { captureRun, inputFolder, runMamori } from "../test/run-cli.ts";
import { run } from "./detect-command.ts";

// The command contract: contracts/detect.md — one JSON document on stdout and exit 0; an invalid file exits 2 with
// a message on stderr naming the bad field, and nothing on stdout. Expected numbers come from the R fixtures.
const fixtures = fileURLToPath(new URL("../../../domain/src/detection/fixtures/", import.meta.url));

const { file, path: inFolder } = inputFolder("mamori-detect-");
const capture = (args: string[]) => captureRun(run, args);

const weekly = async () =>
  JSON.parse(await readFile(join(fixtures, "weekly-004-farrington_noufaily.json"), "utf8")) as {
    algorithm: string;
    input: { observed: number[]; frequency: number };
    control: Record<string, unknown>;
    output: Record<string, unknown>;
  };

describe("mamori detect", () => {
  it("prints R's result for a Farrington fixture (output in the file is ignored)", async () => {
    const fixture = await weekly();
    const path = await file("noufaily.json", { ...fixture, output: { upperbound: "ignored" } });
    const { code, stdout, stderr } = await capture([path]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(["algorithm", "range", "upperbound", "alarm", "expected", "trend"]);
    expect(document.algorithm).toBe("farrington_noufaily");
    expect(document.range).toEqual(fixture.control.range);
    // R (fixture): upperbound null, 2, 1, 1, null…; alarm false, true, false…; trend 0 everywhere.
    expect(document.upperbound.slice(0, 5)).toEqual([null, 2, 1, 1, null]);
    expect(document.alarm.slice(0, 3)).toEqual([false, true, false]);
    expect(document.trend.every((t: number) => t === 0)).toBe(true);
    expect(document.expected[1]).toBeCloseTo(0.314285714285718, 9);
  });

  it("fills the parameters of a named Farrington variant and R's default range", async () => {
    const fixture = await weekly();
    const path = await file("preset.json", { algorithm: "farrington_noufaily", input: fixture.input });
    const { code, stdout } = await capture([path]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    // R's default range: frequency·b + w + 1 = 264 … 364; at 314 the fixture's values again.
    expect(document.range[0]).toBe(264);
    expect(document.range.at(-1)).toBe(364);
    const i = document.range.indexOf(314);
    expect([document.upperbound[i], document.alarm[i]]).toEqual([2, true]);
  });

  it("runs EARS through the real CLI entry point", async () => {
    const path = join(fixtures, "daily-004-ears-C3-minsigma0.json");
    const fixture = JSON.parse(await readFile(path, "utf8"));
    const { code, stdout } = await runMamori(["detect", path]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.algorithm).toBe("ears_C3");
    expect(document.alarm).toEqual(fixture.output.alarm);
    expect(document.upperbound[0]).toBeCloseTo(fixture.output.upperbound[0], 12);
    expect(document).not.toHaveProperty("expected");
  }, 30_000);

  it.each([
    [
      "a negative count",
      { algorithm: "ears_C1", input: { observed: [1, -2], frequency: 365 } },
      "input.observed[1]",
    ],
    [
      "a fractional count",
      { algorithm: "ears_C1", input: { observed: [1.5], frequency: 365 } },
      "input.observed[0]",
    ],
    ["an unknown algorithm", { algorithm: "cusum", input: { observed: [1], frequency: 52 } }, "algorithm"],
    ["a missing frequency", { algorithm: "farrington", input: { observed: [1] } }, "input.frequency"],
    [
      "an unknown control key",
      { algorithm: "farrington", input: { observed: [1], frequency: 52 }, control: { lambda: 2 } },
      "control.lambda",
    ],
    [
      "an unknown threshold method",
      {
        algorithm: "farrington",
        input: { observed: [1], frequency: 52 },
        control: { thresholdMethod: "exact" },
      },
      "control.thresholdMethod",
    ],
    [
      "a range without enough history",
      {
        algorithm: "ears_C2",
        input: { observed: [1, 2, 3, 4, 5, 6, 7, 8, 9], frequency: 365 },
        control: { range: [9] },
      },
      "control.range",
    ],
    [
      "a Farrington range without five years",
      {
        algorithm: "farrington_original",
        input: { observed: [1, 2, 3], frequency: 52 },
        control: { range: [3] },
      },
      "control.range[0]",
    ],
    [
      "a method that contradicts the algorithm",
      {
        algorithm: "ears_C1",
        input: { observed: Array(10).fill(1), frequency: 365 },
        control: { method: "C3" },
      },
      "control.method",
    ],
  ])("refuses %s with exit 2 naming the field", async (_what, content, field) => {
    const path = await file("bad.json", content);
    const { code, stdout, stderr } = await capture([path]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${field}:`);
  });

  it("refuses a file that is not JSON, a missing file and a missing argument", async () => {
    const broken = await capture([await file("broken.json", "{ not json")]);
    expect([broken.code, broken.stderr.includes("is not JSON")]).toEqual([2, true]);
    const missing = await capture([inFolder("absent.json")]);
    expect([missing.code, missing.stderr.includes("ENOENT")]).toEqual([2, true]);
    const none = await capture([]);
    expect([none.code, none.stderr]).toEqual([2, "usage: mamori detect SERIES.json\n"]);
  });
});
