import type { User } from "../api/types.ts";
import { HOSPITAL, testUser } from "./users.ts";

/** Users of the demo hospital for the CRE screens' tests. */
export const LAB_USER: User = testUser({
  id: "u-lab",
  username: "demo-lab",
  displayName: "検査 彩",
  role: "lab_technologist",
  organisation: HOSPITAL,
});
export const PHYSICIAN_USER: User = testUser({
  ...LAB_USER,
  id: "u-doc",
  username: "demo-physician",
  displayName: "医師 誠",
  role: "physician",
});
export const AST_USER: User = testUser({
  ...LAB_USER,
  id: "u-ast",
  username: "demo-ast",
  displayName: "AST 薬剤師 聡",
  role: "ast_member",
});
export const ADMIN_USER: User = testUser({
  ...LAB_USER,
  id: "u-admin",
  username: "demo-admin",
  displayName: "管理者 亮",
  role: "admin",
});
