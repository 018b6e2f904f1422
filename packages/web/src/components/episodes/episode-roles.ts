import { may, type PermissionHolder } from "../../lib/permissions.ts";

// What the outbreak episode screens show, from the permissions of @mamori/contract.

/** May open an episode, link its cases and record measures. */
export const canRecordEpisodes = (user: PermissionHolder): boolean => may(user, "recordEpisodes");
/** May close an episode with the committee's decision, and reopen it. */
export const canCloseEpisodes = (user: PermissionHolder): boolean => may(user, "closeEpisodes");
