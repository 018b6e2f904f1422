import { describe, expect, it } from "vitest";
import { isPrefecture, PREFECTURES } from "./prefectures.ts";

describe("PREFECTURES (JIS X 0401)", () => {
  it("holds the 47 in code order: 01 北海道, 13 東京都, 27 大阪府, 47 沖縄県", () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(new Set(PREFECTURES).size).toBe(47);
    expect([PREFECTURES[0], PREFECTURES[12], PREFECTURES[26], PREFECTURES[46]]).toEqual([
      "北海道",
      "東京都",
      "大阪府",
      "沖縄県",
    ]);
  });

  it("accepts a prefecture only as written in full", () => {
    expect(isPrefecture("京都府")).toBe(true);
    expect(isPrefecture("京都")).toBe(false);
    expect(isPrefecture("東京")).toBe(false);
  });
});
