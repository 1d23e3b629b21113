import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../codes/idNumber';
import { parseAmount, yuanIn } from './amount';
import { parseCell, sameValue } from './cell';
import { excelSerialToIso, isoToExcelSerial, parseDate } from './date';
import { neutraliseFormula } from './formula';
import { headerKey, headerUnit, isNotDataLabel } from './text';

const fullWidth = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const cents = fc.bigInt({ min: 0n, max: 10n ** 15n }); // up to 10 trillion 元, in fen

/** Fen as a decimal string of 元: 12345n → "123.45". */
const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

describe('amounts', () => {
  it('reads the figures of the seed reports', () => {
    expect(parseAmount('1.6775亿元')).toEqual({ ok: true, value: '167750000.00' });
    expect(parseAmount('55万元')).toEqual({ ok: true, value: '550000.00' });
    expect(parseAmount('1,234.5元')).toEqual({ ok: true, value: '1234.50' });
    expect(parseAmount('8.67万')).toEqual({ ok: true, value: '86700.00' });
    expect(parseAmount('５５万元')).toEqual({ ok: true, value: '550000.00' });
    expect(parseAmount('￥1,000')).toEqual({ ok: true, value: '1000.00' });
    expect(parseAmount('55', '万元')).toEqual({ ok: true, value: '550000.00' });
    expect(parseAmount(1.78, '万元')).toEqual({ ok: true, value: '17800.00' });
    expect(parseAmount('1.2345元').ok).toBe(false);
    expect(parseAmount('五十万').ok).toBe(false);
    expect(parseAmount('12a').ok).toBe(false);
  });

  it('is exact for any amount in 元, with or without thousands separators, as text or number', () => {
    fc.assert(
      fc.property(cents, fc.boolean(), (fen, commas) => {
        const s = yuan(fen);
        const written = commas && fen < 10n ** 14n ? Number(s).toLocaleString('en-US', { minimumFractionDigits: 2 }) : s;
        expect(parseAmount(`${written}元`)).toEqual({ ok: true, value: s });
        if (fen < 10n ** 13n) expect(parseAmount(Number(s))).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('converts 万元 and 亿元 to 元 exactly (unit conversion), also with full-width digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.constantFrom(['万元', 4], ['亿元', 8]), (units, [unit, places]) => {
        // a value in 万元/亿元 with up to `places` decimals is a whole number of 元
        const text = `${units / 10n ** BigInt(places)}.${String(units % 10n ** BigInt(places)).padStart(places as number, '0')}`;
        const expected = `${units}.00`;
        expect(parseAmount(`${text}${unit}`)).toEqual({ ok: true, value: expected });
        expect(parseAmount(fullWidth(text) + unit)).toEqual({ ok: true, value: expected });
        expect(parseAmount(text, unit as '万元')).toEqual({ ok: true, value: expected });
        expect(yuanIn(expected, unit as '万元')).toBeCloseTo(Number(text), 6);
      }),
    );
  });

  it('rounds a number cell to the fen shown in Excel (=10000/3), but not typed text with more decimals', () => {
    expect(parseAmount(10000 / 3)).toEqual({ ok: true, value: '3333.33' });
    expect(parseAmount(20000 / 3)).toEqual({ ok: true, value: '6666.67' });
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: true, value: '0.30' });
    expect(parseAmount(2.675)).toEqual({ ok: true, value: '2.68' }); // the double is 2.67499…; Excel shows 2.68
    expect(parseAmount(-2.675)).toEqual({ ok: true, value: '-2.68' }); // half away from zero
    expect(parseAmount(-0.004)).toEqual({ ok: true, value: '0.00' });
    expect(parseAmount(0.999)).toEqual({ ok: true, value: '1.00' });
    expect(parseAmount(1.2345678, '万元')).toEqual({ ok: true, value: '12345.68' });
    expect(parseAmount(1e16)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseAmount('3333.333')).toEqual({ ok: false, problem: 'precision' });
    expect(parseCell({ type: 'amount' }, 10000 / 3)).toEqual({ ok: true, value: '3333.33' });
    expect(parseCell({ type: 'amount' }, '3333.333')).toEqual({ ok: false, key: 'ledgers.value.amount.precision' });
    expect(parseCell({ type: 'decimal' }, 10000 / 3)).toEqual({ ok: true, value: 10000 / 3 }); // no declared precision: as is
  });

  it('neutralises formula-like text for a spreadsheet and reads it back as written', () => {
    for (const s of ['=1+1', '+86', '-x', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
      expect(parseCell({ type: 'text', maxLength: 50 }, neutraliseFormula(s))).toEqual({ ok: true, value: s.trim() });
    }
    expect(neutraliseFormula('张三')).toBe('张三');
    expect(neutraliseFormula(-5)).toBe(-5); // numbers stay numbers
    expect(parseCell({ type: 'text' }, "'张三")).toEqual({ ok: true, value: "'张三" }); // a ' the writer meant stays
  });

  it('refuses a text cell holding NUL or another invisible control character (PostgreSQL refuses NUL in text)', () => {
    expect(parseCell({ type: 'text' }, '张\u0000三')).toEqual({ ok: false, key: 'ledgers.value.controlCharacter' });
    expect(parseCell({ type: 'text' }, '张三\u001b')).toEqual({ ok: false, key: 'ledgers.value.controlCharacter' });
    expect(parseCell({ type: 'text' }, '第一行\n第二行\t备注')).toEqual({ ok: true, value: '第一行\n第二行\t备注' });
  });

  it('reads any number cell as the nearest fen, stable on re-reading', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (n) => {
        const r = parseAmount(n);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toMatch(/^-?\d+\.\d{2}$/);
        expect(Math.abs(Number(r.value) - n)).toBeLessThanOrEqual(0.005 + Math.abs(n) * 1e-14);
        expect(parseAmount(Number(r.value))).toEqual(r);
        expect(parseAmount(r.value)).toEqual(r);
      }),
    );
  });

  it('never accepts text that is not a number', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseAmount(s);
        if (r.ok) expect(r.value).toMatch(/^-?\d+\.\d{2}$/);
        if (!/\d/.test(s.normalize('NFKC'))) expect(r.ok).toBe(false);
      }),
    );
  });
});

