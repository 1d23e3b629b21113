// 劳务协作's chapter of the work report, in the seeds' own words: 「农村劳动力务工就业73.85万人，其中到广东
// 37.86万人」, 「订单班毕业86人，就业81人，就业率94.2%，平均月薪5500元」.
import { formatPercent } from '@xiezuo/shared/format';
import type { ReportChapter } from '../../platform/reports';

export const labourReport: ReportChapter = {
  title: '劳务协作',
  sentences({ fig, has, num, money, yoy, open }) {
    const out: string[] = [];
    const employed = fig('labour.employed');
    if (has(employed)) {
      const parts = [`${open}，帮助农村劳动力务工就业${num(employed.value)}人${yoy(employed) ? `（${yoy(employed)}）` : ''}`];
      const tuopin = fig('labour.employed', 'tuopin');
      if (has(tuopin)) parts.push(`其中脱贫人口${num(tuopin.value)}人`);
      const gd = fig('labour.employed', 'guangdong');
      if (has(gd)) parts.push(`到广东就业${num(gd.value)}人`);
      const placed = fig('labour.stationPlaced');
      if (has(placed)) parts.push(`劳务工作站输出就业${num(placed.value)}人`);
      const brand = fig('labour.brandEmployed');
      if (has(brand)) parts.push(`劳务品牌带动就业${num(brand.value)}人`);
      const fresh = fig('labour.newlyEmployed');
      if (has(fresh)) parts.push(`新增务工就业${num(fresh.value)}人`);
      out.push(`${parts.join('，')}。`);
    }
    // the helped side's own classes, else (a helper's report) the classes of the places it helps
    for (const [p, lead] of [
      ['labour.orderClass', ''],
      ['labour.helperOrderClass', '帮助协作地区'],
    ] as const) {
      const rate = fig(`${p}Rate`);
      if (rate?.value == null) continue;
      const wage = fig(`${p}AverageWage`);
      const tail = wage?.value != null ? `，平均月薪${money(wage.value)}` : '';
      out.push(
        `${lead}订单班毕业${num(fig(`${p}Graduates`)?.value)}人，定向就业${num(fig(`${p}Employed`)?.value)}人，就业率${formatPercent(rate.value)}${tail}。`,
      );
      break;
    }
    const trained = fig('labour.trainees');
    if (has(trained)) {
      const tuopin = fig('labour.trainees', 'tuopin');
      const certified = fig('labour.trainees', 'certified');
      const parts = [`开展技能培训${num(trained.value)}人次`];
      if (has(tuopin)) parts.push(`其中脱贫人口${num(tuopin.value)}人次`);
      if (has(certified)) parts.push(`取得证书${num(certified.value)}人次`);
      const brand = fig('labour.brandTrainees');
      if (has(brand)) parts.push(`劳务品牌培训${num(brand.value)}人次`);
      out.push(`${parts.join('，')}。`);
    }
    const helped = fig('labour.helperEmployed');
    if (!has(employed) && has(helped)) out.unshift(`${open}，帮助协作地区农村劳动力务工就业${num(helped.value)}人。`);
    return out;
  },
};
