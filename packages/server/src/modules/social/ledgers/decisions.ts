// 议定事项台账: one decision a row, under the meeting named by its date and title (a meeting of the meeting ledger,
// in the user's scope) — content, owner (责任单位 as written, and the 责任队伍 whose worklist it lands on: the meeting's
// team unless named), due date and, once done, the day and outcome; done decisions are imported done.
import { SOCIAL_LEDGERS } from '@xiezuo/shared/contracts/social';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { placedInScope, teamNamesOf, teamsByName } from '../access';
import { addDecision, allDecisions, updateDecision } from '../decisions';
import { socialDecisions as De, socialMeetings as M } from '../tables';
import { unique } from './common';

type Row = {
  heldOn: string;
  meetingTitle: string;
  content: string;
  ownerName: string | null;
  ownerTeam: string | null;
  dueOn: string;
  doneOn: string | null;
  doneNote: string | null;
  note: string | null;
  id?: number;
};

const NATURAL_KEY = ['heldOn', 'meetingTitle', 'content'];
const meetingKey = (r: { heldOn: string; meetingTitle: string }) => `${r.heldOn}|${r.meetingTitle}`;

/** The meetings a batch names (date and title), in the user's scope, by `date|title`. */
async function meetingsOf(ctx: Ctx, rows: Row[]) {
  if (!rows.length) return new Map<string, { id: number; heldOn: string }>();
  const found = await (ctx.tx ?? ctx.services.db)
    .select({ id: M.id, heldOn: M.heldOn, title: M.title })
    .from(M)
    .where(
      and(
        inArray(M.heldOn, unique(rows.map((r) => r.heldOn))),
        inArray(M.title, unique(rows.map((r) => r.meetingTitle))),
        placedInScope(ctx.user.scope, M),
      ),
    );
  return new Map(found.map((m) => [meetingKey({ heldOn: m.heldOn, meetingTitle: m.title }), m]));
}

export const decisionLedger = defineLedger<Row>({
  key: SOCIAL_LEDGERS.decisions,
  title: '议定事项台账',
  titleEn: 'Meeting decisions',
  entity: 'social_decision',
  columns: [
    date({ key: 'heldOn', header: '会议日期', headerEn: 'Meeting date', synonyms: ['日期'], required: true, example: '2026-03-12' }),
    {
      key: 'meetingTitle',
      header: '会议名称',
      headerEn: 'Meeting',
      synonyms: ['会议'],
      type: 'text',
      required: true,
      example: '荔湾区—梅县区党政联席会议',
    },
    {
      key: 'content',
      header: '议定事项',
      headerEn: 'Decision',
      synonyms: ['事项内容', '议定内容', '工作事项'],
      type: 'text',
      required: true,
      maxLength: 1000,
    },
    { key: 'ownerName', header: '责任单位', headerEn: 'Owner', synonyms: ['责任人', '牵头单位', '责任单位（人）'], type: 'text' },
    {
      key: 'ownerTeam',
      header: '责任队伍',
      headerEn: 'Owner team',
      synonyms: ['责任工作队', '承办队伍', '落实队伍'],
      type: 'text',
      note: '逾期时列入该队伍的待办；不填则为会议的组织队伍',
      example: '荔湾驻畲江镇帮扶工作队',
    },
    date({ key: 'dueOn', header: '完成时限', headerEn: 'Due', synonyms: ['办结时限', '完成时间'], required: true, example: '2026-04-30' }),
    date({ key: 'doneOn', header: '办结日期', headerEn: 'Done on', synonyms: ['完成日期'] }),
    { key: 'doneNote', header: '办结情况', headerEn: 'Outcome', synonyms: ['落实情况', '进展情况'], type: 'text' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: NATURAL_KEY,
  permissions: { import: 'social.write', export: 'ledgers.export' },
  validate(row) {
    const problems: ErrorDetail[] = [];
    if (row.dueOn < row.heldOn) problems.push({ path: 'dueOn', key: 'social.validation.beforeMeeting' });
    if (row.doneOn && row.doneOn < row.heldOn) problems.push({ path: 'doneOn', key: 'social.validation.beforeMeeting' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const meetings = await meetingsOf(ctx, rows);
    const owners = await teamsByName(ctx, unique(rows.map((r) => r.ownerTeam)));
    return rows.map((r) => [
      ...(meetings.has(meetingKey(r)) ? [] : [{ path: 'meetingTitle', key: 'social.validation.noMeeting' }]),
      ...(r.ownerTeam && !owners.has(r.ownerTeam)
        ? [{ path: 'ownerTeam', key: 'social.validation.noTeamNamed', params: { name: r.ownerTeam } }]
        : []),
    ]);
  },
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select({ d: De, heldOn: M.heldOn, title: M.title })
      .from(De)
      .innerJoin(M, eq(M.id, De.meetingId))
      .where(and(inArray(M.heldOn, unique(rows.map((r) => r.heldOn))), inArray(M.title, unique(rows.map((r) => r.meetingTitle)))));
    const out = new Map<string, Row>();
    const names = await teamNamesOf(
      { ...ctx, tx } as Ctx,
      found.map(({ d }) => d.ownerTeamId),
    );
    for (const { d, heldOn, title } of found) {
      const row: Row = {
        id: d.id,
        heldOn,
        meetingTitle: title,
        content: d.content,
        ownerName: d.ownerName,
        ownerTeam: d.ownerTeamId == null ? null : (names.get(d.ownerTeamId) ?? null),
        dueOn: d.dueOn,
        doneOn: d.doneOn,
        doneNote: d.doneNote,
        note: d.note,
      };
      out.set(naturalKeyOf({ naturalKey: NATURAL_KEY }, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const meetings = await meetingsOf(c, changes.insert);
    const owners = await teamsByName(c, unique([...changes.insert, ...changes.update.map((u) => u.after)].map((r) => r.ownerTeam)));
    const owner = (r: Row) => (r.ownerTeam ? { ownerTeamId: owners.get(r.ownerTeam) ?? null } : {});
    for (const r of changes.insert) {
      const meeting = meetings.get(meetingKey(r));
      if (!meeting) continue; // validateBatch refused it
      const id = await addDecision(c, meeting.id, {
        content: r.content,
        ownerName: r.ownerName,
        ...owner(r),
        dueOn: r.dueOn,
        note: r.note,
      });
      if (r.doneOn) await updateDecision(c, id, { doneOn: r.doneOn, doneNote: r.doneNote });
    }
    for (const { before, after } of changes.update) {
      const { ownerName, dueOn, doneOn, doneNote } = after;
      await updateDecision(c, before.id!, { ownerName, ...owner(after), dueOn, doneOn, doneNote });
    }
  },
  async exportRows(ctx) {
    const decisions = await allDecisions(ctx);
    const names = await teamNamesOf(
      ctx,
      decisions.map((d) => d.owner.teamId),
    );
    return decisions.map((d) => ({
      heldOn: d.heldOn,
      meetingTitle: d.meetingTitle,
      content: d.content,
      ownerName: d.owner.name,
      ownerTeam: d.owner.teamId == null ? null : (names.get(d.owner.teamId) ?? null),
      dueOn: d.dueOn,
      doneOn: d.doneOn,
      doneNote: d.doneNote,
      note: d.note,
    }));
  },
});
