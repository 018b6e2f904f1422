import type { EpisodeTrigger } from "./alerts.ts";

/**
 * Outbreak episodes and their end (facility-surveillance.md §4.3; manual p.56: "施設全体としては新しい患者が1週間出なければ、
 * 終息とみなしてもかまいません。感染対策委員会で最終的な判断をします").
 *
 * An episode of a group (or disease) opens on a day on which `NORO_CLUSTER_24H`, `REPORT_CRITERION_A` or
 * `REPORT_CRITERION_B` holds for it, or on a day a person declares one. `OUTBREAK_END_ELIGIBLE` holds on day d while an
 * episode is open and its last new onset L satisfies d ≥ L + quietDays (7 by default, per group in the profile).
 *
 * **Decisions**: L is the latest onset (implicit or recorded case) of the group on or before d, so a new onset after
 * the quiet week withdraws the eligibility until a new quiet week has passed; the episode stays open — and the alert
 * keeps asking the committee — until the committee's confirmed end is recorded (`closedDate`, from that day on). A rule
 * starting to hold again (it did not hold the day before) after the episode had become eligible starts a new episode.
 */
export type EpisodeState = {
  openedOn: number;
  openedBy: EpisodeTrigger[];
  lastOnset: number;
  daysWithoutNewOnset: number;
};

/**
 * Walks the days from `fromDay` to `toDay` and returns, for every day on which the end is eligible, the episode's state.
 *
 * @param triggers the opening rules that hold on each day number, and declarations; a rule opens an episode on the first
 *   day of a run of days on which it holds
 * @param closures days on which the committee confirmed an end
 * @param onsetDays onset days of the group's cases, ascending
 * @param quietDays days without a new onset needed (7)
 * @example outbreakEndDays(new Map([[10, ["NORO_CLUSTER_24H"]]]), [], [9, 10], 7, 0, 20).has(17) // true
 */
export function outbreakEndDays(
  triggers: ReadonlyMap<number, readonly EpisodeTrigger[]>,
  closures: readonly number[],
  onsetDays: readonly number[],
  quietDays: number,
  fromDay: number,
  toDay: number,
): Map<number, EpisodeState> {
  const result = new Map<number, EpisodeState>();
  const closed = new Set(closures);
  let open: { openedOn: number; openedBy: EpisodeTrigger[] } | null = null;
  let eligibleBefore = false;
  let onsetIndex = -1;
  for (let day = fromDay; day <= toDay; day++) {
    while (onsetIndex + 1 < onsetDays.length && onsetDays[onsetIndex + 1]! <= day) onsetIndex += 1;
    const lastOnset = onsetIndex >= 0 ? onsetDays[onsetIndex]! : undefined;
    if (closed.has(day)) {
      open = null;
      eligibleBefore = false;
      continue;
    }
    const yesterday = triggers.get(day - 1) ?? [];
    const today = (triggers.get(day) ?? []).filter(
      (trigger) => trigger === "DECLARED" || !yesterday.includes(trigger),
    );
    if (today.length > 0 && (!open || eligibleBefore)) {
      open = { openedOn: day, openedBy: [...today] };
      eligibleBefore = false;
    }
    if (!open || lastOnset === undefined) continue;
    const quiet = day - lastOnset;
    const eligible = quiet >= quietDays;
    if (eligible) {
      result.set(day, {
        openedOn: open.openedOn,
        openedBy: open.openedBy,
        lastOnset,
        daysWithoutNewOnset: quiet,
      });
    }
    eligibleBefore = eligible;
  }
  return result;
}
