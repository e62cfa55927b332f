// The vendor parsers (issue 13 point 2), as data: Huawei USG, H3C SecPath, Hillstone, Sangfor AF,
// Fortinet FortiGate and a generic key=value / CEF reader. Samples of each are in samples.ts.
import { cef, colonPairs, keyValues, type Fields } from './kv.ts';
import { COMMON_CATEGORIES, type VendorParser } from './types.ts';

/** The fields with the whole message as `_text` (set last: a line's own `_text=` does not win). */
function withText(out: Fields, message: string): Fields {
  out._text = message;
  return out;
}

/** `%%01POLICY/6/POLICYDENY(l):text` (Huawei) or `%%10FILTER/6/FILTER_..: text` (H3C). */
function infoCenter(message: string): Fields {
  const m = /%%\d{2}([\w-]+)\/(\d)\/([\w-]+)(?:\([a-z]\))?:\s*(.*)$/s.exec(message);
  if (!m) return keyValues(message);
  const out = keyValues(m[4]!);
  [out._module, out._severity, out._brief, out._text] = [m[1]!, m[2]!, m[3]!, m[4]!];
  return out;
}

const huawei: VendorParser = {
  id: 'huawei',
  product: 'USG',
  detect: /%%\d{2}[\w-]+\/\d\/[\w-]+\([a-z]\):/,
  fields: infoCenter,
  keys: {
    srcIp: ['source-ip', 'SourceIP', 'SrcIp'],
    srcPort: ['source-port', 'SourcePort', 'SrcPort'],
    dstIp: ['destination-ip', 'DestinationIP', 'DstIp'],
    dstPort: ['destination-port', 'DestinationPort', 'DstPort'],
    protocol: ['protocol', 'Protocol'],
    user: ['user-name', 'UserName', 'User'],
    action: ['action', 'Action'],
    rule: ['rule-name', 'RuleName', 'policy-name', 'PolicyName'],
    message: ['_text'],
    severity: ['_severity'],
    category: ['_module', '_brief'],
    bytes: ['SendBytes', 'RcvBytes'],
    packets: ['SendPkts', 'RcvPkts'],
  },
  categories: COMMON_CATEGORIES,
};

const h3c: VendorParser = {
  id: 'h3c',
  product: 'SecPath',
  detect: /%%10[\w-]+\/\d\/[\w-]+:/,
  fields: infoCenter,
  keys: {
    srcIp: ['SrcIPAddr', 'SrcIP'],
    srcPort: ['SrcPort'],
    dstIp: ['DstIPAddr', 'DstIP'],
    dstPort: ['DstPort'],
    protocol: ['Protocol'],
    user: ['UserName', 'User'],
    action: ['Action', 'Event'],
    rule: ['SecurityPolicy', 'RuleID', 'PolicyName'],
    message: ['_text'],
    severity: ['_severity'],
    category: ['_module', '_brief'],
    bytes: ['InitByteCount', 'RplyByteCount'],
    packets: ['InitPktCount', 'RplyPktCount'],
  },
  categories: COMMON_CATEGORIES,
};

/** StoneOS: `LEVEL@CLASS: From a:p(if) to b:p(if), …` or `a:p->b:p(TCP), …, policy 5`. */
function hillstoneFields(message: string): Fields {
  const out = keyValues(message);
  out._text = message;
  const kind = /([A-Z]+)@([A-Z]+):/.exec(message);
  if (kind) [out._severity, out._module] = [kind[1]!, kind[2]!];
  const flow =
    /From ([\d.:a-fA-F]+?):(\d+)(?:\([^)]*\))? to ([\d.:a-fA-F]+?):(\d+)/.exec(message) ??
    /([\d.]+):(\d+)->([\d.]+):(\d+)(?:\((\w+)\))?/.exec(message);
  if (flow) [out._src, out._sport, out._dst, out._dport] = [flow[1]!, flow[2]!, flow[3]!, flow[4]!];
  if (flow?.[5]) out._proto = flow[5];
  const policy = /policy(?: id)? (\w+)/i.exec(message);
  if (policy) out._rule = policy[1]!;
  const action = /\b(permit|deny|drop|reset|block)\b/i.exec(message);
  if (action) out._action = action[1]!.toLowerCase();
  const user = /user ([^\s,@]+)/i.exec(message);
  if (user && user[1] !== '-') out._user = user[1]!;
  return out;
}

