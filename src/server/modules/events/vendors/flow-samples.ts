// Lines of the traffic attacks R-MON-04 watches for (formats from the vendors' log references;
// addresses from the documentation ranges): session logs with their byte and packet counters (the
// large-flow rule sums them) and the floods / DDoS that firewalls and IPS report.
import type { Sample } from './samples.ts';

export const FLOW_SAMPLES: Sample[] = [
  {
    name: 'Huawei USG session teardown with counters',
    line: '<190>Dec  6 2026 14:10:11 USG6000-FW %%01SECLOG/6/SESSION_TEARDOWN(l):IPVer=4,Protocol=tcp,SourceIP=10.1.1.5,DestinationIP=192.0.2.20,SourcePort=51234,DestinationPort=443,BeginTime=1796537111,EndTime=1796537411,SendPkts=812345,SendBytes=1203456789,RcvPkts=40211,RcvBytes=2411100,SourceZone=trust,DestinationZone=untrust,PolicyName=permit_web,CloseReason=tcp-fin.',
    expect: { vendor: 'huawei', category: 'traffic', srcIp: '10.1.1.5', dstPort: 443, bytes: 1205867889, packets: 852556 },
  },
  {
    name: 'Huawei USG anti-DDoS: SYN flood',
    line: '<188>Dec  6 2026 14:10:30 USG6000-FW %%01ANTIATTACK/4/ATCKDF(l):AttackType=SYN flood attack, Interface=GigabitEthernet1/0/1, SourceIP=198.51.100.23, DestinationIP=192.0.2.80, Rate=153020 pps, Action=discard.',
    expect: { vendor: 'huawei', category: 'flood', severity: 'medium', srcIp: '198.51.100.23', dstIp: '192.0.2.80', bytes: null },
  },
  {
    name: 'H3C SecPath session flow log',
    line: '<190>Dec  6 14:10:11 2026 H3C-F1000 %%10SESSION/6/SESSION_IPV4_FLOW: Protocol(1001)=TCP;Application(1002)=https;SrcIPAddr(1003)=10.1.1.5;SrcPort(1004)=51234;DstIPAddr(1007)=192.0.2.20;DstPort(1008)=443;InitPktCount(1044)=18;InitByteCount(1046)=1050;RplyPktCount(1045)=15;RplyByteCount(1047)=4596;Event(1048)=(2)Session deleted;',
    expect: { vendor: 'h3c', category: 'traffic', srcIp: '10.1.1.5', bytes: 5646, packets: 33 },
  },
  {
    name: 'Fortinet FortiGate traffic with counters',
    line: '<189>date=2026-12-06 time=14:10:11 devname="FG100E-HQ" devid="FG100E3G16000000" logid="0000000013" type="traffic" subtype="forward" level="notice" srcip=10.1.1.6 srcport=40000 dstip=192.0.2.21 dstport=443 policyid=9 proto=6 action="close" service="HTTPS" sentbyte=734003200 rcvdbyte=1048576 sentpkt=500000 rcvdpkt=9000',
    expect: { vendor: 'fortinet', category: 'traffic', srcIp: '10.1.1.6', bytes: 735051776, packets: 509000 },
  },
  {
    name: 'Fortinet DoS policy anomaly (UDP flood)',
    line: '<185>date=2026-12-06 time=14:10:40 devname="FG100E-HQ" devid="FG100E3G16000000" logid="0720018432" type="anomaly" subtype="anomaly" level="alert" srcip=198.51.100.24 dstip=192.0.2.81 proto=17 attack="udp_flood" action="clear_session" count=1903 msg="anomaly: udp_flood, 2001 > threshold 2000"',
    expect: { vendor: 'fortinet', category: 'flood', severity: 'critical', srcIp: '198.51.100.24', dstIp: '192.0.2.81' },
  },
  {
    name: 'Sangfor AF DoS attack in Chinese',
    line: '<132>Dec  6 14:10:50 SANGFOR-AF 日志类型:DOS攻击日志, 源IP:198.51.100.25, 目的IP:192.0.2.82, 攻击类型:SYN Flood, 严重级别:高, 系统动作:拒绝',
    expect: { vendor: 'sangfor', category: 'flood', severity: 'high', srcIp: '198.51.100.25', dstIp: '192.0.2.82' },
  },
];
