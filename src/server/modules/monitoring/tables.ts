// Tables of monitoring (issue 12, R-MON-01/02/07): the registered devices with sealed SNMP secrets and
// their latest state, the latest state of each interface (the previous sample rates are computed
// from), thresholds as data and the alerts they raise. Samples and rollups are time series (series.ts).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Counters, speeds and rates: exact integers beyond 2^53 (decimal strings in Node). */
const big = (name: string) => numeric(name, { precision: 40, scale: 0 });

export const monDevices = pgTable(
  'mon_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    serviceLine: text('service_line').notNull(),
    assetId: uuid('asset_id'),
    icmp: boolean('icmp').notNull(),
    intervalSec: integer('interval_sec').notNull(),
    snmpVersion: text('snmp_version'),
    snmpPort: integer('snmp_port'),
    snmpUser: text('snmp_user'),
    snmpAuthProtocol: text('snmp_auth_protocol'),
    snmpPrivProtocol: text('snmp_priv_protocol'),
    /** {community?, authKey?, privKey?} as JSON, sealed with the kernel's keyring; null without SNMP. */
    secretBox: text('secret_box'),
    hasCommunity: boolean('has_community').notNull().default(false),
    hasAuthKey: boolean('has_auth_key').notNull().default(false),
    hasPrivKey: boolean('has_priv_key').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    // Latest state (the device page; alerts read it).
    reachable: boolean('reachable'),
    latencyMs: doublePrecision('latency_ms'),
    lossPct: doublePrecision('loss_pct'),
    icmpState: text('icmp_state'),
    icmpAt: ts('icmp_at'),
    snmpState: text('snmp_state'),
    snmpError: text('snmp_error'),
    snmpAt: ts('snmp_at'),
    /** sysUpTime (hundredths of a second) at the last SNMP sample: it going back means a restart. */
    sysUpTime: bigint('sys_up_time', { mode: 'number' }),
    cpuPct: doublePrecision('cpu_pct'),
    memPct: doublePrecision('mem_pct'),
    /** SNMP sysName: the name its LLDP neighbours know it by. */
    sysName: text('sys_name'),
  },
  (t) => [uniqueIndex('mon_devices_name_uq').on(t.name)],
);

export const monInterfaces = pgTable(
  'mon_interfaces',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => monDevices.id, { onDelete: 'cascade' }),
    ifIndex: integer('if_index').notNull(),
    name: text('name').notNull(),
    operStatus: smallint('oper_status').notNull(),
    adminStatus: smallint('admin_status').notNull(),
    /** When it was last seen up: an interface that never was is not "gone down". */
    lastUpAt: ts('last_up_at'),
    speedBps: big('speed_bps'),
    counterBits: smallint('counter_bits'),
    inOctets: big('in_octets'),
    outOctets: big('out_octets'),
    inErrors: big('in_errors'),
    outErrors: big('out_errors'),
    inDiscards: big('in_discards'),
    outDiscards: big('out_discards'),
    inBps: big('in_bps'),
    outBps: big('out_bps'),
    utilisation: doublePrecision('utilisation'),
    counterNote: text('counter_note'),
    sampledAt: ts('sampled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.ifIndex] })],
);

/**
 * The temperature, fan and power sensors of each device as last polled (R-MON-07; sensors.ts),
 * replaced at every successful SNMP poll; the readings over time are the series mon_sensor_samples.
 */
export const monSensors = pgTable(
  'mon_sensors',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => monDevices.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    value: doublePrecision('value'),
    unit: text('unit'),
    state: text('state').notNull(),
    sampledAt: ts('sampled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.key] })],
);

/** What each device's LLDP says is on its ports (R-MON-06), replaced at every successful SNMP poll. */
export const monNeighbours = pgTable(
  'mon_neighbours',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => monDevices.id, { onDelete: 'cascade' }),
    localPort: text('local_port').notNull(),
    remoteName: text('remote_name').notNull(),
    remotePort: text('remote_port').notNull(),
    seenAt: ts('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.localPort, t.remoteName, t.remotePort] })],
);

/**
 * Thresholds as data: a default per rule (device and interface null, seeded), overridden for a device
 * or one of its interfaces. Raise at raiseValue, clear below clearValue (hysteresis), after the
 * condition has held minDurationSec.
 */
export const monThresholds = pgTable(
  'mon_thresholds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rule: text('rule').notNull(),
    deviceId: uuid('device_id').references(() => monDevices.id, { onDelete: 'cascade' }),
    ifIndex: integer('if_index'),
    /** A probe pair's own threshold (unreachable, latency, loss); neither device nor pair: the default. */
    pairId: uuid('pair_id').references((): AnyPgColumn => monProbePairs.id, { onDelete: 'cascade' }),
    raiseValue: doublePrecision('raise_value'),
    clearValue: doublePrecision('clear_value'),
    minDurationSec: integer('min_duration_sec').notNull(),
    /** rate_surge (R-MON-04): the rate, Mbit/s, below which nothing counts as a surge (and a surge clears). */
    floorValue: doublePrecision('floor_value'),
    /** rate_surge: how many of the interface's polls before the surge make its baseline (their median). */
    baselinePolls: integer('baseline_polls'),
    severity: text('severity').notNull(),
    enabled: boolean('enabled').notNull(),
  },
  (t) => [index('mon_thresholds_rule_idx').on(t.rule, t.deviceId)],
);

