// An snmpsim data set for a device that names its LLDP neighbours (the topology tests, e2e too).
const LLDP_REM = '1.0.8802.1.1.2.1.4.1.1';
const LLDP_LOC_DESC = '1.0.8802.1.1.2.1.3.7.1.4';

/** An agent called `sysName` whose LLDP sees `neighbours` ([local port number, local port name, remote name, remote port]). */
export function lldpAgent(sysName: string, neighbours: [number, string, string, string][]): string[] {
  const loc = neighbours.map(([n, name]) => `${LLDP_LOC_DESC}.${n}|4|${name}`);
  const rem = (col: number, pick: (x: [number, string, string, string]) => string) =>
    neighbours.map((x) => `${LLDP_REM}.${col}.0.${x[0]}.1|4|${pick(x)}`);
  // snmpsim answers GETNEXT from the file in OID order: LLDP (1.0.8802…) sorts before MIB-2 (1.3.6…).
  return [
    ...loc,
    ...rem(8, (x) => x[3]),
    ...rem(9, (x) => x[2]),
    '1.3.6.1.2.1.1.3.0|67|1000',
    `1.3.6.1.2.1.1.5.0|4|${sysName}`,
    '1.3.6.1.2.1.2.2.1.2.1|4|GE0/0/1',
    '1.3.6.1.2.1.2.2.1.8.1|2|1',
  ];
}
