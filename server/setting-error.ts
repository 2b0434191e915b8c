/*
 * A setting from the environment that cannot be used (PORT=abc): said in a line by the command
 * line, not as a fault of the server's.
 */
export class SettingError extends Error {
  override readonly name = "SettingError";
}
