// Small shared pieces of the registry pages: enum selects, the as-of date picker, a division picker.

import { useQuery } from '@tanstack/react-query';
import {
  type DivisionLevel,
  PAIRING_TYPES,
  type PairingType,
  registryApi,
  UNIT_KINDS,
  type UnitKind,
} from '@xiezuo/shared/contracts/registry';
import { DatePicker, Select, type SelectProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { type DivisionHit, useProgrammes } from './data';

export function TypeSelect(props: SelectProps<PairingType>) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      placeholder={t('registry.fields.type')}
      style={{ minWidth: 130 }}
      options={PAIRING_TYPES.map((v) => ({ value: v, label: t(`registry.pairingTypes.${v}`) }))}
      {...props}
    />
  );
}

export function UnitKindSelect(props: SelectProps<UnitKind>) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      placeholder={t('registry.fields.kind')}
      style={{ minWidth: 130 }}
      options={UNIT_KINDS.map((v) => ({ value: v, label: t(`registry.unitKinds.${v}`) }))}
      {...props}
    />
  );
}

export function ProgrammeSelect(props: SelectProps<number>) {
  const { t } = useTranslation();
  const { data } = useProgrammes();
  return (
    <Select
      allowClear
      placeholder={t('registry.fields.programme')}
      style={{ minWidth: 200 }}
      options={(data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      {...props}
    />
  );
}

export function AsOfPicker({ value, onChange }: { value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      placeholder={t('registry.fields.asOf')}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
      title={t('registry.pairings.asOfHint')}
    />
  );
}

/** Searches divisions by name (or code prefix) as you type, each hit with its path; the value is a 12-digit code.
 *  `level` keeps only divisions of that level (a household's 村), `inScope` only those in the user's own scope. */
export function DivisionPicker({
  id,
  value,
  onChange,
  placeholder,
  style,
  level,
  inScope,
}: {
  /** given by Form.Item: links the field's label to the search input */
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  level?: DivisionLevel;
  inScope?: boolean;
}) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<DivisionHit[]>([]);
  // a value set from outside (the URL) still shows its name
  const current = useQuery({
    queryKey: ['registry', 'division', value, undefined],
    enabled: !!value && !hits.some((h) => h.code === value),
    queryFn: () => call(registryApi.division, { params: { code: value! } }),
  });
  const search = async (q: string) => {
    if (!q.trim()) return setHits([]);
    const query = { q: q.trim(), limit: 30, level, within: inScope ? ('scope' as const) : undefined };
    setHits(await call(registryApi.searchDivisions, { query }));
  };
  const options: { value: string; label: React.ReactNode }[] = hits.map((h) => ({ value: h.code, label: divisionLabel(h) }));
  if (value && current.data && !hits.some((h) => h.code === value)) options.push({ value, label: current.data.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      id={id}
      allowClear
      value={value}
      placeholder={placeholder ?? t('registry.fields.division')}
      style={{ minWidth: 220, ...style }}
      onChange={(v) => onChange?.(v)}
      options={options}
      notFoundContent={null}
      popupMatchSelectWidth={false}
      virtual={false}
    />
  );
}

/** 兴义村委会 广东省/肇庆市/怀集县/岗坪镇 · 441224104201: the name first, then where it is, then its code. */
function divisionLabel(h: DivisionHit) {
  return (
    <span title={h.name}>
      {h.name}
      <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 8, whiteSpace: 'normal' }}>
        {h.path ? `${h.path.replaceAll(' / ', '/')} · ` : ''}
        {h.code}
      </span>
    </span>
  );
}
