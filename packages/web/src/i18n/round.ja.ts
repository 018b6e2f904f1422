// The "round" namespace: the safer round — 全員変わりなし with its confirmation and 元に戻す, the sections of the round, what
// a screen reader hears for each person, and the facility's fever rule printed beside the form's own note.
export const roundJa = {
  sections: {
    living: "入所者・ショートステイ",
    day_service: "通所サービス",
    staff: "職員",
  },
  sectionCount: "{{count}}人",
  allClear: {
    title: "全員変わりなしにしますか？",
    body: "{{unit}}の入所者・ショートステイ {{count}}名を変わりなしにします。",
    pastDay: "{{day}}の記録です（今日ではありません）。日付を確かめてください。",
    excluded: "通所サービスの方と職員は含みません。一人ずつ確認してください。",
    confirm: "{{count}}名を変わりなしにする",
    cancel: "やめる",
    done: "{{count}}名を変わりなしにしました。",
    undo: "元に戻す",
    undoing: "元に戻しています…",
    undone: "{{count}}名の変わりなしを取り消しました。",
    undoFailed: "元に戻せませんでした。記録はそのまま残っています。必要なら一人ずつ訂正してください。",
    close: "閉じる",
  },
  row: {
    label: "{{who}}、{{state}}",
    kind: "{{name}} {{kind}}",
    clearLabel: "{{who}} 変わりなし",
    noRoom: "部屋なし",
    temp: "{{temp}}℃",
  },
  editor: {
    close: "閉じる",
  },
  print: {
    remarks: "備考",
    stamp: "確認印",
    formNote: "書式の注（付録4①）",
    rule: "この施設の判定（マニュアル p.33–34「おおむね38℃以上の発熱もしくは平熱より1℃以上の体温上昇を発熱ととらえます」による）：38.0℃以上、または平熱より1.0℃以上高いときを「発熱」、37.5〜37.9℃を「微熱」と記します。どちらも上の注の「通常37.5°C以上」の熱にあたり、「微熱」は注の「38°C未満の熱」です。平熱が低い人では、37.5°C未満でも平熱より1.0℃以上高ければ「発熱」と記します。",
    continued: "（続き）",
    page: "ページ",
  },
};

export type RoundMessages = typeof roundJa;
