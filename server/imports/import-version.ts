/*
 * Importing a file as a new version of a dossier: read it with the readers, summarise it, and
 * store document and summary in one insert. A file that cannot be read stores nothing.
 */
import type { Node } from "prosemirror-model";
import { readDocument } from "../../shared/formats/read";
import { describeLocation } from "../../shared/formats/errors";
import type { FormatName } from "../../shared/formats/input";
import { summarize } from "../../shared/model/summary";
import type { VersionFields, VersionSummary } from "../../shared/protocol/api";
import type { Store, VersionRecord } from "../storage/store";

interface StoredSummary {
  readonly title: string;
  readonly counts: Record<string, number>;
  readonly words: number;
  readonly warnings: string[];
  readonly notice: string | null;
}

export async function importVersion(
  store: Store,
  input: { dossierId: number; userId: number; bytes: Uint8Array; file: string; fields: VersionFields },
): Promise<{ summary: VersionSummary; doc: Node }> {
  const { doc, warnings, format } = readDocument({
    bytes: input.bytes,
    file: input.file,
    ...(input.fields.format ? { format: input.fields.format as FormatName } : {}),
  });
  const { title, counts, words } = summarize(doc);
  const stored: StoredSummary = {
    title,
    counts: { ...counts },
    words,
    warnings: warnings.map((w) => {
      const where = describeLocation(w.location);
      return where ? `${where}: ${w.message}` : w.message;
    }),
    notice: doc.attrs.notice as string | null,
  };
  const id = await store.addVersion({
    dossierId: input.dossierId,
    name: input.fields.name,
    stage: input.fields.stage,
    format,
    summary: JSON.stringify(stored),
    document: JSON.stringify(doc.toJSON()),
    createdBy: input.userId,
  });
  const record = (await store.version(input.dossierId, id))!;
  return { summary: versionSummary(record), doc };
}

export function versionSummary(record: VersionRecord): VersionSummary {
  const s = JSON.parse(record.summary) as StoredSummary;
  return { id: record.id, name: record.name, stage: record.stage, format: record.format, createdAt: record.createdAt, ...s };
}
