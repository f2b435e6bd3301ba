/**
 * Reads a `_headers` file (the Netlify / Cloudflare Pages format the build writes): a path
 * pattern on its own line, then indented `Name: value` lines. `#` lines are comments.
 */
export function parseHeadersFile(text: string) {
  const rules: { pattern: string; headers: [name: string, value: string][] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const header = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else if (header) rules.at(-1)?.headers.push([header[1]!, header[2]!.trim()]);
  }
  return rules;
}

/** Every header the rules give a URL path (a pattern matches exactly, or as a prefix ending in `*`), later rules winning. */
export function headersFor(rules: ReturnType<typeof parseHeadersFile>, path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { pattern, headers: given } of rules) {
    const matches = pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
    if (matches) for (const [name, value] of given) headers.set(name, value);
  }
  return headers;
}
