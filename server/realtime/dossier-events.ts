/*
 * What happens in dossiers, told to whoever listens (the realtime channel), so that routes need
 * not know how the news travels.
 */
import { EventEmitter } from "node:events";

export interface VersionAdded {
  readonly dossierId: number;
  readonly versionId: number;
  readonly name: string;
}

export class DossierEvents {
  private readonly emitter = new EventEmitter();

  versionAdded(event: VersionAdded): void {
    this.emitter.emit("version-added", event);
  }

  onVersionAdded(listener: (event: VersionAdded) => void): void {
    this.emitter.on("version-added", listener);
  }
}
