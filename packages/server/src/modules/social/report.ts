// 社会帮扶与宣传's chapter of the work report: donations (款物, items), social funds, meetings, visits, publicity —
// in the reports' own words: 「捐赠衣物748件，发放慰问金和物资8.67万元」「召开党政联席会议4次、座谈会6次」.
import type { ReportChapter, ReportFigures } from '../../platform/reports';

const paren = (s: string) => (s ? `（${s}）` : '');

function donations({ fig, has, num, money, yoy }: ReportFigures): string[] {
  const gifts = fig('social.donationMoney');
  const items = fig('social.donationItems');
  const funds = fig('social.fundsReceived');
  const parts: string[] = [];
  if (has(items)) parts.push(`捐赠物资${num(items.value)}件`);
  // 其中 to households the registers know as 脱贫户 / under monitoring (computed, never typed), then year-over-year
  const of = (key: string, word: string) => {
    const f = fig('social.donationMoney', key);
    return has(f) ? `其中${word}${money(f.value)}` : '';
  };
  const giftsNote = [of('tuopin', '脱贫户'), of('monitored', '监测户'), yoy(gifts)].filter(Boolean).join('，');
  if (has(gifts)) parts.push(`发放慰问金和物资折款${money(gifts.value)}${paren(giftsNote)}`);
  if (has(funds)) parts.push(`筹集社会帮扶资金到位${money(funds.value)}${paren(yoy(funds))}`);
  return parts.length ? [`动员社会力量${parts.join('，')}`] : [];
}

function meetings({ fig, has, num }: ReportFigures): string[] {
  const joint = fig('social.jointMeetings');
  const high = fig('social.jointMeetings', 'high');
  const town = fig('social.jointMeetings', 'town');
  const symposia = fig('social.symposia');
  const parts: string[] = [];
  if (has(high)) parts.push(`高层联席会议${num(high.value)}次`);
  if (has(symposia)) parts.push(`座谈会${num(symposia.value)}次`);
  if (has(town)) parts.push(`镇级党政联席会议${num(town.value)}次`);
  else if (has(joint) && !has(high)) parts.push(`党政联席会议${num(joint.value)}次`);
  return parts.length ? [`召开${parts.join('、')}`] : [];
}

function visits({ fig, has, num }: ReportFigures): string[] {
  const all = fig('social.visits');
  if (!has(all)) return [];
  const main = fig('social.visits', 'mainLeader');
  return [`开展互访调研${num(all.value)}次${has(main) ? `，其中党政主要负责同志带队${num(main.value)}次` : ''}`];
}

function publicity({ fig, has, num, yoy }: ReportFigures): string[] {
  const all = fig('social.publicity');
  const up = fig('social.publicityProvincial');
  if (!has(all)) return [];
  const upText = has(up) ? `，其中省级以上媒体${num(up.value)}篇${paren(yoy(up))}` : '';
  return [`协作成效被媒体宣传报道${num(all.value)}篇${upText}`];
}

export const socialReport: ReportChapter = {
  title: '社会帮扶与宣传',
  sentences(r) {
    const clauses = [...donations(r), ...meetings(r), ...visits(r), ...publicity(r)];
    const out = clauses.length ? [`${r.open}，${clauses.join('；')}。`] : [];
    const overdue = r.fig('social.decisionsOverdue');
    if (r.has(overdue)) out.push(`会议议定事项尚有${r.num(overdue.value)}项逾期未办结，须督促责任单位限期办结。`);
    return out;
  },
};
