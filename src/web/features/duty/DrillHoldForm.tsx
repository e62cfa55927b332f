// 登记演练实施: when the drill ran, its timeline (one line each: "HH:mm what happened"), findings and
// follow-ups ("what — owner", one a line).
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TDrill } from '../../../common/duty-drills.ts';
import { drillsApi as api } from '../../../common/duty-drills.api.ts';
import { call } from '../../api/client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function HoldForm({ drill, onClose }: { drill: TDrill; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ span: [Dayjs, Dayjs]; timeline: string; findings: string; followUps?: string }, TDrill>
      open
      width={640}
      onClose={onClose}
      title={`${t('登记演练实施')}：${drill.title}`}
      successText="演练记录已登记"
      invalidate={['duty']}
      submit={({ span, timeline, findings, followUps }) =>
        call(api.hold, {
          params: { id: drill.id },
          body: {
            heldStart: span[0].toISOString(),
            heldEnd: span[1].toISOString(),
            findings,
            timeline: lines(timeline).map((l) => {
              const m = /^(\d{1,2}):(\d{2})\s*(.*)$/.exec(l);
              const at = m ? span[0].hour(Number(m[1])).minute(Number(m[2])).second(0) : span[0];
              return { at: at.toISOString(), text: m ? m[3] || l : l };
            }),
            followUps: lines(followUps).map((l) => {
              const [text = l, owner = ''] = l.split(/\s+[—-]\s+/);
              return { text, owner, due: null };
            }),
          },
        })
      }
    >
      <Form.Item name="span" label={t('演练时间')} rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="timeline" label={t('演练过程（每行一条：HH:mm 经过）')} rules={[{ required: true }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.Item name="findings" label={t('发现问题')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="followUps" label={t('整改事项（每行一条：事项 — 责任人）')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
