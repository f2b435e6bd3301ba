/**
 * The id of a content file, which is also its URL segment: its path under the collection
 * folder without the extension, lower-cased. `Jane-Doe.mdx` -> `jane-doe`.
 * The loader and the build's content check share this, so both agree on what collides.
 * (Astro's default also honours a frontmatter `slug:`; we do not, so a file's URL is its name.)
 */
export function entryId(relativePath: string): string {
  return relativePath
    .replace(/\\/g, "/")
    .replace(/\.[^./]+$/, "")
    .toLowerCase();
}

/** Ids become URLs: lower-case letters, digits and single hyphens, in folders if need be. */
export const VALID_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
