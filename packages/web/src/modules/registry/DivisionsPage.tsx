// 行政区划: the tree (loaded level by level, as of a chosen day), search by name or code, and for the
// selected division its path, history and what it is paired with on that day. HQ and admin
// (registry.reference) record changes with a date: rename, move, merge, a new subdivision (split).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DIVISION_CHANGE_KINDS, registryApi } from '@xiezuo/shared/contracts/registry';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, call, checkedValues, fieldErrors } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { type DivisionRow, type PartnerRow, qs } from './data';
import { AsOfPicker, DivisionPicker } from './Options';

type ChangeKind = (typeof DIVISION_CHANGE_KINDS)[number];

/** Records one dated change of `division`; the server's field errors land under their fields. */
function DivisionChangeForm({ division, open, onClose }: { division: { code: string; name: string }; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const kind: ChangeKind = Form.useWatch('kind', form) ?? 'rename';
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    const body = {
      kind,
      effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
      ...(kind === 'rename' || kind === 'create' ? { name: v.name } : {}),
      ...(kind === 'move' ? { parentCode: v.parentCode } : {}),
      ...(kind === 'create' ? { parentCode: division.code } : {}),
      ...(kind === 'merge' ? { into: v.into } : {}),
      ...(v.note ? { note: v.note } : {}),
    };
    setBusy(true);
    try {
      await call(registryApi.changeDivision, { params: { code: kind === 'create' ? v.code : division.code }, body });
      message.success(t('registry.divisions.changeSaved'));
      form.resetFields();
      onClose();
      await client.invalidateQueries({ queryKey: ['registry'] });
    } catch (e) {
      if (e instanceof ApiError)
        form.setFields(fieldErrors(e.body.details.length ? e.body.details : [{ path: 'body.kind', message: e.body.message }]));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={t('registry.divisions.changeTitle', { name: division.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="s" type="primary" loading={busy} onClick={save}>
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'rename' }}>
        <Form.Item name="kind" label={t('registry.fields.kind')}>
          <Select options={DIVISION_CHANGE_KINDS.map((k) => ({ value: k, label: t(`registry.divisions.changeActions.${k}`) }))} />
        </Form.Item>
        {kind === 'create' && (
          <Form.Item
            name="code"
            label={t('registry.divisions.newCode')}
            extra={t('registry.divisions.newCodeHint')}
            rules={[...required, { pattern: /^\d{12}$/, message: t('validation.divisionCode') }]}
          >
            <Input maxLength={12} />
          </Form.Item>
        )}
        {(kind === 'rename' || kind === 'create') && (
          <Form.Item name="name" label={t('registry.divisions.newName')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {kind === 'move' && (
          <Form.Item name="parentCode" label={t('registry.divisions.newParent')} rules={required}>
            <DivisionPicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === 'merge' && (
          <Form.Item name="into" label={t('registry.divisions.into')} rules={required}>
            <DivisionPicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="effectiveOn" label={t('registry.divisions.effectiveOn')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('registry.fields.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Node = DataNode & { key: string };
const toNode = (d: DivisionRow): Node => ({ key: d.code, title: d.name, isLeaf: !d.hasChildren });

function replaceChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children } : n.children ? { ...n, children: replaceChildren(n.children as Node[], key, children) } : n,
  );
}

function DivisionTree({ asOf, onSelect }: { asOf?: string; onSelect: (code: string) => void }) {
  const [nodes, setNodes] = useState<Node[]>([]);
  const roots = useQuery({
    queryKey: ['registry', 'divisions', 'roots', asOf],
    queryFn: () => call(registryApi.divisions, { query: { asOf } }),
  });
  // the tree grows as nodes are opened; it starts again from the provinces when the day changes
  useEffect(() => setNodes((roots.data ?? []).map(toNode)), [roots.data]);
  const load = async (node: { key: React.Key }) => {
    const kids = await call(registryApi.divisions, { query: { parent: String(node.key), asOf } });
    setNodes((cur) => replaceChildren(cur, String(node.key), kids.map(toNode)));
  };
  return (
    <Tree
      key={asOf ?? 'now'}
      treeData={nodes}
      loadData={load}
      onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
      virtual={false}
      showLine
      style={{ maxHeight: 600, overflow: 'auto' }}
    />
  );
}

function DivisionDetail({ code, asOf }: { code: string; asOf?: string }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ['registry', 'division', code, asOf],
    queryFn: () => call(registryApi.division, { params: { code }, query: { asOf } }),
  });
  const partners = useQuery({
    queryKey: ['registry', 'partners', code, asOf],
    queryFn: () => call(registryApi.partners, { query: { division: code, asOf } }),
  });
  const { can } = useAuth();
  const [changing, setChanging] = useState(false);
  const d = detail.data;
  if (!d) return <Card loading={detail.isLoading} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={d.name}
        size="small"
        extra={
          <Space>
            {/* the tree is shared by every scope: only HQ and admin change it (the server checks the same permission) */}
            {can('registry.reference') && !d.abolishedOn && (
              <Button size="small" onClick={() => setChanging(true)}>
                {t('registry.divisions.change')}
              </Button>
            )}
            <Link to={`/registry/pairings?${qs({ division: code, asOf })}`}>{t('registry.nav.pairings')}</Link>
          </Space>
        }
      >
        <DivisionChangeForm division={d} open={changing} onClose={() => setChanging(false)} />
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('registry.fields.code')}>{d.code}</Descriptions.Item>
          <Descriptions.Item label={t('registry.fields.level')}>{t(`registry.levels.${d.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('registry.fields.path')}>{d.ancestors.map((a) => a.name).join(' / ') || '—'}</Descriptions.Item>
          {(d.versions.length > 0 || d.abolishedOn) && (
            <Descriptions.Item label={t('registry.fields.history')}>
              <Space direction="vertical" size={0}>
                {d.versions.map((v) => (
                  <span key={v.validTo}>
                    {v.name}（{v.validFrom ? formatDate(v.validFrom) : '…'} – {formatDate(v.validTo)}）
                  </span>
                ))}
                {d.changes.map((c) => (
                  <span key={c.id}>
                    <Tag>{t(`registry.changeKinds.${c.kind}`)}</Tag>
                    {formatDate(c.effectiveOn)} {c.note}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('registry.divisions.partnersTitle', { name: d.name })} size="small">
        <Table<PartnerRow>
          rowKey="pairingId"
          size="small"
          loading={partners.isLoading}
          dataSource={partners.data}
          pagination={false}
          locale={{ emptyText: t('registry.divisions.noPartners') }}
          scroll={{ x: 520 }}
          columns={[
            { title: t('registry.fields.type'), render: (_, r) => t(`registry.pairingTypes.${r.type}`) },
            {
              title: t('registry.fields.role'),
              render: (_, r) =>
                r.role === 'helper' ? (
                  <Tag color="blue">{t('registry.pairings.roleHelper')}</Tag>
                ) : (
                  <Tag color="green">{t('registry.pairings.roleHelped')}</Tag>
                ),
            },
            { title: t('registry.fields.partner'), render: (_, r) => r.partner.label },
            { title: t('registry.fields.programme'), dataIndex: 'programmeName' },
          ]}
        />
      </Card>
    </Space>
  );
}

export function DivisionsPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['registry', 'divisions', 'search', q],
    enabled: q.length > 0,
    queryFn: () => call(registryApi.searchDivisions, { query: { q, limit: 30 } }),
  });
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={10}>
        <Card title={t('registry.divisions.title')} extra={<AsOfPicker value={asOf} onChange={setAsOf} />}>
          <Input.Search
            allowClear
            placeholder={t('registry.divisions.searchPlaceholder')}
            onSearch={(v) => setQ(v.trim())}
            style={{ marginBottom: 8 }}
          />
          {q ? (
            <List
              size="small"
              loading={hits.isLoading}
              dataSource={hits.data}
              style={{ maxHeight: 560, overflow: 'auto' }}
              renderItem={(h) => (
                <List.Item
                  onClick={() => setSelected(h.code)}
                  style={{ cursor: 'pointer' }}
                  className={h.code === selected ? 'ant-list-item-active' : undefined}
                >
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{h.name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {h.path} · {h.code}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <DivisionTree asOf={asOf} onSelect={setSelected} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {selected ? (
          <DivisionDetail code={selected} asOf={asOf} />
        ) : (
          <Card>
            <Empty description={t('registry.divisions.asOfHint')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
