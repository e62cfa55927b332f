// The configuration a lab device prints (issue 12 point 5): plausible for its vendor (host name,
// VLANs, interfaces with the descriptions the SNMP agent reports, an ACL, SNMP, NTP, AAA; ciphers
// and keys are placeholders, never real secrets), with the volatile line real devices print ("Last
// configuration …"). It is a function of a revision, so the demo can change a device in a controlled
// way: revision 0 is the baseline, each revision after it adds one change on top of the ones before.
import type { LabDevice } from '../lab.ts';
import { VENDOR_FACTS, hostnameOf, portsOf, type LabPort } from './model.ts';

/** The revision the demo's history ends at (its seed stores 0, 1, 2) and the lab serves at start. */
export const LAB_LATEST_REVISION = 2;

interface Vlan {
  id: number;
  name: string;
}

const BASE_VLANS: Vlan[] = [
  { id: 10, name: '管理' },
  { id: 20, name: '办公' },
  { id: 30, name: '无线' },
  { id: 40, name: '服务器' },
  { id: 50, name: '视频监控' },
];

/** What each revision after the baseline changes; past the list, each adds a temporary VLAN. */
interface Revision {
  vlans: Vlan[];
  /** Interface descriptions changed: ifIndex → new description. */
  descriptions: Map<number, string>;
  /** Management networks allowed by the ACL (address, wildcard). */
  permits: [string, string][];
  ntpServers: string[];
}

function revisionOf(n: number): Revision {
  const r: Revision = {
    vlans: [...BASE_VLANS],
    descriptions: new Map(),
    permits: [['10.10.10.0', '0.0.0.255']],
    ntpServers: ['10.10.10.5'],
  };
  if (n >= 1) {
    r.vlans.push({ id: 60, name: '视频会议' });
    r.descriptions.set(6, '视频会议-第三会议室');
  }
  if (n >= 2) {
    r.permits.push(['10.10.50.0', '0.0.0.255']);
    r.ntpServers.push('10.10.10.6');
  }
  for (let k = 3; k <= n; k++) r.vlans.push({ id: 100 + k, name: `临时-变更${k}` });
  return r;
}

const lines = (...ls: (string | false | undefined)[]) => ls.filter((l): l is string => typeof l === 'string');
const description = (r: Revision, p: LabPort) => r.descriptions.get(p.ifIndex) ?? p.alias;
const accessVlan = (p: LabPort) => [20, 30, 40, 50][p.ifIndex % 4]!;
const pad = (n: number) => String(n).padStart(2, '0');

