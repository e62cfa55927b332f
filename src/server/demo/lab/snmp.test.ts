// The demo lab's SNMP agents read by Debian's net-snmp tools (issue 12 point 5): values parse, the
// counters move between two walks, the 64-bit and 32-bit counters agree, ifHighSpeed matches ifSpeed,
// LLDP names the other lab devices, and a port already taken costs only that device.
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAB, DEMO_LAB_COMMUNITY, labPorts } from '../lab.ts';
import { freePort } from '../../modules/configbackup/test/sshd.ts';
import { startLab, type RunningLab } from './start.ts';

const run = promisify(execFile);
let base: number;
let lab: RunningLab;

/** A base port with the lab's whole range free (UDP and TCP both probed through the first device's offsets). */
async function freeBase(): Promise<number> {
  const p = await freePort();
  return Math.max(20_000, (p % 30_000) + 20_000);
}

const walk = async (port: number, oid: string): Promise<Map<string, string>> => {
  const { stdout } = await run('snmpbulkwalk', [
    '-v2c',
    '-c',
    DEMO_LAB_COMMUNITY,
    '-On',
    '-Oe',
    '-t',
    '2',
    '-r',
    '1',
    `127.0.0.1:${port}`,
    oid,
  ]);
  const m = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const i = line.indexOf(' = ');
    if (i > 0) m.set(line.slice(0, i), line.slice(i + 3));
  }
  return m;
};
const num = (v: string | undefined) => BigInt(/(\d+)\s*$/.exec(v ?? '')![1]!);

beforeAll(async () => {
  base = await freeBase();
  lab = await startLab(pino({ level: 'silent' }), { YUNWEI_DEMO_LAB_PORT: String(base) });
});
afterAll(async () => lab?.stop());

