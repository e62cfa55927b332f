// `node scripts/readme-modules.ts`: rewrites the README's "what it does today" block from the module
// manifests (src/server/readme.test.ts fails until the block matches; issue 11 point 9).
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeModuleLines } from '../src/server/readme-modules.ts';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const block = ['<!-- modules:start -->', '', ...readmeModuleLines(), '', '<!-- modules:end -->'].join('\n');
const next = readme.replace(/<!-- modules:start -->[\s\S]*?<!-- modules:end -->/, block);
if (next === readme) console.log('README.md: the module list is current');
else {
  writeFileSync(file, next);
  console.log('README.md: the module list was rewritten from the manifests');
}
