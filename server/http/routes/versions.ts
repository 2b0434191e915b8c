/*
 * Versions of a dossier: uploading a file (multipart field `file`, with `name` and `stage`) as
 * a new version, reading one as the JSON outline or as Akoma Ntoso, and removing one.
 */
import { Router } from "express";
import { sizeInWords } from "../size-words";
import multer, { MulterError } from "multer";
import { idParam, versionFields, versionQuery } from "../../../shared/protocol/api";
import { importVersion } from "../../imports/import-version";
import { abandoned } from "../../imports/import-thread";
import { userOf, type Services } from "../context";
import { dossierFor } from "../dossier-access";
import { UPLOADS, WorkInProgress } from "../work-in-progress";
import { mayRemoveVersion } from "../../policies/dossier-policy";
import { HttpError, notFound } from "../errors";
import { fileNameOf } from "../../../shared/formats/file-name";

/**
 * A multipart body the parser could not read is the sender's fault: a 400 that says so. The
 * parser (busboy) says so with a plain Error ("Unexpected end of form", "Malformed part header",
 * "Multipart: Boundary not found"); multer's own errors have their own answers, and an error of
 * another kind (a TypeError, a RangeError) is a fault of the server's, answered as such.
 */
export function unreadableUpload(err: unknown): unknown {
  if (err instanceof MulterError || !(err instanceof Error) || err.constructor !== Error) return err;
  return new HttpError(400, "invalid-upload", `the upload could not be read as multipart form data: ${err.message}`);
}

const WITHOUT_FILENAME = 'the field "file" was sent without a filename: send the file as a file, with its name';

export function versionRoutes({ store, comparisons, imports, versionViews, events, maxUploadBytes }: Services): Router {
  const router = Router({ mergeParams: true });
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxUploadBytes, files: 1, fields: 8, fieldSize: 4096 },
    // Browsers send a file's name in UTF-8 without saying so: read as Latin-1, "ä" came out as "Ã¤".
    defParamCharset: "utf8",
  });
  // The parser stops reading a file at the limit, so only the limit can be said, not the file's size.
  const refusal = (err: unknown): unknown => {
    if (err instanceof MulterError && err.code === "LIMIT_FILE_SIZE")
      return new HttpError(
        413,
        "file-too-large",
        `the file is over the upload limit of ${sizeInWords(maxUploadBytes)}; nothing was stored`,
      );
    // A part sent without a filename is a field to the parser, whose values are short.
    if (err instanceof MulterError && err.code === "LIMIT_FIELD_VALUE" && err.field === "file")
      return new HttpError(400, "invalid-upload", WITHOUT_FILENAME);
    return unreadableUpload(err);
  };

  const uploading = new WorkInProgress(UPLOADS);
  router.post("/", async (req, res) => {
    // The policy is asked before the upload is read, so a refused user cannot make the server take a file.
    const { dossier } = await dossierFor(req, store, "add-version");
    // Counted from before the file is taken in until it is read and stored, or refused: a sender
    // who hangs up does not make room while their file is still held and read.
    const leave = uploading.enter(userOf(req).id);
    // The sender gone before the answer (a page closed, an upload cancelled): their file is not read on, nor stored.
    const hungUp = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) hungUp.abort();
    });
    try {
      if (!req.is("multipart/form-data"))
        throw new HttpError(
          415,
          "invalid-upload",
          'an upload is sent as multipart form data (Content-Type: multipart/form-data), the file in the field "file"',
        );
      await new Promise<void>((resolve, reject) =>
        upload.single("file")(req, res, (err: unknown) => (err ? reject(refusal(err)) : resolve())),
      );
      if (!req.file) {
        // A part named "file" sent without a filename came as a field.
        if ((req.body as Record<string, unknown> | undefined)?.file !== undefined)
          throw new HttpError(400, "invalid-upload", WITHOUT_FILENAME);
        throw new HttpError(400, "invalid-upload", 'the request has no file: send it as the multipart field "file"');
      }
      const fields = versionFields.parse(req.body);
      const file = req.file.originalname || "upload";
      const summary = await importVersion(store, (input) => imports.read(input, hungUp.signal), {
        dossierId: dossier.id,
        userId: userOf(req).id,
        bytes: new Uint8Array(req.file.buffer.buffer, req.file.buffer.byteOffset, req.file.buffer.byteLength),
        file,
        fields,
        // Reading can take minutes: the policy is asked again before the version is stored.
        stillAllowed: async () => {
          if (hungUp.signal.aborted) throw abandoned(file);
          try {
            await dossierFor(req, store, "add-version");
          } catch (e) {
            if (!(e instanceof HttpError)) throw e;
            throw new HttpError(e.status, e.code, `${e.message}, since the file was sent: nothing was stored`);
          }
        },
      });
      events.versionAdded({ dossierId: dossier.id, versionId: summary.id, name: summary.name });
      res.status(201).json({ version: summary });
    } finally {
      leave();
    }
  });

  router.get("/:vid", async (req, res) => {
    const { dossier } = await dossierFor(req, store, "read");
    const vid = idParam.safeParse(req.params.vid);
    if (!vid.success) throw notFound(`no version "${String(req.params.vid)}"`);
    const { format } = versionQuery.parse(req.query);
    if (format === "akn") {
      const xml = await versionViews.akn(dossier.id, vid.data);
      // Saved under the version's name, not the last part of the address ("3").
      const name = (await store.version(dossier.id, vid.data))?.name ?? `version ${vid.data}`;
      res.attachment(fileNameOf(name, ".akn.xml")).type("application/akn+xml").send(xml);
      return;
    }
    res.type("application/json").send(await versionViews.outline(dossier.id, vid.data));
  });

  router.delete("/:vid", async (req, res) => {
    const { dossier, role } = await dossierFor(req, store, "remove-version");
    const vid = idParam.safeParse(req.params.vid);
    if (!vid.success) throw notFound(`no version "${String(req.params.vid)}"`);
    const version = await store.version(dossier.id, vid.data);
    if (!version) throw notFound(`no version ${vid.data} in dossier ${dossier.id}`);
    if (!mayRemoveVersion(role, version.createdBy === userOf(req).id))
      throw new HttpError(403, "forbidden", `a drafter may remove only the versions they added; ${version.createdByName} added this one`);
    const corrections = (await store.overrides(dossier.id)).length;
    // A version removed meanwhile by another request is gone all the same: not found.
    if (!(await store.removeVersion(dossier.id, version.id))) throw notFound(`no version ${version.id} in dossier ${dossier.id}`);
    comparisons.forgetVersion(dossier.id, version.id);
    versionViews.forgetVersion(dossier.id, version.id);
    events.versionRemoved({ dossierId: dossier.id, versionId: version.id, name: version.name });
    // The corrections that named it went with it: pages showing them are told, as of any change to them.
    const overrides = await store.overrides(dossier.id);
    if (overrides.length !== corrections) {
      const user = userOf(req);
      events.overridesChanged({ dossierId: dossier.id, userId: user.id, by: user.displayName, overrides });
    }
    res.status(204).end();
  });

  return router;
}
