// The CLI of a lab device over SSH (issue 12 point 5): the vendor's prompt, its paging-off commands,
// its show command printing the configuration of the revision the lab currently serves, its way of
// refusing anything else, and its quit. What configuration backup's vendor profiles expect
// (modules/configbackup/vendors.ts), so the demo's backups run through the real session code.
import type { ServerChannel } from 'ssh2';
import type { LabDevice } from '../lab.ts';
import { hostnameOf } from './model.ts';
import { onLines } from './ssh.ts';

interface Dialect {
  prompt: (host: string) => string;
  banner: string;
  /** Accepted commands and what each prints before the prompt. */
  accepts: Record<string, string>;
  show: string;
  quit: string;
  refuse: string;
}

const VRP_REFUSE = "                                    ^\r\nError: Unrecognized command found at '^' position.\r\n";
const COMWARE_REFUSE = "                                    ^\r\n % Unrecognized command found at '^' position.\r\n";

const DIALECTS: Record<LabDevice['vendor'], Dialect> = {
  'huawei-vrp': {
    prompt: (h) => `<${h}>`,
    banner: 'Info: The max number of VTY users is 10, and the number\r\n      of current VTY users on line is 1.\r\n',
    accepts: { 'screen-length 0 temporary': 'Info: The configuration takes effect on the current user terminal interface only.\r\n' },
    show: 'display current-configuration',
    quit: 'quit',
    refuse: VRP_REFUSE,
  },
  'h3c-comware': {
    prompt: (h) => `<${h}>`,
    banner:
      '\r\n******************************************************************************\r\n* Copyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.*\r\n******************************************************************************\r\n\r\n',
    accepts: { 'screen-length disable': '' },
    show: 'display current-configuration',
    quit: 'quit',
    refuse: COMWARE_REFUSE,
  },
  'cisco-ios': {
    prompt: (h) => `${h}#`,
    banner: '\r\n',
    accepts: { 'terminal length 0': '', 'terminal width 0': '' },
    show: 'show running-config',
    quit: 'exit',
    refuse: "                    ^\r\n% Invalid input detected at '^' marker.\r\n\r\n",
  },
};

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** Runs the device's CLI on an opened shell; `config` answers the configuration as it is now. */
export function labCli(stream: ServerChannel, d: LabDevice, config: () => string): void {
  const dialect = DIALECTS[d.vendor];
  const prompt = dialect.prompt(hostnameOf(d));
  stream.write(`${dialect.banner}${prompt}`);
  onLines(stream, (typed) => {
    const line = typed.trim();
    // The device echoes what was typed (a terminal's echo), then answers.
    const answer = (text: string) => stream.write(`${typed}\r\n${text}${prompt}`);
    if (line === dialect.quit) {
      stream.write(`${typed}\r\n`);
      stream.close();
    } else if (line === '') answer('');
    else if (line === dialect.show) answer(crlf(config()));
    else if (line in dialect.accepts) answer(dialect.accepts[line]!);
    else answer(dialect.refuse);
  });
}
