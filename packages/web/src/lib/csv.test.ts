import { describe, expect, it } from "vitest";
import { countDataLines, decodeCsv, IMPORT_HEADER, templateCsv } from "./csv.ts";

describe("residents CSV", () => {
  it("reads UTF-8 and drops the byte-order mark", () => {
    const bytes = new TextEncoder().encode(`\uFEFF${IMPORT_HEADER}\n山田 花子,,入所者,1階,101,36.4\n`);
    expect(decodeCsv(bytes)).toBe(`${IMPORT_HEADER}\n山田 花子,,入所者,1階,101,36.4\n`);
  });

  it("reads a Shift_JIS file saved by Excel (山田 = 0x8E52 0x9363 in Shift_JIS)", () => {
    const header = new TextEncoder().encode("name\r\n");
    const yamada = new Uint8Array([0x8e, 0x52, 0x93, 0x63]);
    const bytes = new Uint8Array([...header, ...yamada]);
    expect(decodeCsv(bytes)).toBe("name\r\n山田");
  });

  it("counts data lines, not the header or blank lines", () => {
    expect(countDataLines(`${IMPORT_HEADER}\r\na,,入所者,,,\r\n\r\nb,,職員,,,\r\n`)).toBe(2);
  });

  it("makes a template with the API's header and the facility's own unit and room names", () => {
    const csv = templateCsv([
      { id: "u", name: "2階 さくら", floor: "2F", rooms: [{ id: "r", name: "201" }] },
    ]);
    const lines = decodeCsv(new TextEncoder().encode(csv)).split("\r\n");
    expect(lines[0]).toBe(IMPORT_HEADER);
    expect(lines[1]).toBe("山田 花子,やまだ はなこ,入所者,2階 さくら,201,36.4,1938/4/12");
    expect(countDataLines(lines.join("\n"))).toBe(3);
  });
});
