import type { RoundMessages } from "./round.ja.ts";

export const roundEn: RoundMessages = {
  sections: {
    living: "Residents and short stay",
    day_service: "Day service",
    staff: "Staff",
  },
  sectionCount: "{{count}}",
  allClear: {
    title: "Mark everyone as no change?",
    body: "{{count}} residents and short-stay guests of {{unit}} will be marked as no change.",
    pastDay: "This is for {{day}}, not today. Check the date.",
    excluded: "Day-service users and staff are not included; check them one by one.",
    confirm: "Mark {{count}} as no change",
    cancel: "Cancel",
    done: "{{count}} marked as no change.",
    undo: "Undo",
    undoing: "Undoing…",
    undone: "No change taken back for {{count}}.",
    undoFailed: "Could not undo. The entries stay as they are; correct them one by one if needed.",
    close: "Close",
  },
  row: {
    label: "{{who}}, {{state}}",
    kind: "{{name}} {{kind}}",
    clearLabel: "{{who}} no change",
    noRoom: "no room",
    temp: "{{temp}} °C",
  },
  editor: {
    close: "Close",
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
