// Picks a node of the roll-up trees: the division tree or the team tree, the top nodes of the user's scope
// and their children at first, any node of the scope by name when searched (GET /api/indicators/nodes).
import { useQuery } from '@tanstack/react-query';
import { indicatorsApi } from '@xiezuo/shared/contracts/indicators';
import { Segmented, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';

export function useNodeOptions(node: string | undefined, period: string) {
  const query = { period, node };
  return useQuery({ queryKey: ['indicators', 'dashboard', query], queryFn: () => call(indicatorsApi.dashboard, { query }) });
}

type Tree = 'division' | 'team';

export function NodeSelect({ value, onChange }: { value?: string; onChange: (node: string) => void; period?: string }) {
  const { t } = useTranslation();
  const [tree, setTree] = useState<Tree | undefined>(value ? (value.startsWith('t:') ? 'team' : 'division') : undefined);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const query = { tree, q: q || undefined, node: value };
  const { data, isFetching } = useQuery({
    queryKey: ['indicators', 'nodes', query],
    queryFn: () => call(indicatorsApi.nodes, { query }),
    placeholderData: (prev) => prev,
  });
  const shown = tree ?? (data?.opening.startsWith('t:') ? 'team' : 'division');
  const seen = new Set<string>();
  const options = [...(data?.current && !q ? [data.current] : []), ...(data?.items ?? [])]
    .filter((n) => !seen.has(n.node) && seen.add(n.node))
    .map((n) => ({
      value: n.node,
      name: n.name,
      label: (
        <span>
          {n.name}
          {n.path && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
              {n.path}
            </Typography.Text>
          )}
        </span>
      ),
    }));
  return (
    <Space.Compact data-testid="node-picker" style={{ maxWidth: '100%' }}>
      <Segmented<Tree>
        value={shown}
        onChange={(v) => {
          setTree(v);
          setSearch('');
        }}
        options={[
          { value: 'division', label: t('indicators.picker.division') },
          { value: 'team', label: t('indicators.picker.team') },
        ]}
        data-testid="node-tree"
      />
      <Select
        style={{ width: 'min(260px, calc(100vw - 210px))', minWidth: 120 }}
        value={value ?? data?.opening}
        labelRender={() => data?.current?.name ?? options.find((o) => o.value === value)?.name ?? value}
        onChange={(v) => {
          setSearch('');
          onChange(v);
        }}
        options={options}
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        placeholder={t('indicators.picker.search')}
        loading={isFetching}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { maxWidth: 'calc(100vw - 16px)' } } }}
        data-testid="node-select"
      />
    </Space.Compact>
  );
}
