/*
 * Comparisons served to the browser: made on the comparison worker's thread, so the server keeps
 * answering meanwhile, and kept in a small least-recently-used cache keyed by version ids and
 * overrides, so that a comparison asked for again is answered without aligning anything.
 */
import { createHash } from "node:crypto";
import type { AlignmentOverride } from "../../shared/compare/alignment";
import type { Store } from "../storage/store";
import { overridesAmong, type Overrides } from "../../shared/protocol/api";
import { HttpError, notFound } from "../http/errors";
import { ComparisonThread } from "./comparison-thread";
import { LeastRecentlyUsed } from "../least-recently-used";
import type { WorkerLimits } from "../workers/worker-memory";

/**
 * Comparisons as serialized JSON, plain and compressed, by their size: a four-column
 * 100,000-word table is about 9 MB; six versions of the largest, hundreds.
 */
const COMPARISON_BYTES_KEPT = 256 * 2 ** 20;

/** A comparison ready to send: its JSON, the same compressed, and a tag that names its content. */
export interface PackedComparison {
  readonly json: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
}

export class ComparisonService {
  private readonly comparisons = new LeastRecentlyUsed<
    PackedComparison & { readonly dossierId: number; readonly versionIds: readonly number[] }
  >(COMPARISON_BYTES_KEPT);
  /** Comparisons being made, with how many requests wait for each, and the way to cancel it when none does. */
  private readonly inFlight = new Map<
    string,
    { readonly made: Promise<PackedComparison>; waiting: number; readonly cancel: AbortController }
  >();
  private readonly thread: ComparisonThread;

  constructor(
    private readonly store: Store,
    limits: Partial<WorkerLimits> = {},
  ) {
    this.thread = new ComparisonThread(limits);
  }

  /**
   * The comparison of the versions, in this column order, against `refId`, ready to send.
   * Overrides name versions by id; they are turned into column indices here. `abandoned`
   * aborts when the asker no longer waits (the browser went away): a comparison nobody waits
   * for is cancelled, and holds up no one's behind it.
   */
  async compare(
    dossierId: number,
    versionIds: readonly number[],
    refId: number,
    overrides: Overrides,
    abandoned?: AbortSignal,
  ): Promise<PackedComparison> {
    const relevant = overridesAmong(overrides, versionIds);
    // Asked of the store each time, so that a comparison kept from before a version was removed is never served.
    const records = await Promise.all(versionIds.map((id) => this.store.version(dossierId, id)));
    const missing = versionIds.filter((_, i) => records[i] === null);
    if (missing.length > 0) throw notFound(`no version ${missing.join(", ")} in dossier ${dossierId}`);
    const names = records.map((r) => r!.name);
    const key = JSON.stringify([dossierId, versionIds, refId, relevant]);
    const cached = this.comparisons.get(key);
    if (cached !== undefined) return cached;
    // Left before it was asked for: nothing to make, or to wait for.
    if (abandoned?.aborted) throw new HttpError(499, "abandoned", "the comparison was asked for by a request already abandoned");
    // The same comparison asked for again while it is being made waits for that one.
    let flight = this.inFlight.get(key);
    if (flight === undefined) {
      const cancel = new AbortController();
      const made = this.make(key, dossierId, versionIds, names, refId, relevant, cancel.signal).finally(() => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      });
      flight = { made, waiting: 0, cancel };
      this.inFlight.set(key, flight);
    }
    const joined = flight;
    joined.waiting++;
    const leave = () => {
      if (--joined.waiting > 0) return;
      // Nobody waits: cancelled, and forgotten at once, so that the next asker starts it anew.
      if (this.inFlight.get(key) === joined) this.inFlight.delete(key);
      joined.cancel.abort();
    };
    abandoned?.addEventListener("abort", leave, { once: true });
    try {
      return await joined.made;
    } finally {
      abandoned?.removeEventListener("abort", leave);
    }
  }

  private async make(
    key: string,
    dossierId: number,
    versionIds: readonly number[],
    names: readonly string[],
    refId: number,
    relevant: Overrides,
    cancel: AbortSignal,
  ): Promise<PackedComparison> {
    const documents = await Promise.all(versionIds.map((id) => this.store.versionDocument(dossierId, id)));
    const lost = versionIds.filter((_, i) => documents[i] === null);
    if (lost.length > 0) throw notFound(`no version ${lost.join(", ")} in dossier ${dossierId}`);
    const column = (id: number) => versionIds.indexOf(id);
    const { json, gzipped } = await this.thread.run(
      {
        documents: documents.map((d) => d!),
        versionIds,
        overrides: relevant,
        options: {
          names: [...names],
          ref: column(refId),
          overrides: relevant.map((o): AlignmentOverride => ({
            kind: o.kind,
            a: { version: column(o.a.version), eId: o.a.eId },
            b: { version: column(o.b.version), eId: o.b.eId },
          })),
        },
      },
      cancel,
    );
    const served = { json, gzipped, etag: `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"` };
    // A version removed while the comparison was being made leaves it unkept: it would never be served.
    const kept = await Promise.all(versionIds.map((id) => this.store.version(dossierId, id)));
    if (kept.every((record) => record !== null))
      this.comparisons.set(key, { ...served, dossierId, versionIds }, json.length + gzipped.length);
    return served;
  }

  /** Forgets every comparison a removed version was in. */
  forgetVersion(dossierId: number, versionId: number): void {
    this.comparisons.dropWhere((_, c) => c.dossierId === dossierId && c.versionIds.includes(versionId));
  }

  /** Starts the comparison worker ahead of the first comparison. */
  prepare(): void {
    this.thread.prepare();
  }

  /** Stops the comparison worker. */
  close(): Promise<void> {
    return this.thread.close();
  }
}
