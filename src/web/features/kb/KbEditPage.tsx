// Writing a knowledge base article (kb.write): new, edited, or filed from a ticket (/kb/new?fromTicket=…),
// which pre-fills it from the ticket and its maintenance report (R-SD-08: the solution is kept so the
// same problem is solved faster next time).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Skeleton, Space } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { TKbArticle } from '../../../common/desk.ts';
import type { TReport } from '../../../common/desk-flow.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { deskApi, kbApi } from '../../../common/desk.api.ts';
import { deskFlowApi } from '../../../common/desk-flow.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useFeedback } from '../../components/feedback.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { lineName } from '../contract/lines.ts';

type V = { title: string; serviceLine: ServiceLineCode | null; tags: string[]; problem: string; cause: string; solution: string };

export function KbEditPage() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  const fromTicket = id ? null : sp.get('fromTicket');
  const { t, lang } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<V>();
  const article = useCall(kbApi.get, { params: { id: id ?? '' } }, { enabled: !!id });
  const ticket = useCall(deskApi.getTicket, { params: { id: fromTicket ?? '' } }, { enabled: !!fromTicket });
  const flow = useCall(deskFlowApi.documents, { params: { id: fromTicket ?? '' } }, { enabled: !!fromTicket });

  // Filled once what it starts from has loaded: the article, or the ticket and its report.
  const ready = id ? !!article.data : fromTicket ? !!ticket.data && !flow.isPending : true;
  useEffect(() => {
    if (id && article.data) {
      const a = article.data;
      form.setFieldsValue({ ...a, serviceLine: a.serviceLine as ServiceLineCode | null });
    } else if (fromTicket && ticket.data && !flow.isPending) {
      const tk = ticket.data;
      const r = flow.data?.report?.content as Partial<TReport> | undefined;
      form.setFieldsValue({
        title: tk.title,
        serviceLine: tk.serviceLine,
        problem: r?.faultDescription || tk.description || tk.title,
        cause: r?.cause ?? '',
        solution: [r?.actions, r?.result ? `${t('处理结果')}：${r.result}` : ''].filter(Boolean).join('\n'),
      });
    }
  }, [id, fromTicket, article.data, ticket.data, flow.isPending, flow.data, form, t]);

  const save = useMutation({
    mutationFn: (v: V): Promise<TKbArticle> =>
      id ? call(kbApi.update, { params: { id }, body: v }) : call(kbApi.create, { body: { ...v, sourceTicketId: fromTicket ?? null } }),
    onSuccess: async (a) => {
      fb.ok(id ? '文章已保存' : '文章已发布');
      await qc.invalidateQueries({ queryKey: ['kb'] });
      void navigate(`/kb/${a.id}`, { replace: true });
    },
    onError: (e) => fb.fail(e, form),
  });

  const failed = (id && article.error) || (fromTicket && ticket.error);
  const title = id ? t('编辑知识库文章') : fromTicket ? t('整理为知识库文章') : t('新建知识库文章');
  return (
    <div>
      <PageHeader title={title} subtitle={t('写清现象、原因和可照做的步骤，便于下次遇到同类问题时直接参考')} />
      {failed ? (
        <Alert type="error" showIcon title={problemMessage(failed, lang)} />
      ) : (
        <Card styles={{ body: { maxWidth: 880 } }}>
          {!ready ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : (
            <Form<V>
              form={form}
              layout="vertical"
              initialValues={{ serviceLine: null, tags: [], cause: '' }}
              onFinish={(v) => save.mutate(v)}
              data-testid="kb-form"
            >
              <Form.Item name="title" label={t('标题')} rules={[{ required: true, whitespace: true, message: t('请填写标题') }]}>
                <Input maxLength={200} placeholder={t('如：核心交换机端口频繁 up/down')} />
              </Form.Item>
              <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
                <Form.Item name="serviceLine" label={t('服务项目')} style={{ flex: '1 1 200px' }}>
                  <Select
                    allowClear
                    placeholder={t('通用')}
                    options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineName(c, lang) }))}
                  />
                </Form.Item>
                <Form.Item name="tags" label={t('标签')} style={{ flex: '2 1 300px' }} extra={t('回车或逗号分隔，最多 10 个')}>
                  <Select mode="tags" tokenSeparators={[',', '，']} maxCount={10} open={false} suffixIcon={null} />
                </Form.Item>
              </div>
              <Form.Item name="problem" label={t('问题现象')} rules={[{ required: true, whitespace: true, message: t('请描述问题现象') }]}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} />
              </Form.Item>
              <Form.Item name="cause" label={t('原因分析')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={8000} />
              </Form.Item>
              <Form.Item name="solution" label={t('解决方法')} rules={[{ required: true, whitespace: true, message: t('请填写解决方法') }]}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={8000} placeholder={t('每步一行，如：1. 查看端口日志')} />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="kb-save">
                  {id ? t('保存') : t('发布')}
                </Button>
                <Button onClick={() => void navigate(-1)}>{t('取消')}</Button>
              </Space>
            </Form>
          )}
        </Card>
      )}
    </div>
  );
}
