// A town's 防返贫监测对象信息表 as a clerk keeps it — made here, not from the app's templates: 岗坪镇, 13
// villages written the way clerks write them (兴义村, 兴义, 岗坪镇兴义村 …), 42 households, 121 persons, one
// row per person, the household's columns repeated on each row or merged over the household's rows, ID
// numbers, dates, incomes and relations in mixed spellings, a title, a 填报单位 line, 序号/人数/风险类型/备注
// columns the app does not use, and a 合计 row. All names are invented (化名).
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { GANGPING } from './builders';

const VILLAGE_NAMES = [
  '曾村村委会',
  '兴义村委会',
  '圩镇社区居委会',
  '上坪村委会',
  '大岗村委会',
  '石门村委会',
  '龙湾村委会',
  '新屋村委会',
  '东岸村委会',
  '高村村委会',
  '竹园村委会',
  '塘面村委会',
  '河口村委会',
];
/** The town's 13 villages: codes 441224109201 … 213. */
export const TOWN_VILLAGES: [string, string][] = VILLAGE_NAMES.map((name, i) => [`${GANGPING.slice(0, 9)}${String(201 + i)}`, name]);

/** How clerks write a village: as registered, without 委会, bare, with the town in front, …. */
function villageWritten(name: string, i: number): string {
  const bare = name.replace(/(社区居委会|村委会)$/, '');
  const short = name.endsWith('社区居委会') ? `${bare}社区` : `${bare}村`;
  return [name, short, bare, `岗坪镇${short}`, `${short}委会`.replace('社区委会', '社区')][i % 5];
}

const SURNAMES = ['黄', '陈', '梁', '李', '莫', '邓', '植', '冯', '谭', '何'];
const GIVEN = ['伯', '嫂', '仔', '妹', '叔', '婆', '公', '明', '芳', '强', '兰', '华'];

export interface RosterPerson {
  name: string;
  idNumber: string;
  written: string;
  relation: string;
  health: string;
  schooling: string;
  male: boolean;
}
export interface RosterHousehold {
  village: string;
  villageWritten: string;
  no: string;
  category: string;
  identifiedOn: string;
  identifiedWritten: string | Date;
  income: string;
  incomeWritten: string | number;
  status: string;
  phone: string;
  merged: boolean;
  members: RosterPerson[];
}

let serial = 0;
function id(birth: string, male: boolean): string {
  const n = ((serial++ * 2) % 1000) + (male ? 1 : 0);
  const first17 = `441224${birth}${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** ID numbers as they end up in clerks' files: an apostrophe, blanks, a lower-case x, full-width digits. */
function idWritten(s: string, i: number): string {
  switch (i % 6) {
    case 1:
      return `'${s}`;
    case 2:
      return `${s.slice(0, 6)} ${s.slice(6, 14)} ${s.slice(14)}`;
    case 3:
      return s.toLowerCase();
    case 4:
      return s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return s;
  }
}

/** 42 households, 121 persons (sizes 3,2,4,3,3,2 …, the first two one larger). */
export function townRoster(): RosterHousehold[] {
  serial = 0;
  const sizes = Array.from({ length: 42 }, (_, i) => [3, 2, 4, 3, 3, 2][i % 6] + (i < 2 ? 1 : 0));
  const categories = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户', '边缘户', '突发严重困难户(监测户)', '边缘易致贫户'];
  const statuses = ['已纳入监测', '监测中', '未消除风险'];
  const relations: [string, boolean, string][][] = [
    [
      ['之妻', false, '1972'],
      ['之子', true, '1996'],
      ['之女', false, '2008'],
      ['之母', false, '1948'],
    ],
    [
      ['配偶', false, '1968'],
      ['20', true, '1994'],
      ['之孙子', true, '2016'],
      ['之儿媳', false, '1995'],
    ],
    [
      ['妻', false, '1975'],
      ['女儿', false, '2010'],
      ['儿子', true, '2012'],
      ['之父', true, '1945'],
    ],
  ];
  const health = ['健康', '长期慢性病', '患有大病', '残疾', '健康'];
  const schooling = (birthYear: string) =>
    birthYear >= '2016' ? '学前教育' : birthYear >= '2009' ? '初中' : birthYear >= '2005' ? '高中' : '非在校生';
  return sizes.map((size, i) => {
    const vi = i % 13;
    const [village, vname] = TOWN_VILLAGES[vi];
    const year = 2022 + (i % 4);
    const m = 1 + (i % 9);
    const d = 1 + ((i * 7) % 28);
    const identifiedOn = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const identifiedWritten = [
      identifiedOn,
      `${year}/${m}/${d}`,
      `${year}年${m}月${d}日`,
      identifiedOn.replaceAll('-', ''),
      new Date(Date.UTC(year, m - 1, d)),
      `${year}.${m}.${d}`,
    ][i % 6];
    const income = 5200 + i * 150;
    const incomeWritten = [income, income.toLocaleString('en-US'), `${income}元`, `${income / 10000}万元`, `${income}.00`][i % 5];
    const surname = SURNAMES[i % SURNAMES.length];
    const plan = relations[i % 3];
    const members: RosterPerson[] = [];
    for (let k = 0; k < size; k++) {
      const [relation, male, birthYear] = k === 0 ? ['户主', true, String(1960 + (i % 15))] : plan[(k - 1) % plan.length];
      const idn = id(`${birthYear}0${1 + (k % 9)}1${k % 10}`, male);
      members.push({
        name: `${surname}${GIVEN[(i + k) % GIVEN.length]}${k}（化名）`,
        idNumber: idn,
        written: idWritten(idn, i + k),
        relation,
        health: health[(i + k) % health.length],
        schooling: schooling(birthYear),
        male,
      });
    }
    return {
      village,
      villageWritten: villageWritten(vname, i),
      no: `44122410920${String(i + 1).padStart(4, '0')}`,
      category: categories[i % categories.length],
      identifiedOn,
      identifiedWritten,
      income: income.toFixed(2),
      incomeWritten,
      status: statuses[i % 3],
      phone: `1376${String(5500000 + i * 37).padStart(7, '0')}`,
      merged: i % 2 === 0,
      members,
    };
  });
}

