/*
 * Files sent as new versions, kept beyond the page that sent them: a reader who leaves a
 * dossier while a large act is being read, and comes back, finds the file's line as it stands,
 * with its outcome when it has one. Each outcome is shown on a dossier page at least once.
 */
import { ApiFailure, upload } from "./api";
import type { VersionSummary } from "../../shared/protocol/api";

export interface FileSent {
  readonly dossierId: number;
  readonly versionName: string;
  readonly fileName: string;
  /** The form's fields as sent, the file among them: to put back in the form if it is refused. */
  readonly data: FormData;
  /** The share sent so far, 0 to 1. */
  share: number;
  state: "sending" | "reading" | "added" | "refused";
  /** What came of it, once it is added or refused. */
  outcome: string;
  /** Whether a dossier page has shown its outcome. */
  shown: boolean;
}

const files: FileSent[] = [];
const listeners = new Set<(file: FileSent) => void>();

/** Sends a file as a new version of a dossier; `listen` hears of every change to any file sent. */
export function sendFile(dossierId: number, versionName: string, fileName: string, data: FormData): FileSent {
  const file: FileSent = { dossierId, versionName, fileName, data, share: 0, state: "sending", outcome: "", shown: false };
  files.push(file);
  const changed = () => {
    for (const listener of listeners) listener(file);
  };
  upload<{ version: VersionSummary }>(`/api/dossiers/${dossierId}/versions`, data, (share) => {
    file.share = share;
    if (share >= 1) file.state = "reading";
    changed();
  })
    .then(({ version }) => {
      const warnings = version.warnings.length ? `, ${version.warnings.length} warnings` : "";
      file.state = "added";
      file.outcome = `added: ${version.words} words${warnings}.`;
    })
    .catch((err: unknown) => {
      file.state = "refused";
      if (err instanceof ApiFailure && err.status === 401) {
        file.outcome = "not added: your session has ended. Sign in again, then add the file once more.";
        window.dispatchEvent(new Event("session-ended"));
      } else file.outcome = err instanceof ApiFailure ? `not added: ${err.message}` : "not added: the server could not be reached.";
    })
    .finally(changed);
  changed();
  return file;
}

/**
 * The files sent to a dossier that a page should show: those on their way, and those whose
 * outcome no page has shown yet. Outcomes shown before are let go.
 */
export function filesSentTo(dossierId: number): FileSent[] {
  for (let k = files.length - 1; k >= 0; k--) {
    const f = files[k]!;
    if (f.dossierId === dossierId && f.shown && (f.state === "added" || f.state === "refused")) files.splice(k, 1);
  }
  return files.filter((f) => f.dossierId === dossierId);
}

/**
 * Whether this browser sent the dossier's version of this name (on its way, or added): names are
 * the dossier's own, so the news of it is this browser's, told on the file's line.
 */
export function sentFromHere(dossierId: number, versionName: string): boolean {
  return files.some((f) => f.dossierId === dossierId && f.versionName === versionName && f.state !== "refused");
}

/** Hears of every change to a file sent, until the signal ends it. */
export function onFileSent(listener: (file: FileSent) => void, signal: AbortSignal): void {
  listeners.add(listener);
  signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
}
