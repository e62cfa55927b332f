// The kinds of the three administrators (三员分立). The permissions themselves are declared by the
// modules (their manifests) and reach the web app through GET /api/permissions; the service lines are
// in common/service-lines.ts.

export type AdminKind = 'system' | 'security' | 'audit';
