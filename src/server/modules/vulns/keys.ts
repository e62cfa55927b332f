// The identity of a finding across imports and pentests (R-SEC-04; DefectDojo reimport duplicates,
// #12849): address, port/protocol, and the CVE when the report names one, else the scanner's check.
import type { ParsedFinding } from './parse/types.ts';

export const findingKey = (f: Pick<ParsedFinding, 'address' | 'port' | 'protocol' | 'cve' | 'pluginId'>, scanner: string): string =>
  `${f.address}|${f.port ?? ''}/${f.protocol}|${f.cve ?? `${scanner}:${f.pluginId}`}`;
