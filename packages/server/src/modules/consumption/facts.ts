// Facts of 消费帮扶: every counted sale twice — at the helper side (采购 or 帮销, by channel) and at the helped
// side (销售) — so a province, a city or a team sees what it bought and helped sell, and a helped county what it
// sold; never twice on one side. A sale flagged as a duplicate counts only once resolved as a sale of its own.
// Certified products are a stock over their certificate's validity; fairs and intents are events.
import { defineFacts, subjectIds } from '../../platform/facts';

const S = 'consumption_sales';
const saleCols = ['id', 'sale_date', 'amount', 'channel', 'helper_division_code', 'seller_division_code', 'team_id', 'cert_expired'];
const counted = `(s.duplicate_of is null or s.duplicate_state = 'distinct')`;
const saleTags = `array['channel:' || s.channel, case when s.channel in ('unit', 'union') then 'mode:purchase' else 'mode:helpsell' end]
                  || case when s.cert_expired = 1 then array['expired'] else array[]::text[] end`;

/** A sale behind a figure: supplier, product and order number, where the product came from. */
const SALE = `select 's' || s.id as subject, concat_ws(' · ', p.name, s.product_name, '订单 ' || s.order_no) as label, s.seller_division_code as division_code
              from consumption_sales s left join consumption_suppliers p on p.id = s.supplier_id where s.id = any ${subjectIds('s')}`;

export const consumptionFacts = defineFacts([
  {
    key: 'consumption.helperSales',
    kind: 'event',
    requires: { [S]: [...saleCols, 'duplicate_of', 'duplicate_state'] },
    sql: `select s.helper_division_code as division_code, s.team_id, s.sale_date as day, null::date as end_day, 's' || s.id as subject,
                 s.amount::float8 as qty, ${saleTags} as tags
          from ${S} s where ${counted}`,
    describe: SALE,
    dirty: [{ table: S, division: 'R.helper_division_code', from: 'R.sale_date' }],
  },
  {
    key: 'consumption.helpedSales',
    kind: 'event',
    requires: { [S]: [...saleCols, 'duplicate_of', 'duplicate_state'] },
    sql: `select s.seller_division_code as division_code, s.team_id, s.sale_date as day, null::date as end_day, 's' || s.id as subject,
                 s.amount::float8 as qty, ${saleTags} as tags
          from ${S} s where ${counted}`,
    describe: SALE,
    dirty: [{ table: S, division: 'R.seller_division_code', from: 'R.sale_date' }],
  },
  {
    key: 'consumption.buyers',
    kind: 'event',
    requires: { [S]: [...saleCols, 'buyer_name', 'duplicate_of', 'duplicate_state'] },
    // the units that bought (采购): distinct by name, at the helper side
    sql: `select s.helper_division_code as division_code, s.team_id, s.sale_date as day, null::date as end_day, 'b:' || s.buyer_name as subject,
                 1::float8 as qty, array['channel:' || s.channel] as tags
          from ${S} s where ${counted} and s.buyer_name is not null and s.channel in ('unit', 'union')`,
    dirty: [{ table: S, division: 'R.helper_division_code', from: 'R.sale_date' }],
  },
  {
    key: 'consumption.products',
    kind: 'interval',
    requires: { consumption_products: ['id', 'division_code', 'team_id', 'category', 'cert_date', 'cert_expiry'] },
    sql: `select p.division_code, p.team_id, p.cert_date as day, p.cert_expiry as end_day, 'p' || p.id as subject, 1::float8 as qty,
                 array['category:' || p.category] as tags
          from consumption_products p`,
    dirty: [{ table: 'consumption_products', division: 'R.division_code', from: 'R.cert_date', to: 'open' }],
  },
  {
    key: 'consumption.suppliers',
    kind: 'interval',
    requires: { consumption_suppliers: ['id', 'division_code', 'team_id', 'created_at'] },
    sql: `select c.division_code, c.team_id, (c.created_at at time zone 'Asia/Shanghai')::date as day, null::date as end_day,
                 'c' || c.id as subject, 1::float8 as qty, array[]::text[] as tags
          from consumption_suppliers c`,
    dirty: [
      {
        table: 'consumption_suppliers',
        division: 'R.division_code',
        from: "(R.created_at at time zone 'Asia/Shanghai')::date",
        to: 'open',
      },
    ],
  },
  {
    key: 'consumption.fairs',
    kind: 'event',
    requires: { consumption_fairs: ['id', 'division_code', 'team_id', 'fair_date', 'intent_amount'] },
    sql: `select f.division_code, f.team_id, f.fair_date as day, null::date as end_day, 'f' || f.id as subject, 1::float8 as qty,
                 array[]::text[] as tags
          from consumption_fairs f`,
    dirty: [{ table: 'consumption_fairs', division: 'R.division_code', from: 'R.fair_date' }],
  },
  {
    key: 'consumption.intents',
    kind: 'event',
    requires: { consumption_fairs: ['id', 'division_code', 'team_id', 'fair_date', 'intent_amount'] },
    sql: `select f.division_code, f.team_id, f.fair_date as day, null::date as end_day, 'f' || f.id as subject,
                 f.intent_amount::float8 as qty, array[]::text[] as tags
          from consumption_fairs f where f.intent_amount is not null`,
    dirty: [{ table: 'consumption_fairs', division: 'R.division_code', from: 'R.fair_date' }],
  },
]);
