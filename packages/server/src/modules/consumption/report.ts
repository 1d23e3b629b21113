// 消费帮扶's chapter of the work report: bought and helped to sell (采购/帮销), sold by the helped side, the
// 832 platform, certified products and matching fairs — in the seeds' own wording.
import type { ReportChapter } from '../../platform/reports';

export const consumptionReport: ReportChapter = {
  title: '消费帮扶',
  sentences({ fig, has, money, num, yoy, open }) {
    const amount = fig('consumption.amount');
    const purchased = fig('consumption.amount', 'purchase');
    const helped = fig('consumption.amount', 'helpsell');
    const sold = fig('consumption.sold');
    const p832 = fig('consumption.platform832');
    const buyers = fig('consumption.buyers');
    const products = fig('consumption.products');
    const fairs = fig('consumption.fairs');
    const intents = fig('consumption.intents');
    const out: string[] = [];
    if (has(amount)) {
      const parts = [`${open}，采购和帮助销售帮扶地区农特产品${money(amount.value)}${yoy(amount) ? `（${yoy(amount)}）` : ''}`];
      const of: string[] = [];
      if (has(purchased)) of.push(`采购${money(purchased.value)}${has(buyers) ? `（${num(buyers.value)}家单位参与）` : ''}`);
      if (has(helped)) of.push(`帮助销售${money(helped.value)}`);
      if (of.length) parts.push(`其中${of.join('，')}`);
      if (has(p832)) parts.push(`通过832平台销售${money(p832.value)}`);
      out.push(`${parts.join('，')}。`);
    } else if (has(sold)) {
      out.push(`${open}，销售消费帮扶产品${money(sold.value)}${yoy(sold) ? `（${yoy(sold)}）` : ''}。`);
    }
    const more: string[] = [];
    if (has(products)) more.push(`认定消费帮扶产品${num(products.value)}个`);
    if (has(fairs)) more.push(`举办产销对接活动${num(fairs.value)}场${has(intents) ? `，签约意向金额${money(intents.value)}` : ''}`);
    if (more.length) out.push(`${more.join('，')}。`);
    return out;
  },
};
