// Small shared pieces of the registry pages: enum selects, the as-of date picker, a division picker.

import { useQueries, useQuery } from '@tanstack/react-query';
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
import { useRef, useState } from 'react';
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

/** Searches pairings by either party's name (结对关系): 帮扶方 → 受帮扶方, with the programme. */
export function PairingSelect({
  id,
  value,
  onChange,
  style,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data } = useQuery({
    queryKey: ['registry', 'pairings', 'pick', q],
    queryFn: () => call(registryApi.pairings, { query: { q: q || undefined, page: 1, pageSize: 30 } }),
  });
  // the chosen pairing keeps its label while another search is shown
  const [labels, setLabels] = useState(new Map<number, string>());
  const options = (data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.helper.label} → ${p.helped.label}${p.programmeName ? `（${p.programmeName}）` : ''}`,
  }));
  if (value != null && !options.some((o) => o.value === value)) options.push({ value, label: labels.get(value) ?? `#${value}` });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={t('registry.fields.pairingSearch')}
      style={{ minWidth: 220, ...style }}
      onChange={(v) => {
        const hit = options.find((o) => o.value === v);
        if (hit) setLabels(new Map(labels).set(hit.value, hit.label));
        onChange?.(v ?? null);
      }}
      options={options}
      popupMatchSelectWidth={false}
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
 *  `level` keeps only divisions of that level (a household's 村), `inScope` only those in the user's own scope,
 *  `within` only those below that division (a project's villages inside its town). */
export function DivisionPicker({
  id,
  value,
  onChange,
  placeholder,
  style,
  level,
  inScope,
  within,
}: {
  /** given by Form.Item: links the field's label to the search input */
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  level?: DivisionLevel;
  inScope?: boolean;
  within?: string;
}) {
  const { t } = useTranslation();
  const { options, search } = useDivisionSearch(value ? [value] : [], level, inScope ? 'scope' : within);
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

/** Several divisions, searched as DivisionPicker does (a project's villages): the value is a list of codes. */
export function DivisionsPicker({
  id,
  value,
  onChange,
  placeholder,
  style,
  level,
  within,
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  level?: DivisionLevel;
  within?: string;
}) {
  const { t } = useTranslation();
  const { options, search } = useDivisionSearch(value ?? [], level, within);
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: search }}
      id={id}
      allowClear
      value={value ?? []}
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

/** The search behind the pickers: hits of the last search, plus the chosen codes by name (a value set from outside). */
function useDivisionSearch(chosen: string[], level?: DivisionLevel, within?: string) {
  const [hits, setHits] = useState<DivisionHit[]>([]);
  const [picked, setPicked] = useState(new Map<string, DivisionHit>());
  const unknown = chosen.filter((c) => !hits.some((h) => h.code === c) && !picked.has(c));
  const names = useQueries({
    queries: unknown.map((code) => ({
      queryKey: ['registry', 'division', code, undefined],
      queryFn: () => call(registryApi.division, { params: { code } }),
    })),
  });
  // typing 南口镇 searches 南, 南口, 南口镇: only the last one typed may set the hits, whatever order the answers come in
  const latest = useRef(0);
  const search = async (q: string) => {
    const asked = ++latest.current;
    if (!q.trim()) return setHits([]);
    // what was chosen from earlier searches keeps its label
    setPicked(new Map([...picked, ...hits.filter((h) => chosen.includes(h.code)).map((h) => [h.code, h] as const)]));
    const found = await call(registryApi.searchDivisions, { query: { q: q.trim(), limit: 30, level, within } });
    if (asked === latest.current) setHits(found);
  };
  const options: { value: string; label: React.ReactNode }[] = hits.map((h) => ({ value: h.code, label: divisionLabel(h) }));
  for (const code of chosen) {
    if (hits.some((h) => h.code === code)) continue;
    const known = picked.get(code);
    const named = names[unknown.indexOf(code)]?.data;
    options.push({ value: code, label: known ? divisionLabel(known) : (named?.name ?? code) });
  }
  return { options, search };
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
