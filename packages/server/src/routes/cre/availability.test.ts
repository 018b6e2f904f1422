import { defaultCreAvailability } from "@mamori/domain/cre";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { makeHospital, newCaseBody, SEVERE_BLOODSTREAM } from "./cre-test-support.ts";

const ctx = useTestApp({ clock: () => new Date("2026-01-20T10:00:00+09:00") });

const put = (cookie: string, payload: unknown) =>
  ctx.app.inject({
    method: "PUT",
    url: "/api/cre/availability",
    headers: { cookie },
    payload: payload as object,
  });

describe("CRE drug availability of a hospital", () => {
  it("starts from the default (guide drugs marketed in Japan) and is replaced by the AST", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const initial = await ctx.app.inject({
      method: "GET",
      url: "/api/cre/availability",
      headers: { cookie: h.cookies.lab_technologist! },
    });
    expect(initial.json()).toEqual({ drugs: defaultCreAvailability(), isDefault: true, updatedAt: null });
    // cre-reference.md §4.9: meropenem-vaborbactam is not marketed in Japan, ceftazidime-avibactam is (2024).
    expect(initial.json().drugs).not.toContain("meropenem_vaborbactam");
    expect(initial.json().drugs).toContain("ceftazidime_avibactam");

    const saved = await put(h.cookies.ast_member!, { drugs: ["levofloxacin", "amikacin", "levofloxacin"] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ drugs: ["levofloxacin", "amikacin"], isDefault: false });
  });

  it("feeds the advice: without cefiderocol in the hospital, the MBL case is not offered it", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const body = newCaseBody();
    await ctx.app.inject({
      method: "POST",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.lab_technologist! },
      payload: body,
    });
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/cre/cases/${body.id}`,
      headers: { cookie: h.cookies.physician! },
      payload: { version: 1, ...SEVERE_BLOODSTREAM },
    });
    const drugsOffered = async () => {
      const detail = await ctx.app.inject({
        method: "GET",
        url: `/api/cre/cases/${body.id}`,
        headers: { cookie: h.cookies.physician! },
      });
      const { options, cautions } = detail.json().evaluation.clinical;
      return {
        drugs: options.flatMap((o: { drugs: Array<{ key: string }> }) => o.drugs.map((d) => d.key)),
        cautions: cautions.map((c: { code: string }) => c.code),
      };
    };
    expect((await drugsOffered()).drugs).toContain("cefiderocol");
    const without = defaultCreAvailability().filter((d) => d !== "cefiderocol");
    expect((await put(h.cookies.ast_member!, { drugs: without })).statusCode).toBe(200);
    const after = await drugsOffered();
    expect(after.drugs).not.toContain("cefiderocol");
    // An active drug the hospital lacks is named in a caution rather than dropped silently.
    expect(after.cautions).toContain("NOT_AVAILABLE");
  });

  it("names an unknown drug key, and lets only the AST and the administrator change the list", async () => {
    const h = await makeHospital(ctx.app, ctx.db, ["ast_member", "physician", "admin"]);
    const bad = await put(h.cookies.ast_member!, { drugs: ["levofloxacin", "meropenum"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("drugs[1]");
    expect(bad.json().error.fields[0].message).toMatch(/^unknown drug key/);
    const extra = await put(h.cookies.ast_member!, { drugs: [], note: "x" });
    expect(extra.json().error.fields).toEqual([{ path: "note", code: "invalid", message: "unknown field" }]);
    expect((await put(h.cookies.physician!, { drugs: ["levofloxacin"] })).statusCode).toBe(403);
    expect((await put(h.cookies.admin!, { drugs: ["levofloxacin"] })).statusCode).toBe(200);
    const read = await ctx.app.inject({
      method: "GET",
      url: "/api/cre/availability",
      headers: { cookie: h.cookies.admin! },
    });
    expect(read.json().drugs).toEqual(["levofloxacin"]);
  });
});
