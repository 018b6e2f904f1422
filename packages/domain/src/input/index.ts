export { isSaneDay, isSaneInstant, SANE_DAYS, saneDay, saneInstant } from "./calendar.ts";
export { isPrefecture, PREFECTURES, type Prefecture } from "./prefectures.ts";
export { storableText } from "./text.ts";
