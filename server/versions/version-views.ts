/*
 * What is served of one stored version (its outline, its Akoma Ntoso, the provisions alignment
 * corrections may name), made on the version view worker so that the server keeps answering
 * meanwhile, and kept in a least-recently-used cache weighed by size. Versions are immutable: a
 * view goes stale only when its version is removed, and `forgetVersion` then drops it.
 */
import type { AlignableProvisions } from "../../shared/compare/override-check";
import { notFound, HttpError } from "../http/errors";
import { LeastRecentlyUsed } from "../least-recently-used";
import type { Store } from "../storage/store";
import { JobThread, JobTimedOut, WorkerOutOfMemory } from "../workers/job-thread";
import { defaultWorkerMemoryMiB, type WorkerLimits } from "../workers/worker-memory";
import type { VersionView, VersionViewFailure, VersionViewJob, VersionViewResult } from "./version-view-worker";

/** The longest making one view may take: a version of the largest size takes about a second. */
export const VERSION_VIEW_TIME_LIMIT_MS = 60_000;

/**
 * Views kept, by the characters of their text (or, for provisions, a hundred per provision): a
 * 100,000-word act's outline is about 0.8 MB of JSON.
 */
const CHARACTERS_KEPT = 48 * 2 ** 20;
const CHARACTERS_PER_PROVISION = 100;

export class VersionViews {
  private readonly thread: JobThread<VersionViewJob, VersionViewResult, VersionViewFailure>;
  private readonly kept = new LeastRecentlyUsed<VersionViewResult>(CHARACTERS_KEPT);
  private readonly making = new Map<string, Promise<VersionViewResult>>();

  constructor(
    private readonly store: Pick<Store, "version" | "versionDocument">,
    limits: Partial<WorkerLimits> = {},
  ) {
    this.thread = new JobThread({
      name: "version view",
      module: new URL("./version-view-worker.ts", import.meta.url),
      revive: (failure) => new Error(`the version could not be read: ${failure.message}`),
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMiB ?? defaultWorkerMemoryMiB() },
      timeLimitMs: limits.timeLimitMs ?? VERSION_VIEW_TIME_LIMIT_MS,
    });
  }

  /** The version's outline, as JSON text. */
  async outline(dossierId: number, versionId: number): Promise<string> {
    const made = await this.view(dossierId, versionId, "outline");
    return made.view === "outline" ? made.text : this.mismatch(made, "outline");
  }

  /** The version as Akoma Ntoso XML, written today (its identification says the day it was made). */
  async akn(dossierId: number, versionId: number): Promise<string> {
    const made = await this.view(dossierId, versionId, "akn");
    return made.view === "akn" ? made.text : this.mismatch(made, "akn");
  }

  /** The provisions of the version that alignment corrections may name, by eId. */
  async provisions(dossierId: number, versionId: number): Promise<AlignableProvisions> {
    const made = await this.view(dossierId, versionId, "provisions");
    return made.view === "provisions" ? made.provisions : this.mismatch(made, "provisions");
  }

  /** Forgets what is kept of a removed version. */
  forgetVersion(dossierId: number, versionId: number): void {
    const prefix = `${dossierId}:${versionId}:`;
    this.kept.dropWhere((key) => key.startsWith(prefix));
  }

  /** Starts the worker ahead of the first request. */
  prepare(): void {
    this.thread.prepare();
  }

  close(): Promise<void> {
    return this.thread.close();
  }

  /**
   * A view, kept or made; one kept from before its version was removed is not served: the store
   * has the last word. The same view asked for again while it is being made waits for that one.
   */
  private async view(dossierId: number, versionId: number, view: VersionView): Promise<VersionViewResult> {
    // Akoma Ntoso says the day it was written: kept for that day.
    const day = new Date().toISOString().slice(0, 10);
    const key = `${dossierId}:${versionId}:${view}${view === "akn" ? `:${day}` : ""}`;
    const kept = this.kept.get(key);
    if (kept !== undefined && (await this.store.version(dossierId, versionId)) !== null) return kept;
    let making = this.making.get(key);
    if (making === undefined) {
      making = this.make(dossierId, versionId, view, day).finally(() => this.making.delete(key));
      this.making.set(key, making);
    }
    const made = await making;
    // Kept only while its version is there: one removed while it was made would never be served.
    if ((await this.store.version(dossierId, versionId)) !== null)
      this.kept.set(key, made, made.view === "provisions" ? made.provisions.size * CHARACTERS_PER_PROVISION : made.text.length);
    return made;
  }

  private async make(dossierId: number, versionId: number, view: VersionView, day: string): Promise<VersionViewResult> {
    const document = await this.store.versionDocument(dossierId, versionId);
    if (document === null) throw notFound(`no version ${versionId} in dossier ${dossierId}`);
    try {
      return await this.thread.run({ view, document, day });
    } catch (e) {
      if (e instanceof WorkerOutOfMemory || e instanceof JobTimedOut)
        throw new HttpError(503, "version-too-large", `version ${versionId} could not be read within the server's bounds: ${e.message}`);
      throw e;
    }
  }

  private mismatch(made: VersionViewResult, asked: VersionView): never {
    throw new Error(`the version view worker answered with the ${made.view} where the ${asked} was asked for`);
  }
}
