// The real feature list gives users the menu they had before the shell read it from manifests:
// same entries, order and permissions (我的报修 for reporters), same highlighted entry and open group.
import { describe, expect, it } from 'vitest';
import { menuItems, selectedKey } from '../app/menu.tsx';
import { features } from './index.ts';
import { holder, id, outline } from '../app/menu-testing.ts';

describe('the real feature list', () => {
  const every = () => true;

  it('builds the menu users had before manifests, in order', () => {
    expect(outline(menuItems(features, every, id))).toEqual([
      '首页',
      '合同',
      '合同款项',
      '人员名单审核',
      '服务考核[月度考核 考核趋势]',
      '数据移交与保密',
      '服务台[我的工作 运维单 SLA 风险看板 回访 SLA 策略 知识库 改进建议]',
      '资产[资产台账 备品备件 采购咨询 变动审批 线路 过保与停止支持 资产分类]',
      '网络监控[监控设备 监控告警 告警阈值 探测对 网络拓扑 监控大屏]',
      '配置备份',
      '变更管理[变更申请 第三方人员访问 计划与制度审阅]',
      '巡检管理[巡检单 巡检模板 巡检计划]',
      '漏洞管理[漏洞看板 扫描与加固计划]',
      '安全事件[事件流 安全告警 日志源 特征库 安全通告]',
      '交付与审阅[季度总结评审 领导支持]',
      '值班',
      '视频会议保障',
      '报告[运维报告]',
      '培训',
      '单位与人员[合同各方 地点与机房 部门 人员]',
      '工作日历',
      '系统管理[用户管理 角色权限 审计日志 邮件服务器]',
    ]);
  });

  it('shows a reporter 我的报修 instead of 我的工作, and hides groups with nothing inside', () => {
    expect(outline(menuItems(features, holder('desk.self'), id))).toEqual(['首页', '服务台[我的报修]', '工作日历']);
    expect(outline(menuItems(features, holder('spare.write'), id))).toEqual(['首页', '资产[备品备件]', '工作日历']);
  });

  it.each([
    ['', '/', null],
    ['/', '/', null],
    ['/contract', '/contract', null],
    ['/desk', '/desk', 'desk'],
    ['/desk/mine', '/desk/mine', 'desk'],
    ['/desk/policies', '/desk/policies', 'desk'],
    ['/desk/new', '/desk', 'desk'],
    ['/desk/0b6c6f5e-1c1d-4c51-9d0e-2a7f3f1b9e11', '/desk', 'desk'],
    ['/kb', '/kb', 'desk'],
    ['/kb/0b6c6f5e-1c1d-4c51-9d0e-2a7f3f1b9e11/edit', '/kb', 'desk'],
    ['/assets', '/assets', 'assets'],
    ['/assets/spares', '/assets/spares', 'assets'],
    ['/assets/spares/0b6c6f5e', '/assets', 'assets'],
    ['/assets/0b6c6f5e-1c1d', '/assets', 'assets'],
    ['/org/people', '/org/people', 'org'],
    ['/org/unknown', '/org/unknown', 'org'],
    ['/admin/audit', '/admin/audit', 'admin'],
    ['/admin/unknown', '/admin/unknown', 'admin'],
    ['/calendar', '/calendar', null],
    ['/config-backup/0b6c6f5e-1c1d', '/config-backup', null],
    ['/monitoring', '/monitoring', 'monitoring'],
    ['/monitoring/topology', '/monitoring/topology', 'monitoring'],
    ['/monitoring/thresholds', '/monitoring/thresholds', 'monitoring'],
    ['/monitoring/0b6c6f5e-1c1d', '/monitoring', 'monitoring'],
    ['/changes/access', '/changes/access', 'changes'],
    ['/changes/0b6c6f5e-1c1d', '/changes', 'changes'],
    ['/vulns/plans', '/vulns/plans', 'vulns'],
    ['/vulns/findings/0b6c6f5e-1c1d', '/vulns', 'vulns'],
    ['/events/sources', '/events/sources', 'events'],
    ['/me/notify', '/me/notify', null],
    ['/a/A-0001', '/a/A-0001', null],
  ])('selects %s as %s with %s open', (path, key, open) => {
    expect(selectedKey(features, path)).toEqual({ key, open });
  });
});
