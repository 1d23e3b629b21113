// Demo data (marked 演示): the seed's 3D-printing order class of 富川 — 86 graduates, 81 employed (94.2 %),
// average monthly wage 5,500元 — this year, and last year's cohort for the same period last year; a small
// 脱贫人口名册 of 富川 villages and employment records of 富川 people (some in the roster, one with two
// overlapping jobs, 药膳 cooks of the labour brand 富川药膳师傅 placed through the 顺德 labour station), the
// brand's cooking classes and the station and brand as records of their own, dated relative to today.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import type { Services } from '../../platform/context';
import { systemCtx } from '../../platform/ctx';
import type { ModuleSeed } from '../../platform/seed';
import { saveEmployment } from './employments';
import { sealIdNumber } from './people';
import { saveRosterPerson } from './roster';
import { saveBrand, saveStation } from './stations';
import { labourClassMembers, labourOrderClasses, labourTrainees, labourTrainings } from './tables';

export const FUCHUAN = '451123000000';
export const FUCHUAN_VILLAGES = ['451123100201', '451123100216', '451123102207', '451123104202', '451123105207', '451123106209'];
const SHUNDE = '440606000000'; // 佛山市顺德区
export const DEMO_STATION = '富川驻佛山劳务工作站（演示）';
export const DEMO_BRAND = '富川药膳师傅';
const BABU = '451102000000'; // 贺州市八步区
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = ['小梅', '建华', '志强', '海燕', '春生', '丽娟', '永福', '秀英', '国庆', '晓东'];

