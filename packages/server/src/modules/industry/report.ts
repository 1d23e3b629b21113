// 产业协作's chapter of the work report, in the seeds' own words: 引进企业22家，实际到位投资1.78亿元，带动就业957人；
// 共建产业园区4个，入驻园区企业7家，园区吸纳就业116人，其中脱贫人口15人；帮扶车间15个，吸纳就业219人，其中脱贫人口112人。
import type { ReportChapter, ReportFigures } from '../../platform/reports';

/** "，其中脱贫人口15人" when the breakdown has a value. */
function ofWhom(r: ReportFigures, code: string) {
  const f = r.fig(code, 'tuopin');
  return r.has(f) ? `，其中脱贫人口${r.num(f.value)}人` : '';
}

export const industryReport: ReportChapter = {
  title: '产业协作',
  sentences(r) {
    const { fig, has, num, money, yoy, open } = r;
    const clauses: string[] = [];
    const enterprises = fig('industry.enterprises');
    const inPlace = fig('industry.investmentInPlace');
    const jobs = fig('industry.reportedJobs');
    const first: string[] = [];
    if (has(enterprises)) first.push(`累计引进企业${num(enterprises.value)}家`);
    if (has(inPlace)) first.push(`实际到位投资${money(inPlace.value)}${yoy(inPlace) ? `（${yoy(inPlace)}）` : ''}`);
    if (has(jobs)) first.push(`带动就业${num(jobs.value)}人`);
    if (first.length) clauses.push(first.join('，'));
    const parks = fig('industry.parks');
    if (has(parks)) {
      const inParks = fig('industry.enterprises', 'park');
      const parkJobs = fig('industry.parkJobs');
      let s = `共建产业园区${num(parks.value)}个`;
      if (has(inParks)) s += `，入驻园区企业${num(inParks.value)}家`;
      if (has(parkJobs)) s += `，园区吸纳就业${num(parkJobs.value)}人${ofWhom(r, 'industry.parkJobs')}`;
      clauses.push(s);
    }
    const shops = fig('industry.workshops');
    if (has(shops)) {
      const shopJobs = fig('industry.workshopJobs');
      let s = `运营帮扶车间${num(shops.value)}个`;
      if (has(shopJobs)) s += `，吸纳就业${num(shopJobs.value)}人${ofWhom(r, 'industry.workshopJobs')}`;
      clauses.push(s);
    }
    return clauses.length ? [`${open}，${clauses.join('；')}。`] : [];
  },
};
