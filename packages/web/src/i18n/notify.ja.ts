// The "notify" namespace: a physician's notification of a diagnosis to the health centre (感染症法 / 食品衛生法), on the
// line list and the recorded case. Japanese first, plain words.
export const notifyJa = {
  label: "保健所への届出",
  due: "{{deadline}} — 期限 {{day}}",
  dueToday: "今日が期限です",
  daysLeft: "あと{{count}}日",
  overdue: "期限を{{count}}日過ぎています",
  done: "届出済み {{day}}",
  suspectedNotNeeded: "確定したら届出が必要になります",
  fromOnset: "受診・診断日が未記録のため、発症日から数えています",
  notifiedDate: "保健所に届け出た日",
  notifiedHint: "医師が保健所に届け出た日。記録するとお知らせが消えます。今日より後の日や診断日より前の日は入れられません。",
  deadline: {
    immediate: "診断後直ちに",
    within_7_days: "診断後7日以内",
    next_monday: "次の月曜日まで",
    first_of_next_month: "翌月初日まで",
  },
};

export type NotifyMessages = typeof notifyJa;
