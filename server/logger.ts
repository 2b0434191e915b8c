/*
 * The server's structured log (pino, JSON lines), with session tokens kept out of it.
 */
import { pino, type DestinationStream, type Logger } from "pino";

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: ["req.headers.cookie", 'res.headers["set-cookie"]'], censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}
