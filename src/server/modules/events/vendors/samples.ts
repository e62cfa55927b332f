// Realistic lines of each vendor (formats from their log references; addresses from the documentation
// ranges and private test nets, never real), with the fields the normaliser must read from them.
import type { EventRow } from '../normalise.ts';
import { FLOW_SAMPLES } from './flow-samples.ts';

export interface Sample {
  name: string;
  line: string;
  /** Encode the line as GBK before parsing (the device's default character set). */
  gbk?: boolean;
  expect: Partial<EventRow>;
}

export const SAMPLES: Sample[] = [
  {
    name: 'Huawei USG policy deny (RFC 3164 with year)',
    line: '<190>Dec  6 2026 14:05:11 USG6000-FW %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=6, source-ip=10.1.1.5, source-port=51234, destination-ip=192.0.2.20, destination-port=445, time=2026/12/6 14:05:11, source-zone=trust, destination-zone=untrust, rule-name=deny_smb.',
    expect: {
      vendor: 'huawei',
      product: 'USG',
      host: 'USG6000-FW',
      category: 'traffic',
      severity: 'info',
      srcIp: '10.1.1.5',
      srcPort: 51234,
      dstIp: '192.0.2.20',
      dstPort: 445,
      rule: 'deny_smb',
      occurredAt: new Date('2026-12-06T06:05:11Z'),
    },
  },
  {
    name: 'Huawei USG login failure in Chinese, GBK',
    line: '<188>Dec  6 2026 14:06:00 USG6000-FW %%01SHELL/4/LOGINFAIL(l):用户 admin 从 10.1.1.9 登录失败。',
    gbk: true,
    expect: { vendor: 'huawei', category: 'auth', severity: 'medium', message: '用户 admin 从 10.1.1.9 登录失败。' },
  },
  {
    name: 'H3C SecPath zone filter (year after the time)',
    line: '<190>Dec  6 14:05:11 2026 H3C-F1000 %%10FILTER/6/FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Trust;DstZoneName(1035)=Untrust;Type(1067)=ACL;SecurityPolicy(1072)=deny_all;RuleID(1078)=3;Protocol(1001)=TCP;Application(1002)=smb;SrcIPAddr(1003)=10.1.1.5;SrcPort(1004)=51234;DstIPAddr(1007)=192.0.2.20;DstPort(1008)=445;MatchCount(1069)=1;Event(1048)=(8)Session deleted;',
    expect: {
      vendor: 'h3c',
      product: 'SecPath',
      host: 'H3C-F1000',
      category: 'traffic',
      srcIp: '10.1.1.5',
      dstIp: '192.0.2.20',
      dstPort: 445,
      protocol: 'TCP',
      rule: 'deny_all',
      occurredAt: new Date('2026-12-06T06:05:11Z'),
    },
  },
  {
    name: 'H3C SSH login',
    line: '<189>Dec  6 14:07:00 2026 H3C-F1000 %%10SHELL/5/SHELL_LOGIN: admin logged in from 10.1.1.9.',
    expect: { vendor: 'h3c', category: 'auth', severity: 'low', message: 'admin logged in from 10.1.1.9.' },
  },
  {
    name: 'Hillstone session deny',
    line: '<190>Dec  6 14:05:11 SG-6000-E3960 NOTIF@FLOW: From 10.1.1.5:51234(ethernet0/1) to 192.0.2.20:445(ethernet0/2), (TCP), policy id 5, deny',
    expect: {
      vendor: 'hillstone',
      product: 'StoneOS',
      host: 'SG-6000-E3960',
      category: 'traffic',
      severity: 'low',
      srcIp: '10.1.1.5',
      srcPort: 51234,
      dstIp: '192.0.2.20',
      dstPort: 445,
      rule: '5',
      action: 'deny',
    },
  },
  {
    name: 'Hillstone threat',
    line: '<185>Dec  6 14:05:30 SG-6000-E3960 ALERT@SECURITY: 10.1.1.7:40000->192.0.2.30:80(TCP), threat name: SQL injection attempt, policy 7, action reset',
    expect: {
      vendor: 'hillstone',
      category: 'attack',
      severity: 'critical',
      srcIp: '10.1.1.7',
      dstIp: '192.0.2.30',
      dstPort: 80,
      protocol: 'TCP',
      rule: '7',
    },
  },
  {
    name: 'Sangfor AF WAF event in Chinese',
    line: '<134>Dec  6 14:05:11 SANGFOR-AF 日志类型:WAF应用防护日志, 源IP:10.1.1.5, 源端口:51234, 目的IP:192.0.2.20, 目的端口:80, 攻击类型:SQL注入, 严重级别:高, 系统动作:拒绝, URL:http://192.0.2.20/login.php',
    expect: {
      vendor: 'sangfor',
      product: 'AF',
      category: 'attack',
      severity: 'high',
      srcIp: '10.1.1.5',
      dstIp: '192.0.2.20',
      dstPort: 80,
      action: '拒绝',
      message: 'SQL注入',
    },
  },
  {
    name: 'Fortinet FortiGate traffic (no syslog header)',
    line: '<189>date=2026-12-06 time=14:05:11 devname="FG100E-HQ" devid="FG100E3G16000000" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.1.1.5 srcport=51234 srcintf="port1" dstip=192.0.2.20 dstport=445 dstintf="port2" policyid=5 proto=6 action="deny" service="SMB" msg="Denied by forward policy check"',
    expect: {
      vendor: 'fortinet',
      product: 'FortiGate',
      host: 'FG100E-HQ',
      category: 'traffic',
      severity: 'low',
      srcIp: '10.1.1.5',
      dstPort: 445,
      protocol: 'SMB',
      action: 'deny',
      rule: '5',
      message: 'Denied by forward policy check',
      occurredAt: new Date('2026-12-06T06:05:11Z'),
    },
  },
  {
    name: 'Fortinet virus',
    line: '<185>date=2026-12-06 time=14:06:11 devname="FG100E-HQ" devid="FG100E3G16000000" logid="0211008192" type="utm" subtype="virus" level="warning" srcip=10.1.1.8 dstip=192.0.2.40 action="blocked" virus="EICAR_TEST_FILE" msg="File is infected."',
    expect: { vendor: 'fortinet', category: 'virus', severity: 'medium', srcIp: '10.1.1.8', message: 'File is infected.' },
  },
  {
    name: 'CEF from an IPS (RFC 5424)',
    line: '<131>1 2026-12-06T14:05:11.123+08:00 ips-01 ips - - - CEF:0|Qi-Anxin|NGSOC IPS|3.0|1001|Brute force login|8|src=10.1.1.5 spt=51234 dst=192.0.2.20 dpt=22 proto=TCP suser=root act=blocked msg=SSH 暴力破解',
    expect: {
      vendor: 'Qi-Anxin',
      product: 'NGSOC IPS',
      host: 'ips-01',
      category: 'auth',
      severity: 'high',
      srcIp: '10.1.1.5',
      dstPort: 22,
      user: 'root',
      action: 'blocked',
      message: 'SSH 暴力破解',
      occurredAt: new Date('2026-12-06T06:05:11.123Z'),
    },
  },
  {
    name: 'generic key=value (RFC 5424 with structured data)',
    line: '<28>1 2026-12-06T06:05:11Z av-01 avd 311 VIRUS [meta sequenceId="1"] type=virus src=10.1.1.8 user=zhangsan action=quarantine msg="发现病毒 Trojan.Win32"',
    expect: {
      vendor: 'generic',
      host: 'av-01',
      category: 'virus',
      severity: 'medium',
      srcIp: '10.1.1.8',
      user: 'zhangsan',
      message: '发现病毒 Trojan.Win32',
    },
  },
  ...FLOW_SAMPLES,
];
