// 产业协作's chapter of the work report, in the seeds' own words: 引进企业22家，实际到位投资1.78亿元，带动就业957人；
// 共建产业园区4个，入驻园区企业7家，园区吸纳就业116人，其中脱贫人口15人；帮扶车间15个，吸纳就业219人，其中脱贫人口112人。
// At the helper side (中山's own report) the helped side's figures are zero and the helper side's twins speak instead.
import type { ReportChapter, ReportFigures } from '../../platform/reports';

/** The helped side's indicator and its helper-side twin (帮扶方). */
export const HELPER_TWIN: Record<string, string> = {
  'industry.enterprises': 'industry.enterprisesSent',
  'industry.investmentInPlace': 'industry.investmentSent',
  'industry.reportedJobs': 'industry.reportedJobsSent',
  'industry.parks': 'industry.parksHelper',
  'industry.parkJobs': 'industry.parkJobsHelper',
  'industry.workshops': 'industry.workshopsHelper',
  'industry.workshopJobs': 'industry.workshopJobsHelper',
};

/** The code whose figures a report of this node reads: the helped side's where it has any, else the helper side's. */
function sideOf(r: ReportFigures): (code: string) => string {
  const helped = Object.keys(HELPER_TWIN).some((c) => r.has(r.fig(c)));
  return (code) => (helped ? code : (HELPER_TWIN[code] ?? code));
}

/** "，其中脱贫人口15人" when the breakdown has a value. */
function ofWhom(r: ReportFigures, code: string) {
  const f = r.fig(code, 'tuopin');
  return r.has(f) ? `，其中脱贫人口${r.num(f.value)}人` : '';
}

export const industryReport: ReportChapter = {
  title: '产业协作',
  sentences(r) {
    const { has, num, money, yoy, open } = r;
    const side = sideOf(r);
    const fig: ReportFigures['fig'] = (code, breakdown) => r.fig(side(code), breakdown);
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
      if (has(parkJobs)) s += `，园区吸纳就业${num(parkJobs.value)}人${ofWhom(r, side('industry.parkJobs'))}`;
      clauses.push(s);
    }
    const shops = fig('industry.workshops');
    if (has(shops)) {
      const shopJobs = fig('industry.workshopJobs');
      let s = `运营帮扶车间${num(shops.value)}个`;
      if (has(shopJobs)) s += `，吸纳就业${num(shopJobs.value)}人${ofWhom(r, side('industry.workshopJobs'))}`;
      clauses.push(s);
    }
    return clauses.length ? [`${open}，${clauses.join('；')}。`] : [];
  },
};
