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

/** A version may not take the name of another in its dossier: the list and the table's heads would not tell them apart. */
export class VersionNameTaken extends Error {
  override readonly name = "VersionNameTaken";
  constructor(versionName: string) {
    super(`the dossier already has a version named "${versionName}"; give this one another name`);
  }
}

export async function importVersion(
  store: Store,
  read: UploadReader,
  input: { dossierId: number; userId: number; bytes: Uint8Array; file: string; fields: VersionFields },
): Promise<VersionSummary> {
  const taken = (name: string) => name.toLowerCase() === input.fields.name.toLowerCase();
  // Said before the file is read, so that a long read is not wasted; asked again as it is stored.
  if ((await store.versions(input.dossierId)).some((v) => taken(v.name))) throw new VersionNameTaken(input.fields.name);
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
  if (id === null) throw new VersionNameTaken(input.fields.name);
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
