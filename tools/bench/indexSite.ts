/** Child-process entry for the bench's index step: indexes the built site argv[2] as `npm run build` does once Astro has exited. */
import { buildSearchIndex } from "../../src/integrations/pagefind.ts";

console.log(await buildSearchIndex(process.argv[2] ?? "dist"));
