import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { companyPaths } from "../../../lib/content.ts";
import { feedResponse } from "../../../lib/feed.ts";
import { companyFeed } from "../../../lib/feedCatalog.ts";

export const getStaticPaths = companyPaths satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** One company's feed, for readers who follow a company. */
export const GET: APIRoute<Props> = ({ props: { company }, site }) =>
  feedResponse(companyFeed(company), company.stories, site);
