import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/**
 * The security headers of every answer (helmet): a content security policy that allows only this origin, no framing,
 * no MIME sniffing, the referrer kept to this origin, and HSTS when the server sits behind TLS (secure cookies; on
 * plain http it would be ignored or lock users out). Helmet's middleware is built once here, not per request.
 */
export function addSecurityHeaders(app: FastifyInstance, options: { behindTls: boolean }): void {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React and the chart library set element styles; Swagger UI at /api/docs has inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: options.behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
