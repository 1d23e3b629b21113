// What the agreement pages and the dashboards' panel share: a side's signature and a target's figures as people read them.
import { isInDivisionSubtree } from '@xiezuo/shared/codes/division';
import { type AgreementRow, type AgreementTargetRow, SIDES } from '@xiezuo/shared/contracts/assessment';
import { withUnit } from '@xiezuo/shared/format';
import { Col, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useAuth } from '../../app/auth';
import { formatAmount, formatDate, formatPercent } from '../../app/format';

export type Side = (typeof SIDES)[number];
type Agreement = z.infer<typeof AgreementRow>;
type Target = z.infer<typeof AgreementTargetRow>;

/** Progress as a bar's percent (capped at 100; the text beside it says the real share). */
export const percent = (p: number | null) => (p == null ? 0 : Math.round(Math.min(1, p) * 100));

/** A target's or actual value: money as 万元/亿元, anything else with its unit (—  when unknown). */
export const showTarget = (t: Pick<Target, 'money' | 'unit'>, v: number | null) =>
  v == null ? '—' : t.money ? formatAmount(v) : withUnit(v.toLocaleString('zh-CN'), t.unit);

export function Signature({ a, side }: { a: Agreement; side: Side }) {
  const { t } = useTranslation();
  const s = side === 'helper' ? a.helperSigned : a.helpedSigned;
  const sideName = t(`assessment.sides.${side}`);
  // a signature is a sentence (date, signer, role): it wraps rather than pushing a phone page sideways
  const wrap = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;
  return s ? (
    <Tag color="green" style={wrap}>
      {t('assessment.agreement.signed', { side: sideName, date: formatDate(s.signedOn), signer: s.signer, role: t(`roles.${s.role}`) })}
    </Tag>
  ) : (
    <Tag color="orange" style={wrap}>
      {t('assessment.agreement.unsigned', { side: sideName })}
    </Tag>
  );
}

/** The sides of a pairing (helper's and helped's division codes) the user's scope covers: those it may sign for. */
export function useOwnSides(): (helper?: string, helped?: string) => Side[] {
  const { me } = useAuth();
  const covers = (code?: string) => !!me && !!code && (me.scope.all || me.scope.divisions.some((d) => isInDivisionSubtree(code, d.code)));
  return (helper, helped) => SIDES.filter((s) => covers(s === 'helper' ? helper : helped));
}

/** Each target as a bar (its live figure against it), in columns on a wide screen: the dashboards' panel, and a phone's agreement page. */
export function TargetProgress({ targets }: { targets: Target[] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 8]}>
      {targets.map((x) => (
        <Col key={x.id} xs={24} md={12} lg={8}>
          <Typography.Text style={{ fontSize: 13 }}>
            {x.indicatorName}
            {x.divisionName ? ` · ${x.divisionName}` : ''}
          </Typography.Text>
          <Progress
            percent={percent(x.progress)}
            size="small"
            format={() => formatPercent(x.progress)}
            status={x.progress != null && x.progress >= 1 ? 'success' : 'normal'}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.panel.figures', { actual: showTarget(x, x.actual), target: showTarget(x, x.target) })}
          </Typography.Text>
        </Col>
      ))}
    </Row>
  );
}
