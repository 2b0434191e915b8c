/*
 * The Express application: security headers with a content security policy that allows no inline
 * script, structured request logs with request ids, the session, rate limits, the API routes,
 * the built browser app, and errors as JSON.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Services } from "./context";
import { answersTo } from "./loopback";
import { errorHandler, HttpError, notFound } from "./errors";
import { isSameOrigin } from "./same-origin";
import { sessionRoutes } from "./routes/session";
import { signInLimits } from "./sign-in-limits";
import { dossierRoutes } from "./routes/dossiers";
import { versionRoutes } from "./routes/versions";
import { compareRoutes } from "./routes/compare";

/** JSON bodies are small (logins, members, overrides); files go through the upload route. */
const JSON_LIMIT = "256kb";
/** Requests a signed-in user (or an address, before signing in) may make in a minute. */
const REQUESTS_PER_MINUTE = 600;

export function createApp(
  services: Services,
  logger: Logger,
  clientDir: string | null,
  secureCookies = false,
  /** The host names answered besides this machine's, or null for any (see loopback.ts). */
  allowedHosts: readonly string[] | null = null,
): Express {
  const app = express();
  app.disable("x-powered-by");
  if (allowedHosts !== null) {
    app.use((req, res, next) => {
      if (answersTo(req.headers.host, allowedHosts)) return next();
      res.status(403).json({
        error: {
          code: "host-not-allowed",
          message: `this server answers to ${["localhost", "127.0.0.1", "[::1]", ...allowedHosts].join(", ")} only (ALLOWED_HOSTS)`,
        },
      });
    });
  }
  app.set("trust proxy", "loopback");
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Served over plain HTTP on a laptop or behind a TLS proxy: never rewrite to https here.
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: secureCookies,
    }),
  );
  app.use("/api", (req, _res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD" && !isSameOrigin(req.headers)) {
      throw new HttpError(403, "cross-origin", "requests that change data must come from this server's own pages");
    }
    next();
  });
  app.use(express.json({ limit: JSON_LIMIT }));
  app.use(async (req, _res, next) => {
    const user = await services.sessions.user(req.headers.cookie);
    if (user) req.user = user;
    next();
  });
  const limit = rateLimit({
    windowMs: 60_000,
    limit: REQUESTS_PER_MINUTE,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => (req.user ? `user:${req.user.id}` : `ip:${ipKeyGenerator(req.ip ?? "unknown")}`),
    handler: (_req, res) => {
      res.status(429).json({ error: { code: "too-many-requests", message: "too many requests; wait a minute" } });
    },
  });
  app.use("/api", limit);
  app.use("/api/session", ...signInLimits(services.knownBrowsers, services.store), sessionRoutes(services));
  app.use("/api/dossiers/:id/versions", versionRoutes(services));
  app.use("/api/dossiers/:id/compare", compareRoutes(services));
  app.use("/api/dossiers", dossierRoutes(services));
  app.use("/api", (req) => {
    throw notFound(`no API route ${req.method} ${req.originalUrl}`);
  });
  if (clientDir && existsSync(join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: "index.html", maxAge: "1h" }));
  } else {
    app.get("/", (_req, res) => {
      res.type("text").send("The browser app is not built: run `npm run build` (npm start does it).");
    });
  }
  app.use(errorHandler);
  return app;
}
