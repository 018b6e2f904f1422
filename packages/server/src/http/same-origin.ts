import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Content types a page of another origin can send without asking first (CORS "simple" requests). */
const SIMPLE_CONTENT_TYPES = new Set([
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
]);

/**
 * Refuses state-changing calls that a page of another origin could make with the user's cookie (cross-site request
 * forgery). SameSite=Lax cookies still travel between ports of one host, so the check does not rely on them:
 * - a browser's `Sec-Fetch-Site` must say the call came from the app's own origin (or from no page at all);
 * - a browser's `Origin` must be this server's own;
 * - a body must have a type that a cross-origin page cannot send without a preflight, which Mamori never grants.
 * Clients that are not browsers send neither header and carry no victim's cookie.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers["sec-fetch-site"];
  if (typeof fetchSite === "string" && fetchSite !== "same-origin" && fetchSite !== "none")
    throw crossOrigin();
  const origin = request.headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw crossOrigin();
    }
    if (host !== request.headers.host) throw crossOrigin();
  } else if (origin === "null") {
    throw crossOrigin();
  }
  const contentType = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  if (contentType && SIMPLE_CONTENT_TYPES.has(contentType))
    throw new AppError(415, "unsupported_content_type", "Send JSON (application/json) or CSV (text/csv).");
}

const crossOrigin = () => new AppError(403, "cross_origin", "This change must come from Mamori's own pages.");