function vrpTime(at: Date): string {
  const s = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}+08:00`;
}

function vrp(d: LabDevice, r: Revision, at: Date, comware: boolean): string {
  const name = hostnameOf(d);
  const ports = portsOf(d);
  const routed = comware; // the Comware lab device is a router: routed ports, no VLAN per port
  const out = comware
    ? lines('#', ` version ${VENDOR_FACTS[d.vendor].version}`, '#', ` sysname ${name}`, '#', ' clock timezone BJ add 08:00:00', '#')
    : lines(
        `!Software Version ${VENDOR_FACTS[d.vendor].version}`,
        `!Last configuration was updated at ${vrpTime(at)}`,
        '#',
        `sysname ${name}`,
        '#',
        `vlan batch ${r.vlans.map((v) => v.id).join(' ')}`,
        '#',
        'clock timezone BJ add 08:00:00',
        '#',
      );
  for (const v of r.vlans) out.push(`vlan ${v.id}`, ` description ${v.name}`, '#');
  out.push(
    `acl number 2000`,
    ...r.permits.map(([a, w], i) => ` rule ${(i + 1) * 5} permit source ${a} ${w}`),
    ` rule ${(r.permits.length + 1) * 5} deny`,
    '#',
    'aaa',
    comware ? '#' : ' authentication-scheme default',
    ...(comware
      ? [
          'local-user backup class manage',
          ' password hash $h$6$DemoOnlyNotARealHash==',
          ' service-type ssh telnet',
          ' authorization-attribute user-role network-operator',
          '#',
        ]
      : [
          ' local-user backup password irreversible-cipher $1a$DemoOnly$NotARealCipher$',
          ' local-user backup privilege level 1',
          ' local-user backup service-type ssh',
          '#',
        ]),
  );
  if (!comware) out.push('interface Vlanif10', ` ip address 10.10.0.${d.key.endsWith('2') ? 2 : 1} 255.255.255.0`, '#');
  for (const p of ports) {
    out.push(`interface ${p.descr}`, ` description ${description(r, p)}`);
    if (routed && p.ifIndex <= 2) out.push(` ip address 172.16.${p.ifIndex}.${d.key === 'egov-r' ? 1 : 2} 255.255.255.252`);
    else if (!routed && p.speedMbps >= 10_000)
      out.push(' port link-type trunk', ` port trunk allow-pass vlan ${r.vlans.map((v) => v.id).join(' ')}`);
    else if (!routed) out.push(' port link-type access', ` port default vlan ${accessVlan(p)}`);
    if (!p.adminUp) out.push(' shutdown');
    out.push('#');
  }
  out.push(
    ...(comware
      ? [
          'snmp-agent',
          'snmp-agent community read cipher $c$3$DemoOnlyCommunityCipher== acl 2000',
          'snmp-agent sys-info version v2c v3',
          '#',
          'ssh server enable',
          '#',
        ]
      : [
          'snmp-agent',
          'snmp-agent community read cipher %^%#DemoOnlyCommunityCipher%^%# acl 2000',
          'snmp-agent sys-info version v2c v3',
          '#',
          'stelnet server enable',
          '#',
        ]),
    ...r.ntpServers.map((s) => `ntp-service unicast-server ${s}`),
    '#',
    'user-interface vty 0 4',
    ' authentication-mode aaa',
    ' acl 2000 inbound',
    ' protocol inbound ssh',
    '#',
    'return',
  );
  return `${out.join('\n')}\n`;
}

function iosTime(at: Date): string {
  const s = new Date(at.getTime() + 8 * 3600_000);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][s.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][s.getUTCMonth()];
  return `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())} CST ${day} ${mon} ${s.getUTCDate()} ${s.getUTCFullYear()}`;
}

function ios(d: LabDevice, r: Revision, at: Date): string {
  const ports = portsOf(d);
  const body = lines(
    '!',
    `! Last configuration change at ${iosTime(at)} by backup`,
    '!',
    `version ${VENDOR_FACTS[d.vendor].version}`,
    'service timestamps debug datetime msec',
    'service timestamps log datetime msec',
    'service password-encryption',
    '!',
    `hostname ${hostnameOf(d)}`,
    '!',
    'clock timezone CST 8 0',
    '!',
    'aaa new-model',
    'aaa authentication login default local',
    'aaa authorization exec default local',
    '!',
    'username backup privilege 15 secret 9 $9$DemoOnly$NotARealSecretHashValue',
    '!',
    ...r.vlans.flatMap((v) => [`vlan ${v.id}`, ` name ${v.name}`, '!']),
  );
  for (const p of ports) {
    body.push(`interface ${p.descr}`, ` description ${description(r, p)}`);
    if (p.ifIndex <= 2) body.push(` ip address 172.17.${p.ifIndex}.1 255.255.255.252`);
    else body.push(' no ip address');
    if (!p.adminUp) body.push(' shutdown');
    body.push(' negotiation auto', '!');
  }
  body.push(
    ...r.permits.map(([a, w]) => `access-list 10 permit ${a} ${w}`),
    '!',
    'snmp-server community DemoOnlyCommunity RO 10',
    'snmp-server location 中心机房西区',
    '!',
    ...r.ntpServers.map((s) => `ntp server ${s}`),
    '!',
    'line vty 0 4',
    ' access-class 10 in',
    ' transport input ssh telnet',
    '!',
    'end',
  );
  const text = `${body.join('\n')}\n`;
  return `Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(text)} bytes\n${text}`;
}

/** The running configuration of a lab device at a revision, as it prints it at `at`. */
export function labConfig(d: LabDevice, revision: number, at: Date = new Date()): string {
  const r = revisionOf(revision);
  return d.vendor === 'cisco-ios' ? ios(d, r, at) : vrp(d, r, at, d.vendor === 'h3c-comware');
}
