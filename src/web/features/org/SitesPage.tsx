// 地点与机房: the sites of the contract and their rooms (expand a site to see its rooms).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Space, Table } from 'antd';
import { useState } from 'react';
import type { TRoom, TSite } from '../../../common/org.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRooms } from './queries.ts';
import { orgApi } from '../../../common/org.api.ts';
import { useCall } from '../../api/query.ts';

const CODE = /^[a-z0-9-]{1,60}$/;

function SiteModal({ site, onClose }: { site: TSite | null | undefined; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Pick<TSite, 'code' | 'name' | 'address'>>
      open={site !== undefined}
      onClose={onClose}
      title={site ? t('编辑地点') : t('新建地点')}
      initialValues={site ?? {}}
      invalidate={['sites']}
      submit={(v) => (site ? call(orgApi.sites.update, { params: { id: site.id }, body: v }) : call(orgApi.sites.create, { body: v }))}
    >
      <Form.Item
        name="code"
        label={t('编号')}
        rules={[
          { required: true, message: t('请输入编号') },
          { pattern: CODE, message: t('编号只含小写字母、数字和连字符') },
        ]}
      >
        <Input maxLength={40} placeholder="west-office" />
      </Form.Item>
      <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true, message: t('请输入名称') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('地址')}>
        <Input maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

type RoomValues = Omit<TRoom, 'id' | 'createdAt' | 'updatedAt'>;

function RoomModal({ siteId, room, onClose }: { siteId: string; room: TRoom | null | undefined; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<RoomValues>
      open={room !== undefined}
      onClose={onClose}
      title={room ? t('编辑房间') : t('新建房间')}
      initialValues={room ?? { siteId }}
      invalidate={['rooms']}
      submit={(v) =>
        room
          ? call(orgApi.rooms.update, { params: { id: room.id }, body: { ...v, siteId } })
          : call(orgApi.rooms.create, { body: { ...v, siteId } })
      }
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="code"
            label={t('编号')}
            rules={[
              { required: true, message: t('请输入编号') },
              { pattern: CODE, message: t('编号只含小写字母、数字和连字符') },
            ]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true, message: t('请输入名称') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="building" label={t('楼宇')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="floor" label={t('楼层')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="purpose" label={t('用途')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

function Rooms({ site }: { site: TSite }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [room, setRoom] = useState<TRoom | null | undefined>(undefined);
  const q = useCall(orgApi.rooms.list, { query: { siteId: site.id, pageSize: 200 } });
  return (
    <div style={{ padding: '4px 0' }}>
      <Table<TRoom>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('暂无房间') }}
        columns={[
          { title: t('房间编号'), dataIndex: 'code', render: (v: string) => <span className="yw-mono">{v}</span> },
          { title: t('名称'), dataIndex: 'name' },
          { title: t('楼宇'), dataIndex: 'building' },
          { title: t('楼层'), dataIndex: 'floor' },
          { title: t('用途'), dataIndex: 'purpose' },
          ...(can('org.write')
            ? [
                {
                  title: t('操作'),
                  key: 'op',
                  render: (_: unknown, r: TRoom) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setRoom(r)}>
                        {t('编辑')}
                      </Button>
                      <DeleteButton
                        route={orgApi.rooms.remove}
                        params={{ id: r.id }}
                        invalidate={['rooms']}
                        confirm={t('删除房间“{name}”？', { name: r.name })}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {can('org.write') && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setRoom(null)} style={{ marginTop: 8 }}>
          {t('添加房间')}
        </Button>
      )}
      <RoomModal siteId={site.id} room={room} onClose={() => setRoom(undefined)} />
    </div>
  );
}

export function SitesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [site, setSite] = useState<TSite | null | undefined>(undefined);
  const rooms = useRooms();
  const roomCount = (id: string) => (rooms.data?.items ?? []).filter((r) => r.siteId === id).length;
  const columns: DTColumn<TSite>[] = [
    { title: t('编号'), dataIndex: 'code', render: (v: string) => <span className="yw-mono">{v}</span> },
    { title: t('地点名称'), dataIndex: 'name' },
    { title: t('地址'), dataIndex: 'address' },
    { title: t('房间数'), key: 'rooms', align: 'center', render: (_, r) => roomCount(r.id) },
    ...(can('org.write')
      ? [
          {
            title: t('操作'),
            key: 'op',
            render: (_: unknown, r: TSite) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setSite(r)}>
                  {t('编辑')}
                </Button>
                <DeleteButton
                  route={orgApi.sites.remove}
                  params={{ id: r.id }}
                  invalidate={['sites']}
                  confirm={t('删除地点“{name}”？其下仍有房间时无法删除。', { name: r.name })}
                />
              </Space>
            ),
          } satisfies DTColumn<TSite>,
        ]
      : []),
  ];
  return (
    <div>
      <PageHeader title={t('地点与机房')} subtitle={t('合同约定的服务地点及其机房、弱电间、会议室等房间；展开一行查看房间')} />
      <Card>
        <DataTable
          queryKey="sites"
          source={orgApi.sites.list}
          exportSource={orgApi.sites.export}
          rowKey="id"
          columns={columns}
          searchPlaceholder={t('搜索编号、名称或地址')}
          expandable={{ expandedRowRender: (r) => <Rooms site={r} /> }}
          actions={
            can('org.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setSite(null)}>
                {t('新建地点')}
              </Button>
            )
          }
        />
      </Card>
      <SiteModal site={site} onClose={() => setSite(undefined)} />
    </div>
  );
}
