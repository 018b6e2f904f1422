import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { TEST_PASSWORD } from "./test-facility.ts";
import { call, NEW_PASSWORD, WALK_PERSON_NAME, type WalkStep, walkClock } from "./write-walk-steps.ts";

const nextCode = (secret: string) => {
  walkClock.now = new Date(walkClock.now.getTime() + 30_000);
  return generate({ secret, epoch: Math.floor(walkClock.now.getTime() / 1000) });
};

/** The walk's steps of accounts, sign-in and the second factor, for a user the first of them creates. */
export const ACCOUNT_STEPS: WalkStep[] = [
  {
    route: "POST /api/users",
    run: async (app, f) => {
      f.state.username = `walk-${randomUUID().slice(0, 8)}`;
      const response = await call(app, f.cookies.admin, "POST", "/api/users", {
        username: f.state.username,
        displayName: WALK_PERSON_NAME,
        role: "care_worker",
        password: TEST_PASSWORD,
      });
      f.state.user = response.json().user?.id;
      return {
        response,
        actor: f.userIds.admin!,
        organisationId: f.facility.id,
        action: "create",
        entity: "user",
      };
    },
  },
  {
    route: "PATCH /api/users/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.admin, "PATCH", `/api/users/${f.state.user}`, { role: "nurse" }),
      actor: f.userIds.admin!,
      organisationId: f.facility.id,
      action: "update",
      entity: "user",
    }),
  },
  {
    route: "POST /api/auth/login",
    run: async (app, f) => {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: f.state.username!, password: TEST_PASSWORD },
      });
      f.state.userCookie = `mamori_session=${response.cookies.find((c) => c.name === "mamori_session")?.value}`;
      return {
        response,
        actor: f.state.user!,
        organisationId: f.facility.id,
        action: "sign_in",
        entity: "user",
      };
    },
  },
  {
    route: "POST /api/auth/second-factor/enrolment",
    run: async (app, f) => {
      const response = await call(app, f.state.userCookie!, "POST", "/api/auth/second-factor/enrolment", {});
      f.state.secret = response.json().secret;
      return {
        response,
        actor: f.state.user!,
        organisationId: f.facility.id,
        action: "update",
        entity: "user",
      };
    },
  },
  {
    route: "POST /api/auth/second-factor/enrolment/confirm",
    run: async (app, f) => ({
      response: await call(app, f.state.userCookie!, "POST", "/api/auth/second-factor/enrolment/confirm", {
        code: await nextCode(f.state.secret!),
      }),
      actor: f.state.user!,
      organisationId: f.facility.id,
      action: "update",
      entity: "user",
    }),
  },
  {
    route: "POST /api/auth/second-factor/verify",
    setup: async (app, f) => {
      const first = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: f.state.username!, password: TEST_PASSWORD },
      });
      f.state.halfway = `mamori_session=${first.cookies.find((c) => c.name === "mamori_session")?.value}`;
    },
    run: async (app, f) => {
      const cookie = f.state.halfway!;
      const response = await call(app, cookie, "POST", "/api/auth/second-factor/verify", {
        code: await nextCode(f.state.secret!),
      });
      const next = response.cookies.find((c) => c.name === "mamori_session")?.value;
      f.state.userCookie = next ? `mamori_session=${next}` : cookie;
      return {
        response,
        actor: f.state.user!,
        organisationId: f.facility.id,
        action: "sign_in",
        entity: "user",
      };
    },
  },
  {
    route: "POST /api/auth/second-factor/recovery-codes",
    run: async (app, f) => ({
      response: await call(app, f.state.userCookie!, "POST", "/api/auth/second-factor/recovery-codes", {
        code: await nextCode(f.state.secret!),
      }),
      actor: f.state.user!,
      organisationId: f.facility.id,
      action: "update",
      entity: "user",
    }),
  },
  {
    route: "POST /api/auth/second-factor/disable",
    run: async (app, f) => ({
      response: await call(app, f.state.userCookie!, "POST", "/api/auth/second-factor/disable", {
        currentPassword: TEST_PASSWORD,
      }),
      actor: f.state.user!,
      organisationId: f.facility.id,
      action: "update",
      entity: "user",
    }),
  },
  {
    route: "POST /api/auth/password",
    run: async (app, f) => ({
      response: await call(app, f.state.userCookie!, "POST", "/api/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
      actor: f.state.user!,
      organisationId: f.facility.id,
      action: "update",
      entity: "user",
    }),
  },
  {
    route: "POST /api/auth/logout",
    run: async (app, f) => ({
      response: await call(app, f.state.userCookie!, "POST", "/api/auth/logout", {}),
      actor: f.state.user!,
      organisationId: f.facility.id,
      action: "sign_out",
      entity: "user",
    }),
  },
  {
    route: "POST /api/users/:id/second-factor/reset",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.admin,
        "POST",
        `/api/users/${f.state.user}/second-factor/reset`,
        {},
      ),
      actor: f.userIds.admin!,
      organisationId: f.facility.id,
      action: "update",
      entity: "user",
    }),
  },
];
