/*
 * What happens in dossiers, told to whoever listens (the realtime channel), so that routes need
 * not know how the news travels.
 */
import { EventEmitter } from "node:events";
import type { DossierRemovedNews, OverridesNews, VersionNews } from "../../shared/protocol/socket";

/** The news each event carries. */
export interface DossierNews {
  "version-added": VersionNews;
  "version-removed": VersionNews;
  "overrides-changed": OverridesNews;
  /** Who is a member changed: someone may no longer read the dossier. */
  "members-changed": { readonly dossierId: number };
  "dossier-removed": DossierRemovedNews;
}
export type DossierEvent = keyof DossierNews;

export class DossierEvents {
  private readonly emitter = new EventEmitter();

  versionAdded(news: VersionNews): void {
    this.emitter.emit("version-added", news);
  }

  versionRemoved(news: VersionNews): void {
    this.emitter.emit("version-removed", news);
  }

  overridesChanged(news: OverridesNews): void {
    this.emitter.emit("overrides-changed", news);
  }

  membersChanged(news: { readonly dossierId: number }): void {
    this.emitter.emit("members-changed", news);
  }

  dossierRemoved(news: DossierRemovedNews): void {
    this.emitter.emit("dossier-removed", news);
  }

  on<E extends DossierEvent>(event: E, listener: (news: DossierNews[E]) => void): void {
    this.emitter.on(event, listener);
  }
}
