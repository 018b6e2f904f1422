import { describe, expect, it } from "vitest";
import {
  isEnterobacterales,
  nearestOrganismNames,
  organismPickerList,
  resolveOrganism,
} from "./organisms.ts";

// Membership of the order Enterobacterales: Adeolu et al. IJSEM 2016 and the genus list of cre-stewardship.md §2.
describe("Enterobacterales membership", () => {
  it.each([
    "Escherichia coli",
    "Klebsiella pneumoniae",
    "Enterobacter cloacae",
    "Citrobacter freundii",
    "Serratia marcescens",
    "Proteus mirabilis",
    "Morganella morganii",
    "Providencia rettgeri",
    "Salmonella enterica",
    "Shigella sonnei",
    "Raoultella ornithinolytica",
    "Hafnia alvei",
    "Pantoea agglomerans",
    "Yersinia enterocolitica",
    "Cronobacter sakazakii",
  ])("%s is an Enterobacterales", (name) => {
    expect(isEnterobacterales(name)).toBe(true);
  });

  it.each(["Pseudomonas aeruginosa", "Acinetobacter baumannii", "Stenotrophomonas maltophilia"])(
    "%s is known but not an Enterobacterales",
    (name) => {
      expect(isEnterobacterales(name)).toBe(false);
    },
  );

  it("decides at genus level: an unlisted species of a listed genus is accepted", () => {
    expect(resolveOrganism("Klebsiella michiganensis")).toMatchObject({
      known: true,
      genus: "Klebsiella",
      enterobacterales: true,
    });
    expect(resolveOrganism("Enterobacter spp.")).toMatchObject({
      known: true,
      name: "Enterobacter",
      species: null,
    });
  });

  it("places Proteus, Morganella and Providencia in Morganellaceae (moved out of Enterobacteriaceae in 2016)", () => {
    expect(resolveOrganism("Morganella morganii")).toMatchObject({ family: "Morganellaceae" });
  });

  it("reads abbreviations, former names and Japanese names", () => {
    expect(resolveOrganism("K. pneumoniae")).toMatchObject({ known: true, name: "Klebsiella pneumoniae" });
    expect(resolveOrganism("Enterobacter aerogenes")).toMatchObject({ name: "Klebsiella aerogenes" });
    expect(resolveOrganism("大腸菌")).toMatchObject({ name: "Escherichia coli" });
    expect(resolveOrganism("klebsiella PNEUMONIAE")).toMatchObject({ name: "Klebsiella pneumoniae" });
  });

  it("answers unknown names with the nearest names", () => {
    const result = resolveOrganism("Klebsiela pneumonia");
    expect(result.known).toBe(false);
    if (!result.known) expect(result.nearest[0]).toBe("Klebsiella pneumoniae");
    expect(isEnterobacterales("Xyzzy bacter")).toBe("unknown");
    expect(nearestOrganismNames("Eschericia coli")[0]).toBe("Escherichia coli");
  });

  it("offers a picker list with Japanese names", () => {
    const list = organismPickerList();
    expect(list.find((o) => o.name === "Escherichia coli")).toMatchObject({
      ja: "大腸菌",
      enterobacterales: true,
    });
    expect(list.find((o) => o.name === "Pseudomonas aeruginosa")?.enterobacterales).toBe(false);
  });
});
