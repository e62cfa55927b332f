// The demo's syslog lines (issue 13 point 10) read as the devices they stand for: every line of every
// demo device parses to its vendor with a category and addresses, the Huawei firewall's GBK included,
// and the generator addresses loopback only.
import { describe, expect, it } from 'vitest';
import { DEMO_SYSLOG_SOURCES } from '../../demo/syslog.ts';
import { demoLine, demoTarget } from '../../demo/lab/syslog.ts';
import { normalise } from './normalise.ts';

const now = new Date('2026-12-06T06:05:11Z');
const a = { outside: '203.0.113.45', pc: '10.8.2.31', server: '10.8.100.10', port: 51234 };

describe('demo syslog devices', () => {
  for (const s of DEMO_SYSLOG_SOURCES)
    s.lines.forEach((_, i) =>
      it(`${s.name} line ${i + 1}`, () => {
        const setting = s.registered ? { vendor: s.vendor, charset: s.charset } : undefined;
        const e = normalise(demoLine(s, i, now, a), s.address, setting, now);
        if (s.vendor !== 'generic') expect(e.vendor).toBe(s.vendor);
        expect(e.message).not.toMatch(/\?|�/);
        expect(e.occurredAt?.toISOString()).toBe(now.toISOString());
        if (!e.message.includes('心跳')) {
          expect(e.category).not.toBe('other');
          expect(e.srcIp).toMatch(/^(203|10)\./);
        }
      }),
    );

  it('sends to loopback only', () => {
    expect(demoTarget('0.0.0.0')).toBe('127.0.0.1');
    expect(demoTarget('127.0.0.1')).toBe('127.0.0.1');
    expect(demoTarget('10.1.1.1')).toBeNull();
    expect(demoTarget('192.168.0.10')).toBeNull();
  });
});
