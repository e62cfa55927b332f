// 资产分类 (R-AST-02): the GB/T 14885-2022 IT branches and the agency's own sub-classes. Classes
// are added under an existing one, edited, and disabled (never deleted) once assets use them.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { ASSET_KINDS, ASSET_KIND_NAMES, type TAssetClassNode, type ZAssetClassPatch } from '../../../common/assets.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAssetClasses } from './meta.ts';
import { assetsApi } from '../../../common/assets.api.ts';

/** The form's fields: a new class's code, and what either form edits. */
type ClassForm = z.input<typeof ZAssetClassPatch> & { name: string; code?: string };
type Editing = { mode: 'create'; parent: TAssetClassNode } | { mode: 'edit'; node: TAssetClassNode };

function ClassModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const m = useMutation({
    mutationFn: (v: ClassForm) => {
      const body = { ...v, numberCode: v.numberCode ? v.numberCode.toUpperCase() : null };
      return editing.mode === 'create'
        ? call(assetsApi.createClass, { body: { ...body, code: String(v.code).toUpperCase(), parentCode: editing.parent.code } })
        : call(assetsApi.updateClass, { params: { code: editing.node.code }, body });
    },
    onSuccess: async () => {
      fb.ok('已保存');
      await qc.invalidateQueries({ queryKey: ['asset-classes'] });
      onClose();
    },
    onError: (e) => fb.fail(e, form),
  });
  const init =
    editing.mode === 'create'
      ? { kind: editing.parent.kind, sort: 0 }
      : {
          name: editing.node.name,
          kind: editing.node.kind,
          numberCode: editing.node.numberCode,
          sort: editing.node.sort,
          disabled: editing.node.disabled,
        };
  return (
    <Modal
      open
      title={editing.mode === 'create' ? t('在“{p}”下新增子类', { p: editing.parent.name }) : t('修改分类 {c}', { c: editing.node.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={t('保存')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={init} onFinish={(v: ClassForm) => m.mutate(v)}>
        {editing.mode === 'create' && (
          <Form.Item
            name="code"
            label={t('分类代码')}
            rules={[{ required: true }]}
            extra={t('本单位子类，如 {c}', { c: editing.parent.code.replace(/00$/, '09') })}
          >
            <Input maxLength={20} className="yw-mono" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('名称')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('记录类型（决定表单字段）')}>
          <Select options={ASSET_KINDS.map((k) => ({ value: k, label: t(ASSET_KIND_NAMES[k]) }))} />
        </Form.Item>
        <Form.Item name="numberCode" label={t('编号代码')} extra={t('资产编号的第一段，如 NET；留空则沿用上级分类的代码')}>
          <Input maxLength={8} className="yw-mono" />
        </Form.Item>
        <Form.Item name="sort" label={t('排序')}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        {editing.mode === 'edit' && (
          <Form.Item name="disabled" label={t('停用')} valuePropName="checked" extra={t('停用后不能再登记此类资产；已有资产不受影响')}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ClassesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const classes = useAssetClasses();
  const [editing, setEditing] = useState<Editing | null>(null);
  const edit = can('asset.classes');
  const strip = (n: TAssetClassNode[]): (TAssetClassNode & { children?: TAssetClassNode[] })[] =>
    n.map((x) => ({ ...x, children: x.children.length ? strip(x.children) : (undefined as unknown as TAssetClassNode[]) }));
  return (
    <div>
      <PageHeader
        title={t('资产分类')}
        subtitle={t('依据 GB/T 14885-2022《固定资产等资产基础分类与代码》信息化设备分支，可增加本单位子类')}
      />
      <Table<TAssetClassNode>
        rowKey="code"
        size="middle"
        loading={classes.isPending}
        dataSource={strip(classes.data ?? [])}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ defaultExpandAllRows: true }}
        key={classes.data ? 'loaded' : 'loading'}
        columns={[
          {
            title: t('名称'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space size={6}>
                <Typography.Text delete={r.disabled}>{v}</Typography.Text>
                {r.disabled && <Tag>{t('已停用')}</Tag>}
              </Space>
            ),
          },
          { title: t('分类代码'), dataIndex: 'code', render: (v: string) => <span className="yw-mono">{v}</span> },
          {
            title: t('来源'),
            dataIndex: 'source',
            responsive: ['md'],
            render: (v: string) => (v === 'agency' ? <Tag color="purple">{t('本单位子类')}</Tag> : <Tag color="blue">{v}</Tag>),
          },
          { title: t('记录类型'), dataIndex: 'kind', responsive: ['md'], render: (v: string) => t(ASSET_KIND_NAMES[v as 'other'] ?? v) },
          {
            title: t('编号代码'),
            dataIndex: 'effectiveNumberCode',
            render: (v: string, r) => (
              <span className="yw-mono" style={{ color: r.numberCode ? undefined : 'rgba(0,0,0,0.45)' }}>
                {v}
              </span>
            ),
          },
          { title: t('资产数'), dataIndex: 'assets', align: 'right' },
          ...(edit
            ? [
                {
                  title: t('操作'),
                  key: 'ops',
                  render: (_: unknown, r: TAssetClassNode) => (
                    <Space size={4}>
                      <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: r })}>
                        {t('子类')}
                      </Button>
                      <Button size="small" type="link" onClick={() => setEditing({ mode: 'edit', node: r })}>
                        {t('编辑')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <ClassModal editing={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
