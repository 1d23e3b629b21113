// A module's list page: a card with the title, the page's own buttons and the ledger's import and export
// (export with the list's filters), a row of filters, and the paged table (total shown) — the block every
// list page repeated. The state comes from usePagedQuery; the columns and filters stay the page's own.
// On a phone (narrower than antd's md, 768 px) the rows are cards (the first column as the card's title,
// the others as label and value), the filters fold into one 筛选 button that opens them in a drawer, and
// the buttons go under the title so the title stays visible.
import { FilterOutlined } from '@ant-design/icons';
import type { Permission } from '@xiezuo/shared/roles';
import {
  Badge,
  Button,
  Card,
  Drawer,
  Empty,
  Grid,
  List,
  Pagination,
  Space,
  Spin,
  Table,
  type TableColumnType,
  type TableProps,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerFilters } from './ledgers/api';
import { LedgerExportButton, LedgerImportButton } from './ledgers/LedgerButtons';
import type { PagedQuery } from './usePagedQuery';

export interface ListLedger {
  /** The ledger's key, one of the module's *_LEDGERS constants. */
  key: string;
  /** The list's filters, given to the export. */
  filters?: LedgerFilters;
  /** An import button (by default for ledgers.import), refreshing the list once rows were written. */
  import?: { permission?: Permission; onCommitted?(): void };
  /** The export button's label (by default 导出 Excel). */
  exportLabel?: ReactNode;
}

export interface ListPageProps<Row> extends Omit<TableProps<Row>, 'title' | 'dataSource' | 'loading' | 'pagination'> {
  title: ReactNode;
  list: PagedQuery<Row>;
  /** The page's own buttons in the card's header (new …), before the ledger's. */
  actions?: ReactNode;
  /** The filter controls, in a row above the table. */
  filters?: ReactNode;
  ledger?: ListLedger;
  /** Dialogs the page opens. */
  children?: ReactNode;
}

export function ListPage<Row extends object>({ title, list, actions, filters, ledger, children, ...table }: ListPageProps<Row>) {
  const phone = Grid.useBreakpoint().md === false;
  const buttons =
    actions || ledger ? (
      <Space wrap>
        {actions}
        {ledger?.import && (
          <LedgerImportButton ledgerKey={ledger.key} permission={ledger.import.permission} onCommitted={ledger.import.onCommitted} />
        )}
        {ledger && <LedgerExportButton ledgerKey={ledger.key} filters={ledger.filters} label={ledger.exportLabel} />}
      </Space>
    ) : undefined;
  if (phone) {
    return (
      <Card title={title} size="small" data-testid="list-page">
        <PhoneFilters buttons={buttons} filters={filters} active={ledger?.filters} />
        <RowCards list={list} columns={table.columns} rowKey={table.rowKey} />
        {children}
      </Card>
    );
  }
  return (
    <Card title={title} extra={buttons} data-testid="list-page">
      {filters && (
        <Space wrap style={{ marginBottom: 12 }}>
          {filters}
        </Space>
      )}
      <Table<Row> rowKey="id" size="small" {...table} loading={list.isLoading} dataSource={list.items} pagination={list.pagination} />
      {children}
    </Card>
  );
}

/** The page's buttons and one 筛选 button (with the number of filters set) that opens the filters in a drawer. */
function PhoneFilters({ buttons, filters, active }: { buttons?: ReactNode; filters?: ReactNode; active?: LedgerFilters }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const set = Object.values(active ?? {}).filter((v) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0)).length;
  if (!buttons && !filters) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {filters && (
        <Badge count={set} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="list-filters">
            {t('shell.filters')}
          </Button>
        </Badge>
      )}
      {buttons}
      {filters && (
        <Drawer
          placement="bottom"
          open={open}
          onClose={() => setOpen(false)}
          title={t('shell.filters')}
          styles={{ body: { paddingBottom: 24 } }}
        >
          <div className="xz-phone-filters" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            {filters}
          </div>
          <Button type="primary" block style={{ marginTop: 16 }} onClick={() => setOpen(false)}>
            {t('common.confirm')}
          </Button>
        </Drawer>
      )}
    </Space>
  );
}

type Column<Row> = TableColumnType<Row> & { children?: unknown };

/** A cell's content as the table would show it: the column's render, else the value at its dataIndex. */
function cellOf<Row>(c: Column<Row>, row: Row, index: number): ReactNode {
  const path = c.dataIndex == null ? [] : ([] as (string | number)[]).concat(c.dataIndex as never);
  const value = path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string | number, unknown>)[k]), row);
  const shown = c.render ? c.render(value, row, index) : value;
  if (shown != null && typeof shown === 'object' && !('$$typeof' in (shown as object)) && 'children' in (shown as object))
    return (shown as { children: ReactNode }).children;
  return (shown as ReactNode) ?? '—';
}

/** The rows as cards: the first column is the card's title, the others label and value; a column without a title (buttons) goes last. */
function RowCards<Row extends object>({
  list,
  columns = [],
  rowKey,
}: {
  list: PagedQuery<Row>;
  columns?: TableProps<Row>['columns'];
  rowKey?: TableProps<Row>['rowKey'];
}) {
  const cols = (columns as Column<Row>[]).filter((c) => !c.children && !c.hidden);
  const keyOf = (row: Row, i: number) =>
    typeof rowKey === 'function' ? rowKey(row) : String((row as Record<string, unknown>)[(rowKey as string) ?? 'id'] ?? i);
  const { t } = useTranslation();
  if (list.isLoading) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  const items = list.items;
  if (!items?.length) return <Empty />;
  const [head, ...rest] = cols;
  const labelled = rest.filter((c) => c.title);
  const bare = rest.filter((c) => !c.title);
  return (
    <>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }} data-testid="list-total">
        {t('common.total', { count: list.total ?? items.length })}
      </Typography.Text>
      <List
        dataSource={items}
        rowKey={(row) => keyOf(row, items.indexOf(row))}
        split={false}
        renderItem={(row, i) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="list-card">
            {head && (
              <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                {cellOf(head, row, i)}
              </Typography.Text>
            )}
            {labelled.map((c, n) => (
              <div key={String(c.key ?? c.dataIndex ?? n)} style={{ display: 'flex', gap: 8, fontSize: 13, lineHeight: '22px' }}>
                <Typography.Text type="secondary" style={{ flex: '0 0 84px' }}>
                  {typeof c.title === 'function' ? null : (c.title as ReactNode)}
                </Typography.Text>
                <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{cellOf(c, row, i)}</div>
              </div>
            ))}
            {bare.map((c, n) => (
              <div key={String(c.key ?? n)} style={{ marginTop: 6 }}>
                {cellOf(c, row, i)}
              </div>
            ))}
          </Card>
        )}
      />
      <Pagination simple size="small" style={{ marginTop: 8, justifyContent: 'center' }} {...list.pagination} showTotal={undefined} />
    </>
  );
}

/** A list's 编辑 column: opens the row's form (the button names the row for screen readers). */
export function editColumn<R>(
  t: (k: string) => string,
  onEdit: (r: R) => void,
  label: (r: R) => string = (r) => (r as { name?: string }).name ?? '',
) {
  return {
    title: '',
    width: 80,
    render: (_: unknown, r: R) => (
      <Button type="link" size="small" aria-label={`${t('common.edit')} ${label(r)}`} onClick={() => onEdit(r)}>
        {t('common.edit')}
      </Button>
    ),
  };
}
