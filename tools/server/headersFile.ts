/** One block of a `_headers` file: a path pattern and the headers sent for paths it matches. */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/**
 * Reads a `_headers` file (the Netlify / Cloudflare Pages format the build writes): a path
 * pattern on its own line, then indented `Name: value` lines. `#` lines are comments.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (match && rule) rule.headers.push([match[1]!, match[2]!.trim()]);
  }
  return rules;
}

/** Whether a `_headers` pattern covers a URL path: exact, or a prefix ending in `*`. */
export function patternMatches(pattern: string, path: string): boolean {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/** Every header the rules give a URL path, later rules overriding earlier ones (as hosts do). */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) headers.set(name, value);
  }
  return headers;
}
