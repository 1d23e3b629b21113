// 纳入申报: a new household through one of the three doors, with its members. The server checks the ID
// numbers (GB 11643) and that nobody is already in another household; its errors land on the fields.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CATEGORIES, ENTRY_DOORS, GENDERS, HEALTH, monitoringApi, RELATIONS, SCHOOLING, WORK } from '@xiezuo/shared/contracts/monitoring';
import { App, Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../app/api';
import { DivisionPicker } from '../registry/Options';
import { HouseholdFlags, incomeFields, opts } from './fields';

export function NewHouseholdDialog(props: { open: boolean; onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v) return;
    setBusy(true);
    try {
      const d = await call(monitoringApi.createHousehold, { body: { ...v, isLifted: !!v.isLifted, dibao: !!v.dibao, tekun: !!v.tekun } });
      form.resetFields();
      props.onCreated(d.household.id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.body.details.filter((d) => d.path.startsWith('body.'));
      if (fields.length)
        form.setFields(
          fields.map((d) => ({
            name: d.path
              .slice(5)
              .split('.')
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            errors: [d.message],
          })),
        );
      message.error(fields[0]?.message ?? e.message);
    } finally {
      setBusy(false);
    }
  };

  const member = { relation: 'head', gender: 'male', health: 'healthy', disability: 'none', schooling: 'not_in_school', work: 'farming' };
  return (
    <Modal
      open={props.open}
      width={760}
      title={t('monitoring.household.new')}
      onCancel={props.onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ entryDoor: 'cadre_check', category: 'marginal', incomeYear: new Date().getFullYear() - 1, members: [member] }}
      >
        <Space wrap align="start">
          <Form.Item
            name="divisionCode"
            label={t('monitoring.household.village')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DivisionPicker level="village" inScope placeholder={t('registry.fields.divisionSearch')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="entryDoor" label={t('monitoring.household.entryDoor')}>
            <Select style={{ width: 150 }} options={opts(t, 'entryDoors', ENTRY_DOORS)} />
          </Form.Item>
          <Form.Item name="category" label={t('monitoring.household.category')}>
            <Select style={{ width: 150 }} options={opts(t, 'categories', CATEGORIES)} />
          </Form.Item>
          {incomeFields(t)}
        </Space>
        <Form.Item>
          <HouseholdFlags />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={`${t('monitoring.household.members')} ${i + 1}`}
                  extra={fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                >
                  <Space wrap align="start">
                    <Form.Item
                      name={[f.name, 'name']}
                      label={t('monitoring.member.name')}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <Input style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'idNumber']}
                      label={t('monitoring.member.idNumber')}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <Input style={{ width: 200 }} maxLength={18} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'birthDate']}
                      label={t('monitoring.member.birthDate')}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <Input type="date" style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'relation']} label={t('monitoring.member.relation')}>
                      <Select style={{ width: 110 }} options={opts(t, 'relations', RELATIONS)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'gender']} label={t('monitoring.member.gender')}>
                      <Select style={{ width: 70 }} options={opts(t, 'genders', GENDERS)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'health']} label={t('monitoring.member.health')}>
                      <Select style={{ width: 120 }} options={opts(t, 'health', HEALTH)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'schooling']} label={t('monitoring.member.schooling')}>
                      <Select style={{ width: 140 }} options={opts(t, 'schooling', SCHOOLING)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'work']} label={t('monitoring.member.work')}>
                      <Select style={{ width: 130 }} options={opts(t, 'work', WORK)} />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ ...member, relation: 'child' })}>
                {t('monitoring.member.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
