import { BUILT_IN_PROFILES } from "@mamori/domain/surveillance";
import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n/index.ts";
import { describeBuiltInProfiles, describeProfile } from "./profile-text.ts";

const t = i18n.getFixedT("ja", "alerts");

describe("rule profiles in plain words", () => {
  it("states the national criteria per group as the notice sets them (manual p.48, p.69)", () => {
    const profile = describeProfile(t, BUILT_IN_PROFILES["mhlw-2005"]!, "ja");
    expect(profile.rows.map((r) => r.subject)).toEqual([
      "嘔吐・下痢",
      "インフルエンザのような症状",
      "発疹・かゆみ",
      "その他の病気",
    ]);
    expect(profile.rows[0]).toEqual({
      key: "GI",
      subject: "嘔吐・下痢",
      criterionA: "7日間に死亡・重症・入院の人が2人以上",
      criterionB: "今回の集団発生で10人以上、または利用者の半数以上（治った人も数える）",
      end: "新しい発症が7日間ない",
    });
    expect(profile.rows.map((r) => r.end)).toEqual([
      "新しい発症が7日間ない",
      "新しい発症が20日間ない",
      "新しい発症が60日間ない",
      "新しい発症が7日間ない",
    ]);
    // Manual p.54: two or more within 24 hours.
    expect(profile.cluster).toBe("24時間以内に嘔吐・水様便の人が2人以上");
  });

  it("shows the childcare fifth, the city-style rule for influenza-like illness and rolling-7d's week", () => {
    const [national, childcare, city, rolling] = describeBuiltInProfiles(t, "ja");
    expect(national?.id).toBe("mhlw-2005");
    expect(childcare?.rows[0]?.criterionB).toBe(
      "今回の集団発生で10人以上、または利用者の2割以上（治った人も数える）",
    );
    const ili = city?.rows.find((r) => r.key === "ILI");
    expect(ili?.criterionA).toBe("7日間に死亡の人が1人以上、または7日間に死亡・重症・入院の人が2人以上");
    expect(ili?.criterionB).toBe("今回の集団発生で10人以上、または利用者の半数以上（治った人も数える）");
    expect(rolling?.id).toBe("rolling-7d");
    expect(rolling?.rows[0]?.criterionB).toBe(
      "7日間に10人以上、または利用者の半数以上（治った人は数えない）",
    );
    expect(city?.rows.find((r) => r.key === "GI")?.criterionA).toBe("7日間に死亡・重症・入院の人が2人以上");
  });

  it("speaks English too", () => {
    const en = describeProfile(i18n.getFixedT("en", "alerts"), BUILT_IN_PROFILES["mhlw-2005"]!, "en");
    expect(en.rows[0]?.criterionB).toBe(
      "10 or more in the current outbreak, or half of users or more (recovered people still count)",
    );
  });
});
