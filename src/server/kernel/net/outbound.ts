// The outbound-request policy (issue 11 point 2): every connection Yunwei opens on a user's say-so —
// chat-robot webhooks, the SMTP server — resolves the name, then refuses loopback, link-local (cloud
// metadata), multicast, broadcast, unspecified and other reserved addresses, and the private ranges
// unless the system administrator allows them (an agency intranet often hosts its own chat server on
// 10.x). The check runs on the address actually connected to (the socket's lookup), so a DNS answer
// that changes between the check and the connection (rebinding) is refused too. Devices the network
// module polls (SNMP, SSH, syslog forwarding) are listed by administrators and are not under it.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AppError } from '../errors.ts';

export interface OutboundPolicy {
  /** The private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) are reachable. */
  allowPrivate: boolean;
  /** Addresses or CIDR ranges the administrator allows whatever their kind (e.g. '10.20.0.0/16', '127.0.0.1'). */
  allow: readonly string[];
}

export const STRICT_POLICY: OutboundPolicy = { allowPrivate: false, allow: [] };

export type AddressKind = 'public' | 'private' | 'loopback' | 'link_local' | 'multicast' | 'unspecified' | 'reserved';

const KIND_ZH: Record<Exclude<AddressKind, 'public'>, string> = {
  private: '内网',
  loopback: '本机环回',
  link_local: '链路本地（含云平台元数据）',
  multicast: '组播',
  unspecified: '未指定',
  reserved: '保留',
};

function blocks(entries: [string, number][], v6: [string, number][]): BlockList {
  const b = new BlockList();
  for (const [net, bits] of entries) b.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of v6) b.addSubnet(net, bits, 'ipv6');
  return b;
}

// IANA special-purpose registries (RFC 6890 and successors), grouped by why they are refused.
const KINDS: [Exclude<AddressKind, 'public'>, BlockList][] = [
  ['unspecified', blocks([['0.0.0.0', 8]], [['::', 128]])],
  ['loopback', blocks([['127.0.0.0', 8]], [['::1', 128]])],
  ['link_local', blocks([['169.254.0.0', 16]], [['fe80::', 10]])],
  ['multicast', blocks([['224.0.0.0', 4]], [['ff00::', 8]])],
  [
    'private',
    blocks(
      [
        ['10.0.0.0', 8],
        ['172.16.0.0', 12],
        ['192.168.0.0', 16],
        ['100.64.0.0', 10],
      ],
      [['fc00::', 7]],
    ),
  ],
  [
    'reserved',
    blocks(
      [
        ['192.0.0.0', 24],
        ['192.0.2.0', 24],
        ['198.18.0.0', 15],
        ['198.51.100.0', 24],
        ['203.0.113.0', 24],
        ['240.0.0.0', 4],
      ],
      [
        ['64:ff9b::', 96],
        ['100::', 64],
        ['2001:db8::', 32],
        ['2001::', 23],
      ],
    ),
  ],
];

/** An IPv4 address written as IPv6 (::ffff:a.b.c.d or ::ffff:7f00:1) as the IPv4 address it is. */
function unmapped(ip: string): string {
  const m = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ip);
  if (!m) return ip;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function classify(address: string): AddressKind {
  const ip = unmapped(address);
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  for (const [kind, list] of KINDS) if (list.check(ip, family)) return kind;
  return 'public';
}

function allowList(policy: OutboundPolicy): BlockList {
  const b = new BlockList();
  for (const entry of policy.allow) {
    const [net, bits] = entry.split('/');
    const family = isIP(net ?? '');
    if (!family) continue;
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) b.addAddress(net!, type);
    else b.addSubnet(net!, Number(bits), type);
  }
  return b;
}

/** Why `address` is refused under `policy`, or null when it may be connected to. */
export function refusal(address: string, policy: OutboundPolicy): string | null {
  const ip = unmapped(address);
  const kind = classify(ip);
  if (kind === 'public') return null;
  if (kind === 'private' && policy.allowPrivate) return null;
  if (allowList(policy).check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4')) return null;
  return KIND_ZH[kind];
}

/** A connection the policy refuses: said without the address, so the answer cannot map a network. */
export class OutboundRefused extends AppError {
  constructor(kind: string) {
    super(
      422,
      'net.outbound_refused',
      `目标地址属于${kind}地址，出于安全不允许访问；如需访问内网服务器，请系统管理员在“外发访问策略”中放行`,
    );
  }
}

/** A socket lookup that resolves as usual, then refuses any answer the policy does not allow. */
export function policyLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.map((a) => refusal(a.address, policy)).find((r) => r !== null);
      if (bad) return callback(new OutboundRefused(bad), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves `host` under the policy and answers the address to connect to (an IP literal is checked as is). */
export async function resolveOutbound(host: string, policy: OutboundPolicy): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    policyLookup(policy)(bare, { family: 0 }, (err, address) => (err ? reject(err) : resolve(address as string)));
  });
}

/** Checks a policy as an administrator entered it: each entry an IPv4/IPv6 address or CIDR range. */
export function parseAllowList(entries: readonly string[]): { ok: string[]; bad: string[] } {
  const ok: string[] = [];
  const bad: string[] = [];
  for (const raw of entries) {
    const e = raw.trim();
    if (!e) continue;
    const [net, bits, extra] = e.split('/');
    const family = isIP(net ?? '');
    const max = family === 6 ? 128 : 32;
    const valid = family !== 0 && extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max));
    (valid ? ok : bad).push(e);
  }
  return { ok, bad };
}
