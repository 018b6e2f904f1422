import type { FieldError } from "../api/types.ts";
import { i18n } from "../i18n/index.ts";
import type { Lang } from "./labels.ts";

// The server names fields in English (docs/api.md); a care worker reads them in Japanese. Each rule turns one of the
// server's messages (its own, or zod's defaults) into plain Japanese; anything unknown is shown as the server wrote it.
type Rule = [RegExp, (m: RegExpMatchArray) => string];

const BASELINE_PATH = /(baseline_temp_c|baselineTempC)$/;
const BASELINE_JA = "平熱は34.0〜38.0（小数1桁）の数で入れてください";

const JA: Rule[] = [
  [/^name is required/, () => "氏名を入れてください"],
  [
    /^unknown kind "(.*)"/,
    (m) => `種別「${m[1]}」は使えません。入所者・ショートステイ・通所サービス・職員のどれかにしてください`,
  ],
  [/^unknown unit "(.*)"/, (m) => `ユニット「${m[1]}」は登録されていません`],
  [/^unknown room "(.*)"/, (m) => `部屋「${m[1]}」はそのユニットに登録されていません`],
  [/^unknown unit$/, () => "登録されていないユニットです"],
  [/^unknown room$/, () => "登録されていない部屋です"],
  [/^room is not in that unit/, () => "その部屋は選んだユニットにありません"],
  [/^only staff have a job/, () => "職種は職員にだけ登録できます"],
  [/^missing columns: (.*)/, (m) => `見出しの行に次の列がありません: ${m[1]}`],
  [/^no rows$/, () => "データの行がありません"],
  [/^at most (\d+) rows/, (m) => `一度に取り込めるのは${m[1]}行までです`],
  [/^expected a number between (\d+) and (\d+)/, (m) => `${m[1]}〜${m[2]}の数を入れてください`],
  [/^unknown symptom code/, () => "使えない症状です"],
  [/^unknown person/, () => "この施設に登録されていない人です"],
  [/^is in the future/, () => "先の日時になっています。端末の時計を確かめてください"],
  [/^must not be in the future/, () => "今日より後の日付は入れられません"],
  [/^must not be before the person's birth date \((.*)\)/, (m) => `生年月日（${m[1]}）より前の日付です`],
  [
    /^must not be after a record about this person \((.*)\)/,
    (m) => `この人の記録（${m[1]}）より後の日付は生年月日にできません`,
  ],
  [/^must not be before the exposure/, () => "曝露の日より前の日付です"],
  [/^must not be after the follow-up was closed/, () => "経過観察の終了日より後の日付です"],
  [/^must not be before seasonFrom/, () => "使い始める日より前になっています"],
  [/^not a date "(.*)"/, (m) => `「${m[1]}」は日付として読めません（1940-01-02 または 1940/1/2）`],
  [
    /^already recorded with other content/,
    () => "同じ記録が別の内容ですでに保存されています。直すときは「訂正」を使ってください",
  ],
  [/^same id as observations\[(\d+)\]/, () => "同じ記録IDが、同じ送信の中で別の内容で使われています"],
  [/^expected a UUID/, () => "記録IDの形式が正しくありません"],
  [/^expected an ISO 8601 time/, () => "日時の形式が正しくありません"],
  [/^expected a day as YYYY-MM-DD/, () => "日付の形式が正しくありません"],
  [/^unknown time zone/, () => "使えない時間帯です。Asia/Tokyo のようなIANAの名前で入れてください"],
  [/^unknown health centre/, () => "一覧にある保健所を選んでください"],
  [/^unknown municipality/, () => "一覧にある市町村を選んでください"],
  [/^already taken/, () => "このユーザー名はすでに使われています。別の名前にしてください"],
  [/^at least (\d+) characters/, (m) => `${m[1]}文字以上にしてください`],
  [
    /^lower-case letters, digits, dot, hyphen and underscore/,
    () => "半角の小文字英字・数字と . _ - だけで、英字か数字で始めてください",
  ],
  [/^Too big: expected string to have <=(\d+) characters/, (m) => `${m[1]}文字以内にしてください`],
  [/^Too small: expected string to have >=1 characters/, () => "入力してください"],
  [/^Too small: expected string to have >=(\d+) characters/, (m) => `${m[1]}文字以上にしてください`],
  [/^Too big: expected number to be <=([\d.]+)/, (m) => `${m[1]}以下にしてください`],
  [/^Too small: expected number to be >=([\d.]+)/, (m) => `${m[1]}以上にしてください`],
  [/^Invalid number: must be a multiple of/, () => "小数点以下は1桁にしてください"],
  [/^Invalid input: expected number/, () => "数を入れてください"],
  [/^Invalid input: expected string/, () => "文字を入れてください"],
  [/^Invalid (UUID|option)/, () => "選べない値です"],
];

/** The i18n key of a field error's code, most specific first (`fieldCodes.format_date` before `invalid_format`). */
function codeKeys(field: FieldError): string[] {
  const { code, params } = field;
  if (code === undefined || code === "invalid" || code === "constraint") return [];
  // A pattern's own message says what the pattern wants; the code alone would only say "wrong format".
  if (code === "invalid_format" && params?.format === "regex") return [];
  if (code === "invalid_format")
    return [`fieldCodes.format_${String(params?.format)}`, "fieldCodes.invalid_format"];
  if (code === "invalid_type")
    return [`fieldCodes.type_${String(params?.expected)}`, "fieldCodes.invalid_type"];
  return [`fieldCodes.${code}`];
}

/**
 * A field error in the user's language: by its code (@mamori/contract/errors) through i18n; for `invalid` and the
 * codes without a text, by the server's message (`localizeServerMessage`).
 */
export function fieldErrorMessage(field: FieldError, lang: Lang): string {
  const numeric = ["too_big", "too_small", "not_multiple_of", "invalid_type"];
  if (lang === "ja" && BASELINE_PATH.test(field.path) && field.code && numeric.includes(field.code))
    return BASELINE_JA;
  const t = i18n.getFixedT(lang);
  const key = codeKeys(field).find((k) => i18n.exists(k, { lng: lang }));
  if (key) return (t as (key: string, options?: object) => string)(key, field.params ?? {});
  return localizeServerMessage(field.message, field.path, lang);
}

/**
 * A server message about a field, in the user's language.
 * @example localizeServerMessage('unknown kind "入居者" (…)', "rows[2].kind", "ja") // 種別「入居者」は使えません。…
 */
export function localizeServerMessage(message: string, path: string, lang: Lang): string {
  if (lang !== "ja") return message;
  if (BASELINE_PATH.test(path) && /^(Too (big|small)|Invalid (number|input))/.test(message))
    return BASELINE_JA;
  for (const [pattern, render] of JA) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return message;
}
