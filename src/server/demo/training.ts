// The training module's demo (R-TRN-01, R-STF-01/02, R-CONF-05): user training the agency asked for,
// held three weeks ago with sign-in and ratings; last quarter's security and confidentiality
// education of the staff; a new request not yet scheduled; staff certificates, one ending in a month.
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { addCalendarDays } from '../../common/dates.ts';
import { listPeople, partiesByKind } from '../modules/org/api.ts';
import { createCertificate } from '../modules/training/certs.ts';
import {
  addAttendees,
  createSession,
  deliverSession,
  getSession,
  rateSession,
  requestTraining,
  scheduleSession,
  signIn,
} from '../modules/training/sessions.ts';
import { as } from './actors.ts';

const at = (today: string, days: number, hour: number) =>
  new Date(`${addCalendarDays(today, days)}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export async function loadTrainingDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const d = env.today;
  // 1. User training the agency asked for: held three weeks ago, rated by those who came.
  const req = await requestTraining(await as(ctx, 'agency.contact', at(d, -35, 10)), {
    title: '办公网络接入与无线认证使用培训',
    line: 'NET',
    topic: '新员工入网流程、无线网络认证客户端的安装与使用、常见故障自查',
    preferredDate: addCalendarDays(d, -21),
  });
  const pm = (days: number, h: number) => as(ctx, 'pm', at(d, days, h));
  await scheduleSession(await pm(-30, 9), req.id, {
    startAt: at(d, -21, 14).toISOString(),
    endAt: at(d, -21, 16).toISOString(),
    place: '第三会议室',
    trainer: '网管工程师',
  });
  await addAttendees(await pm(-25, 9), req.id, {
    usernames: ['agency.staff', 'agency.dept'],
    outside: [
      { name: '王晓燕', org: '办公室' },
      { name: '李建国', org: '信息中心' },
    ],
  });
  const held = await pm(-21, 14);
  await signIn(await as(ctx, 'agency.staff', at(d, -21, 14)), req.id, []);
  await signIn(await as(ctx, 'agency.dept', at(d, -21, 14)), req.id, []);
  const outside = (await getSession(held, req.id)).attendees.filter((a) => !a.username).map((a) => a.id);
  await signIn(held, req.id, outside);
  await deliverSession(await pm(-21, 16), req.id, '讲解入网流程与无线认证客户端安装，现场演示常见故障自查，答疑 20 分钟。');
  await rateSession(await as(ctx, 'agency.staff', at(d, -21, 17)), req.id, {
    clarity: 5,
    effect: 4,
    comment: '讲得很清楚，希望多给一份操作手册',
  });
  await rateSession(await as(ctx, 'agency.dept', at(d, -21, 17)), req.id, { clarity: 4, effect: 4, comment: '' });
  await rateSession(await pm(-20, 9), req.id, { attendeeId: outside[0], clarity: 5, effect: 5, comment: '（纸质评价表代录）' });

  // 2. Last quarter: security and confidentiality education of the staff (R-CONF-05).
  const edu = await createSession(await pm(-100, 9), {
    kind: 'security',
    title: '运维人员安全保密教育',
    line: null,
    topic: '安全保密协议要点、涉密信息与介质管理、机房出入与外联管理、违规案例',
    startAt: at(d, -95, 9).toISOString(),
    endAt: at(d, -95, 11).toISOString(),
    place: '运维值班室',
    trainer: '项目经理',
  });
  await addAttendees(await pm(-96, 9), edu.id, { usernames: ['eng.sm', 'eng.net', 'eng.sec', 'eng.vc', 'duty'], outside: [] });
  await signIn(
    await pm(-95, 9),
    edu.id,
    (await getSession(ctx, edu.id)).attendees.map((a) => a.id),
  );
  await deliverSession(await pm(-95, 11), edu.id, '全体驻场人员参加并签署保密承诺书。');
  for (const [u, c, e] of [
    ['eng.net', 5, 5],
    ['eng.sec', 4, 5],
    ['eng.vc', 4, 4],
  ] as const)
    await rateSession(await as(ctx, u, at(d, -95, 12)), edu.id, { clarity: c, effect: e, comment: '' });

  // 3. A new request, not yet scheduled.
  await requestTraining(await as(ctx, 'agency.contact', at(d, -2, 15)), {
    title: '视频会议终端新功能使用培训',
    line: 'VC',
    topic: '会议室终端升级后的双流共享与远程控制功能',
    preferredDate: addCalendarDays(d, 10),
  });

  // 4. Certificates of the contractor's staff; one ends within a month.
  const contractors = new Set((await partiesByKind(ctx, 'contractor')).map((p) => p.id));
  const staff = (await listPeople(ctx)).filter((p) => contractors.has(p.partyId));
  const certs = [
    { kind: '信息系统项目管理师', issuer: '人力资源和社会保障部、工业和信息化部', days: null },
    { kind: '网络工程师', issuer: '人力资源和社会保障部、工业和信息化部', days: 400 },
    { kind: '注册信息安全专业人员（CISP）', issuer: '中国信息安全测评中心', days: 30 },
    { kind: '电工作业操作证（低压）', issuer: '北京市应急管理局', days: 700 },
  ];
  for (const [i, c] of certs.entries()) {
    const p = staff[i % Math.max(1, staff.length)];
    if (!p) break;
    await createCertificate(await pm(-60, 9), {
      personId: p.id,
      kind: c.kind,
      number: `CERT-${2021 + i}-${String(1000 + i * 37)}`,
      issuer: c.issuer,
      validUntil: c.days === null ? null : addCalendarDays(d, c.days),
      note: '',
    });
  }
}