/** A valid, invented ID number of 富川: born in `year`, sequence n (unique per year for n < 1000). */
export function fuchuanIdNumber(year: number, n: number): string {
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const first17 = `451123${year}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
export const demoName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}（演示）`;

/** The seed's class: 86 graduates of 88 students, 81 employed, wages averaging 5,500元 (40 × 5,000 + 40 × 6,000 + 5,500). */
export function orderClassStudents(graduates: number, employed: number, students = graduates + 2, wageShift = 0) {
  return Array.from({ length: students }, (_, i) => {
    const isEmployed = i < employed;
    const wage = !isEmployed ? null : (i === employed - 1 && employed % 2 === 1 ? 5500 : i % 2 === 0 ? 5000 : 6000) + wageShift;
    return { i, graduated: i < graduates, employed: isEmployed, monthlyWage: wage };
  });
}

/** An order class and its students (born 2006, sequence from `seq`). */
export async function insertOrderClass(
  services: Services,
  c: { name: string; cohort: number; graduationDate: string; divisionCode?: string; teamId?: number | null },
  students: ReturnType<typeof orderClassStudents>,
  seq: number,
) {
  const [row] = await services.db
    .insert(labourOrderClasses)
    .values({
      name: c.name,
      school: '富川瑶族自治县职业技术学校（演示）',
      enterprise: '广东某3D打印科技有限公司（演示）',
      major: '增材制造技术应用',
      divisionCode: c.divisionCode ?? FUCHUAN,
      teamId: c.teamId ?? null,
      cohort: c.cohort,
      graduationDate: c.graduationDate,
    })
    .returning();
  if (students.length)
    await services.db.insert(labourClassMembers).values(
      students.map((s) => ({
        classId: row.id,
        name: demoName(seq + s.i),
        ...sealIdNumber(services.cipher, fuchuanIdNumber(2006, seq + s.i)),
        graduated: s.graduated,
        employed: s.employed,
        employer: s.employed ? '广东某3D打印科技有限公司（演示）' : null,
        monthlyWage: s.monthlyWage == null ? null : s.monthlyWage.toFixed(2),
      })),
    );
  return row.id;
}

export async function seedLabourDemo(services: Services) {
  const ctx = systemCtx(services, 'demo');
  const today = todayInBeijing();
  const year = Number(today.slice(0, 4));
  // graduation at the end of June, or the first of this month early in the year, so this year shows it
  const grad = (y: number) => (y < year || today >= `${y}-06-30` ? `${y}-06-30` : `${y}-${today.slice(5, 7)}-01`);
  await insertOrderClass(services, { name: '3D打印订单班', cohort: year, graduationDate: grad(year) }, orderClassStudents(86, 81), 0);
  await insertOrderClass(
    services,
    { name: '3D打印订单班', cohort: year - 1, graduationDate: grad(year - 1) },
    orderClassStudents(60, 54, 62, -300), // averaging 5,200元
    100,
  );

  // the roster: 20 people of 富川 villages, lifted 2016–2020
  for (let n = 0; n < 20; n++)
    await saveRosterPerson(ctx, {
      name: demoName(200 + n),
      idNumber: fuchuanIdNumber(1985 + (n % 10), 200 + n),
      divisionCode: FUCHUAN_VILLAGES[n % FUCHUAN_VILLAGES.length],
      householdHead: demoName(200 + n),
      liftedYear: 2016 + (n % 5),
      note: '演示',
    });
  // the labour station in 顺德 that places 富川's people, and the labour brand 富川药膳师傅 (its cooks and cooking class)
  await saveStation(ctx, {
    name: DEMO_STATION,
    divisionCode: SHUNDE,
    servedCodes: [FUCHUAN],
    establishedOn: `${year - 2}-03-01`,
    note: '演示',
  });
  await saveBrand(ctx, { name: DEMO_BRAND, divisionCode: FUCHUAN, note: '演示：瑶族药膳烹饪技能' });
  // jobs of 30 people: the first 12 are on the roster; every third works in 顺德, every third near home
  const start = (n: number) => `${n % 2 ? year : year - 1}-${String(1 + (n % 6)).padStart(2, '0')}-01`;
  for (let n = 0; n < 30; n++) {
    const p = n < 12 ? 200 + n : 300 + n;
    const work = [SHUNDE, FUCHUAN.replace(/000000$/, '100000'), BABU][n % 3];
    const cook = n % 5 === 0;
    await saveEmployment(ctx, {
      name: demoName(p),
      idNumber: fuchuanIdNumber(1985 + (p % 10), p),
      divisionCode: FUCHUAN_VILLAGES[n % FUCHUAN_VILLAGES.length],
      employer: cook ? '顺德某药膳酒楼（演示）' : ['佛山某电子有限公司（演示）', '富川某脐橙合作社（演示）', '八步某服装厂（演示）'][n % 3],
      workDivisionCode: cook ? SHUNDE : work,
      startDate: start(n),
      endDate: n % 7 === 6 && n % 2 === 0 ? `${year - 1}-12-31` : null, // jobs of last year that ended
      monthlyWage: cook ? 6500 : [5200, 3200, 3800][n % 3],
      channel: n % 2 ? 'organised' : 'self',
      station: n % 2 && (cook || n % 3 === 0) ? DEMO_STATION : null,
      brand: cook ? DEMO_BRAND : null,
      note: null,
    });
  }
  await seedTrainings(services, year, today);
  // one person with a second, overlapping job: still one employed person
  await saveEmployment(ctx, {
    name: demoName(201),
    idNumber: fuchuanIdNumber(1986, 201),
    divisionCode: FUCHUAN_VILLAGES[1],
    employer: '顺德某家政服务公司（演示，兼职）',
    workDivisionCode: SHUNDE,
    startDate: `${year}-03-01`,
    endDate: null,
    monthlyWage: 1500,
    channel: 'self',
    station: null,
    brand: null,
    note: null,
  });
}

/** 技能培训: the 富川药膳师傅 labour brand's cooking class this year (40 trainees, the first 12 on the roster) and last year's. */
async function seedTrainings(services: Services, year: number, today: string) {
  for (const [y, trainees, certified] of [
    [year, 40, 32],
    [year - 1, 30, 25],
  ] as const) {
    const start = y < year || today >= `${y}-04-01` ? `${y}-04-01` : `${y}-01-02`;
    const [row] = await services.db
      .insert(labourTrainings)
      .values({
        name: '富川药膳师傅培训班（演示）',
        kind: 'skills',
        organiser: '富川瑶族自治县人力资源和社会保障局（演示）',
        divisionCode: FUCHUAN,
        startDate: start,
        endDate: start.replace(/-(\d\d)$/, (_, d) => `-${String(Number(d) + 9).padStart(2, '0')}`),
        brand: DEMO_BRAND,
      })
      .returning();
    await services.db.insert(labourTrainees).values(
      Array.from({ length: trainees }, (_, i) => {
        const p = i < 12 ? 200 + i : 400 + i + (y - year) * 100;
        return {
          trainingId: row.id,
          name: demoName(p),
          ...sealIdNumber(services.cipher, fuchuanIdNumber(1985 + (p % 10), p)),
          certified: i < certified,
        };
      }),
    );
  }
}

export const labourSeed: ModuleSeed = {
  name: 'labour',
  async run(services) {
    await seedLabourDemo(services);
    return [];
  },
};