describe('dates', () => {
  it('reads every way a date is written', () => {
    for (const s of ['2025-03-01', '2025/3/1', '2025.3.1', '2025年3月1日', '2025 年 3 月 1 日', '20250301', '２０２５-０３-０１', 45717]) {
      expect(parseDate(s)).toEqual({ ok: true, value: '2025-03-01' });
    }
    expect(parseDate(new Date(Date.UTC(2025, 2, 1)))).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('2025-02-29')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseDate('3/1/2025').ok).toBe(false);
    expect(parseDate('明天').ok).toBe(false);
  });

  it('reads a date-time as its day, the time ignored', () => {
    expect(parseDate('1980/1/1 0:00')).toEqual({ ok: true, value: '1980-01-01' });
    expect(parseDate('1990-02-15 00:00:00')).toEqual({ ok: true, value: '1990-02-15' });
    expect(parseDate('2025-03-01T00:00:00')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('2025-03-01 23:59:59.999')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('2025年3月1日 10:30')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('2025年3月1日10:30')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('２０２５/３/１　１０：３０')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate(45717.5)).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate(45717.999)).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('45717.5')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate(new Date(Date.UTC(2025, 2, 1, 10, 30)))).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseCell({ type: 'date' }, '1990-02-15 00:00:00')).toEqual({ ok: true, value: '1990-02-15' });
    // not a time: the day stays unreadable rather than guessed
    expect(parseDate('2025-03-01 25:00').ok).toBe(false);
    expect(parseDate('2025-03-01 10').ok).toBe(false);
    expect(parseDate('2025-02-30 10:30')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('takes a bare year for what it is, not for an Excel serial in 1905', () => {
    for (const y of [1980, '1980', '2025', 2025, '2025年', '２０２５年', ' 2025 ', 1900, 2100]) {
      expect(parseDate(y)).toEqual({ ok: false, problem: 'yearOnly' });
    }
    expect(parseCell({ type: 'date' }, 1980)).toEqual({ ok: false, key: 'ledgers.value.date.yearOnly' });
    expect(parseDate(45717)).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate(1899)).toEqual({ ok: true, value: '1905-03-13' }); // a (strange) serial still
    expect(parseDate(20250301)).toEqual({ ok: true, value: '2025-03-01' }); // 8 digits typed into a number cell
  });

  it("handles Excel's 1900 leap-year bug: serial 61 is 1900-03-01; earlier serials and days are out of range", () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(isoToExcelSerial('2100-01-01')).toBe(73051);
    expect(parseDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    for (const n of [0, 1, 59, 60, 60.5, -1]) expect(parseDate(n)).toEqual({ ok: false, problem: 'range' });
    expect(parseDate('1900-02-28')).toEqual({ ok: false, problem: 'range' });
    expect(parseDate('1900-01-01')).toEqual({ ok: false, problem: 'range' });
    expect(parseDate('2199-12-31')).toEqual({ ok: true, value: '2199-12-31' });
    expect(parseDate(isoToExcelSerial('2199-12-31'))).toEqual({ ok: true, value: '2199-12-31' });
    expect(parseDate(isoToExcelSerial('2199-12-31') + 1)).toEqual({ ok: false, problem: 'range' });
  });

  it('round-trips any day between 1900-03-01 and 2199 through every written form and the Excel serial', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 2, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = d.toISOString().slice(0, 10);
        for (const s of [iso, `${y}/${m}/${dd}`, `${y}.${m}.${dd}`, `${y}年${m}月${dd}日`])
          expect(parseDate(s)).toEqual({ ok: true, value: iso });
        expect(excelSerialToIso(isoToExcelSerial(iso))).toBe(iso);
        // a bare number 1900–2199 is read as a year (yearOnly), so serials up to 2199 (days before 1906) are not dates
        if (isoToExcelSerial(iso) > 2199) {
          expect(parseDate(isoToExcelSerial(iso))).toEqual({ ok: true, value: iso });
          expect(parseDate(isoToExcelSerial(iso) + 0.75)).toEqual({ ok: true, value: iso }); // a date-time cell
        }
        for (const t of [' 0:00', ' 00:00:00', 'T08:30:00', ' 23:59']) expect(parseDate(iso + t)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${y}年${m}月${dd}日 10:30`)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('ID numbers', () => {
  const idArb = fc
    .tuple(
      fc.integer({ min: 110000, max: 659999 }),
      fc.integer({ min: Date.UTC(1920, 0, 1) / 86_400_000, max: Date.UTC(2020, 0, 1) / 86_400_000 }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([area, day, seq]) => {
      const d = new Date(day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      const first17 = `${area}${d}${String(seq).padStart(3, '0')}`;
      return first17 + idNumberCheckChar(first17);
    });

  it('accepts a valid number however it is written: lower-case x, apostrophe, full-width, blanks', () => {
    fc.assert(
      fc.property(idArb, fc.constantFrom('plain', 'lower', 'apostrophe', 'fullwidth', 'spaces'), (id, how) => {
        const written =
          how === 'lower'
            ? id.toLowerCase()
            : how === 'apostrophe'
              ? `'${id}`
              : how === 'fullwidth'
                ? fullWidth(id)
                : how === 'spaces'
                  ? ` ${id.slice(0, 6)} ${id.slice(6)} `
                  : id;
        expect(parseCell({ type: 'idNumber' }, written)).toEqual({ ok: true, value: id });
      }),
    );
  });

  // what copying from WeChat, web pages and Word leaves in a cell; the IME's apostrophes are typed to keep the digits text
  const marks = fc.constantFrom("'", '’', '‘', '＇', '`', '');
  const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\ufeff', '\u00a0', '\u3000', ' ', '');

  it('accepts a valid number with an IME apostrophe, zero-width characters and non-breaking or ideographic spaces anywhere', () => {
    fc.assert(
      fc.property(idArb, marks, fc.array(fc.tuple(fc.nat(18), invisible), { maxLength: 4 }), invisible, (id, mark, inside, around) => {
        let written = id.replace(/X$/, (x) => (inside.length % 2 ? x.toLowerCase() : x));
        for (const [at, c] of [...inside].sort((a, b) => b[0] - a[0])) written = written.slice(0, at) + c + written.slice(at);
        written = `${around}${mark}${around}${written}${around}`;
        expect(parseCell({ type: 'idNumber' }, written)).toEqual({ ok: true, value: id });
      }),
    );
  });

  it('cleans other codes the same way', () => {
    expect(parseCell({ type: 'idNumber' }, '’11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(parseCell({ type: 'idNumber' }, '\ufeff‘110105\u200b19491231\u00a0002X\u3000')).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(parseCell({ type: 'creditCode' }, '’91350100M000100Y43\u200b')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCell({ type: 'creditCode' }, '`91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCell({ type: 'divisionCode' }, '＇4414\u200b26')).toEqual({ ok: true, value: '441426000000' });
    expect(parseCell({ type: 'divisionCode' }, '‘441426001001\u00a0')).toEqual({ ok: true, value: '441426001001' });
    expect(parseCell({ type: 'phone' }, '’138\u00a00013\u200b8000')).toEqual({ ok: true, value: '13800138000' });
    expect(parseCell({ type: 'phone' }, '+86 138 0013 8000')).toEqual({ ok: true, value: '13800138000' });
    expect(parseCell({ type: 'phone' }, 8613800138000)).toEqual({ ok: true, value: '13800138000' });
    expect(parseCell({ type: 'phone' }, '0771-1234567')).toEqual({ ok: true, value: '07711234567' });
    expect(parseCell({ type: 'phone' }, '86123456')).toEqual({ ok: true, value: '86123456' }); // a local number, not +86
    expect(parseCell({ type: 'idNumber', required: true }, '\u200b\ufeff')).toEqual({ ok: false, key: 'ledgers.value.required' });
  });

  it('rejects any single wrong check character', () => {
    fc.assert(
      fc.property(idArb, fc.constantFrom(...'0123456789X'), (id, c) => {
        fc.pre(c !== id[17]);
        expect(parseCell({ type: 'idNumber' }, id.slice(0, 17) + c)).toEqual({ ok: false, key: 'ledgers.value.idNumber.checkDigit' });
      }),
    );
  });
});

describe('cells and headers', () => {
  it('normalises headers with stray spaces, full-width characters, required marks and units', () => {
    expect(headerKey(' 身份证 号码 ')).toBe('身份证号码');
    expect(headerKey('*姓名')).toBe('姓名');
    expect(headerKey('金额（万元）')).toBe('金额');
    expect(headerUnit('金额（万元）')).toBe('万元');
    expect(headerKey('ＩＤ　number')).toBe('idnumber');
    expect(isNotDataLabel('合 计')).toBe(true);
    expect(isNotDataLabel('总计：')).toBe(true);
    expect(isNotDataLabel('合作社')).toBe(false);
  });

  it('recognises totals and footer rows, which are not records', () => {
    for (const s of [
      '合计',
      '全村合计',
      '本页合计',
      '合计（户）',
      '合计(户)',
      '合 计',
      '合　计',
      '总计',
      '小计',
      '累计',
      '共计',
      '本年累计',
      '全乡总计',
      '合计：',
      '合计：35户',
      'Total',
    ]) {
      expect(isNotDataLabel(s), s).toBe(true);
    }
    const footers = [
      '填表人：张三',
      '填报人:李四',
      '审核人：',
      '负责人： 王五',
      '制表人：赵六',
      '填表日期：2025年3月1日',
      '联系电话：13800138000',
      '填表人（签字）：',
      '填 表 人：张三　　审核人：李四',
    ];
    for (const s of footers) expect(isNotDataLabel(s), s).toBe(true);
    // a label is a footer only when a colon follows it; a record's first cell never starts that way
    for (const s of [
      '填表',
      '填表人',
      '张三',
      '合作社',
      '合计收入项目',
      '村集体经济合计收入',
      '负责人张三',
      '2025年3月1日',
      '联系电话',
      '备注',
      '审核人员名单：',
    ]) {
      expect(isNotDataLabel(s), s).toBe(false);
    }
    expect(isNotDataLabel('填表人：张三')).toBe(true);
  });

  it('reads numbers stored as text, enums by label or value, yes/no, division codes written short', () => {
    expect(parseCell({ type: 'integer' }, ' 1,234 ')).toEqual({ ok: true, value: 1234 });
    expect(parseCell({ type: 'integer' }, '１２')).toEqual({ ok: true, value: 12 });
    expect(parseCell({ type: 'integer' }, '1.5')).toEqual({ ok: false, key: 'ledgers.value.integer' });
    const opts = [{ value: 'head', label: '户主' }];
    expect(parseCell({ type: 'enum', options: opts }, '户主')).toEqual({ ok: true, value: 'head' });
    expect(parseCell({ type: 'enum', options: opts }, 'head')).toEqual({ ok: true, value: 'head' });
    expect(parseCell({ type: 'enum', options: opts }, '儿子')).toMatchObject({ ok: false, params: { options: '户主' } });
    expect(parseCell({ type: 'boolean' }, '是')).toEqual({ ok: true, value: true });
    expect(parseCell({ type: 'divisionCode' }, 441426)).toEqual({ ok: true, value: '441426000000' });
    expect(parseCell({ type: 'phone' }, '138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
    expect(parseCell({ type: 'text', required: true }, '  ')).toEqual({ ok: false, key: 'ledgers.value.required' });
  });

  it('stores free text as written (trimmed only); full-width forms are folded for numbers, codes, enums and headers', () => {
    expect(parseCell({ type: 'text' }, ' 广东省（XX）公司　')).toEqual({ ok: true, value: '广东省（XX）公司' });
    expect(parseCell({ type: 'text' }, '张　三  李四')).toEqual({ ok: true, value: '张　三  李四' });
    expect(parseCell({ type: 'text', required: true }, '\u3000')).toEqual({ ok: false, key: 'ledgers.value.required' });
    expect(parseCell({ type: 'integer' }, '２０２５')).toEqual({ ok: true, value: 2025 });
    expect(parseCell({ type: 'divisionCode' }, '４４１４２６')).toEqual({ ok: true, value: '441426000000' });
    const opts = [{ value: 'village_committee', label: '村（居）委会' }];
    expect(parseCell({ type: 'enum', options: opts }, '村（居）委会')).toEqual({ ok: true, value: 'village_committee' });
    expect(parseCell({ type: 'enum', options: opts }, '村(居)委会')).toEqual({ ok: true, value: 'village_committee' });
    expect(headerKey('姓名（全称）')).toBe(headerKey('姓名(全称)'));
  });

  it('compares stored and parsed values exactly', () => {
    expect(sameValue('12.50', '12.5')).toBe(true);
    expect(sameValue('12345678901234567.01', '12345678901234567.02')).toBe(false);
    expect(sameValue(2025, '2025')).toBe(true);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(null, '0')).toBe(false);
  });
});
