export { isSaneDay, isSaneInstant, SANE_DAYS, saneDay, saneInstant } from "./calendar.ts";
export { storableText } from "./text.ts";
export { isPrefecture, PREFECTURES, type Prefecture } from "./prefectures.ts";
