import type { APIRoute } from "astro";
import { allStories } from "../lib/content.ts";
import { feedResponse } from "../lib/feed.ts";
import { siteFeed } from "../lib/feedCatalog.ts";

/** The whole archive's feed: the newest stories, in full. */
export const GET: APIRoute = async ({ site }) => feedResponse(siteFeed, await allStories(), site);
