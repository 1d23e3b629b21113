// 防返贫监测's chapter of the work report: visits, the households monitored, identified and cleared.
import type { ReportChapter } from '../../platform/reports';

export const monitoringReport: ReportChapter = {
  title: '防返贫监测',
  sentences({ fig, has, num, yoy, open, name }) {
    const out: string[] = [];
    const vh = fig('monitoring.visitedHouseholds');
    const vp = fig('monitoring.visitedPersons');
    if (has(vh)) {
      const villages = fig('monitoring.visitedVillages');
      const visits = fig('monitoring.visits');
      let s = `${open}，${name}`;
      if (has(villages)) s += `深入${num(villages.value)}个村，`;
      s += `累计走访监测户${num(vh.value)}户${has(vp) ? `${num(vp.value)}人` : ''}`;
      if (has(visits) && visits.value !== vh.value) s += `（${num(visits.value)}户次）`;
      const y = yoy(vh);
      out.push(`${s}${y ? `，${y}` : ''}。`);
    }
    const hh = fig('monitoring.households');
    if (has(hh)) {
      const persons = fig('monitoring.persons');
      const cats = ['unstable', 'marginal', 'sudden']
        .map((k) => fig('monitoring.households', k))
        .filter(has)
        .map((f) => `${f.name.replace(/^监测户其中/, '')}${num(f.value)}户`);
      let s = `截至期末，${name}共有监测户${num(hh.value)}户${has(persons) ? `${num(persons.value)}人` : ''}`;
      if (cats.length) s += `，其中${cats.join('、')}`;
      out.push(`${s}。`);
    }
    const ident = fig('monitoring.identified');
    const elim = fig('monitoring.eliminated');
    if (has(ident) || has(elim)) out.push(`${open}新识别监测户${num(ident?.value ?? 0)}户，风险消除${num(elim?.value ?? 0)}户。`);
    return out;
  },
};
