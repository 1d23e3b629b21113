// Demo data with the seed reports' figures (荔湾↔梅县, 四会↔富川), dated relative to today so the current period
// and the same period last year both show: 畲江镇 gave 748 garments and 8.67万元 in cash and goods; 南口镇
// raised about 55万元; 4 high-level joint meetings, 6 symposia and 55 town-level joint meetings; 226 reports by
// provincial-or-higher media since 2024. Teams are found by name (the teams module seeds them first).
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { MeetingKind, MeetingLevel } from '@xiezuo/shared/contracts/social';
import { sql } from 'drizzle-orm';
import type { Services } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import type { ModuleSeed } from '../../platform/seed';
import { socialDecisions, socialDonations, socialFunds, socialMeetings, socialPublicity, socialVisits } from './tables';

export const MEIXIAN = '441403000000';
export const SHEJIANG = '441403107000';
export const NANKOU = '441403106000';
export const FUCHUAN = '451123000000';
const TOWNS = [
  ['丙村', '441403113000'],
  ['畲江', SHEJIANG],
  ['南口', NANKOU],
  ['白渡', '441403112000'],
  ['松源', '441403116000'],
] as const;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Days of this year up to today, spread evenly: the n-th of `count`. */
function spread(from: string, to: string, n: number, count: number): string {
  const a = ms(from);
  const b = ms(to);
  return iso(a + Math.floor(((b - a) / DAY) * ((n + 0.5) / count)) * DAY);
}

async function teamIds(tx: Tx): Promise<Map<string, number>> {
  const rows = (await tx.execute(sql`select id, name from teams order by id`)).rows as { id: number; name: string }[];
  const find = (fragment: string) => rows.find((r) => r.name.includes(fragment))?.id ?? null;
  const out = new Map<string, number>();
  for (const [key, fragment] of [['lw', '荔湾区派驻梅县区'], ['sh', '四会市驻富川'], ...TOWNS.map(([name]) => [name, `驻${name}镇`])]) {
    const id = find(fragment);
    if (id != null) out.set(key, id);
  }
  return out;
}

