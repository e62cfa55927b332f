// Vendor profiles as data (issue 12): how each CLI prompts, turns paging off, shows its configuration,
// says no, and which lines of the configuration change without anyone changing it (volatile lines,
// stripped before comparing, so only real changes make a version). Facts from the vendors' manuals and
// the Oxidized models; no code of theirs.
import type { TVendor } from '../../../common/configbackup.ts';

export interface VendorProfile {
  /** The last line of the output when the device waits for a command. */
  prompt: RegExp;
  /** Sent first, each answered by a prompt: paging off, wide output. */
  setup: string[];
  /** Shows the running configuration. */
  show: string;
  /** Ends the session politely. */
  quit: string;
  /** An answer that means the device refused a command. */
  errors: RegExp[];
  /** Lines that change by themselves (time, uptime, counters): removed before comparing. */
  volatile: RegExp[];
  /** The prompt of the unprivileged mode, left with `enable` when an enable password is given. */
  userPrompt?: RegExp;
}

// VRP and Comware: <name> in user view, [name] or [~name] / [*name] in system view.
const VRP_PROMPT = /^(?:HRP_[MS])?[<[][~*]?[\w.:@/()-]+[>\]]\s*$/;
const IOS_PROMPT = /^[\w.:@/()-]+[#>]\s*$/;
const IOS_VOLATILE = [
  /^Building configuration/,
  /^Current configuration\s*:/,
  /^! Last configuration change at /,
  /^! NVRAM config last updated at /,
  /^! No configuration change since last restart/,
  /^! Time: /,
  /^ntp clock-period /,
];

export const VENDOR_PROFILES: Record<TVendor, VendorProfile> = {
  'huawei-vrp': {
    prompt: VRP_PROMPT,
    setup: ['screen-length 0 temporary'],
    show: 'display current-configuration',
    quit: 'quit',
    errors: [/^\s*Error: /m],
    volatile: [
      /^!Last configuration was (?:updated|saved) at /,
      /^#\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/, // "# 2026-03-02 10:00:00" time headers
      /^\s*Info: /,
    ],
  },
  'h3c-comware': {
    prompt: VRP_PROMPT,
    setup: ['screen-length disable'],
    show: 'display current-configuration',
    quit: 'quit',
    errors: [/^\s*% (?:Unrecognized|Incomplete|Too many|Wrong)/m],
    volatile: [/^\s*Info: /, /^#\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/],
  },
  'cisco-ios': {
    prompt: IOS_PROMPT,
    userPrompt: /^[\w.:@/()-]+>\s*$/,
    setup: ['terminal length 0', 'terminal width 0'],
    show: 'show running-config',
    quit: 'exit',
    errors: [/^\s*% (?:Invalid input|Unknown command|Incomplete command|Ambiguous command)/m],
    volatile: IOS_VOLATILE,
  },
  'ruijie-rgos': {
    prompt: IOS_PROMPT,
    userPrompt: /^[\w.:@/()-]+>\s*$/,
    setup: ['terminal length 0'],
    show: 'show running-config',
    quit: 'exit',
    errors: [/^\s*% (?:Invalid input|Unknown command|Incomplete command|Ambiguous command)/m],
    volatile: [...IOS_VOLATILE, /^! Last (?:configuration change|NVRAM)/],
  },
  'hillstone-stoneos': {
    prompt: /^[\w.:@/()~-]+(?:\([\w-]+\))?#\s*$/,
    setup: ['terminal length 0'],
    show: 'show configuration',
    quit: 'exit',
    errors: [/^\s*(?:Error|% ?Unrecognized|% ?Invalid)/im],
    volatile: [/^Building configuration/, /^Running configuration/, /^! (?:Last|Saved) /],
  },
  'fortinet-fortios': {
    prompt: /^[\w.~-]+(?: \([\w.-]+\))? ?[#$]\s*$/,
    // FortiOS has no per-session paging switch: the console's output mode is set to standard.
    setup: ['config system console', 'set output standard', 'end'],
    show: 'show full-configuration',
    quit: 'exit',
    errors: [/^\s*Command fail\./m, /^\s*Unknown action/m],
    volatile: [/^#conf_file_ver=/, /^\s*set (?:\S*password|passwd|\S*-key|psksecret) ENC /, /^#buildno=/],
  },
  'juniper-junos': {
    prompt: /^(?:\{\w+(?::\w+)?\}\s*)?[\w.@()/-]+[>#%]\s*$/,
    setup: ['set cli screen-length 0', 'set cli screen-width 0'],
    show: 'show configuration | display omit',
    quit: 'exit',
    errors: [/^\s*(?:unknown command|syntax error|error: )/m],
    volatile: [/^## Last (?:commit|changed): /, /^## Image name: /],
  },
};

/* eslint-disable no-control-regex -- terminal control characters are what these remove */
// Terminal noise: ANSI escape sequences, backspace erasures and paging markers some devices send anyway.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]/g;
const BACKSPACED = /[^\n\x08]\x08/g;
const BACKSPACE = /\x08/g;
const MORE = /^\s*-{2,} ?More ?-{2,}\s*|^\s*--More--\s*/;

/* eslint-enable no-control-regex */

/** Text as a terminal prints it: LF line ends, no escape sequences, no erased characters. */
export function terminalText(raw: string): string {
  let s = raw.replace(ANSI, '').replace(/\r+\n/g, '\n').replace(/\r/g, '\n');
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(BACKSPACED, '');
  }
  return s.replace(BACKSPACE, '');
}

/**
 * The configuration as compared and stored: the command's echo and the closing prompt already cut off
 * by the session; here the volatile lines, paging markers and trailing blanks go, and the text ends
 * with exactly one newline.
 */
export function stripVolatile(profile: VendorProfile, config: string): string {
  const kept = config
    .split('\n')
    .map((l) => l.replace(MORE, '').trimEnd())
    .filter((l) => !profile.volatile.some((re) => re.test(l)));
  while (kept.length && kept[0] === '') kept.shift();
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  return kept.length ? `${kept.join('\n')}\n` : '';
}
