/** The reference a user might pick instead: a minimal Hugo site over the same corpus, in the bench's temp folder. */
import { spawnSync } from "node:child_process";
import { link, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The `hugo` on PATH, or undefined when it is not installed. */
export function hugoVersion(): string | undefined {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const CONFIG = `baseURL = "http://127.0.0.1/"
languageCode = "en"
title = "Staff+ Archive (Hugo reference)"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.tableOfContents]
startLevel = 2
endLevel = 2
`;

const BASEOF = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title><meta name="description" content="{{ .Params.summary }}"></head>
<body><header data-pagefind-ignore="all"><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "/stories/" | relURL }}">Stories</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer data-pagefind-ignore="all">Archived interviews.</footer></body></html>
`;

const SINGLE = `{{ define "main" }}{{ $person := index site.Data.people .Params.person }}
<article data-pagefind-body>
<h1>{{ with $person }}{{ .name }}{{ else }}{{ .Params.person }}{{ end }}</h1>
<p>{{ .Params.role }} at {{ .Params.company }} · {{ .Params.recorded }} · {{ .ReadingTime }} min</p>
<nav data-pagefind-ignore="all"><h2>Questions in this story</h2>{{ .TableOfContents }}</nav>
<div class="transcript">{{ .Content }}</div>
</article>{{ end }}
`;

const LIST = `{{ define "main" }}<h1>All stories</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Params.person }}</a> {{ .Params.role }} at {{ .Params.company }}<p>{{ .Params.summary }}</p></li>
{{ end }}</ul>{{ end }}
`;

const HOME = `{{ define "main" }}<h1>{{ site.Title }}</h1><ul>
{{ range first 10 (where site.RegularPages "Section" "stories") }}<li><a href="{{ .RelPermalink }}">{{ .Params.person }}</a> {{ .Params.summary }}</li>
{{ end }}</ul>{{ end }}
`;

/** Writes the Hugo site into `dir`, hard-linking the corpus's stories (as .md) and people (as data) so no text is copied. */
export async function writeHugoSite(dir: string, contentRoot: string): Promise<void> {
  const files = {
    "hugo.toml": CONFIG,
    "layouts/_default/baseof.html": BASEOF,
    "layouts/_default/single.html": SINGLE,
    "layouts/_default/list.html": LIST,
    "layouts/index.html": HOME,
  };
  for (const folder of ["layouts/_default", "content/stories", "data/people"])
    await mkdir(join(dir, folder), { recursive: true });
  await Promise.all(Object.entries(files).map(([path, text]) => writeFile(join(dir, path), text)));
  for (const name of await readdir(join(contentRoot, "stories"))) {
    await link(join(contentRoot, "stories", name), join(dir, "content", "stories", name.replace(/\.mdx?$/, ".md")));
  }
  for (const name of await readdir(join(contentRoot, "people"))) {
    await link(join(contentRoot, "people", name), join(dir, "data", "people", name));
  }
}
