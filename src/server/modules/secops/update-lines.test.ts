// Signature-update lines (issue 13 point 6): each vendor's successful update read into library and
// version with the sender's time; failures and other lines are not updates.
import { describe, expect, it } from 'vitest';
import { parseUpdateLine } from './update-lines.ts';

const ref = new Date('2026-12-06T08:00:00Z');

describe('update lines', () => {
  it('reads Huawei USG UPDATE messages by module', () => {
    const ips = parseUpdateLine(
      '<190>Dec  5 2026 03:00:12 USG6650-FW %%01UPDATE/6/DOWNLOAD_OK(l):Succeeded in downloading the new version. (SyslogId=1, User=SystemTimer, IP=**, Module=IPS-SDB, Pre-UpdateVersion=2026120401, DownloadVersion=2026120501, Status=auto-update, Duration(s)=12)',
      ref,
    );
    expect(ips).toEqual({ vendor: 'huawei', library: 'signature', version: '2026120501', at: new Date('2026-12-04T19:00:12Z') });
    const av = parseUpdateLine(
      '<190>Dec  5 2026 03:05:00 USG6650-FW %%01UPDATE/6/SUCCESS(l):The signature database update succeeded. (SyslogId=2, User=**, IP=**, Module=AV-SDB, Status=auto-update, Duration(s)=30, OldVersion=1.2.1, NewVersion=1.2.2)',
      ref,
    );
    expect(av).toMatchObject({ library: 'virus', version: '1.2.2' });
    const engine = parseUpdateLine(
      '<190>Dec  5 2026 03:06:00 USG %%01UPDATE/6/LOAD_OK(l):Succeeded. (SyslogId=3, Module=IPS-ENGINE, LoadVersion=6.0.1.5)',
      ref,
    );
    expect(engine).toMatchObject({ library: 'engine', version: '6.0.1.5' });
  });

  it('does not take a failure or an ordinary line for an update', () => {
    expect(
      parseUpdateLine(
        '<187>Dec  5 2026 03:00:12 USG %%01UPDATE/3/FAILURE(l):The signature database update failed. (SyslogId=1, Module=IPS-SDB, Status=apply)',
        ref,
      ),
    ).toBeNull();
    expect(parseUpdateLine('<188>Dec  5 2026 03:00:12 USG %%01SHELL/4/LOGINFAIL(l):用户 admin 登录失败。', ref)).toBeNull();
    expect(
      parseUpdateLine(
        '<134>Dec  5 03:00:00 SANGFOR-AF 日志类型:系统升级日志, 升级对象:IPS漏洞特征库, 升级后版本:20261205, 升级结果:失败',
        ref,
      ),
    ).toBeNull();
  });

  it('reads Hillstone and Sangfor update lines, a year-less time as the latest before now', () => {
    expect(
      parseUpdateLine(
        '<190>Dec  4 02:10:00 SG-6000-E3960 INFO@MGMT: IPS signature database has been updated to version 3.0.190 successfully.',
        ref,
      ),
    ).toEqual({
      vendor: 'hillstone',
      library: 'signature',
      version: '3.0.190',
      at: new Date('2026-12-03T18:10:00Z'),
    });
    expect(
      parseUpdateLine(
        '<134>Dec 31 23:00:00 SANGFOR-AF 日志类型:系统升级日志, 升级对象:病毒库, 升级前版本:20261230, 升级后版本:20261231, 升级结果:成功',
        ref,
      ),
    ).toMatchObject({
      vendor: 'sangfor',
      library: 'virus',
      version: '20261231',
      at: new Date('2025-12-31T15:00:00Z'),
    });
  });
});
