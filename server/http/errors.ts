/*
 * Errors as HTTP answers: `{"error": {"code", "message"}}` with the right status. Typed errors
 * from the domain (bad files, impossible comparisons, invalid requests) map to 4xx here, in one
 * place; anything else is a 500 that is logged and says no more than that.
 */
import type { ErrorRequestHandler } from "express";
import { MulterError } from "multer";
import { z } from "zod";
import { FormatError } from "../../shared/formats/errors";
import { ComparisonError } from "../../shared/compare/comparison";
import { describeIssues } from "../../shared/protocol/api";
import { VersionNameTaken } from "../imports/import-version";
import { sizeInWords } from "./size-words";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const notFound = (what = "no such resource") => new HttpError(404, "not-found", what);

interface Answer {
  status: number;
  code: string;
  message: string;
}

function answerFor(err: unknown): Answer | null {
  if (err instanceof HttpError) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof z.ZodError) return { status: 400, code: "invalid-request", message: describeIssues(err) };
  if (err instanceof FormatError) {
    if (err.code === "too-large") return { status: 413, code: "file-too-large", message: err.message };
    return { status: 422, code: `file-${err.code}`, message: err.message };
  }
  if (err instanceof ComparisonError) return { status: 400, code: err.code, message: err.message };
  if (err instanceof VersionNameTaken) return { status: 409, code: "name-taken", message: err.message };
  if (err instanceof MulterError) {
    if (err.code === "LIMIT_FILE_SIZE")
      return { status: 413, code: "file-too-large", message: "the file is over the upload limit; nothing was stored" };
    return { status: 400, code: "invalid-upload", message: `${err.message}${err.field ? ` (field "${err.field}")` : ""}` };
  }
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  if (e?.type === "entity.too.large")
    return {
      status: 413,
      code: "body-too-large",
      message: `the request body is over the limit${typeof e.limit === "number" ? ` of ${sizeInWords(e.limit)}` : ""}; nothing was stored`,
    };
  // The parser takes objects and arrays alone ("strict"): null, 123 or "text" are JSON, but no request's body.
  if (e?.type === "entity.parse.failed")
    return { status: 400, code: "invalid-json", message: "the request body is not a JSON object: it is not JSON, or JSON of another kind" };
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500)
    return { status: e.status, code: "bad-request", message: e.message ?? "bad request" };
  return null;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const answer = answerFor(err);
  if (answer) {
    // The sender's fault is news; the server's own bounds reached (a 503) are worth a look.
    if (answer.status >= 500) req.log?.warn({ err: { code: answer.code, message: answer.message } }, "request not served");
    else req.log?.info({ err: { code: answer.code, message: answer.message } }, "request refused");
    res.status(answer.status).json({ error: { code: answer.code, message: answer.message } });
    return;
  }
  req.log?.error({ err }, "request failed");
  res
    .status(500)
    .json({ error: { code: "internal", message: "something went wrong on the server; the request id is in the X-Request-Id header" } });
};
