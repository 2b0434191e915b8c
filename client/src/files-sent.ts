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
  /** The form's fields as sent, the file among them: to put back in the form if it is refused; let go once it is added. */
  data: FormData | null;
  /** The version it became, once added. */
  versionId: number | null;
  /** The share sent so far, 0 to 1. */
  share: number;
  state: "sending" | "reading" | "added" | "refused";
  /** What came of it, once it is added or refused. */
  outcome: string;
  /** What reading it found amiss, once it is added ("a passage deleted by M2 is not part of the text in force"). */
  warnings: readonly string[];
  /** Whether a dossier page has shown its outcome. */
  shown: boolean;
}

const files: FileSent[] = [];
const listeners = new Set<(file: FileSent) => void>();

/** Sends a file as a new version of a dossier; `onFileSent`'s listeners hear of each change to it. */
export function sendFile(dossierId: number, versionName: string, fileName: string, data: FormData): FileSent {
  const file: FileSent = {
    dossierId,
    versionName,
    fileName,
    data,
    versionId: null,
    share: 0,
    state: "sending",
    outcome: "",
    warnings: [],
    shown: false,
  };
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
      const count = version.warnings.length;
      file.state = "added";
      file.outcome = `added: ${version.words} words${count === 0 ? "." : `, with ${count === 1 ? "a warning" : `${count} warnings`}:`}`;
      file.warnings = version.warnings;
      file.versionId = version.id;
      file.data = null;
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

/** The files sent to a dossier that a page should show: those on their way, and those whose outcome no page has shown yet. */
export function filesSentTo(dossierId: number): FileSent[] {
  return files.filter((f) => f.dossierId === dossierId);
}

/** Lets go of the files whose outcome a page has shown: called as that page is left. */
export function forgetShown(dossierId: number): void {
  for (let k = files.length - 1; k >= 0; k--) {
    const f = files[k]!;
    if (f.dossierId === dossierId && f.shown && (f.state === "added" || f.state === "refused")) files.splice(k, 1);
  }
}

/**
 * Whether the news of a version added to the dossier is of a file this browser sent: one it
 * became, or one of that name still on its way (the news may come before the answer). Its line
 * tells of it.
 */
export function sentFromHere(dossierId: number, versionId: number, versionName: string): boolean {
  return files.some(
    (f) =>
      f.dossierId === dossierId &&
      (f.versionId === versionId || (f.versionName === versionName && (f.state === "sending" || f.state === "reading"))),
  );
}

/** Hears of every change to a file sent, until the signal ends it. */
export function onFileSent(listener: (file: FileSent) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  listeners.add(listener);
  signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
}
