// 公开产品目录: the certified products of the helped areas, readable without signing in — as JSON
// (/api/public/products) and as a server-rendered page for phones (/catalogue). Only public fields leave the
// server (CatalogueItem: no credit code, certificate number, sales, notes). The whole list is read once and
// kept for a minute, so hundreds of readers at once cost one query a minute; filters run in memory.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { CatalogueItem, CatalogueQuery } from '@xiezuo/shared/contracts/consumption';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Services } from '../../platform/context';
import { divisions } from '../registry';
import { consumptionProducts as prod, consumptionSuppliers as sup } from './tables';

type Item = z.infer<typeof CatalogueItem>;
const TTL_MS = 60_000;
const cache = new WeakMap<Services, { at: number; day: string; items: Item[]; answers: Map<string, string> }>();

async function load(services: Services, day: string): Promise<Item[]> {
  return services.db
    .select({
      id: prod.id,
      name: prod.name,
      category: prod.category,
      county: divisions.name,
      countyCode: prod.divisionCode,
      unit: prod.unit,
      price: prod.price,
      photoUrl: prod.photoUrl,
      supplier: sup.name,
      contact: sup.contact,
      phone: sup.phone,
      validUntil: prod.certExpiry,
    })
    .from(prod)
    .innerJoin(sup, eq(sup.id, prod.supplierId))
    .leftJoin(divisions, eq(divisions.code, prod.divisionCode))
    .where(and(gte(prod.certExpiry, day)))
    .orderBy(asc(prod.divisionCode), asc(prod.category), asc(prod.id));
}

/** Every product with a valid certificate today, from the minute-old cache. */
async function current(services: Services) {
  const day = todayInBeijing();
  const hit = cache.get(services);
  if (hit && hit.day === day && Date.now() - hit.at < TTL_MS) return hit;
  const fresh = { at: Date.now(), day, items: await load(services, day), answers: new Map<string, string>() };
  cache.set(services, fresh);
  return fresh;
}

const allItems = async (services: Services) => (await current(services)).items;

/** The JSON answer as text, kept with the list it was made from: readers asking the same thing share one serialisation. */
export async function publicCatalogueJson(services: Services, q: z.output<typeof CatalogueQuery>) {
  const c = await current(services);
  const key = JSON.stringify([q.county ?? '', q.category ?? '', q.q ?? '']);
  let text = c.answers.get(key);
  if (text === undefined) {
    text = JSON.stringify(await publicCatalogue(services, q));
    if (c.answers.size < 1000) c.answers.set(key, text);
  }
  return text;
}

export async function publicCatalogue(services: Services, q: z.output<typeof CatalogueQuery>) {
  const prefix = q.county ? divisionPrefix(q.county) : '';
  const words = q.q?.toLowerCase();
  const items = (await allItems(services)).filter(
    (i) =>
      i.countyCode.startsWith(prefix) &&
      (!q.category || i.category === q.category) &&
      (!words || `${i.name} ${i.supplier} ${i.county ?? ''}`.toLowerCase().includes(words)),
  );
  return { items, total: items.length };
}

const esc = (s: string | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const zh = catalogues['zh-CN'].consumption;

/** The catalogue as one small HTML page (no script: the search is a GET form), readable on a 375 px phone. */
export async function cataloguePage(services: Services, q: z.output<typeof CatalogueQuery>) {
  const { items, total } = await publicCatalogue(services, q);
  const counties = [...new Map((await allItems(services)).map((i) => [i.countyCode, i.county ?? i.countyCode])).entries()];
  const option = (value: string, label: string, chosen?: string) =>
    `<option value="${esc(value)}"${value === chosen ? ' selected' : ''}>${esc(label)}</option>`;
  const cards = items
    .map(
      (i) => `<li class="card">
  ${i.photoUrl ? `<img src="${esc(i.photoUrl)}" alt="${esc(i.name)}" loading="lazy">` : ''}
  <h2>${esc(i.name)}</h2>
  <p class="meta">${esc(i.county)} · ${esc(zh.categories[i.category])}${i.price ? ` · <b>${esc(Number(i.price).toFixed(2))}元${i.unit ? `/${esc(i.unit)}` : ''}</b>` : ''}</p>
  <p>${esc(i.supplier)}</p>
  ${i.contact || i.phone ? `<p class="contact">${esc(i.contact)} ${i.phone ? `<a href="tel:${esc(i.phone)}">${esc(i.phone)}</a>` : ''}</p>` : ''}
</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>消费帮扶产品目录</title>
<style>
body{margin:0;font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f5f5f5;color:#222}
header{background:#c41d1d;color:#fff;padding:12px 16px}header h1{margin:0;font-size:20px}
form{display:flex;flex-wrap:wrap;gap:8px;padding:12px 16px;background:#fff}
form input,form select,form button{font-size:16px;padding:6px 8px;border:1px solid #ccc;border-radius:4px;min-width:0}
form input{flex:1 1 160px}form button{background:#c41d1d;color:#fff;border-color:#c41d1d}
p.total{margin:8px 16px;color:#666}
ul{list-style:none;margin:0;padding:0 12px 16px;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.card{background:#fff;border-radius:6px;padding:12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card img{width:100%;height:160px;object-fit:cover;border-radius:4px}.card h2{font-size:17px;margin:4px 0}
.card p{margin:4px 0;font-size:14px}.meta{color:#555}.contact a{color:#c41d1d}
</style></head><body>
<header><h1>消费帮扶产品目录</h1></header>
<form method="get" action="/catalogue" role="search">
<input name="q" type="search" placeholder="产品、供应商或产地" value="${esc(q.q)}" aria-label="搜索">
<select name="county" aria-label="产地"><option value="">全部产地</option>${counties.map(([c, n]) => option(c, n, q.county)).join('')}</select>
<select name="category" aria-label="品类"><option value="">全部品类</option>${Object.entries(zh.categories)
    .map(([k, l]) => option(k, l, q.category))
    .join('')}</select>
<button type="submit">搜索</button>
</form>
<p class="total">共 ${total} 个认定产品</p>
<ul>
${cards}
</ul>
</body></html>`;
}
