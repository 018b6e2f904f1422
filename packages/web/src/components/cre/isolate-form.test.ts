import { creIsolateSchema } from "@mamori/domain/cre";
import { describe, expect, it } from "vitest";
import {
  emptyIsolateForm,
  fromIsolate,
  micCellProblem,
  specimenKindOf,
  splitMic,
  toIsolateInput,
  zoneCellProblem,
} from "./isolate-form.ts";

describe("splitMic", () => {
  it.each([
    ["<=0.25", { qualifier: "≤", value: "0.25" }],
    [">=16", { qualifier: "≥", value: "16" }],
    ["≦2", { qualifier: "≤", value: "2" }],
    [">32", { qualifier: ">", value: "32" }],
    ["＜0.5", { qualifier: "<", value: "0.5" }],
    ["4", { qualifier: "", value: "4" }],
  ])("%s is read as its qualifier and number", (text, cell) => {
    expect(splitMic(text)).toEqual(cell);
  });

  it("keeps the qualifier already chosen when only a number is typed", () => {
    expect(splitMic("8", "≥")).toEqual({ qualifier: "≥", value: "8" });
  });

  it("joins an = typed after > or < into ≥ or ≤ (keys typed one at a time)", () => {
    expect(splitMic("=", ">")).toEqual({ qualifier: "≥", value: "" });
    expect(splitMic("=2", "<")).toEqual({ qualifier: "≤", value: "2" });
  });
});

describe("cell problems", () => {
  it("reads MICs with the CRE rules' parser: numbers behind ≤ < ≥ > in 0.001–1024 mg/L", () => {
    expect(micCellProblem({ qualifier: "≤", value: "0.12" })).toBeNull();
    expect(micCellProblem({ qualifier: "", value: "" })).toBeNull();
    expect(micCellProblem({ qualifier: "", value: "R" })).toEqual({ kind: "micNotNumber", value: "R" });
    expect(micCellProblem({ qualifier: ">", value: "2048" })).toEqual({ kind: "micRange", value: ">2048" });
    expect(micCellProblem({ qualifier: "", value: "2/38" })).toEqual({ kind: "micRatio", first: "2" });
  });

  it("takes zones as whole millimetres from 6 to 50 (both ends included)", () => {
    expect(zoneCellProblem("6")).toBeNull();
    expect(zoneCellProblem("50")).toBeNull();
    expect(zoneCellProblem("")).toBeNull();
    expect(zoneCellProblem("5")).toEqual({ kind: "zone" });
    expect(zoneCellProblem("51")).toEqual({ kind: "zone" });
    expect(zoneCellProblem("21.5")).toEqual({ kind: "zone" });
  });
});

describe("the isolate of the case file", () => {
  it("is built from the form as the contract's example isolate, and read back unchanged", () => {
    const form = emptyIsolateForm();
    form.patientLabel = "0012-3456";
    form.organism = "Klebsiella pneumoniae";
    form.collectedAt = "2026-01-15";
    form.mic.meropenem = { qualifier: "", value: "4" };
    form.mic.cefmetazole = { qualifier: ">", value: "32" };
    form.mic.levofloxacin = { qualifier: "≤", value: "0.12" };
    form.zone.meropenem = "17";
    form.mcimZone = "6";
    form.ecimZone = "17";
    form.icKit = "NG-Test CARBA 5";
    form.icDetected = ["IMP"];
    const isolate = toIsolateInput(form);
    // contracts/cre-advise.md: raw MIC strings as reported, zones in mm, standard and edition, carbapenemase tests.
    expect(isolate).toEqual({
      organism: "Klebsiella pneumoniae",
      specimen: { type: "blood", sterileSite: true },
      collectedAt: "2026-01-15",
      mic: { meropenem: "4", cefmetazole: ">32", levofloxacin: "≤0.12" },
      zoneMm: { meropenem: 17 },
      standard: { body: "CLSI", edition: "M100-Ed35" },
      carbapenemase: {
        mCIM: { zoneMm: 6, pinpointColonies: false },
        eCIM: { zoneMm: 17 },
        immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] },
      },
    });
    expect(creIsolateSchema.safeParse(isolate).success).toBe(true);
    expect(fromIsolate(isolate, "0012-3456")).toEqual(form);
  });

  it("names an unlisted specimen and keeps an unknown kit by its name", () => {
    const form = emptyIsolateForm();
    form.organism = "E. coli";
    form.specimenKind = "other";
    form.specimenOther = "胆汁";
    form.sterileSite = false;
    form.icKit = "other";
    form.icKitOther = "Carba-R";
    form.pcrDone = true;
    form.pcrGenes = ["NDM"];
    const isolate = toIsolateInput(form);
    expect(isolate.specimen).toEqual({ type: "胆汁", sterileSite: false });
    expect(isolate.carbapenemase).toEqual({
      immunochromatography: { kit: "Carba-R", detected: [] },
      pcr: { genes: ["NDM"] },
    });
    const back = fromIsolate(isolate, "X");
    expect(back).toMatchObject({
      specimenKind: "other",
      specimenOther: "胆汁",
      icKit: "other",
      icKitOther: "Carba-R",
    });
  });

  it("knows the specimens of the notification criteria in English and Japanese", () => {
    expect(specimenKindOf("blood")).toBe("blood");
    expect(specimenKindOf("血液")).toBe("blood");
    expect(specimenKindOf("pleural fluid")).toBe("pleural_fluid");
    expect(specimenKindOf("CSF")).toBe("csf");
    expect(specimenKindOf("drain")).toBe("other");
  });
});