export async function seedSocialDemo(services: Services) {
  const today = todayInBeijing();
  const year = Number(today.slice(0, 4));
  const halfStart = `${year}-${today.slice(5, 7) <= '06' ? '01' : '07'}-01`;
  const lastYear = (d: string) => `${year - 1}${d.slice(4)}`;
  return services.db.transaction(async (tx) => {
    const team = await teamIds(tx);
    const t = (key: string) => team.get(key) ?? null;
    const inHalf = (n: number, count: number) => spread(halfStart, today, n, count);

    // 畲江镇: 748 garments (not valued) and 8.67万元 in cash and valued goods, this half-year; less the same period last year
    const shejiang = { divisionCode: SHEJIANG, teamId: t('畲江'), donorKind: 'unit' as const, note: '演示数据' };
    await tx.insert(socialDonations).values([
      {
        ...shejiang,
        donatedOn: inHalf(0, 4),
        donorName: '广州市荔湾区组团帮扶单位',
        recipientKind: 'household',
        recipientName: '畲江镇脱贫户儿童',
        households: 394,
        goodsItem: '衣物',
        goodsQuantity: '748',
        goodsUnit: '件',
      },
      {
        ...shejiang,
        donatedOn: inHalf(1, 4),
        donorName: '广州市荔湾区组团帮扶单位',
        recipientKind: 'household',
        recipientName: '畲江镇脱贫户',
        households: 120,
        cashAmount: '36000',
      },
      {
        ...shejiang,
        donatedOn: inHalf(2, 4),
        donorName: '荔湾区某企业（演示）',
        donorKind: 'enterprise',
        recipientKind: 'household',
        recipientName: '畲江镇相对困难家庭',
        households: 80,
        cashAmount: '16000',
      },
      {
        ...shejiang,
        donatedOn: inHalf(3, 4),
        donorName: '荔湾区某企业（演示）',
        donorKind: 'enterprise',
        recipientKind: 'household',
        recipientName: '畲江镇相对困难家庭',
        households: 80,
        goodsItem: '大米、食用油',
        goodsQuantity: '160',
        goodsUnit: '份',
        goodsValue: '34700',
      },
      {
        ...shejiang,
        donatedOn: lastYear(inHalf(1, 4)),
        donorName: '广州市荔湾区组团帮扶单位',
        recipientKind: 'household',
        recipientName: '畲江镇脱贫户',
        households: 100,
        cashAmount: '52000',
      },
    ]);

    // 南口镇: about 55万元 raised for 10 road-lighting projects (three of them named: NK-LD-01…03 of the funds demo)
    const nankou = { divisionCode: NANKOU, teamId: t('南口'), purpose: 'infrastructure' as const, note: '演示数据' };
    await tx.insert(socialFunds).values([
      {
        ...nankou,
        donorName: '广州市荔湾区站前街道办事处',
        donorKind: 'unit',
        purposeNote: '南龙村道路亮化工程',
        projectCodes: ['NK-LD-02'], // the funds module's demo project it paid for
        pledgedOn: inHalf(0, 3),
        pledgedAmount: '200000',
        receivedAmount: '200000',
        receivedOn: inHalf(0, 3),
      },
      {
        ...nankou,
        donorName: '荔湾区组团帮扶单位',
        donorKind: 'unit',
        purposeNote: '梅瑞路道路亮化工程',
        projectCodes: ['NK-LD-01'], // the funds module's demo project it paid for
        pledgedOn: inHalf(1, 3),
        pledgedAmount: '180000',
        receivedAmount: '180000',
        receivedOn: inHalf(1, 3),
      },
      {
        ...nankou,
        donorName: '荔湾区爱心企业（演示）',
        donorKind: 'enterprise',
        purposeNote: '车陂村道路亮化工程',
        projectCodes: ['NK-LD-03'], // the funds module's demo project it paid for
        pledgedOn: inHalf(2, 3),
        pledgedAmount: '200000',
        receivedAmount: '170000',
        receivedOn: inHalf(2, 3),
      },
      {
        ...nankou,
        donorName: '荔湾区组团帮扶单位',
        donorKind: 'unit',
        purposeNote: '村道路灯',
        pledgedOn: lastYear(inHalf(1, 3)),
        pledgedAmount: '300000',
        receivedAmount: '300000',
        receivedOn: lastYear(inHalf(1, 3)),
      },
    ]);

    // meetings: 4 high-level joint meetings and 6 symposia at 梅县区, 55 town-level joint meetings (11 in each town)
    const meeting = (
      heldOn: string,
      kind: MeetingKind,
      level: MeetingLevel,
      title: string,
      divisionCode: string,
      teamId: number | null,
    ) => ({
      heldOn,
      kind,
      level,
      title,
      divisionCode,
      teamId,
      note: '演示数据',
    });
    const yearStart = `${year}-01-01`;
    const rows = [
      ...[0, 1, 2, 3].map((i) => ({
        ...meeting(spread(yearStart, today, i, 4), 'joint', 'county', `荔湾区—梅县区党政联席会议（第${i + 1}次）`, MEIXIAN, t('lw')),
        place: '梅县区行政中心',
        helperAttendees: '荔湾区委副书记、区长（演示）；荔湾区副区长（演示）',
        helpedAttendees: '梅县区委书记（演示）；梅县区副区长（演示）',
        topics: '驻镇帮扶产业项目推进；民生实事项目清单；消费帮扶',
      })),
      ...[0, 1, 2, 3, 4, 5].map((i) =>
        meeting(spread(yearStart, today, i, 6), 'symposium', 'county', `驻镇帮扶工作座谈会（第${i + 1}次）`, MEIXIAN, t('lw')),
      ),
      ...TOWNS.flatMap(([name, code]) =>
        Array.from({ length: 11 }, (_, i) =>
          meeting(spread(yearStart, today, i, 11), 'joint', 'town', `组团单位与${name}镇党政联席会议`, code, t(name)),
        ),
      ),
      ...[0, 1].map((i) =>
        meeting(lastYear(spread(yearStart, today, i, 2)), 'joint', 'county', '荔湾区—梅县区党政联席会议', MEIXIAN, t('lw')),
      ),
    ];
    const inserted = await tx
      .insert(socialMeetings)
      .values(rows)
      .returning({ id: socialMeetings.id, heldOn: socialMeetings.heldOn, title: socialMeetings.title });
    const first = inserted[0];
    const add = (days: number) => iso(ms(first.heldOn) + days * DAY);
    const overdueDue = iso(ms(today) - 20 * DAY); // three weeks late
    await tx.insert(socialDecisions).values([
      {
        meetingId: first.id,
        content: '畲江镇蓝莓产业基地冷库建设方案报区审定',
        ownerTeamId: t('畲江'),
        ownerName: '驻畲江镇工作队',
        dueOn: [overdueDue, first.heldOn].sort()[1], // the later of the two
      },
      {
        meetingId: first.id,
        content: '梳理五镇民生实事项目清单',
        ownerTeamId: t('lw'),
        ownerName: '荔湾区工作组',
        dueOn: add(20),
        doneOn: [add(18), today].sort()[0],
        doneNote: '清单已印发',
      },
      {
        meetingId: first.id,
        content: '组织第二批消费帮扶产品进荔湾机关食堂',
        ownerTeamId: t('南口'),
        ownerName: '驻南口镇工作队',
        dueOn: iso(ms(today) + 30 * DAY),
      },
    ]);

    // high-level visits: the seed's 2022 and 2023 delegations, and one each this half-year and last year
    const visit = {
      fromDivisionCode: '440103000000',
      divisionCode: MEIXIAN,
      teamId: t('lw'),
      direction: 'to_helped' as const,
      note: '演示数据',
    };
    await tx.insert(socialVisits).values([
      {
        ...visit,
        startedOn: '2022-07-15',
        visitorLevel: 'main_leader',
        visitors: '荔湾区委书记',
        purpose: '调研畲江镇5G+智慧农业产业园、松源镇、白渡镇、南口镇帮扶工作',
      },
      {
        ...visit,
        startedOn: '2023-08-10',
        visitorLevel: 'main_leader',
        visitors: '荔湾区委副书记、区长',
        purpose: '率区党政代表团调研对口帮扶和驻镇帮扶工作并召开党政联席会',
      },
      { ...visit, startedOn: inHalf(1, 2), visitorLevel: 'main_leader', visitors: '荔湾区委书记', purpose: '调研驻镇帮扶产业项目' },
      { ...visit, startedOn: inHalf(0, 2), visitorLevel: 'leader', visitors: '荔湾区副区长', purpose: '督导民生实事项目' },
      { ...visit, startedOn: lastYear(inHalf(0, 2)), visitorLevel: 'leader', visitors: '荔湾区副区长', purpose: '调研消费帮扶' },
    ]);

    // 四会↔富川: 226 reports by provincial-or-higher media since 2024, and some by city and county media
    const media = [
      ['新华网', 'central'],
      ['新快报', 'provincial'],
      ['粤桂协作工作队公众号', 'provincial'],
      ['南方日报', 'provincial'],
    ] as const;
    const reports = Array.from({ length: 226 }, (_, i) => {
      const [medium, mediaLevel] = media[i % media.length];
      return {
        publishedOn: spread('2024-01-01', today, i, 226),
        title: i === 0 ? '聚焦打造“三大平台”合力筑牢富川稳岗就业体系' : `四会富川协作亮点（演示第${i + 1}篇）`,
        medium,
        mediaLevel,
        kind: i === 0 ? ('typical_case' as const) : ('report' as const),
        divisionCode: FUCHUAN,
        teamId: t('sh'),
        note: '演示数据',
      };
    });
    const local = Array.from({ length: 30 }, (_, i) => ({
      publishedOn: spread('2024-01-01', today, i, 30),
      title: `富川协作动态（演示第${i + 1}篇）`,
      medium: i % 2 ? '贺州日报' : '富川融媒',
      mediaLevel: i % 2 ? ('city' as const) : ('county' as const),
      kind: 'report' as const,
      divisionCode: FUCHUAN,
      teamId: t('sh'),
      note: '演示数据',
    }));
    await tx.insert(socialPublicity).values([...reports, ...local]);
  });
}

export const socialSeed: ModuleSeed = {
  name: 'social',
  async run(services) {
    await seedSocialDemo(services);
    return [];
  },
};
