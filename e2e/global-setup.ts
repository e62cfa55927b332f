// Once per end-to-end run: the product started on a fresh data directory (migrations, demo data from
// the contract) and stopped; each test file then starts its own product on a copy of that directory,
// so tests stay apart without each paying for the first start.
import type { TestProject } from 'vitest/node';
import { startProduct } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    productTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const first = await startProduct();
  await first.stop();
  project.provide('productTemplate', first.dir);
  return () => first.remove();
}
