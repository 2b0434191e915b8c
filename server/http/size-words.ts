/*
 * Sizes in the words a refusal says them in.
 */

/** "64 MiB", "1.5 MiB", "4 KiB": a size as a limit is said. */
export function sizeInWords(bytes: number): string {
  return bytes >= 1048576 ? `${+(bytes / 1048576).toFixed(2)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}
