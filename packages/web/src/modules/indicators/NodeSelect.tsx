// Picks a node of the roll-up trees: the user's opening node, its path and its children (from the dashboard).
import { useQuery } from '@tanstack/react-query';
import { indicatorsApi } from '@xiezuo/shared/contracts/indicators';
import { Select } from 'antd';
import { call } from '../../app/api';

export function useNodeOptions(node: string | undefined, period: string) {
  const query = { period, node };
  return useQuery({ queryKey: ['indicators', 'dashboard', query], queryFn: () => call(indicatorsApi.dashboard, { query }) });
}

export function NodeSelect({ value, onChange, period }: { value?: string; onChange: (node: string) => void; period: string }) {
  const { data } = useNodeOptions(value, period);
  const seen = new Set<string>();
  const options = [...(data?.breadcrumbs ?? []), ...(data ? [data.node] : []), ...(data?.children ?? [])]
    .filter((n) => !seen.has(n.node) && seen.add(n.node))
    .map((n) => ({ value: n.node, label: n.name }));
  return <Select style={{ minWidth: 220 }} value={value ?? data?.node.node} onChange={onChange} options={options} showSearch optionFilterProp="label" data-testid="node-select" />;
}
