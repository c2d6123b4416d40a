/** A configuration problem, described in one line that names the variable and the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
