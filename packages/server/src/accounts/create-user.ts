import type { Role } from "@mamori/contract/permissions";
import { hashPassword } from "../auth/password.ts";
import type { Executor } from "../db/database.ts";
import { users } from "../db/schema/index.ts";

/** Creates a sign-in account with an Argon2id password hash. */
export async function createUser(
  db: Executor,
  input: { organisationId: string; username: string; displayName: string; role: Role; password: string },
): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({
      organisationId: input.organisationId,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .returning({ id: users.id });
  return row!.id;
}
