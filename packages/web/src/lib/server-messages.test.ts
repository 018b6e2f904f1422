import { describe, expect, it } from "vitest";
import { fieldErrorMessage, localizeServerMessage } from "./server-messages.ts";

// The English messages are the server's own (packages/server/src/routes/people/import-people.ts,
// routes/observations/record-observations.ts) and zod 4's defaults.
describe("server messages in Japanese", () => {
  it("explains the CSV import refusals", () => {
    expect(
      localizeServerMessage(
        'unknown kind "入居者" (入所者, ショートステイ, 通所サービス, 職員)',
        "rows[2].kind",
        "ja",
      ),
    ).toBe("種別「入居者」は使えません。入所者・ショートステイ・通所サービス・職員のどれかにしてください");
    expect(localizeServerMessage('unknown unit "3階"', "rows[4].unit", "ja")).toBe(
      "ユニット「3階」は登録されていません",
    );
    expect(localizeServerMessage("name is required", "rows[1].name", "ja")).toBe("氏名を入れてください");
    expect(localizeServerMessage("missing columns: kind", "header", "ja")).toBe(
      "見出しの行に次の列がありません: kind",
    );
  });

  it("explains a usual temperature out of 34–38 the same way whatever zod said", () => {
    expect(
      localizeServerMessage("Too big: expected number to be <=38", "rows[3].baseline_temp_c", "ja"),
    ).toContain("34.0〜38.0");
    expect(
      localizeServerMessage("Invalid input: expected number, received NaN", "baselineTempC", "ja"),
    ).toContain("34.0〜38.0");
  });

  it("explains refused round entries", () => {
    expect(localizeServerMessage("expected a number between 30 and 45", "observations[0].tempC", "ja")).toBe(
      "30〜45の数を入れてください",
    );
    expect(localizeServerMessage("is in the future", "observations[1].at", "ja")).toContain("先の日時");
  });

  it("explains refused facility settings and accounts", () => {
    // Messages of packages/server/src/routes/facility/ (routes.ts, schema.ts) and routes/users/schema.ts, and zod 4's
    // default for a string shorter than min(3).
    expect(localizeServerMessage("unknown time zone", "timeZone", "ja")).toContain("使えない時間帯");
    expect(localizeServerMessage("unknown health centre", "healthCentreId", "ja")).toBe(
      "一覧にある保健所を選んでください",
    );
    expect(localizeServerMessage("unknown municipality", "municipalityId", "ja")).toBe(
      "一覧にある市町村を選んでください",
    );
    expect(localizeServerMessage("already taken", "username", "ja")).toContain("すでに使われています");
    expect(localizeServerMessage("at least 10 characters", "password", "ja")).toBe(
      "10文字以上にしてください",
    );
    expect(
      localizeServerMessage("lower-case letters, digits, dot, hyphen and underscore", "username", "ja"),
    ).toContain("小文字英字");
    expect(localizeServerMessage("Too small: expected string to have >=3 characters", "username", "ja")).toBe(
      "3文字以上にしてください",
    );
    expect(localizeServerMessage("Too small: expected string to have >=1 characters", "name", "ja")).toBe(
      "入力してください",
    );
  });

  it("keeps the server's words in English, and anything it does not know", () => {
    expect(localizeServerMessage("is in the future", "observations[1].at", "en")).toBe("is in the future");
    expect(localizeServerMessage("something new", "x", "ja")).toBe("something new");
  });
});

describe("field errors by code", () => {
  it("translates the contract's codes with their params in Japanese and English", () => {
    const tooLong = { path: "note", message: "Too big", code: "too_long" as const, params: { max: 2000 } };
    expect(fieldErrorMessage(tooLong, "ja")).toBe("2000文字以内にしてください");
    expect(fieldErrorMessage(tooLong, "en")).toBe("at most 2000 characters");
    const day = { path: "date", message: "x", code: "invalid_format" as const, params: { format: "date" } };
    expect(fieldErrorMessage(day, "ja")).toBe("日付の形式が正しくありません");
    expect(fieldErrorMessage({ path: "username", message: "already taken", code: "taken" }, "en")).toBe(
      "this username is taken; choose another",
    );
  });

  it("falls back to the message for `invalid` and for errors without a code", () => {
    expect(
      fieldErrorMessage({ path: "date", message: "must not be in the future", code: "invalid" }, "ja"),
    ).toBe("今日より後の日付は入れられません");
    expect(fieldErrorMessage({ path: "x", message: "something new" }, "ja")).toBe("something new");
  });
});
