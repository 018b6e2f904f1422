import { CRE_CONTRACT_CASE as contractCase } from "@mamori/domain/cre/test-support";
import { describe, expect, it } from "vitest";
import { captureRun, inputFolder, runMamori } from "../test/run-cli.ts";
import { run } from "./cre-command.ts";

// The command contract: contracts/cre-advise.md — JSON on stdout and exit 0; an invalid case exits 2 with a message on
// stderr that names the first bad field, and nothing on stdout.
const { file, path: inFolder } = inputFolder("mamori-cre-");
const call = (args: string[]) => captureRun(run, args);

function withIsolate(patch: Record<string, unknown>) {
  return { ...contractCase, isolate: { ...contractCase.isolate, ...patch } };
}

describe("mamori cre advise — success", () => {
  it("prints the advice as JSON and exits 0", async () => {
    const result = await call(["advise", await file("case.json", contractCase)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const advice = JSON.parse(result.stdout);
    expect(advice.cre).toMatchObject({ value: true, criterion: "meropenem_mic_ge_2" });
    expect(advice.mechanism).toEqual({ category: "MBL", enzymes: ["IMP"], nextTests: [] });
    expect(advice.options[0]).toMatchObject({
      drugs: ["cefiderocol"],
      role: "monotherapy",
      source: "guide ②",
    });
    expect(advice.cefiderocol.verdict).toBe("appropriate");
    expect(advice.survey).toEqual({ required: true });
  });

  it("reads the hospital's drugs from --availability (array or { drugs })", async () => {
    const caseFile = await file("case-av.json", contractCase);
    const array = await file("av.json", ["levofloxacin", "trimethoprim_sulfamethoxazole"]);
    const result = await call(["advise", caseFile, "--availability", array]);
    expect(result.code).toBe(0);
    const advice = JSON.parse(result.stdout);
    expect(advice.options).toEqual([
      expect.objectContaining({
        drugs: ["levofloxacin", "trimethoprim_sulfamethoxazole"],
        role: "combination",
      }),
    ]);
    const object = await file("av-object.json", { drugs: ["cefiderocol"] });
    const second = await call(["advise", caseFile, `--availability=${object}`]);
    expect(JSON.parse(second.stdout).options.map((o: { drugs: string[] }) => o.drugs)).toEqual([
      ["cefiderocol"],
    ]);
  });

  it("answers indeterminate for a qualified MIC that does not decide", async () => {
    const path = await file(
      "qualified.json",
      withIsolate({ mic: { meropenem: "≤4", imipenem: "≤1" }, carbapenemase: {} }),
    );
    const result = await call(["advise", path]);
    expect(result.code).toBe(0);
    const advice = JSON.parse(result.stdout);
    expect(advice.cre.value).toBe("indeterminate");
    expect(advice.notification.notifiable).toBe("indeterminate");
    expect(advice.cpeScreen.positive).toBe("indeterminate");
  });
});

// The clauses of contracts/cre-advise.md that follow the seed (seeds/000_93415025af6d4950.txt).
describe("mamori cre advise — contract clauses", () => {
  it("severity.category: a urinary infection given with severity is judged on it; not_applicable only without (※2 尿路 column)", async () => {
    const urinary = {
      ...contractCase,
      infection: { site: "urinary", urinaryType: "upper_uti", causative: true },
    };
    const severe = JSON.parse((await call(["advise", await file("uti-severe.json", urinary)])).stdout);
    expect(severe.severity).toEqual({ category: "severe", failedDomains: ["hemodynamicallyStable"] });
    expect(severe.options[0].drugs).toEqual(["cefiderocol"]);
    const { severity: _omitted, ...withoutSeverity } = urinary;
    const plain = JSON.parse((await call(["advise", await file("uti.json", withoutSeverity)])).stdout);
    expect(plain.severity).toEqual({ category: "not_applicable", failedDomains: [] });
  });

  it("cefiderocol.verdict: pending_consultation without a consultation (記2 「…相談の上、投与すること」), appropriate with one", async () => {
    const { consultation: _none, ...unconsulted } = contractCase;
    const advice = JSON.parse((await call(["advise", await file("no-consult.json", unconsulted)])).stdout);
    expect(advice.cefiderocol.verdict).toBe("pending_consultation");
    expect(advice.cefiderocol.reasons.map((r: { code: string }) => r.code)).toContain("NO_CONSULTATION");
    const consulted = JSON.parse((await call(["advise", await file("consult.json", contractCase)])).stdout);
    expect(consulted.cefiderocol.verdict).toBe("appropriate");
  });

  it("cre.value false with the untested branch named when meropenem is below 2 and imipenem was not tested", async () => {
    const path = await file(
      "untested.json",
      withIsolate({ mic: { meropenem: "≤0.25", levofloxacin: "≤0.12" }, carbapenemase: {} }),
    );
    const advice = JSON.parse((await call(["advise", path])).stdout);
    expect(advice.cre.value).toBe(false);
    expect(advice.cre.evidence).toContain("imipenem not tested");
    const tested = await file(
      "imipenem-2.json",
      withIsolate({ mic: { meropenem: "≤0.25", imipenem: "2" }, carbapenemase: {} }),
    );
    expect(JSON.parse((await call(["advise", tested])).stdout).cre.value).toBe("indeterminate");
  });

  it("every dose says it is for normal liver and kidney function (表6 「推奨投与量 (肝腎機能正常者)」)", async () => {
    const advice = JSON.parse((await call(["advise", await file("doses.json", contractCase)])).stdout);
    for (const option of advice.options) expect(option.dose).toContain("normal liver and kidney function");
  });
});

describe("mamori cre advise — invalid case: exit 2, first bad field on stderr, nothing on stdout", () => {
  it.each([
    ["unknown drug key", withIsolate({ mic: { meropenum: "4" } }), "isolate.mic.meropenum: unknown drug key"],
    [
      "MIC that is not an MIC",
      withIsolate({ mic: { meropenem: "R" } }),
      'isolate.mic.meropenem: "R" is not an MIC',
    ],
    [
      "zone out of range",
      withIsolate({ zoneMm: { meropenem: 80 } }),
      "isolate.zoneMm.meropenem: zone out of range",
    ],
    [
      "unknown organism",
      withIsolate({ organism: "Klebsiela pneumonia" }),
      'isolate.organism: unknown organism "Klebsiela pneumonia"; nearest names: Klebsiella pneumoniae',
    ],
    ["missing severity", { ...contractCase, severity: undefined }, "severity: severity (表7) is required"],
  ])("%s", async (_what, caseFile, message) => {
    const result = await call(["advise", await file("bad.json", caseFile)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });

  it("a file that is not JSON", async () => {
    const result = await call(["advise", await file("broken.json", "{ not json")]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/is not JSON/);
  });

  it("a file that does not exist", async () => {
    const result = await call(["advise", inFolder("missing.json")]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/cannot read case file .*missing\.json \(ENOENT\)/);
  });

  it("an availability file with an unknown drug", async () => {
    const caseFile = await file("case-bad-av.json", contractCase);
    const av = await file("bad-av.json", ["levofloxacin", "plazomicin"]);
    const result = await call(["advise", caseFile, "--availability", av]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/\[1\]: unknown drug key/);
  });

  it("wrong calls: no file, unknown sub-command, unknown option", async () => {
    expect((await call(["advise"])).code).toBe(2);
    expect((await call([])).stderr).toMatch(/^usage: mamori cre advise/);
    const unknown = await call(["explain", "x.json"]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/unknown sub-command "explain"/);
    const option = await call(["advise", await file("case-opt.json", contractCase), "--verbose"]);
    expect(option).toMatchObject({ code: 2, stdout: "" });
  });
});

describe("through the mamori executable", () => {
  it("`mamori cre advise CASE.json` prints JSON and exits 0; a bad case exits 2", async () => {
    const ok = await runMamori(["cre", "advise", await file("exec.json", contractCase)]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).enterobacterales).toBe(true);
    const bad = await runMamori([
      "cre",
      "advise",
      await file("exec-bad.json", withIsolate({ mic: { x: "1" } })),
    ]);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toContain("isolate.mic.x: unknown drug key");
  });
});
