// 队伍与人才's chapter of the work report: members on duty and the talent exchanged (人次).
import type { ReportChapter } from '../../platform/reports';

export const teamsReport: ReportChapter = {
  title: '干部人才交流',
  sentences({ fig, has, num, yoy, open }) {
    const members = fig('teams.members');
    const cadres = fig('teams.cadreExchanges');
    const pros = fig('teams.professionalExchanges');
    const counted = fig('teams.professionalsExchanged'); // stays meeting the minimum (stays.ts)
    if (!has(members) && !has(cadres) && !has(pros)) return [];
    const parts: string[] = [];
    if (has(members)) parts.push(`在岗队员${num(members.value)}人`);
    if (has(cadres)) parts.push(`交流党政干部${num(cadres.value)}人次${yoy(cadres) ? `（${yoy(cadres)}）` : ''}`);
    if (has(pros)) parts.push(`专业技术人才${num(pros.value)}人次${yoy(pros) ? `（${yoy(pros)}）` : ''}`);
    if (has(pros) && has(counted) && counted.value !== pros.value) parts.push(`其中在岗时间达到规定要求的${num(counted.value)}人次`);
    return [`${open}，${parts.join('，')}。`];
  },
};
