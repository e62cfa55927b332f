// The comment thread of a ticket (issue 11 point 11): the agency and the contractor discuss it; an
// @username (picked from the people who can see the ticket) tells that user. Comments are plain
// text (React escapes them); the author may delete one for ten minutes, nobody else ever.
import { DeleteOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Empty, Form, List, Mentions, Popconfirm, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { COMMENT_MAX, type TComment } from '../../../../common/desk-comments.ts';
import { deskCommentsApi } from '../../../../common/desk-comments.api.ts';
import { call } from '../../../api/client.ts';
import { useCall } from '../../../api/query.ts';
import { useFeedback } from '../../../components/feedback.ts';
import { fmtTime } from '../../../components/format.ts';
import { useI18n } from '../../../i18n/index.tsx';

const PAGE_SIZE = 10;
const commentsKey = (id: string) => ['tickets', 'one', id, 'comments'] as const;

/** The thread's first page (shared by the tab's label and the thread itself). */
export const useComments = (ticketId: string, page = 1) =>
  useCall(
    deskCommentsApi.list,
    { params: { id: ticketId }, query: { page, pageSize: PAGE_SIZE } },
    { queryKey: [...commentsKey(ticketId), page], placeholderData: keepPreviousData, refetchInterval: 60_000 },
  );

/** The body with each @mention of someone told shown as a name chip; the rest as typed. */
function Body({ c }: { c: TComment }) {
  const byName = new Map(c.mentions.map((m) => [m.username.toLowerCase(), m]));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of c.body.matchAll(/(?<![A-Za-z0-9._-])@([A-Za-z][A-Za-z0-9._-]*)/g)) {
    const who = byName.get(m[1]!.replace(/[.]+$/, '').toLowerCase());
    if (!who) continue;
    const end = m.index + 1 + who.username.length;
    parts.push(c.body.slice(last, m.index));
    parts.push(
      <Tooltip key={m.index} title={who.displayName}>
        <Typography.Text style={{ color: '#1554ad', fontWeight: 500 }}>{c.body.slice(m.index, end)}</Typography.Text>
      </Tooltip>,
    );
    last = end;
  }
  parts.push(c.body.slice(last));
  return <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: '#1f2937', lineHeight: 1.7 }}>{parts}</div>;
}

export function CommentsPanel({ ticketId, focus }: { ticketId: string; focus?: boolean }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ body: string }>();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState<string | null>(null);
  const list = useComments(ticketId, page);
  const people = useCall(
    deskCommentsApi.mentionable,
    { params: { id: ticketId }, query: { q: search || undefined } },
    { enabled: search !== null, placeholderData: keepPreviousData, staleTime: 60_000 },
  );
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.scrollIntoView({ block: 'start' });
  }, [focus]);

  const refresh = () => qc.invalidateQueries({ queryKey: commentsKey(ticketId) });
  const post = useMutation({
    mutationFn: (v: { body: string }) => call(deskCommentsApi.create, { params: { id: ticketId }, body: v }),
    onSuccess: async (c) => {
      fb.ok(c.mentions.length ? t('评论已发表，已通知 {names}', { names: c.mentions.map((m) => m.displayName).join('、') }) : '评论已发表');
      form.resetFields();
      setPage(1);
      await refresh();
    },
    onError: (e) => fb.fail(e, form),
  });
  const remove = useMutation({
    mutationFn: (c: TComment) => call(deskCommentsApi.remove, { params: { id: ticketId, commentId: c.id } }),
    onSuccess: async () => {
      fb.ok('评论已删除');
      await refresh();
    },
    onError: (e) => fb.fail(e),
  });

  const items = list.data?.items ?? [];
  return (
    <div ref={box} data-testid="comments">
      <Form form={form} onFinish={(v) => post.mutate(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('请输入评论内容') }]} style={{ marginBottom: 8 }}>
          <Mentions
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={COMMENT_MAX}
            placeholder={t('补充情况或提问；输入 @ 提及能查看此单的人，对方会收到通知')}
            onSearch={(text) => setSearch(text)}
            loading={people.isFetching}
            options={(people.data ?? []).map((u) => ({
              key: u.id,
              value: u.username,
              label: (
                <span>
                  {u.displayName} <Typography.Text type="secondary">@{u.username}</Typography.Text>
                </span>
              ),
            }))}
            data-testid="comment-input"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="comment-send">
          {t('发表评论')}
        </Button>
      </Form>
      {items.length ? (
        <List
          itemLayout="horizontal"
          dataSource={items}
          rowKey="id"
          loading={list.isFetching && !list.isPending}
          pagination={
            (list.data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, size: 'small', onChange: setPage }
              : false
          }
          renderItem={(c) => (
            <List.Item
              data-testid="comment"
              actions={
                c.deletable
                  ? [
                      <Popconfirm key="del" title={t('删除这条评论？')} onConfirm={() => remove.mutate(c)}>
                        <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('删除')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={<Avatar style={{ background: '#1554ad' }}>{c.authorName.slice(-2)}</Avatar>}
                title={
                  <span>
                    {c.authorName}
                    <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400, marginInlineStart: 8 }}>
                      {fmtTime(c.createdAt)}
                    </Typography.Text>
                  </span>
                }
                description={<Body c={c} />}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.isPending ? t('加载中…') : t('还没有评论')} />
      )}
    </div>
  );
}
