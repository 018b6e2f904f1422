import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

/** Sends `content` ("first" or "other") under `id` as organisation A or B. */
export type PostAs = (
  who: "a" | "b",
  id: string,
  content: "first" | "other",
) => Promise<LightMyRequestResponse>;

/**
 * One client-chosen id used by two organisations (migrations 0019, 0021): A's first content and B's other content are
 * both new rows — never a 409 that would tell a stranger the id exists —, a resend in either answers `resendStatus`
 * (the same row), and A's other content under the same id is a 409. Returns the id.
 */
export async function oneIdTwoOrganisations(post: PostAs, resendStatus: 200 | 201 = 200): Promise<string> {
  const id = randomUUID();
  const first = await post("a", id, "first");
  expect(first.statusCode, first.body).toBe(201);
  const second = await post("b", id, "other");
  expect(second.statusCode, second.body).toBe(201);
  expect((await post("a", id, "first")).statusCode).toBe(resendStatus);
  expect((await post("b", id, "other")).statusCode).toBe(resendStatus);
  const clash = await post("a", id, "other");
  expect(clash.statusCode, clash.body).toBe(409);
  return id;
}
