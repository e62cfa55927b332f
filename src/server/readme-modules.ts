// The README's module list, one line per module of this build, from the manifests (name and summary).
import { registryOf } from './site.ts';

export const readmeModuleLines = (): string[] =>
  registryOf().modules.map((m) => `- **${m.name.zh} ${m.name.en}**: ${m.summary?.zh ?? ''} — ${m.summary?.en ?? ''}`);
