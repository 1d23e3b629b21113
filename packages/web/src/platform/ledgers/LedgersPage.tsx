// 台账导入导出: every ledger the user may use, with its template, import and export in one place.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadTemplate, ledgerList } from './api';
import { LedgerExportButton, LedgerImportButton } from './LedgerButtons';

export function LedgersPage() {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = useQuery({ queryKey: ['ledgers'], queryFn: ledgerList });
  const en = i18n.language === 'en';
  return (
    <Card title={t('ledgers.title')}>
      <Table
        rowKey="key"
        loading={isLoading}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: t('common.name'), render: (_, l) => (en ? l.titleEn : l.title) },
          {
            title: t('ledgers.page.columns'),
            responsive: ['md'],
            render: (_, l) => (
              <Space size={[4, 4]} wrap>
                {l.columns.map((c) => (
                  <Tag key={c.key} color={c.required ? 'red' : undefined}>
                    {en ? c.headerEn : c.header}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, l) => (
              <Space wrap>
                <Button onClick={() => downloadTemplate(l.key)}>{t('ledgers.dialog.template')}</Button>
                {l.canImport && (
                  <LedgerImportButton ledgerKey={l.key} title={`${t('ledgers.dialog.import')} · ${en ? l.titleEn : l.title}`} />
                )}
                {l.canExport && <LedgerExportButton ledgerKey={l.key} />}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
