/*
 * What happens in dossiers, told to whoever listens (the realtime channel), so that routes need
 * not know how the news travels.
 */
import { EventEmitter } from "node:events";
import type { VersionNews } from "../../shared/protocol/socket";

export type DossierEvent = "version-added" | "version-removed";

export class DossierEvents {
  private readonly emitter = new EventEmitter();

  versionAdded(news: VersionNews): void {
    this.emitter.emit("version-added", news);
  }

  versionRemoved(news: VersionNews): void {
    this.emitter.emit("version-removed", news);
  }

  on(event: DossierEvent, listener: (news: VersionNews) => void): void {
    this.emitter.on(event, listener);
  }
}
