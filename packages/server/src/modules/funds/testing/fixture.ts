// The fixture the funds tests share: a test app with the divisions the demo names (中山, 六盘水 and its
// counties, 南口镇 and its villages, 兴义村) and the funds demo (demoData.ts: the figures the tests assert).
import { createTestApp, type TestApp } from '../../../testing/app';
import { seedFundsDemo } from '../demo';
import { LIUPANSHUI, NANKOU, ZHONGSHAN } from '../demoData';

const DIVISIONS: [code: string, name: string, level: string, parent: string | null][] = [
  ['440000000000', '广东省', 'province', null],
  ['440100000000', '广州市', 'city', '440000000000'],
  ['440103000000', '荔湾区', 'county', '440100000000'],
  [ZHONGSHAN, '中山市', 'city', '440000000000'],
  ['441400000000', '梅州市', 'city', '440000000000'],
  ['441403000000', '梅县区', 'county', '441400000000'],
  [NANKOU, '南口镇', 'town', '441403000000'],
  ['441403113000', '丙村镇', 'town', '441403000000'],
  ['441403106215', '南龙村委会', 'village', NANKOU],
  ['441403106216', '车陂村委会', 'village', NANKOU],
  ['441403106209', '侨乡村委会', 'village', NANKOU],
  ['441403106210', '南虎村委会', 'village', NANKOU],
  ['441403106211', '潭江村委会', 'village', NANKOU],
  ['441403106212', '竹香村委会', 'village', NANKOU],
  ['441403106213', '龙塘村委会', 'village', NANKOU],
  ['441403106214', '仙湖村委会', 'village', NANKOU],
  ['441403106217', '林径村委会', 'village', NANKOU],
  ['441200000000', '肇庆市', 'city', '440000000000'],
  ['441224000000', '怀集县', 'county', '441200000000'],
  ['441224109000', '岗坪镇', 'town', '441224000000'],
  ['441224109202', '兴义村委会', 'village', '441224109000'],
  ['520000000000', '贵州省', 'province', null],
  [LIUPANSHUI, '六盘水市', 'city', '520000000000'],
  ['520203000000', '六枝特区', 'county', LIUPANSHUI],
  ['520204000000', '水城区', 'county', LIUPANSHUI],
  ['520281000000', '盘州市', 'county', LIUPANSHUI],
];

export async function fundsTestApp(): Promise<TestApp> {
  const t = await createTestApp();
  for (const [code, name, level, parent] of DIVISIONS) {
    await t.services.database.query(
      'insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict do nothing',
      [code, name, level, parent],
    );
  }
  await seedFundsDemo(t.services);
  return t;
}
