// The registry this process runs with, installed once when the app, the worker or the CLI starts
// (buildApp, bootstrap). Kernel code that needs a catalogue — the permission codes the role editor
// accepts, the roles' display order, the notification events and their default channels — reads it
// here instead of importing a module. Data only: a module never reaches another through it.
import type { Registry } from './registry.ts';

let installed: Registry | null = null;

export function installRegistry(registry: Registry): void {
  installed = registry;
}

/** The installed registry; the kernel alone (no module) until one is installed. */
export function catalogue(): Registry | null {
  return installed;
}
