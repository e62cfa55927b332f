// The complete export: every module's tables as JSON Lines with counts and checksums that match the
// files, from one snapshot, and never a credential.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { testApp, type TestApp } from '../test/harness.ts';
import { registryOf } from '../site.ts';
import { exportModules, type ExportManifest } from './export.ts';
import { tickets } from '../modules/desk/tables.ts';

let t: TestApp;
let dir: string;
let manifest: ExportManifest;
beforeAll(async () => {
  t = await testApp({ demo: true });
  dir = mkdtempSync(join(tmpdir(), 'yw-export-'));
  manifest = await exportModules(t.ctx, registryOf(), dir);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('complete export', () => {
  it("writes each module's tables, counted and checksummed as the files are", () => {
    expect(manifest.modules.map((m) => m.id)).toEqual(registryOf().modules.map((m) => m.id));
    for (const m of manifest.modules)
      for (const tb of m.tables) {
        const text = readFileSync(join(dir, m.id, `${tb.table}.jsonl`), 'utf8');
        expect(createHash('sha256').update(text).digest('hex')).toBe(tb.sha256);
        expect(text === '' ? 0 : text.trimEnd().split('\n').length).toBe(tb.rows);
      }
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(manifest)));
  });

  it('holds every ticket of the demo, as rows of JSON', async () => {
    const [n] = await t.ctx.db.select({ n: count() }).from(tickets);
    const lines = readFileSync(join(dir, 'desk', 'tickets.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(Number(n?.n));
    expect(JSON.parse(lines[0]!)).toMatchObject({ number: expect.any(String) as string, service_line: expect.any(String) as string });
  });

  it('never writes a credential', () => {
    const users = readFileSync(join(dir, 'kernel', 'users.jsonl'), 'utf8');
    expect(users).toContain('"username":"pm"');
    expect(users).not.toMatch(/password|totp_secret|argon2/i);
  });
});
