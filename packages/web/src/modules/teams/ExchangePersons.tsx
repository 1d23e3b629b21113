// The named persons of one exchange record (人才交流人员), in a drawer: one row per trip, ID numbers masked with an
// audited reveal for roles that may see them, each stay against the kind's minimum; add, edit and delete for writers.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { teamsApi } from '@xiezuo/shared/contracts/teams';
import { Alert, Button, Drawer, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import type { ExchangePersonRow, ExchangeRow } from './data';
import { ExchangePersonForm } from './forms';

export function ExchangePersons({ exchange, onClose }: { exchange?: ExchangeRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ExchangePersonRow>();
  const [revealed, setRevealed] = useState<{ name: string; idNumber: string } | null>(null);
  const persons = useQuery({
    queryKey: ['teams', 'exchange-persons', exchange?.id],
    enabled: !!exchange,
    queryFn: () => call(teamsApi.exchangePersons, { params: { id: exchange!.id } }),
  });
  const saved = () => {
    setAdding(false);
    setEditing(undefined);
    void client.invalidateQueries({ queryKey: ['teams'] });
  };
  const reveal = async (p: ExchangePersonRow) =>
    setRevealed({ name: p.name, idNumber: (await call(teamsApi.revealExchangePerson, { params: { id: p.id } })).idNumber });
  const remove = async (p: ExchangePersonRow) => {
    await call(teamsApi.deleteExchangePerson, { params: { id: p.id } });
    saved();
  };
  const what = exchange
    ? `${t(`teams.exchangeKinds.${exchange.kind}`)} ${exchange.fromDivisionName ?? exchange.fromDivisionCode} → ${exchange.toDivisionName ?? exchange.toDivisionCode}`
    : '';
  const writer = can('registry.write');
  return (
    <Drawer open={!!exchange} onClose={onClose} title={t('teams.exchanges.personsOf', { what })} width="min(960px, 100vw)">
      {exchange && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={exchange.namedTrips ? 'blue' : 'default'}>
              {t('teams.exchanges.named', { trips: exchange.namedTrips, persons: exchange.namedPersons })}
            </Tag>
            <Tag>{t('teams.exchanges.typed', { n: exchange.personTimes })}</Tag>
            {writer && exchange.kind !== 'training' && (
              <Button type="primary" size="small" onClick={() => setAdding(true)}>
                {t('teams.exchanges.addPerson')}
              </Button>
            )}
          </Space>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('teams.exchanges.countedHint')} />
          <Table<ExchangePersonRow>
            rowKey="id"
            size="small"
            loading={persons.isLoading}
            dataSource={persons.data?.items}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('teams.exchanges.noPersons') }}
            columns={[
              { title: t('teams.fields.personName'), dataIndex: 'name', fixed: 'left', width: 120 },
              { title: t('teams.fields.gender'), width: 60, render: (_, p) => t(`teams.genders.${p.gender}`) },
              {
                title: t('teams.fields.idNumber'),
                width: 230,
                render: (_, p) => (
                  <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                    <Typography.Text code>{p.idNumberMasked}</Typography.Text>
                    {can('sensitive.reveal') && (
                      <Button size="small" type="link" onClick={() => reveal(p)}>
                        {t('teams.cadres.reveal')}
                      </Button>
                    )}
                  </Space>
                ),
              },
              { title: t('teams.exchanges.field'), render: (_, p) => (p.field ? t(`teams.professionalFields.${p.field}`) : '—') },
              { title: t('teams.exchanges.workUnit'), render: (_, p) => p.unit ?? '—' },
              { title: t('teams.exchanges.toPlace'), render: (_, p) => p.toDivisionName ?? p.toDivisionCode },
              { title: t('teams.exchanges.arrival'), render: (_, p) => formatDate(p.arrivalDate) },
              { title: t('teams.exchanges.departure'), render: (_, p) => formatDate(p.departureDate) },
              {
                title: t('teams.exchanges.stay'),
                render: (_, p) => (
                  <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                    {t('teams.exchanges.stayDays', { n: p.stayDays })}
                    {p.meetsMinStay ? (
                      <Tag color="green">{t('teams.exchanges.meets')}</Tag>
                    ) : (
                      <Tag color="orange">{t('teams.exchanges.short', { min: p.minStayDays })}</Tag>
                    )}
                  </Space>
                ),
              },
              { title: t('teams.exchanges.trips'), width: 80, align: 'right', dataIndex: 'trips' },
              ...(writer
                ? [
                    {
                      title: '',
                      key: 'edit',
                      width: 120,
                      fixed: 'right' as const,
                      render: (_: unknown, p: ExchangePersonRow) => (
                        <Space size={0}>
                          <Button size="small" type="link" onClick={() => setEditing(p)}>
                            {t('common.edit')}
                          </Button>
                          <Popconfirm title={t('teams.exchanges.removeConfirm')} onConfirm={() => remove(p)}>
                            <Button size="small" type="link" danger>
                              {t('teams.exchanges.remove')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <ExchangePersonForm exchange={exchange} open={adding} onClose={() => setAdding(false)} onSaved={saved} />
          <ExchangePersonForm exchange={exchange} person={editing} open={!!editing} onClose={() => setEditing(undefined)} onSaved={saved} />
          <Modal
            open={!!revealed}
            title={`${t('teams.cadres.revealTitle')} · ${revealed?.name ?? ''}`}
            onCancel={() => setRevealed(null)}
            footer={null}
          >
            <Typography.Title level={4} copyable>
              {revealed?.idNumber}
            </Typography.Title>
            <Alert type="info" showIcon message={t('teams.cadres.revealHint')} />
          </Modal>
        </>
      )}
    </Drawer>
  );
}
