// The funds chapter of the work report, from the dashboard's figures: the seed's sentences come out, a
// period with no money or projects says nothing.
import { formatAmount } from '@xiezuo/shared/format';
import { describe, expect, it } from 'vitest';
import type { ReportFigures } from '../../platform/reports';
import { fundsReport } from './report';

type Fig = NonNullable<ReturnType<ReportFigures['fig']>>;

function figures(values: Record<string, number>, name = '中山市'): ReportFigures {
  return {
    fig: (code, b = '') => {
      const v = values[b ? `${code}/${b}` : code];
      return v === undefined ? undefined : ({ code, breakdown: b, name: code, value: v, lastYear: null } as unknown as Fig);
    },
    has: (f): f is Fig => !!f && !!f.value,
    num: (v) => (v == null ? '—' : v.toLocaleString('en-US')),
    money: (v) => formatAmount(v ?? 0),
    yoy: () => '',
    open: '2026年',
    name,
  };
}

describe('funds report chapter', () => {
  it('says what was allocated, started and disbursed, with the rate and 其中脱贫人口', () => {
    expect(fundsReport.sentences(figures({ 'funds.fiscalSent': 167_750_000 }))).toEqual(['2026年，中山市拨付财政援助资金1.6775亿元。']);
    const nk = fundsReport.sentences(
      figures(
        {
          'funds.received': 550_000,
          'funds.received/social': 550_000,
          'funds.fiscalReceived': 0,
          'funds.started': 10,
          'funds.committed': 550_000,
          'funds.disbursed': 509_500,
          'funds.disbursementRate': 509_500 / 550_000,
          'funds.beneficiaries': 8,
          'funds.beneficiaries/tuopin': 5,
        },
        '南口镇',
      ),
    );
    expect(nk).toEqual([
      '2026年，南口镇筹集社会帮扶资金55万元。',
      '2026年新开工协作项目10个，下达项目资金55万元，拨付50.95万元，资金拨付率92.6%。',
      '项目惠及群众8人（其中脱贫人口5人）。',
    ]);
    expect(fundsReport.sentences(figures({}))).toEqual([]);
  });
});
