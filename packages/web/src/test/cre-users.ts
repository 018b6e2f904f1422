import type { User } from "../api/types.ts";

/** Users of the demo hospital for the CRE screens' tests. */
const hospital = { id: "h1", name: "みなと総合病院", kind: "facility" };
export const LAB_USER: User = {
  id: "u-lab",
  username: "demo-lab",
  displayName: "検査 彩",
  role: "lab_technologist",
  organisation: hospital,
};
export const PHYSICIAN_USER: User = {
  ...LAB_USER,
  id: "u-doc",
  username: "demo-physician",
  displayName: "医師 誠",
  role: "physician",
};
export const AST_USER: User = {
  ...LAB_USER,
  id: "u-ast",
  username: "demo-ast",
  displayName: "AST 薬剤師 聡",
  role: "ast_member",
};
export const ADMIN_USER: User = {
  ...LAB_USER,
  id: "u-admin",
  username: "demo-admin",
  displayName: "管理者 亮",
  role: "admin",
};
