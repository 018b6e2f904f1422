import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n/index.ts";
import { recordFieldMessage } from "./record-errors.ts";

const ja = i18n.getFixedT("ja", "alerts");

describe("server field errors of the records screens in plain Japanese", () => {
  // Messages as the server writes them (routes/cases/schema.ts, routes/antibiotics/schema.ts, zod 4 defaults).
  it.each([
    ["resolvedDate", "must not be before the onset", "発症日より前の日付は入れられません"],
    ["endDate", "must not be before the start", "開始日より前の日付は入れられません"],
    ["disease", "a disease code such as norovirus or influenza", "一覧から病名を選んでください"],
    ["onsetDate", "expected a day as YYYY-MM-DD", "日付を入れてください"],
    ["personId", "unknown person", "この施設に登録されていない人です"],
    ["id", "already recorded", "同じ記録IDで別の内容がすでに保存されています。画面を読み込み直してください"],
    ["status", 'Invalid option: expected one of "suspected"|"confirmed"', "一覧から選んでください"],
    ["outcomes", "Too big: expected array to have <=10 items", "一度に記録できる数を超えています"],
    ["drug", "Too small: expected string to have >=1 characters", "入力してください"],
  ])("%s: %s", (path, message, expected) => {
    expect(recordFieldMessage(ja, "ja", { path, message })).toBe(expected);
  });

  it("falls back to the app's own wording, then to the server's", () => {
    expect(recordFieldMessage(ja, "ja", { path: "date", message: "expected an ISO 8601 time" })).toBe(
      "日時の形式が正しくありません",
    );
    expect(recordFieldMessage(ja, "ja", { path: "x", message: "something new" })).toBe("something new");
  });
});
