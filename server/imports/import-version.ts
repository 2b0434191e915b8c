/*
 * Importing a file as a new version of a dossier: read it (on the import worker, for uploads),
 * and store document and summary in one insert. A file that cannot be read stores nothing.
 */
import type { FormatName } from "../../shared/formats/input";
import type { VersionFields, VersionSummary } from "../../shared/protocol/api";
import type { Store, VersionRecord } from "../storage/store";
import type { ReadUpload, StoredSummary, UploadInput } from "./read-upload";

/** How a file is read: on the import worker, or in-process. */
export type UploadReader = (input: UploadInput) => Promise<ReadUpload>;

export async function importVersion(
  store: Store,
  read: UploadReader,
  input: { dossierId: number; userId: number; bytes: Uint8Array; file: string; fields: VersionFields },
): Promise<VersionSummary> {
  const { format, summary, document } = await read({
    bytes: input.bytes,
    file: input.file,
    ...(input.fields.format ? { format: input.fields.format as FormatName } : {}),
  });
  const id = await store.addVersion({
    dossierId: input.dossierId,
    name: input.fields.name,
    stage: input.fields.stage,
    format,
    summary: JSON.stringify(summary),
    document,
    createdBy: input.userId,
  });
  return versionSummary((await store.version(input.dossierId, id))!);
}

export function versionSummary(record: VersionRecord): VersionSummary {
  const s = JSON.parse(record.summary) as StoredSummary;
  return {
    id: record.id,
    name: record.name,
    stage: record.stage,
    format: record.format,
    createdAt: record.createdAt,
    addedBy: record.createdByName,
    ...s,
  };
}
