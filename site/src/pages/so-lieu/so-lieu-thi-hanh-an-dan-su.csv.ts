/** /so-lieu/so-lieu-thi-hanh-an-dan-su.csv: every published enforcement statistic (src/data/charts-data.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { statsCsv } from '../../data/charts-data.ts';

export const GET: APIRoute = async () => {
  const stats = (await getCollection('enforcementStats')).map((entry) => entry.data);
  return new Response(statsCsv(stats), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
