import { Agent, request as httpRequest } from "node:http";
import type { FastifyInstance } from "fastify";

/** A request as the trials send it: the body as the exact text or bytes on the wire. */
export type Outgoing = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};
/** What came back; status 0 when no answer came (the connection closed, or nothing within the timeout). */
export type Answer = {
  status: number;
  body: string;
  ms: number;
  /**
   * No answer read, but the request was beyond Node's header limit (16 KB): the server refuses it (431) and closes, and
   * a client still sending the URL may see the connection reset before the answer.
   */
  closedAtHeaderLimit?: boolean;
  /** The cookies set, as `name=value`. */
  cookies?: string[];
  error?: string;
};

/** How the trials reach Mamori: over HTTP to a running `mamori start`, or in process with `app.inject`. */
export type Transport = {
  kind: "http" | "in-process";
  send: (request: Outgoing) => Promise<Answer>;
  /** The headers a browser adds to a state-changing call of Mamori's own page (the CSRF check reads them). */
  sameOrigin: Record<string, string>;
};

export function inProcess(app: FastifyInstance): Transport {
  return {
    kind: "in-process",
    sameOrigin: {},
    send: async ({ method, url, headers, body }) => {
      const started = performance.now();
      const response = await app.inject({
        method: method as "GET",
        url,
        headers: headers ?? {},
        ...(body === undefined ? {} : { payload: body }),
      });
      return {
        status: response.statusCode,
        body: response.body,
        ms: performance.now() - started,
        cookies: response.cookies.map((c) => `${c.name}=${c.value}`),
      };
    },
  };
}

const TIMEOUT_MS = 30_000;
/** Beyond these a server may answer before reading everything (413, 414, 431) and close the connection. */
const LARGE_URL = 8_000;
/** Node's default `maxHeaderSize`. */
const HEADER_LIMIT = 16 * 1024;
const LARGE_BODY = 1_048_576;
const CHUNK = 64 * 1024;
const EARLY_ANSWER_MS = 500;

/**
 * Plain node:http (not fetch), so a body is sent byte for byte. A large request goes on a connection of its own, its
 * body in chunks that stop once an answer came, as a client would: the server's early 413 is read, not lost to EPIPE.
 */
export function overHttp(baseUrl: string): Transport {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const base = new URL(baseUrl);
  const once = (request: Outgoing): Promise<Answer & { reusedSocket?: boolean }> =>
    new Promise((resolve) => {
      const { method, url, headers, body } = request;
      const large = url.length > LARGE_URL || (body !== undefined && Buffer.byteLength(body) > LARGE_BODY);
      const started = performance.now();
      let settled = false;
      let answered = false;
      const done = (answer: Omit<Answer, "ms">) => {
        if (settled) return;
        settled = true;
        if (large) req.destroy();
        resolve({ ...answer, ms: performance.now() - started, reusedSocket: req.reusedSocket });
      };
      const req = httpRequest(
        {
          agent: large ? false : agent,
          host: base.hostname,
          port: base.port,
          method,
          path: url,
          headers: {
            ...headers,
            ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }),
          },
          timeout: TIMEOUT_MS,
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            done({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              cookies: (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
            }),
          );
          response.on("error", (error) =>
            done({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              error: error.message,
            }),
          );
        },
      );
      req.on("timeout", () => done({ status: 0, body: "", error: `no answer within ${TIMEOUT_MS} ms` }));
      // An answer may still be on its way when writing fails: give it a moment.
      req.on("error", (error) => setTimeout(() => done({ status: 0, body: "", error: error.message }), 200));
      if (!large || body === undefined) {
        req.end(body);
        return;
      }
      // The first chunk, then a pause for an early answer: once the server refused (413) and closed, more bytes
      // would only make the kernel reset the connection and drop the answer unread.
      const bytes = Buffer.from(body);
      req.write(bytes.subarray(0, CHUNK));
      const writeFrom = (offset: number): void => {
        while (offset < bytes.length && !answered && !settled) {
          const ok = req.write(bytes.subarray(offset, offset + CHUNK));
          offset += CHUNK;
          if (!ok) {
            req.once("drain", () => writeFrom(offset));
            return;
          }
        }
        if (offset >= bytes.length && !settled) req.end();
      };
      setTimeout(() => writeFrom(CHUNK), EARLY_ANSWER_MS);
    });
  return {
    kind: "http",
    sameOrigin: { origin: base.origin, "sec-fetch-site": "same-origin" },
    send: async (request) => {
      const answer = await once(request);
      // A kept-alive connection the server closed meanwhile: the request never reached it; send it again (Node's
      // documented remedy, `request.reusedSocket`).
      const reset = answer.status === 0 && /ECONNRESET|EPIPE/.test(answer.error ?? "");
      if (reset && answer.reusedSocket) return once(request);
      if (reset && request.url.length > HEADER_LIMIT) return { ...answer, closedAtHeaderLimit: true };
      return answer;
    },
  };
}
