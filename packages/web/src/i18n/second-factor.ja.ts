/** 二段階認証（パスワードと認証アプリの番号）の画面の文言。 */
export const secondFactorJa = {
  step: {
    title: "確認コードの入力",
    lead: "スマートフォンの認証アプリに表示されている6桁の番号を入力してください。",
    code: "6桁の番号",
    recoveryLead: "スマートフォンが手元にないときは、保管している回復用コードを1つ入力してください。",
    recovery: "回復用コード",
    useRecovery: "回復用コードを使う",
    useApp: "認証アプリの番号を使う",
    submit: "サインイン",
    submitting: "確認しています…",
    wrong: "番号が違うか、すでに使った番号です。アプリに出ている新しい番号を入力してください。",
    rateLimited:
      "間違いが続いたため、しばらく入力できません。{{minutes}}分ほどたってからもう一度お試しください。",
    expired: "時間がたったため、もう一度パスワードからサインインしてください。",
    cancel: "別のアカウントでサインイン",
  },
  enrol: {
    title: "二段階認証の設定",
    requiredLead:
      "施設長・管理者・行政の担当者のアカウントは、パスワードに加えて、スマートフォンの認証アプリに出る6桁の番号でサインインします。はじめに設定してください。",
    optionalLead:
      "パスワードに加えて、スマートフォンの認証アプリに出る6桁の番号でサインインするようにします。",
    appHint: "認証アプリ（Google Authenticator、Microsoft Authenticator など）を使います。",
    start: "設定を始める",
    scan: "1. 認証アプリで、このQRコードを読み取ってください。",
    qrAlt: "認証アプリで読み取るQRコード",
    manual: "読み取れないときは、アプリで「キーを入力」を選び、次のキーを入力してください。",
    manualKey: "キー",
    account: "アカウント名",
    confirmLead: "2. アプリに表示された6桁の番号を入力してください。",
    code: "6桁の番号",
    confirm: "確認して設定する",
    confirming: "確認しています…",
    wrong: "番号が違います。アプリに出ている今の番号を入力してください（30秒ごとに変わります）。",
    currentPassword: "いまのパスワード",
    passwordLead: "設定し直すには、いまのパスワードを入力してください。",
    wrongPassword: "パスワードが違います。",
    signOut: "サインアウト",
  },
  codes: {
    title: "回復用コード",
    lead: "スマートフォンをなくしたり機種を変えたりしたときに、6桁の番号の代わりに使うコードです。1つのコードは1回だけ使えます。",
    keep: "印刷するか書き写して、パソコンやスマートフォンとは別の安全な場所に保管してください。この画面を閉じると、もう表示できません。",
    print: "印刷する",
    copy: "コピーする",
    copied: "コピーしました。",
    done: "保管しました",
    printTitle: "Mamori 回復用コード",
    printFor: "{{name}}（{{username}}）",
    printedOn: "作成日 {{date}}",
  },
  settings: {
    open: "二段階認証",
    title: "二段階認証",
    on: "設定済みです。サインインのとき、パスワードの後に認証アプリの番号を入力します。",
    off: "設定していません。",
    required: "この役割では二段階認証が必要です。やめることはできません。",
    setUp: "設定する",
    reEnrol: "設定し直す（スマートフォンを変えたとき）",
    newCodes: "回復用コードを作り直す",
    newCodesLead: "いまの回復用コードは使えなくなります。アプリに出ている6桁の番号を入力してください。",
    newCodesSubmit: "作り直す",
    disable: "二段階認証をやめる",
    disableLead:
      "やめると、パスワードだけでサインインするようになります。いまのパスワードを入力してください。",
    disableSubmit: "やめる",
    disabled: "二段階認証をやめました。",
    back: "戻る",
  },
  accounts: {
    column: "二段階認証",
    enabled: "設定済み",
    notEnabled: "未設定",
    reset: "二段階認証をリセット",
    confirmReset:
      "{{name}}さんの二段階認証をリセットしますか？ {{name}}さんはサインアウトされ、次のサインインで設定し直します。",
    resetDone: "{{name}}さんの二段階認証をリセットしました。次のサインインで設定し直します。",
  },
} as const;

export type SecondFactorMessages = {
  [K in keyof typeof secondFactorJa]: Record<keyof (typeof secondFactorJa)[K], string>;
};
