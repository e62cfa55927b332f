// The bell in the header: the unread count, live over Server-Sent Events (GET
// /api/notifications/stream; reconnects, and polls every 60 s while the stream is down), and a
// panel with the latest notifications — a popover on desktop, a full-width drawer on phones.
import { BellOutlined, CheckOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Drawer, Empty, Popover, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TNotification } from '../../common/notify.ts';
import { notifyApi } from '../../common/notify.api.ts';
import { call, urlOf } from '../api/client.ts';
import { useCall } from '../api/query.ts';
import { pick, useI18n, type Lang } from '../i18n/index.tsx';
import { useFeedback } from './feedback.ts';
import { useNotifyEvents } from './notifyEvents.ts';

const UNREAD_KEY = ['notifications', 'unread'] as const;
const LATEST_KEY = ['notifications', 'latest'] as const;
export const SEVERITY_COLOR: Record<string, string> = { info: '#1677ff', warning: '#fa8c16', critical: '#f5222d' };

/** "3 分钟前" / "3 min ago"; older than a week: the date. */
export function relativeTime(iso: string, lang: Lang, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const en = lang === 'en-US';
  if (s < 60) return en ? 'just now' : '刚刚';
  const m = Math.floor(s / 60);
  if (m < 60) return en ? `${m} min ago` : `${m} 分钟前`;
  const h = Math.floor(m / 60);
  if (h < 24) return en ? `${h} h ago` : `${h} 小时前`;
  const d = Math.floor(h / 24);
  if (d < 7) return en ? `${d} d ago` : `${d} 天前`;
  return iso.slice(0, 10);
}

/** Links inside the product; older rows may say /desk/tickets/<id> for the ticket page /desk/<id>. */
function route(link: string | null): string | null {
  if (!link?.startsWith('/')) return null;
  return link.replace(/^\/desk\/tickets\//, '/desk/');
}

function useLiveUnread(): boolean {
  const qc = useQueryClient();
  const { notification } = App.useApp();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return; // polling only
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let delay = 5_000;
    const connect = () => {
      const src = new EventSource(urlOf(notifyApi.stream));
      es = src;
      src.addEventListener('open', () => {
        setLive(true);
        delay = 5_000;
      });
      src.addEventListener('unread', (e) => {
        const { count } = JSON.parse((e as MessageEvent<string>).data) as { count: number };
        qc.setQueryData(UNREAD_KEY, count);
      });
      src.addEventListener('notification', (e) => {
        const n = JSON.parse((e as MessageEvent<string>).data) as TNotification;
        void qc.invalidateQueries({ queryKey: LATEST_KEY });
        if (n.severity === 'critical') notification.warning({ title: n.title, description: n.body.split('\n')[0], placement: 'topRight' });
      });
      // The session ended: stop; the 60-second poll then meets the 401 and the app signs out.
      src.addEventListener('expired', () => {
        stopped = true;
        src.close();
        setLive(false);
      });
      src.onerror = () => {
        setLive(false);
        // CONNECTING: the browser retries by itself. CLOSED (an HTTP error): try again, backing off.
        if (src.readyState === EventSource.CLOSED && !stopped) {
          timer = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 300_000);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      es?.close();
    };
  }, [qc, notification]);
  return live;
}

function NotificationList({ onDone }: { onDone: () => void }) {
  const { t, lang } = useI18n();
  const events = useNotifyEvents();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { fail } = useFeedback();
  const q = useCall(notifyApi.list, { query: { pageSize: 20 } }, { queryKey: LATEST_KEY });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: LATEST_KEY });
    void qc.invalidateQueries({ queryKey: UNREAD_KEY });
  };
  const read = useMutation({
    mutationFn: (id: string) => call(notifyApi.read, { params: { id } }),
    onSuccess: refresh,
    onError: (e) => fail(e),
  });
  const readAll = useMutation({ mutationFn: () => call(notifyApi.readAll), onSuccess: refresh, onError: (e) => fail(e) });
  const open = (n: TNotification) => {
    if (!n.readAt) read.mutate(n.id);
    const to = route(n.link);
    if (to) {
      onDone();
      void navigate(to);
    }
  };
  const items = q.data?.items ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', maxHeight: '100%' }} data-testid="notification-list">
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '4px 4px 8px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong>{t('通知')}</Typography.Text>
        <Button
          type="link"
          size="small"
          icon={<CheckOutlined />}
          disabled={!items.some((n) => !n.readAt)}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('全部已读')}
        </Button>
      </div>
      <div style={{ overflowY: 'auto', flex: 1, maxHeight: 440 }}>
        {q.isPending ? (
          <div style={{ padding: 24, textAlign: 'center' }}>
            <Spin />
          </div>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无通知')} />
        ) : (
          items.map((n) => (
            <div
              key={n.id}
              role="button"
              tabIndex={0}
              onClick={() => open(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') open(n);
              }}
              style={{
                display: 'flex',
                gap: 10,
                padding: '10px 6px',
                borderBottom: '1px solid #f5f5f5',
                cursor: 'pointer',
                background: n.readAt ? undefined : '#f6f9ff',
                // What it asked for was done (by anyone): kept for the record, visibly settled.
                opacity: n.resolvedAt ? 0.65 : undefined,
              }}
            >
              <span
                aria-hidden
                style={{
                  flex: 'none',
                  width: 8,
                  height: 8,
                  marginTop: 7,
                  borderRadius: 4,
                  background: SEVERITY_COLOR[n.severity] ?? SEVERITY_COLOR.info,
                }}
              />
              <div style={{ minWidth: 0, flex: 1 }}>
                <div style={{ fontWeight: n.readAt ? 400 : 600, color: '#1f2937', wordBreak: 'break-word' }}>
                  {n.resolvedAt && (
                    <Tag color="success" style={{ marginInlineEnd: 6 }} data-testid="notice-resolved">
                      {t('已处理')}
                    </Tag>
                  )}
                  {n.title}
                </div>
                {n.body && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0', fontSize: 12 }}>
                    {n.body}
                  </Typography.Paragraph>
                )}
                <div style={{ fontSize: 12, color: '#8a94a6', marginTop: 2 }}>
                  {relativeTime(n.createdAt, lang)}
                  {events.has(n.event) ? ` · ${pick(lang, events.get(n.event)!)}` : ''}
                </div>
              </div>
            </div>
          ))
        )}
      </div>
      <div style={{ paddingTop: 8, textAlign: 'center' }}>
        <Button
          type="link"
          size="small"
          icon={<SettingOutlined />}
          onClick={() => {
            onDone();
            void navigate('/me/notify');
          }}
        >
          {t('通知设置')}
        </Button>
      </div>
    </div>
  );
}

export function NotificationBell({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const live = useLiveUnread();
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    // The number alone is cached: the live stream writes it there too.
    queryFn: async ({ signal }) => (await call(notifyApi.list, { query: { unread: 'true', pageSize: 1 } }, { signal })).unread,
    // While the stream is down (or the browser has no EventSource), poll.
    refetchInterval: live ? false : 60_000,
  });
  const bell = (
    <Button
      type="text"
      aria-label={t('通知')}
      data-testid="notification-bell"
      onClick={compact ? () => setOpen(true) : undefined}
      style={{ paddingInline: 8 }}
    >
      <Badge count={unread.data ?? 0} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  if (compact) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          title={t('通知')}
          styles={{ body: { padding: '8px 12px' } }}
        >
          {open && <NotificationList onDone={() => setOpen(false)} />}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      content={<div style={{ width: 360 }}>{open && <NotificationList onDone={() => setOpen(false)} />}</div>}
    >
      {bell}
    </Popover>
  );
}
