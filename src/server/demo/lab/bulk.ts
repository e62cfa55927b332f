// GETBULK as RFC 3416 §4.2.3 says, for the lab's agents. net-snmp's Agent (3.29) stops a GETBULK at
// max-repetitions varbinds in all, not max-repetitions rows: asked for 14 interface columns at 4
// repetitions (how monitoring walks ifTable and ifXTable together) it answers 4 varbinds, the other
// columns get nothing, a manager takes that for their end, and the demo's charts stay empty. Here every
// repeater gets its rows, up to a size a UDP datagram carries; the agent's own GETNEXT does each step.
import snmp from 'net-snmp';

/** Varbinds in one answer at most: ~60 bytes each stays well inside a 65 kB datagram. */
const MAX_VARBINDS = 500;

interface Pending {
  oid: string;
  type: snmp.ObjectType;
}
interface RequestMessage {
  pdu: { nonRepeaters: number; maxRepetitions: number; varbinds: Pending[] };
}
interface AgentInternals {
  getBulkRequest(socket: unknown, message: RequestMessage, rinfo: unknown): void;
  addGetNextVarbind(target: Pending[], startOid: string): void;
  request(socket: unknown, message: RequestMessage, rinfo: unknown): void;
}

/** Replaces the agent's GETBULK handling with one that answers every repeater's rows. */
export function answerBulkInFull(agent: object): void {
  const a = agent as AgentInternals;
  a.getBulkRequest = function (socket, message, rinfo) {
    const { pdu } = message;
    const asked = pdu.varbinds;
    const nonRepeaters = Math.min(Math.max(pdu.nonRepeaters, 0), asked.length);
    const out: Pending[] = [];
    for (let n = 0; n < nonRepeaters; n++) this.addGetNextVarbind(out, asked[n]!.oid);
    const cursors = asked.slice(nonRepeaters).map((v) => v.oid);
    const rows = Math.min(Math.max(pdu.maxRepetitions, 0), Math.floor(MAX_VARBINDS / Math.max(cursors.length, 1)));
    for (let r = 0; r < rows && cursors.length > 0; r++) {
      let ended = 0;
      cursors.forEach((oid, i) => {
        this.addGetNextVarbind(out, oid);
        const got = out[out.length - 1]!;
        cursors[i] = got.oid;
        if (got.type === snmp.ObjectType.EndOfMibView) ended++;
      });
      // Every repeater past the end of the MIB: more rows would only repeat endOfMibView.
      if (ended === cursors.length) break;
    }
    pdu.varbinds = out;
    this.request(socket, message, rinfo);
  };
}
