// Kinds of the three administrators and the service-line codes. The permissions themselves are
// declared by the modules (their manifests) and reach the web app through GET /api/permissions.

export type AdminKind = 'system' | 'security' | 'audit';

export const SERVICE_LINE_CODES = ['SM', 'NET', 'SEC', 'VC'] as const;
export type ServiceLineCode = (typeof SERVICE_LINE_CODES)[number];
