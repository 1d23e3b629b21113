// Form pieces the monitoring forms share: coded options from the catalogue, a household's flags and its
// income per head with the year.
import { Checkbox, Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type T = (k: string) => string;

/** Select options of a coded value with their catalogue labels (monitoring.<ns>.<value>). */
export const opts = (t: T, ns: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`monitoring.${ns}.${v}`) }));

/** 脱贫户 / 低保 / 特困 */
export function HouseholdFlags() {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {(['isLifted', 'dibao', 'tekun'] as const).map((k) => (
        <Form.Item key={k} name={k} valuePropName="checked" noStyle>
          <Checkbox>{t(`monitoring.household.${k}`)}</Checkbox>
        </Form.Item>
      ))}
    </Space>
  );
}

/** 人均年纯收入 (元) and the year it is for: two items, so that a surrounding <Space> lays them side by side. */
export function incomeFields(t: T) {
  return [
    <Form.Item key="incomePerHead" name="incomePerHead" label={t('monitoring.household.income')}>
      <InputNumber min={0} style={{ width: 130 }} suffix={t('common.yuan')} />
    </Form.Item>,
    <Form.Item key="incomeYear" name="incomeYear" label={t('monitoring.household.incomeYear')}>
      <InputNumber min={2000} max={2100} style={{ width: 90 }} />
    </Form.Item>,
  ];
}
