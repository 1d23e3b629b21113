// Ledger (台账) import/export in the web: the page listing every ledger, and the dialog and buttons
// other modules' list pages reuse:
//   <LedgerImportButton ledgerKey={TEAMS_LEDGERS.cadres} onCommitted={refetch} />
//   <LedgerExportButton ledgerKey={TEAMS_LEDGERS.cadres} filters={currentFilters} />
// (list pages get both through platform/ListPage: `ledger={{ key, filters }}`)
import { FileExcelOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

export { LedgerExportButton, LedgerImportButton } from './LedgerButtons';
export { LedgerImportDialog } from './LedgerImportDialog';

export const ledgersModule: WebModule = {
  key: 'ledgers',
  menu: [{ path: '/ledgers', labelKey: 'ledgers.title', icon: <FileExcelOutlined />, permission: 'ledgers.import' }],
  routes: [{ path: '/ledgers', element: lazyPage(() => import('./LedgersPage'), 'LedgersPage') }],
};
