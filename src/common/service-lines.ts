// The contract's four service lines (服务项目), in the contract's order, with their full names (as the
// 2021 contract names them) and the short names every screen uses. The one place they are spelled
// out: schemas, the server and the web import them from here.
export const SERVICE_LINE_CODES = ['SM', 'NET', 'SEC', 'VC'] as const;
export type ServiceLineCode = (typeof SERVICE_LINE_CODES)[number];

export const SERVICE_LINE_NAMES: Record<ServiceLineCode, { zh: string; en: string }> = {
  SM: { zh: '安全监控系统运行保障', en: 'Security monitoring system' },
  NET: { zh: '办公楼网络管理运行维护', en: 'Office building network' },
  SEC: { zh: '网络安全支持服务运行维护', en: 'Network security support' },
  VC: { zh: '视频会议系统维护', en: 'Video conference systems' },
};

export const SERVICE_LINE_SHORT: Record<ServiceLineCode, { zh: string; en: string }> = {
  SM: { zh: '安全监控', en: 'Security monitoring' },
  NET: { zh: '办公网络', en: 'Office network' },
  SEC: { zh: '网络安全', en: 'Network security' },
  VC: { zh: '视频会议', en: 'Video conference' },
};

export const isServiceLineCode = (s: string): s is ServiceLineCode => (SERVICE_LINE_CODES as readonly string[]).includes(s);

/** A line's short Chinese name (安全监控 …) for exports and messages; an unknown code as it is. */
export const lineLabel = (code: string): string => (isServiceLineCode(code) ? SERVICE_LINE_SHORT[code].zh : code);
