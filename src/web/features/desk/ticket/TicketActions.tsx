// The events that move a ticket's SLA clocks: call-back, arrival, resolution, report to the agency,
// pause with a reason and resume. The next clock due is the primary button.
import { CarOutlined, FileDoneOutlined, PauseCircleOutlined, PhoneOutlined, PlayCircleOutlined, ToolOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Grid, Popconfirm } from 'antd';
import { useState, type ReactNode } from 'react';
import type { TSla, TTicket, TTicketEvent } from '../../../../common/desk.ts';
import { call } from '../../../api/client.ts';
import { useFeedback } from '../../../components/feedback.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { isOpen } from '../clock.tsx';
import { ticketKey } from '../meta.ts';
import { PauseModal } from './PauseModal.tsx';
import { deskApi } from '../../../../common/desk.api.ts';

interface Action {
  kind: TTicketEvent['kind'];
  label: string;
  icon: ReactNode;
  enabled: boolean;
  why?: string;
  primary?: boolean;
}

function useActions(tk: TTicket): Action[] {
  const { t } = useI18n();
  const clock = (target: TSla['target']) => tk.slas.find((s) => s.target === target);
  const meet = (target: TSla['target'], fallback: boolean): boolean => {
    const c = clock(target);
    return c ? isOpen(c) : fallback;
  };
  const open = tk.slas.filter(isOpen);
  const canPause = open.some((s) => !s.paused);
  const canResume = open.some((s) => s.paused);
  const firstOpen = ['callback', 'onsite', 'resolve', 'report'].find((x) => open.some((s) => s.target === x));
  const acts: Action[] = [
    { kind: 'callback', label: t('已回电'), icon: <PhoneOutlined />, enabled: meet('callback', false) },
    { kind: 'arrive', label: t('已到场'), icon: <CarOutlined />, enabled: meet('onsite', tk.status === 'new') },
    { kind: 'resolve', label: t('已解决'), icon: <ToolOutlined />, enabled: meet('resolve', tk.status !== 'resolved') },
    { kind: 'report', label: t('已报告甲方'), icon: <FileDoneOutlined />, enabled: meet('report', false) },
    { kind: 'pause', label: t('暂停计时'), icon: <PauseCircleOutlined />, enabled: canPause },
    { kind: 'resume', label: t('恢复计时'), icon: <PlayCircleOutlined />, enabled: canResume },
  ];
  const target = { callback: 'callback', arrive: 'onsite', resolve: 'resolve', report: 'report' } as const;
  for (const a of acts) {
    if (a.kind in target && target[a.kind as keyof typeof target] === firstOpen) a.primary = true;
    if (!a.enabled)
      a.why = a.kind === 'pause' ? t('没有正在计时的 SLA') : a.kind === 'resume' ? t('没有已暂停的 SLA') : t('已记录或不适用');
  }
  return acts;
}

export function TicketActions({ tk }: { tk: TTicket }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [pausing, setPausing] = useState(false);
  const m = useMutation({
    mutationFn: (ev: TTicketEvent) => call(deskApi.recordEvent, { params: { id: tk.id }, body: ev }),
    onSuccess: async (next, ev) => {
      qc.setQueryData(ticketKey(tk.id), next);
      setPausing(false);
      fb.ok(DONE[ev.kind]);
      await qc.invalidateQueries({ queryKey: ['tickets'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
    onError: (e) => fb.fail(e),
  });
  const acts = useActions(tk);
  const button = (a: Action) => {
    const b = (
      <Button
        key={a.kind}
        icon={a.icon}
        type={a.primary && a.enabled ? 'primary' : 'default'}
        disabled={!a.enabled || m.isPending}
        loading={m.isPending && m.variables?.kind === a.kind}
        block={phone}
        size={phone ? 'large' : 'middle'}
        title={a.why}
        onClick={a.kind === 'pause' ? () => setPausing(true) : a.kind === 'resume' ? () => m.mutate({ kind: 'resume' }) : undefined}
      >
        {a.label}
      </Button>
    );
    if (a.kind === 'pause' || a.kind === 'resume' || !a.enabled) return b;
    return (
      <Popconfirm
        key={a.kind}
        title={t('记录“{x}”？', { x: a.label })}
        description={t('时间记为现在')}
        okText={t('确认')}
        onConfirm={() => m.mutate({ kind: a.kind })}
      >
        {b}
      </Popconfirm>
    );
  };
  const main = acts.filter((a) => a.kind !== 'pause' && a.kind !== 'resume');
  const clock = acts.filter((a) => a.kind === 'pause' || a.kind === 'resume');
  return (
    <>
      <div
        style={
          phone
            ? { display: 'flex', flexDirection: 'column', gap: 10 }
            : { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }
        }
        data-testid="ticket-actions"
      >
        {main.map(button)}
        {!phone && <div style={{ width: 1, height: 24, background: '#e5e7eb', margin: '0 4px' }} />}
        {phone ? <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>{clock.map(button)}</div> : clock.map(button)}
      </div>
      <PauseModal
        open={pausing}
        onClose={() => setPausing(false)}
        busy={m.isPending}
        onPause={(reason) => m.mutate({ kind: 'pause', reason })}
      />
    </>
  );
}

const DONE: Record<TTicketEvent['kind'], string> = {
  callback: '已记录回电',
  arrive: '已记录到场',
  resolve: '已记录解决',
  report: '已记录报告甲方',
  pause: '计时已暂停',
  resume: '计时已恢复',
};