export const ROSTER_HEADERS = [
  '序号',
  '县（市、区）',
  '乡镇',
  '行政村',
  '户编号',
  '姓名',
  '证件号码',
  '与户主关系',
  '人数',
  '监测对象类别',
  '识别时间',
  '家庭年人均纯收入（元）',
  '健康状况',
  '在校生状况',
  '监测状态',
  '风险类型',
  '联系电话',
  '备注',
];
const HOUSEHOLD_COLUMNS = [3, 4, 8, 9, 10, 11, 14, 15, 16]; // 0-based: merged over a household's rows when `merged`

function rows(households: RosterHousehold[], asText: boolean): unknown[][] {
  let n = 0;
  const out: unknown[][] = [];
  for (const [i, h] of households.entries()) {
    // 风险类型 is the household's: words as the national system writes them, several in one cell
    const risks = ['因病', '因学致贫', '因病、因学', '缺劳力'][i % 4];
    h.members.forEach((p, k) => {
      const first = k === 0;
      const shown = (v: unknown) => (h.merged && !first && !asText ? null : v);
      const when = h.identifiedWritten instanceof Date && asText ? h.identifiedOn.replaceAll('-', '/') : h.identifiedWritten;
      out.push([
        ++n,
        '怀集县',
        '岗坪镇',
        shown(h.villageWritten),
        shown(h.no),
        p.name,
        p.written,
        p.relation,
        shown(h.members.length),
        shown(h.category),
        shown(when),
        shown(h.incomeWritten),
        p.health,
        p.schooling,
        shown(h.status),
        shown(risks),
        shown(h.phone),
        k === 0 && n % 5 === 0 ? '已走访' : null,
      ]);
    });
  }
  return out;
}

/** The roster as an .xlsx: a title, a 填报单位 line, the header on row 3, data from row 4, a 合计 row. */
export async function rosterXlsx(households: RosterHousehold[], edit?: (data: unknown[][]) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('监测对象信息表');
  ws.addRow(['岗坪镇防返贫监测对象信息表']);
  ws.mergeCells(1, 1, 1, ROSTER_HEADERS.length);
  ws.addRow([
    '填报单位：岗坪镇人民政府（盖章）',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    '填报日期：2025年9月30日',
  ]);
  ws.addRow(ROSTER_HEADERS);
  const data = rows(households, false);
  edit?.(data);
  for (const r of data) ws.addRow(r);
  let at = 4;
  for (const h of households) {
    if (h.merged && h.members.length > 1) for (const c of HOUSEHOLD_COLUMNS) ws.mergeCells(at, c + 1, at + h.members.length - 1, c + 1);
    at += h.members.length;
  }
  const persons = households.reduce((s, h) => s + h.members.length, 0);
  ws.addRow(['合计', null, null, `${households.length}户`, null, null, null, null, persons]);
  ws.getColumn(7).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same roster as a GB18030 CSV (what WPS saves as “CSV (逗号分隔)” on a Chinese Windows): values repeated, no merges. */
export function rosterCsv(households: RosterHousehold[]): Buffer {
  const quote = (v: unknown) => {
    const s = v == null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const persons = households.reduce((s, h) => s + h.members.length, 0);
  const lines = [
    ['岗坪镇防返贫监测对象信息表'],
    ROSTER_HEADERS,
    ...rows(households, true),
    ['合计', '', '', `${households.length}户`, '', '', '', '', persons],
  ];
  return iconv.encode(`${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`, 'gb18030');
}
