// 财政援助资金与协作项目's chapter of the work report: money received and sent (by kind), projects started and
// completed, committed and disbursed with the rate, beneficiaries (其中脱贫人口), jobs and assets handed over.
import type { ReportChapter } from '../../platform/reports';

export const fundsReport: ReportChapter = {
  title: '财政援助资金与协作项目',
  sentences({ fig, has, num, money, yoy, open, name }) {
    const out: string[] = [];
    const withYoy = (f: Parameters<typeof yoy>[0]) => (yoy(f) ? `（${yoy(f)}）` : '');
    const sent = fig('funds.fiscalSent');
    const recv = fig('funds.fiscalReceived');
    if (has(sent)) out.push(`${open}，${name}拨付财政援助资金${money(sent.value)}${withYoy(sent)}。`);
    const social = fig('funds.received', 'social');
    const got: string[] = [];
    if (has(recv)) got.push(`到位财政援助资金${money(recv.value)}${withYoy(recv)}`);
    if (has(social)) got.push(`筹集社会帮扶资金${money(social.value)}`);
    if (got.length) out.push(`${open}，${name}${got.join('，')}。`);
    const started = fig('funds.started');
    const completed = fig('funds.completed');
    const committed = fig('funds.committed');
    const disbursed = fig('funds.disbursed');
    const rate = fig('funds.disbursementRate');
    if (has(started) || has(completed) || has(committed)) {
      const parts: string[] = [];
      if (has(started)) parts.push(`新开工协作项目${num(started.value)}个`);
      if (has(completed)) parts.push(`完工${num(completed.value)}个`);
      if (has(committed)) parts.push(`下达项目资金${money(committed.value)}`);
      if (has(disbursed)) parts.push(`拨付${money(disbursed.value)}`);
      if (has(rate)) parts.push(`资金拨付率${num(Math.round(rate.value! * 1000) / 10)}%`);
      out.push(`${open}${parts.join('，')}。`);
    }
    const people = fig('funds.beneficiaries');
    const jobs = fig('funds.jobs');
    const assets = fig('funds.assets');
    if (has(people) || has(jobs) || has(assets)) {
      const parts: string[] = [];
      if (has(people)) {
        const lifted = fig('funds.beneficiaries', 'tuopin');
        parts.push(`项目惠及群众${num(people.value)}人${has(lifted) ? `（其中脱贫人口${num(lifted.value)}人）` : ''}`);
      }
      if (has(jobs)) parts.push(`带动就业${num(jobs.value)}人`);
      if (has(assets)) parts.push(`移交资产${money(assets.value)}`);
      out.push(`${parts.join('，')}。`);
    }
    return out;
  },
};
