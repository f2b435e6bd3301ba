/** Site-relative link under `base`: `href("stories/")` -> "/archive/stories/" when base is "/archive/". */
export function href(path = ""): string {
  return basePath() + path.replace(/^\//, "");
}

/** The site's base path with a trailing slash: "/" or "/archive/". */
export function basePath(): string {
  return import.meta.env.BASE_URL.replace(/\/?$/, "/");
}

/** Absolute URL of a site path, for canonical links, feeds and Open Graph. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) return href(path);
  return new URL(href(path), site).toString();
}

/** Paths of the pages every story links to. */
export const paths = {
  story: (id: string) => `stories/${id}/`,
  person: (id: string) => `people/${id}/`,
  company: (slug: string) => `companies/${slug}/`,
  topic: (slug: string) => `topics/${slug}/`,
};
