// The change form (变更申请单) as Word (issue 12: "Word export of the change form"): the request, its
// basis, window, steps and rollback, the approval steps with who decided when, the devices with their
// backups before and after, the agency's confirmation and signature lines for both parties.
import type { Paragraph, Table } from 'docx';
import {
  APPROVER_ROLE_NAMES,
  BASIS_NAMES,
  CHANGE_CATEGORY_NAMES,
  CHANGE_STATE_NAMES,
  CHANGE_TYPE_NAMES,
  RISK_NAMES,
} from '../../../common/changes.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import type { Download } from '../../kernel/download.ts';
import { D, docxFile, docxOf, fmtTime, formTable, gridTable, heading, line, loadDocx, run, title } from '../../kernel/office/docx.ts';
import { getChange } from './service.ts';

const STEP_STATUS: Record<string, string> = { pending: '待审批', approved: '同意', rejected: '驳回', returned: '退回修改' };

export async function changeWord(ctx: Ctx, id: string): Promise<Download> {
  await loadDocx();
  const c = await getChange(ctx, id);
  const children: (Paragraph | Table)[] = [
    title('变更申请单'),
    line(`编号：${c.number}        状态：${CHANGE_STATE_NAMES[c.state]}`),
    formTable([
      ['变更标题', c.title],
      ['变更类型', CHANGE_TYPE_NAMES[c.type], '变更类别', CHANGE_CATEGORY_NAMES[c.category]],
      ['风险等级', RISK_NAMES[c.risk], '申请人', c.createdByName],
      ['计划开始', fmtTime(c.plannedStart), '计划结束', fmtTime(c.plannedEnd)],
      ['涉及设备', c.devices.map((d) => d.name).join('、') || '无'],
      ['涉及系统', c.systems || '无'],
      ['变更原因', c.reason],
      ['变更依据', `${BASIS_NAMES[c.basis]}${c.basisText ? `：${c.basisText}` : ''}`],
      ['实施步骤', c.steps],
      ['回退方案', c.rollback],
      ...(c.approvalDueAt ? [['补办审批期限', fmtTime(c.approvalDueAt)] as [string, string]] : []),
      ...(c.conflicts.length
        ? [['时间冲突', c.conflicts.map((x) => `${x.number} ${x.title}（${x.deviceName}）`).join('；')] as [string, string]]
        : []),
    ]),
    heading('审批'),
    gridTable(
      ['步骤', '审批角色', '意见', '审批人', '时间', '说明'],
      c.approvals.map((s) => [
        String(s.step),
        APPROVER_ROLE_NAMES[s.role] ?? s.role,
        STEP_STATUS[s.status] ?? s.status,
        s.byName ?? '',
        fmtTime(s.at),
        s.comment ?? '',
      ]),
    ),
    heading('实施与配置备份'),
    formTable([['实际开始', fmtTime(c.startedAt), '实际完成', fmtTime(c.finishedAt)]]),
    gridTable(
      ['设备', '变更前备份', '变更后备份'],
      c.devices.map((d) => [
        d.name,
        d.beforeVersionId ? '已备份' : (d.beforeError ?? '未备份'),
        d.afterVersionId ? '已备份' : (d.afterError ?? '未备份'),
      ]),
    ),
    heading('甲方确认'),
    c.confirmedAt ? formTable([['确认人', c.confirmedByName ?? '', '确认时间', fmtTime(c.confirmedAt)]]) : line('（尚未确认）'),
    ...['甲方审批（签字）：____________________', '乙方实施人（签字）：__________________'].map(
      (who, i) => new (D().Paragraph)({ spacing: { before: i ? 360 : 480 }, children: [run(`${who}        日期：____年____月____日`)] }),
    ),
  ];
  const buffer = await D().Packer.toBuffer(docxOf(children));
  const filename = `变更申请单-${c.number}.docx`;
  await inTx(ctx, (tx) =>
    audit(tx, { action: 'change.word', objectType: 'change', objectId: c.id, detail: { number: c.number, filename } }),
  );
  return docxFile(filename, buffer);
}
