/*
 * The demonstration data a new data folder starts with (unless SYNOPSIS_DEMO=0): four users in
 * their organisations, the dual-use demonstration dossier, the ePrivacy 2006/2009 dossier from
 * the real corpus, and a restricted Council working dossier only the Council sees.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Role, VersionFields } from "../../shared/protocol/api";
import { hashPassword } from "../accounts/passwords";
import { importVersion } from "../imports/import-version";
import { readUpload } from "../imports/read-upload";
import type { Store } from "../storage/store";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

export const DEMO_PASSWORD = "demo";
export const DEMO_USERS = [
  { username: "commission", displayName: "Commission policy officer", organisation: "European Commission" },
  { username: "parliament", displayName: "Parliament staffer", organisation: "European Parliament" },
  { username: "council", displayName: "Council secretariat", organisation: "Council of the European Union" },
  { username: "ngo", displayName: "NGO coalition analyst", organisation: "NGO coalition for human rights" },
] as const;

type Username = (typeof DEMO_USERS)[number]["username"];

interface DemoDossier {
  readonly title: string;
  readonly procedure: string | null;
  readonly restricted: boolean;
  readonly members: Partial<Record<Username, Role>>;
  readonly versions: readonly { file: string; name: string; stage: VersionFields["stage"] }[];
}

const DOSSIERS: readonly DemoDossier[] = [
  {
    title: "Dual-use export controls (recast): demonstration",
    procedure: "2016/0295(COD)",
    restricted: false,
    members: { commission: "owner", parliament: "drafter", council: "drafter", ngo: "commenter" },
    versions: [
      { file: "dual-use/commission-proposal-2016.akn.xml", name: "Commission proposal", stage: "Commission proposal" },
      { file: "dual-use/parliament-position-2018.akn.xml", name: "Parliament position", stage: "Parliament position" },
      { file: "dual-use/council-mandate-2019.akn.xml", name: "Council mandate", stage: "Council mandate" },
      { file: "dual-use/regulation-2021-821.akn.xml", name: "Regulation (EU) 2021/821", stage: "adopted act" },
    ],
  },
  {
    title: "ePrivacy Directive 2002/58/EC: 2006 and 2009 consolidations",
    procedure: null,
    restricted: false,
    members: { commission: "owner", ngo: "reader" },
    versions: [
      { file: "eurlex/eprivacy-2002-58-cons-2006.fmx.xml", name: "Consolidated 2006", stage: "base act" },
      { file: "eurlex/eprivacy-2002-58-cons-2009.fmx.xml", name: "Consolidated 2009", stage: "adopted act" },
    ],
  },
  {
    title: "Council working party: dual-use compromise (LIMITE)",
    procedure: "2016/0295(COD)",
    restricted: true,
    members: { council: "owner" },
    versions: [{ file: "dual-use/council-mandate-2019.akn.xml", name: "Council mandate", stage: "Council mandate" }],
  },
];

/** Loads the demonstration data into an empty store; returns the users it made. */
export async function loadDemoData(store: Store): Promise<readonly string[]> {
  const users = new Map<string, number>();
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const id = await store.addAccount({
      username: u.username,
      displayName: u.displayName,
      organisation: u.organisation,
      passwordHash: hash,
    });
    if (id === null) throw new Error(`the demonstration data cannot be loaded: the store has a user named ${u.username} already`);
    users.set(u.username, id);
  }
  for (const d of DOSSIERS) {
    const entries = Object.entries(d.members) as [Username, Role][];
    const owner = users.get(entries.find(([, role]) => role === "owner")![0])!;
    const id = await store.createDossier({ title: d.title, procedure: d.procedure, restricted: d.restricted }, owner);
    for (const [username, role] of entries) await store.setMember(id, users.get(username)!, role);
    for (const v of d.versions) {
      const bytes = new Uint8Array(await readFile(join(FIXTURES, v.file)));
      // Read in-process: the server is not listening yet, so there is nobody to keep waiting.
      await importVersion(store, async (input) => readUpload(input), {
        dossierId: id,
        userId: owner,
        bytes,
        file: basename(v.file),
        fields: { name: v.name, stage: v.stage },
      });
    }
  }
  return DEMO_USERS.map((u) => u.username);
}
