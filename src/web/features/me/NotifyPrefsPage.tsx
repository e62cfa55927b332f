// 通知设置: per event, which channels (in-app always, e-mail, the user's own chat robot); the robot
// itself (WeCom / DingTalk / Feishu / generic JSON); and a test that reports per channel.
import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Grid, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  NOTIFY_CHANNELS,
  WEBHOOK_KINDS,
  WEBHOOK_KIND_NAMES,
  type NotifyChannel,
  type TNotifyEvent,
  type TNotifyPrefsInput,
  type TTestResults,
} from '../../../common/notify.ts';
import { call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useNotifyEvents } from '../../components/notifyEvents.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { notifyApi } from '../../../common/notify.api.ts';
import { useCall } from '../../api/query.ts';

const KEY = ['notify-prefs'];
type Kind = (typeof WEBHOOK_KINDS)[number];
const CHANNEL_NAMES: Record<NotifyChannel, string> = { inapp: '站内', email: '邮件', webhook: '机器人' };

export function NotifyPrefsPage() {
  const { t, lang } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const qc = useQueryClient();
  const { ok, fail } = useFeedback();
  const q = useCall(notifyApi.prefs, {}, { queryKey: KEY });
  const catalogue = useNotifyEvents();
  // The user's unsaved ticks over what the server has.
  const [edits, setEdits] = useState<Record<string, NotifyChannel[]>>({});
  const [form] = Form.useForm<{ kind: Kind; url: string; secret: string }>();
  const kind = Form.useWatch('kind', form);
  const url = Form.useWatch('url', form);
  const [results, setResults] = useState<TTestResults['results'] | null>(null);

  const save = useMutation({
    mutationFn: (body: TNotifyPrefsInput) => call(notifyApi.savePrefs, { body }),
    onSuccess: (data) => {
      qc.setQueryData(KEY, data);
      setEdits({});
      form.resetFields(['url', 'secret']);
      ok('通知设置已保存');
    },
    onError: (e) => fail(e, form),
  });
  const test = useMutation({
    mutationFn: () => call(notifyApi.testPrefs),
    onSuccess: (r) => setResults(r.results),
    onError: (e) => fail(e),
  });

  const prefs = q.data;
  const events: Record<string, NotifyChannel[]> = { ...prefs?.events, ...edits };
  const toggle = (e: string, c: NotifyChannel, on: boolean) =>
    setEdits((cur) => {
      const list = new Set(cur[e] ?? events[e] ?? ['inapp']);
      if (on) list.add(c);
      else list.delete(c);
      return { ...cur, [e]: NOTIFY_CHANNELS.filter((x) => x === 'inapp' || list.has(x)) };
    });

  const submit = async () => {
    const v = form.getFieldsValue();
    const body: TNotifyPrefsInput = { events };
    // The robot's address is never shown again: only a new one entered here replaces it.
    if (v.url?.trim()) body.webhook = { kind: v.kind, url: v.url.trim(), ...(v.secret?.trim() ? { secret: v.secret.trim() } : {}) };
    save.mutate(body);
  };

  const usable = (c: NotifyChannel) => (c === 'email' ? !!prefs?.email : c === 'webhook' ? !!prefs?.webhook || !!url?.trim() : true);

  return (
    <div>
      <PageHeader
        title={t('通知设置')}
        subtitle={t('选择每类事件通过哪些渠道通知您；站内通知始终开启')}
        extra={
          <Button icon={<SendOutlined />} loading={test.isPending} onClick={() => test.mutate()}>
            {t('发送测试消息')}
          </Button>
        }
      />
      {q.isError && <Alert type="error" showIcon title={problemMessage(q.error, lang)} style={{ marginBottom: 16 }} />}
      {results && (
        <Card size="small" title={t('测试结果')} style={{ marginBottom: 16 }} data-testid="notify-test-results">
          <Space orientation="vertical" size={4}>
            {results.map((r) => (
              <span key={r.channel}>
                {r.ok ? (
                  <CheckCircleFilled style={{ color: '#52c41a' }} />
                ) : r.skipped ? (
                  <MinusCircleFilled style={{ color: '#bfbfbf' }} />
                ) : (
                  <CloseCircleFilled style={{ color: '#f5222d' }} />
                )}{' '}
                <strong>{t(CHANNEL_NAMES[r.channel])}</strong>
                {'：'}
                {r.ok ? t('已发送') : r.skipped ? `${t('未设置')}（${r.error ?? ''}）` : (r.error ?? t('失败'))}
              </span>
            ))}
          </Space>
        </Card>
      )}
      {prefs && !prefs.email && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('您的账号没有设置邮箱，无法接收邮件通知；请联系系统管理员设置。')}
        />
      )}
      {prefs?.email && !prefs.smtpConfigured && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('系统管理员尚未配置邮件服务器，邮件通知暂不能发送。')} />
      )}
      <Card title={t('通知事件')} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
        <Table<TNotifyEvent>
          rowKey="code"
          loading={q.isPending}
          dataSource={[...catalogue.values()]}
          pagination={false}
          size={phone ? 'small' : 'middle'}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('事件'),
              key: 'event',
              render: (_, r) => (
                <div style={{ minWidth: 110, maxWidth: phone ? 160 : 360 }}>
                  <div>{pick(lang, r)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {lang === 'en-US' ? r.descEn : r.descZh}
                  </Typography.Text>
                </div>
              ),
            },
            ...NOTIFY_CHANNELS.map((c) => ({
              title: t(CHANNEL_NAMES[c]),
              key: c,
              align: 'center' as const,
              width: phone ? 56 : 96,
              render: (_: unknown, r: TNotifyEvent) => (
                <Checkbox
                  aria-label={`${pick(lang, r)} ${t(CHANNEL_NAMES[c])}`}
                  checked={c === 'inapp' || (events[r.code] ?? []).includes(c)}
                  disabled={c === 'inapp' || !usable(c)}
                  onChange={(e) => toggle(r.code, c, e.target.checked)}
                />
              ),
            })),
          ]}
        />
      </Card>
      <Card title={t('我的机器人')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          {prefs?.webhook
            ? t('当前：{kind}，地址 {hint}。如需更换，请重新填写地址。', {
                kind: pick(lang, WEBHOOK_KIND_NAMES[prefs.webhook.kind]),
                hint: prefs.webhook.urlHint,
              })
            : t('在企业微信、钉钉或飞书群中添加自定义机器人，把它的 Webhook 地址填在这里。')}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ kind: 'wecom' }} style={{ maxWidth: 560 }}>
          <Form.Item name="kind" label={t('机器人类型')}>
            <Select options={WEBHOOK_KINDS.map((k) => ({ value: k, label: pick(lang, WEBHOOK_KIND_NAMES[k]) }))} />
          </Form.Item>
          <Form.Item name="url" label={t('Webhook 地址')} extra={t('地址中含有机器人的密钥，保存后只显示开头部分')}>
            <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" autoComplete="off" />
          </Form.Item>
          {(kind === 'dingtalk' || kind === 'feishu') && (
            <Form.Item name="secret" label={t('加签密钥')} extra={t('机器人安全设置为“加签”时填写')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
        {prefs?.webhook && (
          <Popconfirm title={t('删除我的机器人？')} onConfirm={() => save.mutate({ events, webhook: null })}>
            <Button danger size="small">
              {t('删除机器人')}
            </Button>
          </Popconfirm>
        )}
      </Card>
      <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="notify-prefs-save">
        {t('保存')}
      </Button>
    </div>
  );
}
