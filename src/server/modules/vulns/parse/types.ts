// What every scanner parser produces (R-SEC-04): findings in one shape, and the addresses the scan
// covered (a covered address that no longer reports a finding closes or marks it, import.ts).
import type { TSeverity } from '../../../../common/vulns.ts';

export interface ParsedFinding {
  address: string;
  /** null: the host as a whole (OpenVAS "general/tcp", a CSV row without a port). */
  port: number | null;
  /** tcp, udp or '' when the report names none. */
  protocol: string;
  /** The scanner's own id of the check (Nessus pluginID, OpenVAS NVT OID, nmap script id). */
  pluginId: string;
  /** The first CVE the report names, if any: the same CVE from two scanners is one finding. */
  cve: string | null;
  title: string;
  severity: TSeverity;
  description: string;
  solution: string;
}

export interface ParsedScan {
  /** nmap / openvas / nessus / csv:<scanner>: a later scan of the same kind verifies a fix. */
  scanner: string;
  hosts: Set<string>;
  findings: ParsedFinding[];
}

/** Limits of one import (issue 13, bad input: a 100k-finding file stays bounded). */
export interface ImportLimits {
  maxFindings: number;
  maxElements: number;
  maxDepth: number;
  /** Characters kept of one description or solution (the rest is cut, not refused). */
  maxTextChars: number;
  maxMs: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxFindings: 200_000,
  maxElements: 5_000_000,
  maxDepth: 64,
  maxTextChars: 4_000,
  maxMs: 60_000,
};
