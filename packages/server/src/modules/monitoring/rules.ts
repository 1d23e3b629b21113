// 风险消除 rules, checked for reviewers. The system only warns; the reviewers decide and, when they go
// on past a warning, record why (workflow.ts asks for the reason).
import { IN_SCHOOL, type RuleCheck } from '@xiezuo/shared/contracts/monitoring';
import { addDays } from './workdays';

export interface RuleFacts {
  today: string;
  monitoredSince: string | null; // day the county confirmed the household
  measures: number;
  incomePerHead: number | null;
  incomeYear: number | null;
  line: number | null; // monitoring line for the household's province and income year
  openRisks: number;
  members: { birthDate: string; schooling: string; work: string; health: string }[];
}

/** Age in whole years on `day`. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 劳动力: aged 16–59, not in school, able to work, not seriously ill. */
export function hasWorkingAgeLabour(members: RuleFacts['members'], today: string): boolean {
  return members.some((m) => {
    const age = ageOn(m.birthDate, today);
    return age >= 16 && age <= 59 && !IN_SCHOOL.includes(m.schooling as never) && m.work !== 'unable' && m.health !== 'serious';
  });
}

export function checkElimination(f: RuleFacts): RuleCheck[] {
  const sixMonthsAfter = f.monitoredSince ? addMonths(f.monitoredSince, 6) : null;
  return [
    {
      rule: 'monitoredSixMonths',
      ok: !!sixMonthsAfter && sixMonthsAfter <= f.today,
      params: { since: f.monitoredSince, from: sixMonthsAfter },
    },
    { rule: 'hasMeasure', ok: f.measures >= 1, params: { count: f.measures } },
    {
      rule: 'incomeAboveLine',
      ok: f.incomePerHead != null && f.line != null && f.incomePerHead > f.line,
      params: { income: f.incomePerHead, year: f.incomeYear, line: f.line },
    },
    { rule: 'noOpenRisk', ok: f.openRisks === 0, params: { count: f.openRisks } },
    { rule: 'hasLabour', ok: hasWorkingAgeLabour(f.members, f.today), params: {} },
  ];
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const day = Math.min(d, last);
  return addDays(`${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 0);
}
