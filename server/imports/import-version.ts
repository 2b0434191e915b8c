/*
 * Importing a file as a new version of a dossier: read it (on the import worker, for uploads),
 * and store document and summary in one insert. A file that cannot be read stores nothing.
 */
import type { FormatName } from "../../shared/formats/input";
import { versionNameKey, type VersionFields, type VersionSummary } from "../../shared/protocol/api";
import type { Store, VersionRecord } from "../storage/store";
import type { ReadUpload, StoredSummary, UploadInput } from "./read-upload";

/** Whether two version names would read the same in the list and the table's heads: capitals and runs of spaces aside. */
function sameName(a: string, b: string): boolean {
  return versionNameKey(a) === versionNameKey(b);
}

/** How a file is read: on the import worker, or in-process. */
export type UploadReader = (input: UploadInput) => Promise<ReadUpload>;

/** A version may not take the name of another in its dossier: the list and the table's heads would not tell them apart. */
export class VersionNameTaken extends Error {
  override readonly name = "VersionNameTaken";
  /** `existing` is the name as the dossier has it, `given` as the sender wrote it. */
  constructor(existing: string, given: string) {
    super(
      existing === given
        ? `the dossier already has a version named "${existing}"; give this one another name`
        : `the dossier already has a version named "${existing}", which "${given}" differs from only in capitals, spacing or characters of no width; give this one another name`,
    );
  }
}

export async function importVersion(
  store: Store,
  read: UploadReader,
  input: {
    dossierId: number;
    userId: number;
    bytes: Uint8Array;
    file: string;
    fields: VersionFields;
    /**
     * Asked once the file is read, just before it is stored: throws when the sender may no
     * longer add it (removed from the dossier, or their role changed, while the file was read).
     */
    stillAllowed?: () => Promise<void>;
  },
): Promise<VersionSummary> {
  const given = input.fields.name;
  /** The version that has the name already, whatever its case, if one has. */
  const holder = async () => (await store.versions(input.dossierId)).find((v) => sameName(v.name, given));
  // Said before the file is read, so that a long read is not wasted; asked again as it is stored.
  const before = await holder();
  if (before !== undefined) throw new VersionNameTaken(before.name, given);
  const { format, summary, document } = await read({
    bytes: input.bytes,
    file: input.file,
    ...(input.fields.format ? { format: input.fields.format as FormatName } : {}),
  });
  await input.stillAllowed?.();
  const id = await store.addVersion({
    dossierId: input.dossierId,
    name: input.fields.name,
    stage: input.fields.stage,
    format,
    summary: JSON.stringify(summary),
    document,
    createdBy: input.userId,
  });
  // Taken meanwhile, by a version added while this one was read.
  if (id === null) throw new VersionNameTaken((await holder())?.name ?? given, given);
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
