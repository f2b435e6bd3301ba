/** A content file's id and URL segment, shared by the loader and the content check: `Jane-Doe.mdx` -> `jane-doe` (no `slug:`). */
export function entryId(relativePath: string): string {
  return relativePath
    .replace(/\\/g, "/")
    .replace(/\.[^./]+$/, "")
    .toLowerCase();
}

/** Ids become URLs: lower-case letters, digits and single hyphens, in folders if need be. */
export const VALID_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
