/**
 * Randomised agreement check of the detection engine against R's surveillance package, beyond the fixtures:
 * random series (including all-zero and flat ones) and random control lists over the whole parameter space of
 * `earsC` and `farringtonFlexible`, evaluated in both engines; prints every disagreement.
 *
 *   node --import tsx bench/detection/agreement.ts [--cases 300] [--seed 7]
 *
 * Needs Rscript with the surveillance package (Debian: r-cran-surveillance). Not part of the test suite: R is not a
 * test dependency. Agreement: identical alarms; upper bounds within 1e-6 relative (1e-9 absolute); null where R
 * gives NA; Farrington's expected value within 1e-6 and the same trend decision.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  DetectionInputError,
  type EarsControl,
  earsC,
  type FarringtonControl,
  farringtonFlexible,
} from "@mamori/domain/detection";
import { dailySeries, mulberry32, weeklySeries } from "./series.ts";

interface Case {
  kind: "ears" | "farrington";
  observed: number[];
  frequency: number;
  control: EarsControl | FarringtonControl;
  population?: number[];
}

const { values } = parseArgs({
  options: { cases: { type: "string", default: "300" }, seed: { type: "string", default: "7" } },
});
const caseCount = Number(values.cases);
const seed = Number(values.seed);
const u = mulberry32(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)]!;

function makeCase(i: number): Case {
  if (u() < 0.3) {
    const method = pick(["C1", "C2", "C3"] as const);
    const baseline = pick([3, 5, 7, 10]);
    const days = 60;
    let observed = dailySeries(seed, i, days);
    if (u() < 0.15) observed = observed.map(() => 2); // flat: sd 0
    const history = method === "C1" ? baseline : method === "C2" ? baseline + 2 : baseline + 4;
    const range: number[] = [];
    for (let t = history + 1; t <= days; t++) range.push(t);
    const control: EarsControl = { method, baseline, minSigma: pick([0, 0, 0.5, 1]), range };
    if (u() < 0.7) control.alpha = pick([0.001, 0.01, 0.025, 0.05]);
    return { kind: "ears", observed, frequency: 365, control };
  }
  const b = pick([1, 2, 3, 5]);
  const w = pick([0, 1, 2, 3]);
  const noPeriods = pick([1, 1, 2, 5, 10, 20]);
  const frequency = 52;
  const n = frequency * b + w + 1 + 12;
  let observed = weeklySeries(seed, i, n);
  const r = u();
  if (r < 0.08) observed = observed.map(() => 0);
  else if (r < 0.16) observed = observed.map((x, t) => (t >= n - 4 ? x + 3 : 0)); // zero baseline, recent cases
  const control: FarringtonControl = {
    b,
    w,
    noPeriods,
    reweight: u() < 0.8,
    weightsThreshold: pick([1, 2.58]),
    alpha: pick([0.01, 0.05, 0.1]),
    trend: u() < 0.8,
    pThresholdTrend: 0.05,
    limit54: pick([
      [5, 4],
      [0, 4],
      [3, 2],
    ]),
    powertrans: pick(["2/3", "2/3", "1/2", "none"] as const),
    pastWeeksNotIncluded: pick([null, 0, 4, 26]),
    thresholdMethod: pick(["delta", "nbPlugin", "muan"] as const),
    populationOffset: u() < 0.2,
    range: Array.from({ length: 12 }, (_, j) => n - 11 + j),
  };
  const population = control.populationOffset
    ? observed.map((_, t) => Math.round(1000 * (1 + 0.3 * Math.sin(t / 40)) * (1 + t / 500)))
    : undefined;
  return population
    ? { kind: "farrington", observed, frequency, control, population }
    : { kind: "farrington", observed, frequency, control };
}

function rValue(v: unknown): string {
  if (v === null) return "NULL";
  if (Array.isArray(v)) return `c(${v.map(rValue).join(",")})`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function rList(o: object): string {
  return `list(${Object.entries(o)
    .map(([k, v]) => `${k}=${rValue(v)}`)
    .join(",")})`;
}

const cases = Array.from({ length: caseCount }, (_, i) => makeCase(i));
const dump = process.env.DETECTION_AGREEMENT_DUMP;
if (dump !== undefined) {
  console.log(JSON.stringify(cases[Number(dump)]));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), "mamori-agreement-"));
const script = [
  "suppressMessages(library(surveillance))",
  "out <- character(0)",
  "fmt <- function(x) paste(ifelse(is.na(x), 'NA', sprintf('%.17g', as.numeric(x))), collapse = ' ')",
  ...cases.map((c, i) => {
    const pop = c.population ? `, population=matrix(${rValue(c.population)}, ncol=1)` : "";
    const sts = `sts(observed=${rValue(c.observed)}, frequency=${c.frequency}, start=c(2000,1)${pop})`;
    const call =
      c.kind === "ears"
        ? `earsC(s, control=${rList(c.control)})`
        : `farringtonFlexible(s, control=${rList(c.control)})`;
    const extra =
      c.kind === "ears"
        ? "''"
        : "paste(fmt(as.vector(r@control$expected)), '|', fmt(as.vector(r@control$trend)))";
    return `out[${i + 1}] <- tryCatch({ s <- ${sts}; r <- suppressWarnings(${call}); paste(fmt(as.vector(upperbound(r))), '|', fmt(as.vector(alarms(r))), '|', ${extra}) }, error = function(e) paste('ERROR', conditionMessage(e)))`;
  }),
  `writeLines(out, ${JSON.stringify(join(dir, "out.txt"))})`,
].join("\n");
writeFileSync(join(dir, "run.R"), script);
execFileSync("Rscript", [join(dir, "run.R")], { stdio: ["ignore", "ignore", "inherit"] });
const lines = readFileSync(join(dir, "out.txt"), "utf8").split("\n");
rmSync(dir, { recursive: true, force: true });

const num = (s: string): number | null => (s === "NA" || s === "NaN" ? null : Number(s));
let agreed = 0;
let points = 0;
let worst = 0;
const problems: string[] = [];
cases.forEach((c, i) => {
  const line = lines[i] ?? "";
  let ours: {
    upperbound: (number | null)[];
    alarm: boolean[];
    expected?: (number | null)[];
    trend?: (boolean | null)[];
  };
  try {
    ours =
      c.kind === "ears"
        ? earsC(c.observed, c.control as EarsControl)
        : farringtonFlexible(c.observed, {
            frequency: c.frequency,
            control: c.control as FarringtonControl,
            ...(c.population ? { population: c.population } : {}),
          });
  } catch (error) {
    const ok = error instanceof DetectionInputError && line.startsWith("ERROR");
    if (ok) agreed++;
    else problems.push(`case ${i}: ours threw ${String(error)}; R: ${line.slice(0, 120)}`);
    return;
  }
  if (line.startsWith("ERROR")) {
    problems.push(
      `case ${i} (${JSON.stringify({ ...c.control, range: undefined })}): R failed (${line}); ours gave a result`,
    );
    return;
  }
  const [ubText = "", alText = "", exText = "", trText = ""] = line.split("|").map((s) => s.trim());
  const rUb = ubText.split(" ").map(num);
  const rAl = alText.split(" ").map((s) => (s === "NA" ? null : s === "1"));
  const rEx = exText ? exText.split(" ").map(num) : [];
  const rTr = trText ? trText.split(" ").map(num) : [];
  let caseOk = true;
  const note = (what: string) => {
    caseOk = false;
    problems.push(`case ${i} ${c.kind} ${JSON.stringify({ ...c.control, range: undefined })}: ${what}`);
  };
  rUb.forEach((r, j) => {
    points++;
    const o = ours.upperbound[j] ?? null;
    if (r === null || o === null) {
      if (r !== o) note(`t=${j} upperbound R ${r} ours ${o}`);
    } else {
      const rel = Math.abs(o - r) / Math.max(Math.abs(r), 1e-300);
      if (Math.abs(o - r) > 1e-9) worst = Math.max(worst, rel);
      if (rel > 1e-6 && Math.abs(o - r) > 1e-9) note(`t=${j} upperbound R ${r} ours ${o}`);
    }
    if ((rAl[j] ?? false) !== ours.alarm[j]) note(`t=${j} alarm R ${rAl[j]} ours ${ours.alarm[j]}`);
    if (c.kind === "farrington") {
      const re = rEx[j] ?? null;
      const oe = ours.expected?.[j] ?? null;
      const rIsNullish = re === null || (re === 0 && o === null);
      if (
        !(rIsNullish && oe === null) &&
        (re === null || oe === null || Math.abs(oe - re) > 1e-6 * Math.abs(re) + 1e-12)
      ) {
        note(`t=${j} expected R ${re} ours ${oe}`);
      }
      const rt = rTr[j] ?? null;
      const ot = ours.trend?.[j] ?? null;
      if ((rt === null ? null : rt === 1) !== ot) note(`t=${j} trend R ${rt} ours ${ot}`);
    }
  });
  if (caseOk) agreed++;
});
for (const p of problems.slice(0, 40)) console.log(p);
console.log(
  `agreement: ${agreed}/${cases.length} cases (${points} time points), ` +
    `largest relative upper-bound difference ${worst.toExponential(2)}`,
);
process.exitCode = agreed === cases.length ? 0 : 1;
