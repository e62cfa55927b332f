// The demo's security devices that send syslog (issue 13 point 10): each a loopback address of its own
// (127.0.0.11–16, so one host plays several devices and the receiver tells them apart), the vendor, its
// character set, and the lines it sends: firewall policy hits, IPS detections, anti-virus finds,
// logins, in the formats of the real devices (vendors/samples.ts). The lab's generator (lab/syslog.ts)
// sends them to the product's own receiver on 127.0.0.1; the events module's demo registers all but
// the last, which shows as an unknown source. Pure data, no network.

export interface DemoSyslogSource {
  address: string;
  name: string;
  vendor: 'huawei' | 'h3c' | 'hillstone' | 'sangfor' | 'fortinet' | 'generic';
  /** The device's character set: Huawei USG sends GBK by default. */
  charset: 'gbk' | null;
  /** Registered as a log source by the demo (false: it lands in the unknown sources). */
  registered: boolean;
  /** Lines for a wall-clock time (already in Shanghai) and a pick of addresses. */
  lines: ((t: DemoTime, a: DemoAddresses) => string)[];
}

export interface DemoTime {
  /** `Dec  6 14:05:11` */
  bsd: string;
  year: number;
  /** `2026-12-06` and `14:05:11` */
  date: string;
  time: string;
  /** RFC 3339 with +08:00. */
  iso: string;
}

export interface DemoAddresses {
  /** An outside attacker (documentation range 203.0.113.0/24). */
  outside: string;
  /** An office PC (10.8.x). */
  pc: string;
  /** A server in the DMZ (10.8.100.x). */
  server: string;
  port: number;
}

export const DEMO_SYSLOG_SOURCES: readonly DemoSyslogSource[] = [
  {
    address: '127.0.0.11',
    name: '互联网出口防火墙',
    vendor: 'huawei',
    charset: 'gbk',
    registered: true,
    lines: [
      (t, a) =>
        `<190>${t.bsd.slice(0, 6)} ${t.year} ${t.time} USG6650-FW %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=6, source-ip=${a.outside}, source-port=${a.port}, destination-ip=${a.server}, destination-port=445, time=${t.date.replaceAll('-', '/')} ${t.time}, source-zone=untrust, destination-zone=dmz, rule-name=deny_smb.`,
      (t, a) =>
        `<188>${t.bsd.slice(0, 6)} ${t.year} ${t.time} USG6650-FW %%01SHELL/4/LOGINFAIL(l):用户 admin 从 ${a.outside} 登录失败（密码错误）。`,
      (t, a) => `<189>${t.bsd.slice(0, 6)} ${t.year} ${t.time} USG6650-FW %%01SHELL/5/LOGIN(l):用户 admin 从 ${a.outside} 登录成功。`,
      (t, a) =>
        `<187>${t.bsd.slice(0, 6)} ${t.year} ${t.time} USG6650-FW %%01IPS/4/DETECT(l):检测到入侵：SQL 注入攻击尝试，SrcIp=${a.outside}, DstIp=${a.server}, SrcPort=${a.port}, DstPort=80, Protocol=TCP, Action=Block, Severity=high.`,
    ],
  },
  {
    address: '127.0.0.12',
    name: '数据中心防火墙',
    vendor: 'h3c',
    charset: null,
    registered: true,
    lines: [
      (t, a) =>
        `<190>${t.bsd} ${t.year} H3C-F1000-DC %%10FILTER/6/FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Trust;DstZoneName(1035)=Untrust;Type(1067)=ACL;SecurityPolicy(1072)=deny_all;RuleID(1078)=3;Protocol(1001)=TCP;Application(1002)=smb;SrcIPAddr(1003)=${a.pc};SrcPort(1004)=${a.port};DstIPAddr(1007)=${a.outside};DstPort(1008)=445;MatchCount(1069)=1;Event(1048)=(8)Session deleted;`,
      (t, a) => `<189>${t.bsd} ${t.year} H3C-F1000-DC %%10SHELL/5/SHELL_LOGIN: admin logged in from ${a.pc}.`,
    ],
  },
  {
    address: '127.0.0.13',
    name: '政务外网边界防火墙',
    vendor: 'hillstone',
    charset: null,
    registered: true,
    lines: [
      (t, a) =>
        `<185>${t.bsd} SG-6000-E3960 ALERT@SECURITY: ${a.outside}:${a.port}->${a.server}:80(TCP), threat name: SQL injection attempt, policy 7, action reset`,
      (t, a) =>
        `<190>${t.bsd} SG-6000-E3960 NOTIF@FLOW: From ${a.pc}:${a.port}(ethernet0/1) to ${a.outside}:3389(ethernet0/2), (TCP), policy id 5, deny`,
    ],
  },
  {
    address: '127.0.0.14',
    name: '上网行为与 WAF',
    vendor: 'sangfor',
    charset: null,
    registered: true,
    lines: [
      (t, a) =>
        `<134>${t.bsd} SANGFOR-AF 日志类型:WAF应用防护日志, 源IP:${a.outside}, 源端口:${a.port}, 目的IP:${a.server}, 目的端口:80, 攻击类型:SQL注入, 严重级别:高, 系统动作:拒绝, URL:http://${a.server}/login.php`,
      (t, a) =>
        `<134>${t.bsd} SANGFOR-AF 日志类型:WAF应用防护日志, 源IP:${a.outside}, 源端口:${a.port}, 目的IP:${a.server}, 目的端口:443, 攻击类型:跨站脚本攻击, 严重级别:中, 系统动作:拒绝, URL:https://${a.server}/search`,
    ],
  },
  {
    address: '127.0.0.15',
    name: '分支机构防火墙',
    vendor: 'fortinet',
    charset: null,
    registered: true,
    lines: [
      (t, a) =>
        `<185>date=${t.date} time=${t.time} devname="FG100E-BR" devid="FG100E3G16000000" logid="0211008192" type="utm" subtype="virus" level="warning" srcip=${a.outside} dstip=${a.pc} action="blocked" virus="EICAR_TEST_FILE" msg="File is infected."`,
      (t, a) =>
        `<189>date=${t.date} time=${t.time} devname="FG100E-BR" devid="FG100E3G16000000" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=${a.pc} srcport=${a.port} srcintf="port1" dstip=${a.outside} dstport=445 dstintf="port2" policyid=5 proto=6 action="deny" service="SMB" msg="Denied by forward policy check"`,
    ],
  },
  {
    address: '127.0.0.16',
    name: '终端防病毒（未登记）',
    vendor: 'generic',
    charset: null,
    registered: false,
    lines: [
      (t, a) =>
        `<28>1 ${t.iso} av-center tianqing - VIRUS - CEF:0|Qi-Anxin|TianQing|10.0|virus|发现病毒|7|src=${a.pc} suser=zhangsan act=quarantine msg=终端 ${a.pc} 发现病毒 Trojan.Win32.Agent，已隔离`,
      // A heartbeat the demo's filter rule drops (a chatty line nobody needs).
      (t) => `<30>1 ${t.iso} av-center tianqing - HEARTBEAT - type=heartbeat msg=防病毒服务心跳`,
    ],
  },
];
