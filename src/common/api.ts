// Schema pieces shared by every module's API.
import { z } from 'zod';

export const ZUuid = z.uuid();
export const ZIdParams = z.object({ id: z.uuid() });
// Dates of the contract's world: 1900–2199. Year 0000 is no date PostgreSQL keeps, and 9999 is a typo,
// not a plan (issue 11 point 5): both are refused with a message instead of failing in the database.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const inRange = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};
const RANGE = `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`;
export const ZDate = z.iso.date().refine(inRange, RANGE); // YYYY-MM-DD
export const ZDateTime = z.iso.datetime({ offset: true }).refine(inRange, RANGE);
/** Timestamps leave the server as ISO 8601 strings. */
export const ZTimestamp = z.string();

export const ZPage = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TPage = z.infer<typeof ZPage>;

/**
 * A page of a list. `total` counts the matches up to a cap (1,000, or just past the page asked for); when
 * more match, `totalCapped` is true and `total` is that cap (the web shows "超过 1,000 条").
 */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), totalCapped: z.boolean().optional() });

export interface TProblem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
  [k: string]: unknown;
}

/** Trimmed, non-empty text with a length cap. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optText = (max: number) => z.string().trim().max(max);

/**
 * The PATCH form of a create schema: every field optional and no defaults, so a partial update
 * never resets a field the caller did not send (`.partial()` keeps `.default()`s and would).
 */
export function patchOf<T extends z.ZodRawShape>(s: z.ZodObject<T>): ReturnType<z.ZodObject<T>['partial']> {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(s.shape as unknown as Record<string, z.ZodType>))
    shape[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
  // An empty PATCH changes nothing: it is refused, not sent to the database as an empty update.
  return z
    .object(shape)
    .refine((o) => Object.values(o).some((v) => v !== undefined), '请至少提供一项要修改的内容') as unknown as ReturnType<
    z.ZodObject<T>['partial']
  >;
}
