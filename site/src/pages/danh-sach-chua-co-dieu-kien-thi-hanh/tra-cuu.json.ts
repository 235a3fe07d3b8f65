/**
 * /danh-sach-chua-co-dieu-kien-thi-hanh/tra-cuu.json: what the search box of the list reads (units, and each
 * entry as the pages show it). Fetched by the island only; linked from no page, the sitemap or a feed.
 */
import type { APIRoute } from 'astro';
import { debtorSearchData } from '../../data/debtors.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await debtorSearchData()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