const hillstone: VendorParser = {
  id: 'hillstone',
  product: 'StoneOS',
  detect: /\b[A-Z]+@(?:FLOW|SECURITY|MGMT|NET|THREAT|EVENT|CONFIG):/,
  fields: hillstoneFields,
  keys: {
    srcIp: ['_src'],
    srcPort: ['_sport'],
    dstIp: ['_dst'],
    dstPort: ['_dport'],
    protocol: ['_proto'],
    user: ['_user'],
    action: ['_action'],
    rule: ['_rule'],
    message: ['_text'],
    severity: ['_severity'],
    category: ['_module'],
  },
  categories: [{ when: /^flow\b/i, category: 'traffic' }, { when: /^mgmt\b/i, category: 'auth' }, ...COMMON_CATEGORIES],
  severityWords: { notif: 'low', warning: 'medium', critical: 'critical', alert: 'critical', info: 'info', error: 'high' },
};

const sangfor: VendorParser = {
  id: 'sangfor',
  product: 'AF',
  detect: /日志类型[:：]/,
  fields: (message) => withText(colonPairs(message), message),
  keys: {
    srcIp: ['源IP', '源地址'],
    srcPort: ['源端口'],
    dstIp: ['目的IP', '目的地址'],
    dstPort: ['目的端口'],
    protocol: ['协议'],
    user: ['用户', '用户名'],
    action: ['系统动作', '动作', '处理动作'],
    rule: ['策略名称', '规则ID', '规则名称'],
    message: ['攻击类型', '描述', '_text'],
    severity: ['严重级别', '危险等级', '级别'],
    category: ['日志类型', '攻击类型'],
  },
  categories: [{ when: /僵尸|病毒/, category: 'virus' }, ...COMMON_CATEGORIES],
};

const fortinet: VendorParser = {
  id: 'fortinet',
  product: 'FortiGate',
  detect: /\bdevid="?F[A-Z0-9]{3}/,
  fields: (message) => withText(keyValues(message), message),
  keys: {
    srcIp: ['srcip'],
    srcPort: ['srcport'],
    dstIp: ['dstip'],
    dstPort: ['dstport'],
    protocol: ['service', 'proto'],
    user: ['user', 'srcuser'],
    action: ['action'],
    rule: ['policyid', 'policyname', 'attack'],
    message: ['msg', 'logdesc', 'attack'],
    severity: ['level', 'crlevel'],
    category: ['subtype', 'type'],
    bytes: ['sentbyte', 'rcvdbyte'],
    packets: ['sentpkt', 'rcvdpkt'],
  },
  // FortiOS logs its DoS policy's floods as subtype anomaly (attack=tcp_syn_flood…).
  categories: [
    { when: /^virus\b/i, category: 'virus' },
    { when: /^anomaly\b/i, category: 'flood' },
    { when: /^(ips|waf)\b/i, category: 'attack' },
    ...COMMON_CATEGORIES,
  ],
};

/** CEF from any product, else plain key=value with the usual names. */
function genericFields(message: string): Fields {
  const c = cef(message);
  if (!c) return withText(keyValues(message), message);
  return Object.assign(c.ext, {
    _vendor: c.vendor,
    _product: c.product,
    _text: c.ext.msg ?? c.name,
    _category: c.name,
    _rule: c.signature,
    _cef: c.severity === null ? '' : String(c.severity),
  });
}

const generic: VendorParser = {
  id: 'generic',
  product: '',
  detect: /^/,
  fields: genericFields,
  keys: {
    srcIp: ['src', 'srcip', 'src_ip', 'sip', 'source'],
    srcPort: ['spt', 'srcport', 'src_port', 'sport'],
    dstIp: ['dst', 'dstip', 'dst_ip', 'dip', 'destination'],
    dstPort: ['dpt', 'dstport', 'dst_port', 'dport'],
    protocol: ['proto', 'protocol', 'app'],
    user: ['suser', 'duser', 'user', 'username'],
    action: ['act', 'action'],
    rule: ['_rule', 'rule', 'policy'],
    message: ['msg', '_text'],
    severity: ['severity', 'level'],
    category: ['_category', 'cat', 'type', 'category'],
    // CEF in/out are bytes received and sent; key=value senders name them variously.
    bytes: ['in', 'out', 'bytes', 'sent_bytes', 'rcvd_bytes', 'bytes_in', 'bytes_out'],
    packets: ['packets', 'sent_pkts', 'rcvd_pkts', 'pkts_in', 'pkts_out'],
  },
  categories: COMMON_CATEGORIES,
};

/** Detection order: the specific ones first, generic (matches anything) last. */
export const PARSERS: readonly VendorParser[] = [huawei, h3c, hillstone, sangfor, fortinet, generic];
export const parserById = new Map(PARSERS.map((p) => [p.id, p]));
