// What the inspections tests share: assets of a line, a template, the sheets of a day.
import { expect } from 'vitest';
import type { TItem, TSheet, TTemplate, TTemplateInput } from '../../../../common/inspections.ts';
import { json, type Agent } from '../../../test/harness.ts';

/** A network device of the NET line, in use (what a sheet lists). */
export async function netAsset(a: Agent, name: string): Promise<{ id: string; number: string }> {
  const r = await a.post('/api/assets', { name, classCode: 'A02010202', serviceLine: 'NET', status: 'in_use' });
  expect(r.statusCode, r.body).toBe(201);
  return json<{ id: string; number: string }>(r);
}

export const item = (key: string, label: string, o: Partial<TItem> = {}): TItem => ({
  key,
  label,
  kind: 'check',
  unit: '',
  min: null,
  max: null,
  evidence: 'none',
  prefill: null,
  ...o,
});

export async function template(a: Agent, input: Partial<TTemplateInput> & Pick<TTemplateInput, 'items'>): Promise<TTemplate> {
  const r = await a.post('/api/inspections/templates', {
    name: '周巡检',
    serviceLine: 'NET',
    deviceKinds: ['network'],
    schedule: 'weekly',
    ...input,
  });
  expect(r.statusCode, r.body).toBe(201);
  return json<TTemplate>(r);
}

export async function generate(a: Agent, date: string): Promise<number> {
  const r = await a.post('/api/inspections/sheets/generate', { date });
  expect(r.statusCode, r.body).toBe(200);
  return json<{ created: number }>(r).created;
}

export async function sheetsOn(a: Agent, date: string, line = 'NET'): Promise<TSheet[]> {
  const r = await a.get(`/api/inspections/sheets?date=${date}&line=${line}&pageSize=50`);
  expect(r.statusCode, r.body).toBe(200);
  return json<{ items: TSheet[] }>(r).items;
}

export const open = async (a: Agent, id: string) => json<TSheet>(await a.get(`/api/inspections/sheets/${id}`));

/** The smallest PNG (1×1). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
