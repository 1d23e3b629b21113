// A module's list page: a card with the title, the page's own buttons and the ledger's import and export
// (export with the list's filters), a row of filters, and the paged table (total shown) — the block every
// list page repeated. The state comes from usePagedQuery; the columns and filters stay the page's own.
import type { Permission } from '@xiezuo/shared/roles';
import { Card, Space, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { LedgerExportButton, LedgerImportButton } from './ledgers/LedgerButtons';
import type { LedgerFilters } from './ledgers/api';
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
  const extra =
    actions || ledger ? (
      <Space wrap>
        {actions}
        {ledger?.import && <LedgerImportButton ledgerKey={ledger.key} permission={ledger.import.permission} onCommitted={ledger.import.onCommitted} />}
        {ledger && <LedgerExportButton ledgerKey={ledger.key} filters={ledger.filters} label={ledger.exportLabel} />}
      </Space>
    ) : undefined;
  return (
    <Card title={title} extra={extra}>
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
