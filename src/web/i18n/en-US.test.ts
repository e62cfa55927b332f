// Every Chinese text the web app passes to t() as a literal, and every menu label, has an en-US
// translation in the merged dictionary (shared en-US.ts + each feature's): a string lost in the split
// by feature, or a new screen's string nobody translated, fails here instead of showing Chinese in
// the English UI.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { features } from '../features/index.ts';
import { dictionary } from './index.tsx';

// The same in both languages.
const UNTRANSLATED = new Set(['SLA']);

const WEB = join(import.meta.dirname, '..');
const sources = readdirSync(WEB, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

const STRING = String.raw`'((?:[^'\\\n]|\\.)*)'`;
// t('…') and t(cond ? '…' : '…'): the forms whose text is known without running the code.
const CALLS = [
  new RegExp(String.raw`\bt\(\s*${STRING}`, 'g'),
  new RegExp(String.raw`\bt\([^'()]*\?\s*${STRING}\s*:\s*${STRING}\s*\)`, 'g'),
];

function literals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources) {
    const text = readFileSync(join(WEB, file), 'utf8');
    for (const re of CALLS)
      for (const m of text.matchAll(re)) for (const s of m.slice(1)) if (s !== undefined) found.set(s.replace(/\\(.)/g, '$1'), file);
  }
  return found;
}

describe('en-US', () => {
  const en = dictionary(features, 'en-US');

  it('translates every t() literal in src/web', () => {
    const found = literals();
    expect(found.size).toBeGreaterThan(800); // the scan does read the screens (911 when written)
    const missing = [...found].filter(([s]) => !(s in en) && !UNTRANSLATED.has(s)).map(([s, file]) => `${file}: ${s}`);
    expect(missing).toEqual([]);
  });

  it('translates every menu entry and group', () => {
    const labels = features.flatMap((f) => [...(f.menu ?? []), ...(f.menuGroups ?? [])].map((e) => e.label));
    expect(labels.filter((l) => !(l in en))).toEqual([]);
  });

  it('keeps the placeholders of the Chinese text', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const broken = Object.entries(en).filter(([zh, text]) => names(zh).join() !== names(text).join());
    expect(broken).toEqual([]);
  });
});
