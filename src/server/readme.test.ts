// Issue 11 point 9: the README claims only what exists. Its "what it does today" block is one line per
// module of this build, from the manifests (the sign-in page lists the same from GET /api/modules), and
// it points at nothing outside the repository.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeModuleLines } from './readme-modules.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists exactly the modules this build runs, from their manifests', () => {
    const block = /<!-- modules:start -->([\s\S]*?)<!-- modules:end -->/.exec(readme)?.[1] ?? '';
    // On failure: node scripts/readme-modules.ts (Prettier puts blank lines around the list: they do not count).
    expect(block.split('\n').filter((l) => l.trim() !== '')).toEqual(readmeModuleLines());
  });

  it('points at nothing outside the repository', () => {
    expect(readme).not.toMatch(/\.\.\/shared|\/work\//);
    for (const [, target] of readme.matchAll(/\]\(([^)#]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      expect(() => readFileSync(new URL(`../../${target}`, import.meta.url)), target).not.toThrow();
    }
  });
});