describe('the lab SNMP agents', () => {
  it('answer snmpget with the system group in the vendor style', async () => {
    expect(lab.devices.map((d) => d.key)).toEqual(DEMO_LAB.map((d) => d.key));
    const port = labPorts(DEMO_LAB[2]!, base).snmp; // the Comware router
    const { stdout } = await run('snmpget', [
      '-v2c',
      '-c',
      DEMO_LAB_COMMUNITY,
      '-On',
      `127.0.0.1:${port}`,
      '1.3.6.1.2.1.1.5.0',
      '1.3.6.1.2.1.1.3.0',
      '1.3.6.1.2.1.1.1.0',
      '1.3.6.1.2.1.1.2.0',
    ]);
    expect(stdout).toContain('.1.3.6.1.2.1.1.5.0 = STRING: "EGOV-R"');
    expect(stdout).toMatch(/\.1\.3\.6\.1\.2\.1\.1\.3\.0 = Timeticks: \(\d+\)/);
    expect(stdout).toContain('H3C Comware Platform Software');
    expect(stdout).toContain('OID: .1.3.6.1.4.1.25506.');
  });

  it('ignores a wrong community', async () => {
    const port = labPorts(DEMO_LAB[0]!, base).snmp;
    await expect(
      run('snmpget', ['-v2c', '-c', 'public', '-t', '0.5', '-r', '0', `127.0.0.1:${port}`, '1.3.6.1.2.1.1.5.0']),
    ).rejects.toThrow(/Timeout/);
  });

  it('walks interfaces whose counters move, 32-bit wrapping the 64-bit ones, speeds consistent', async () => {
    const d = DEMO_LAB[0]!;
    const port = labPorts(d, base).snmp;
    const first = await walk(port, '1.3.6.1.2.1.31.1.1');
    const ifTable = await walk(port, '1.3.6.1.2.1.2.2');
    await new Promise((r) => setTimeout(r, 1100));
    const second = await walk(port, '1.3.6.1.2.1.31.1.1');
    const up = [...Array(d.interfaces).keys()]
      .map((i) => i + 1)
      .filter((i) => /^INTEGER: (up\()?1\)?$/.test(ifTable.get(`.1.3.6.1.2.1.2.2.1.8.${i}`) ?? ''));
    const down = d.interfaces - up.length;
    expect(down).toBeGreaterThanOrEqual(1);
    expect(down).toBeLessThanOrEqual(2);
    expect(ifTable.get('.1.3.6.1.2.1.2.2.1.2.1')).toBe('STRING: "GigabitEthernet0/0/1"');
    for (const i of up) {
      const [a, b] = [num(first.get(`.1.3.6.1.2.1.31.1.1.1.6.${i}`)), num(second.get(`.1.3.6.1.2.1.31.1.1.1.6.${i}`))];
      expect(b, `ifHCInOctets.${i}`).toBeGreaterThan(a);
      expect(num(second.get(`.1.3.6.1.2.1.31.1.1.1.10.${i}`)), `ifHCOutOctets.${i}`).toBeGreaterThan(
        num(first.get(`.1.3.6.1.2.1.31.1.1.1.10.${i}`)),
      );
      // The rate is plausible: below the port's speed (ifHighSpeed, Mbit/s) over ~1 s.
      const mbps = num(second.get(`.1.3.6.1.2.1.31.1.1.1.15.${i}`));
      expect(((b - a) * 8n) / 1_000_000n).toBeLessThan(mbps * 2n);
      // ifInOctets (taken between the two walks) is the 64-bit counter modulo 2^32.
      const c32 = num(ifTable.get(`.1.3.6.1.2.1.2.2.1.10.${i}`));
      expect(c32).toBeLessThan(2n ** 32n);
      expect((c32 - (a % 2n ** 32n) + 2n ** 32n) % 2n ** 32n).toBeLessThanOrEqual((b - a + 2n ** 32n) % 2n ** 32n);
      const speed = num(ifTable.get(`.1.3.6.1.2.1.2.2.1.5.${i}`));
      expect(speed).toBe(mbps * 1_000_000n > 4_294_967_295n ? 4_294_967_295n : mbps * 1_000_000n);
    }
    expect(up.some((i) => num(second.get(`.1.3.6.1.2.1.31.1.1.1.15.${i}`)) === 10_000n)).toBe(true);
  });

  it('reports CPU and RAM, and the other lab devices as LLDP neighbours', async () => {
    const port = labPorts(DEMO_LAB[0]!, base).snmp;
    const hr = await walk(port, '1.3.6.1.2.1.25');
    const load = num([...hr].find(([k]) => k.startsWith('.1.3.6.1.2.1.25.3.3.1.2.'))![1]);
    expect(load).toBeGreaterThan(0n);
    expect(load).toBeLessThanOrEqual(100n);
    const [size, used] = [num(hr.get('.1.3.6.1.2.1.25.2.3.1.5.1')), num(hr.get('.1.3.6.1.2.1.25.2.3.1.6.1'))];
    expect(used).toBeGreaterThan(size / 3n);
    expect(used).toBeLessThan(size);
    const lldp = await walk(port, '1.0.8802.1.1.2.1.4.1.1.9');
    expect([...lldp.values()].sort()).toEqual(['STRING: "CORE-SW2"', 'STRING: "CORE-SW2"', 'STRING: "EGOV-R"']);
  });

  it('reports temperatures, fans and power by ENTITY-SENSOR-MIB, moving with the clock', async () => {
    const port = labPorts(DEMO_LAB[2]!, base).snmp;
    const s = await walk(port, '1.3.6.1.2.1.99.1.1.1');
    const S = '.1.3.6.1.2.1.99.1.1.1';
    expect(s.get(`${S}.1.1001`)).toMatch(/^INTEGER: (celsius\()?8\)?$/);
    expect(s.get(`${S}.1.2001`)).toMatch(/^INTEGER: (rpm\()?10\)?$/);
    expect(s.get(`${S}.3.1001`)).toBe('INTEGER: 1'); // tenths of a degree
    const tenths = num(s.get(`${S}.4.1001`));
    expect(tenths).toBeGreaterThan(150n);
    expect(tenths).toBeLessThan(650n);
    expect(s.get(`${S}.5.1001`)).toMatch(/^INTEGER: (ok\()?1\)?$/);
    const names = await walk(port, '1.3.6.1.2.1.47.1.1.1.1.2');
    expect(names.get('.1.3.6.1.2.1.47.1.1.1.1.2.3001')).toBe('STRING: "Power supply 1"');
  });

  it('starts without a device whose port is taken, and says so once', async () => {
    const b2 = await freeBase();
    const taken = createSocket('udp4');
    await new Promise<void>((r) => taken.bind(labPorts(DEMO_LAB[1]!, b2).snmp, '127.0.0.1', r));
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
    const other = await startLab(log, { YUNWEI_DEMO_LAB_PORT: String(b2) });
    try {
      expect(other.devices.map((d) => d.key)).toEqual(['core-1', 'egov-r', 'mi-r']);
      const warned = lines.filter((l) => l.includes('core-2'));
      expect(warned).toHaveLength(1);
      expect(warned[0]).toContain('已被占用');
    } finally {
      await other.stop();
      taken.close();
    }
  });
});
