/** A whole-number setting from the environment, 1 or more: `fallback` when unset or blank, an error naming it when wrong. */
export function positiveIntegerSetting(
  name: string,
  fallback: number,
  unit: string,
  env: Record<string, string | undefined> = process.env,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of ${unit}, 1 or more; got "${raw}".`);
  }
  return value;
}
