// Recorded agents with temperature, fan and power sensors for snmpsim (R-MON-07): a Cisco-like one
// (ENTITY-SENSOR-MIB and CISCO-ENVMON-MIB), a Huawei-like one (HUAWEI-ENTITY-EXTENT-MIB) and an H3C-like
// one (HH3C-ENTITY-EXT-MIB), in OID
// order as snmpsim wants its .snmprec files.

const oidOrder = (a: string, b: string) => {
  const x = a.split('|')[0]!.split('.').map(Number);
  const y = b.split('|')[0]!.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

const system = (name: string, upTime: number) => [`1.3.6.1.2.1.1.3.0|67|${upTime}`, `1.3.6.1.2.1.1.5.0|4|${name}`];

/** Cisco-like: `fan2` is Fan 2's CiscoEnvMonState (6 notFunctioning, 1 normal); CPU Temp at `cpuTemp` ℃. */
export function ciscoLike(o: { upTime: number; fan2: number; cpuTemp: number }): string[] {
  const ENT = '1.3.6.1.2.1.99.1.1.1';
  const ENV = '1.3.6.1.4.1.9.9.13.1';
  return [
    ...system('core-cisco', o.upTime),
    '1.3.6.1.2.1.47.1.1.1.1.7.1003|4|Supervisor temp sensor',
    '1.3.6.1.2.1.47.1.1.1.1.7.1004|4|Fan tray 1 speed',
    '1.3.6.1.2.1.47.1.1.1.1.7.1005|4|PS1 12V rail',
    // celsius(8), units(9), precision 1: 45.5 ℃; rpm(10): 5400; voltsDC(4), milli(8): 12.05 V.
    ...[
      [1003, 8, 9, 1, 455, 1],
      [1004, 10, 9, 0, 5400, 1],
      [1005, 4, 8, 0, 12050, 1],
    ].flatMap(([i, type, scale, precision, value, status]) => [
      `${ENT}.1.${i}|2|${type}`,
      `${ENT}.2.${i}|2|${scale}`,
      `${ENT}.3.${i}|2|${precision}`,
      `${ENT}.4.${i}|2|${value}`,
      `${ENT}.5.${i}|2|${status}`,
    ]),
    `${ENV}.3.1.2.1|4|Inlet Temp`,
    `${ENV}.3.1.2.2|4|CPU Temp`,
    `${ENV}.3.1.3.1|66|38`,
    `${ENV}.3.1.3.2|66|${o.cpuTemp}`,
    `${ENV}.3.1.6.1|2|1`,
    `${ENV}.3.1.6.2|2|${o.cpuTemp > 70 ? 2 : 1}`,
    `${ENV}.4.1.2.1|4|Fan 1`,
    `${ENV}.4.1.2.2|4|Fan 2`,
    `${ENV}.4.1.3.1|2|1`,
    `${ENV}.4.1.3.2|2|${o.fan2}`,
    `${ENV}.5.1.2.1|4|PS1`,
    `${ENV}.5.1.2.2|4|PS2`,
    `${ENV}.5.1.3.1|2|1`,
    `${ENV}.5.1.3.2|2|5`,
  ].sort(oidOrder);
}

/** Huawei-like: the MPU at 41 ℃ (boards without a sensor answer 0), fan 0/2 abnormal, power 0/2 absent. */
export function huaweiLike(upTime: number): string[] {
  const HW = '1.3.6.1.4.1.2011.5.25.31.1.1';
  return [
    ...system('agg-huawei', upTime),
    '1.3.6.1.2.1.47.1.1.1.1.7.67108873|4|MPU Board 0',
    '1.3.6.1.2.1.47.1.1.1.1.7.67108874|4|LPU Board 1',
    `${HW}.1.1.1.11.67108873|2|41`,
    `${HW}.1.1.1.11.67108874|2|0`,
    `${HW}.10.1.6.0.1|2|1`,
    `${HW}.10.1.6.0.2|2|1`,
    `${HW}.10.1.7.0.1|2|1`,
    `${HW}.10.1.7.0.2|2|2`,
    `${HW}.18.1.5.0.1|2|1`,
    `${HW}.18.1.5.0.2|2|2`,
    `${HW}.18.1.6.0.1|2|1`,
    `${HW}.18.1.6.0.2|2|4`,
  ].sort(oidOrder);
}

/**
 * H3C-like (Comware): the MPU at `mpuTemp` ℃ (alarm threshold 70, critical 85), a board at 48 ℃ with
 * no thresholds set (65535), a board without a sensor (0), one answering 65535 (not supported).
 */
export function h3cLike(upTime: number, mpuTemp: number): string[] {
  const H3C = '1.3.6.1.4.1.25506.2.6.1.1.1.1';
  const entities: [number, string, number, number, number][] = [
    [2, 'Board slot 1', mpuTemp, 70, 85],
    [3, 'Board slot 2', 48, 65535, 65535],
    [4, 'Fan tray 1', 0, 0, 0],
    [5, 'Power 1', 65535, 65535, 65535],
  ];
  return [
    ...system('egov-h3c', upTime),
    ...entities.map(([i, name]) => `1.3.6.1.2.1.47.1.1.1.1.7.${i}|4|${name}`),
    ...entities.flatMap(([i, , temp, alarm, critical]) => [
      `${H3C}.12.${i}|2|${temp}`,
      `${H3C}.13.${i}|2|${alarm}`,
      `${H3C}.17.${i}|2|${critical}`,
    ]),
  ].sort(oidOrder);
}