/**
 * ICMP probe pairs (issue 12 point 3, "between named node pairs"): a source, the target address it
 * pings, and the pair's latest state. The source is the monitoring node (whichever collector node
 * holds the pair's shard), a collector node by name (only that node probes it), or a registered
 * device's address (fping -S: probed from that address of the monitoring node). Samples go to the
 * ICMP series keyed by the pair's id (series.ts), so they are rolled up and kept like a device's.
 */
export const monProbePairs = pgTable('mon_probe_pairs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** monitor | node | device */
  sourceKind: text('source_kind').notNull(),
  /** sourceKind node: the collector node's name (its host name, or its whole node id). */
  sourceNode: text('source_node'),
  sourceDeviceId: uuid('source_device_id').references(() => monDevices.id, { onDelete: 'cascade' }),
  target: text('target').notNull(),
  serviceLine: text('service_line').notNull(),
  intervalSec: integer('interval_sec').notNull(),
  createdAt: ts('created_at').notNull(),
  reachable: boolean('reachable'),
  latencyMs: doublePrecision('latency_ms'),
  lossPct: doublePrecision('loss_pct'),
  icmpState: text('icmp_state'),
  icmpError: text('icmp_error'),
  probedAt: ts('probed_at'),
  /** The collector node that sent the last probe. */
  probedBy: text('probed_by'),
});

/** One alert per device, rule and object while not closed: pending (condition seen), open, closed. */
export const monAlerts = pgTable(
  'mon_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The device the alert is about; null for a probe pair's alert (pairId set instead). */
    deviceId: uuid('device_id').references(() => monDevices.id, { onDelete: 'cascade' }),
    pairId: uuid('pair_id').references(() => monProbePairs.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    /** The interface's ifIndex as text, '' for the device (or pair) itself. */
    object: text('object').notNull(),
    state: text('state').notNull(),
    since: ts('since').notNull(),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    value: doublePrecision('value'),
    message: text('message').notNull(),
    ticketId: uuid('ticket_id'),
    ticketNumber: text('ticket_number'),
  },
  (t) => [
    uniqueIndex('mon_alerts_live_uq')
      .on(t.deviceId, t.rule, t.object)
      .where(sql`state <> 'closed'`),
    index('mon_alerts_device_idx').on(t.deviceId, t.since),
    uniqueIndex('mon_alerts_pair_live_uq')
      .on(t.pairId, t.rule, t.object)
      .where(sql`state <> 'closed' AND pair_id IS NOT NULL`),
  ],
);

/**
 * SNMP traps from registered devices (issue 12 point 3), matched by the sender's address, written in
 * batches by the trap listener (traps.ts). The device page lists them; linkDown/linkUp also set
 * monLinkTraps, which the alert evaluation reads.
 */
export const monTrapEvents = pgTable(
  'mon_trap_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => monDevices.id, { onDelete: 'cascade' }),
    receivedAt: ts('received_at').notNull(),
    address: text('address').notNull(),
    /** '1', '2c' (v3 is not accepted: no trap users are configured). */
    version: text('version').notNull(),
    /** snmpTrapOID (v1 traps translated: generic n → 1.3.6.1.6.3.1.1.5.(n+1)). */
    trapOid: text('trap_oid').notNull(),
    /** linkDown, linkUp, coldStart… for the standard ones, otherwise ''. */
    trapName: text('trap_name').notNull(),
    ifIndex: integer('if_index'),
    /** The variable bindings as "oid = value" lines, bounded. */
    varbinds: text('varbinds').notNull(),
  },
  (t) => [index('mon_trap_events_device_idx').on(t.deviceId, t.receivedAt)],
);

/** The last link trap of each interface: down until the matching linkUp (alerts.ts rule link_down). */
export const monLinkTraps = pgTable(
  'mon_link_traps',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => monDevices.id, { onDelete: 'cascade' }),
    ifIndex: integer('if_index').notNull(),
    down: boolean('down').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.ifIndex] })],
);

/** Senders that are no registered device, and datagrams that were no SNMP trap, counted by address. */
export const monTrapSources = pgTable('mon_trap_sources', {
  address: text('address').primaryKey(),
  unknownTraps: integer('unknown_traps').notNull().default(0),
  garbage: integer('garbage').notNull().default(0),
  lastTrapOid: text('last_trap_oid'),
  firstAt: ts('first_at').notNull(),
  lastAt: ts('last_at').notNull(),
});
