// One training session: what and when, the attendees with their sign-in and assessment, the summary
// of clarity (通俗易懂) and effect (达到预期目的), the materials, and the actions each role may take:
// the contractor schedules, adds attendees, signs them in, uploads materials and records delivery;
// an attendee signs in and, once delivered, rates the session.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, List, Rate, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TAttendee, TSessionDetail } from '../../../common/training.ts';
import { trainingApi as api } from '../../../common/training.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { uploadForm } from '../../api/upload.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useLineLabel } from '../../components/LineTags.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRun } from '../../components/useRun.ts';
import { AttendeesForm, DeliverForm, RateForm, ScheduleForm } from './forms.tsx';
import { KindTag, StateTag, score } from './meta.tsx';

type Form = 'schedule' | 'attendees' | 'deliver' | 'rate' | null;

function Attendees({ s, onRateFor }: { s: TSessionDetail; onRateFor: (a: TAttendee) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { busy, run } = useRun('training', () => undefined);
  const writer = can('training.write');
  const signFor = (a: TAttendee) => run(() => call(api.signIn, { params: { id: s.id }, body: { attendeeIds: [a.id] } }), '已签到');
  return (
    <Table<TAttendee>
      rowKey="id"
      size="small"
      dataSource={s.attendees}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'n', title: t('姓名'), render: (_, a) => (a.org ? `${a.name}（${a.org}）` : a.name) },
        {
          key: 's',
          title: t('签到'),
          render: (_, a) =>
            a.signedInAt ? (
              <Tag color="success">{fmtTime(a.signedInAt)}</Tag>
            ) : writer && s.state === 'scheduled' ? (
              <Button size="small" loading={busy} onClick={() => void signFor(a)}>
                {t('代签到')}
              </Button>
            ) : (
              <Tag>{t('未签到')}</Tag>
            ),
        },
        {
          key: 'c',
          title: t('通俗易懂'),
          render: (_, a) => (a.clarity ? <Rate disabled value={a.clarity} style={{ fontSize: 14 }} /> : '—'),
        },
        {
          key: 'e',
          title: t('培训效果'),
          render: (_, a) => (a.effect ? <Rate disabled value={a.effect} style={{ fontSize: 14 }} /> : '—'),
        },
        {
          key: 'm',
          title: t('意见'),
          render: (_, a) =>
            a.comment ||
            (writer && !a.username && a.signedInAt && s.state === 'delivered' && !a.clarity ? (
              <Button size="small" onClick={() => onRateFor(a)}>
                {t('代录评价')}
              </Button>
            ) : (
              '—'
            )),
        },
      ]}
    />
  );
}

function Materials({ s }: { s: TSessionDetail }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await uploadForm(api.upload, { params: { id: s.id } }, form, setPercent);
      fb.ok('资料已上传');
      await qc.invalidateQueries({ queryKey: ['training'] });
    } catch (e) {
      fb.fail(e);
    } finally {
      setPercent(null);
    }
  };
  return (
    <Card
      title={t('培训资料')}
      extra={
        can('training.write') && (
          <Upload showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
            <Button icon={<UploadOutlined />} loading={percent !== null}>
              {percent !== null ? `${percent}%` : t('上传资料')}
            </Button>
          </Upload>
        )
      }
    >
      <List
        dataSource={s.materials}
        locale={{ emptyText: t('暂无资料') }}
        renderItem={(m) => (
          <List.Item>
            <a href={m.url} target="_blank" rel="noreferrer">
              {m.name}
            </a>
            <Typography.Text type="secondary">{`${Math.max(1, Math.round(m.size / 1024))} KB`}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function SessionPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const line = useLineLabel();
  const { id = '' } = useParams();
  const q = useCall(api.get, { params: { id } });
  const [form, setForm] = useState<Form>(null);
  const [rateFor, setRateFor] = useState<TAttendee | undefined>();
  const { busy, run } = useRun('training', () => undefined);
  const s = q.data;
  if (!s) return <Card loading />;
  const writer = can('training.write');
  const mine = s.attendees.find((a) => a.id === s.mine);
  const close = () => (setForm(null), setRateFor(undefined));
  return (
    <div>
      <PageHeader
        title={s.title}
        subtitle={
          <Space wrap>
            <Link to="/training">{t('培训')}</Link>
            <span className="yw-mono">{s.number}</span>
            <KindTag s={s} />
            <StateTag s={s} />
          </Space>
        }
        extra={
          <Space wrap>
            {writer && (s.state === 'requested' || s.state === 'scheduled') && (
              <Button onClick={() => setForm('schedule')}>{s.state === 'requested' ? t('安排时间') : t('调整时间')}</Button>
            )}
            {writer && s.state !== 'delivered' && s.state !== 'cancelled' && (
              <Button onClick={() => setForm('attendees')}>{t('添加参训人员')}</Button>
            )}
            {mine && !mine.signedInAt && s.state === 'scheduled' && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run(() => call(api.signIn, { params: { id }, body: {} }), '已签到')}
              >
                {t('签到')}
              </Button>
            )}
            {writer && s.state === 'scheduled' && (
              <Button type="primary" onClick={() => setForm('deliver')}>
                {t('登记完成')}
              </Button>
            )}
            {mine?.signedInAt && s.state === 'delivered' && (
              <Button type="primary" onClick={() => setForm('rate')}>
                {mine.clarity ? t('修改评价') : t('评价本次培训')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('培训信息')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('培训内容')}>{s.topic}</Descriptions.Item>
              {s.line && <Descriptions.Item label={t('服务项目')}>{line(s.line)}</Descriptions.Item>}
              {s.requestedByName && <Descriptions.Item label={t('申请人')}>{s.requestedByName}</Descriptions.Item>}
              {s.preferredDate && <Descriptions.Item label={t('希望日期')}>{s.preferredDate}</Descriptions.Item>}
              <Descriptions.Item label={t('培训时间')}>
                {s.startAt && s.endAt ? `${fmtTime(s.startAt)} – ${fmtTime(s.endAt)}` : t('待安排')}
              </Descriptions.Item>
              {s.place && <Descriptions.Item label={t('地点')}>{s.place}</Descriptions.Item>}
              {s.trainer && <Descriptions.Item label={t('讲师')}>{s.trainer}</Descriptions.Item>}
              {s.summary && <Descriptions.Item label={t('培训小结')}>{s.summary}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('培训评价')}>
            <Row gutter={[16, 16]}>
              {[
                [t('通俗易懂'), score(s.ratings.clarity)],
                [t('培训效果'), score(s.ratings.effect)],
                [t('签到/参训'), `${s.ratings.signedIn}/${s.ratings.attendees}`],
                [t('已评价'), String(s.ratings.rated)],
              ].map(([title, value]) => (
                <Col span={12} key={title}>
                  <Statistic title={title} value={value} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('参训人员')}>
            <Attendees s={s} onRateFor={(a) => (setRateFor(a), setForm('rate'))} />
          </Card>
        </Col>
        <Col xs={24}>
          <Materials s={s} />
        </Col>
      </Row>
      <ScheduleForm id={id} open={form === 'schedule'} onClose={close} />
      <AttendeesForm id={id} open={form === 'attendees'} onClose={close} />
      <DeliverForm id={id} open={form === 'deliver'} onClose={close} />
      <RateForm id={id} attendee={rateFor} open={form === 'rate'} onClose={close} />
    </div>
  );
}
