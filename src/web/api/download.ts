// Files by their contract (issue 11 point 14): "导出 Excel" and the like fetch the raw route with the
// page's filters through the one client (session, problems as ApiError, so a refused export shows
// its message instead of a JSON page), then save the answer under the name the server gave it.
import type { Endpoint } from '../../common/endpoint.ts';
import { send, urlOf, type CallInput } from './client.ts';

/** A file route: its contract says `raw: true`, and it answers a download. */
export type FileRoute = Endpoint & { method: 'GET'; raw: true };

/** The file name of a Content-Disposition header: filename* (RFC 5987) first, else filename. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      /* fall back to the plain name */
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

/** GETs the file route and saves its answer; the name is the server's, else `fallback`. */
export async function downloadFile<E extends FileRoute>(e: E, input: CallInput<E>, fallback = 'download'): Promise<void> {
  const url = (urlOf as (e: E, input: CallInput<E>) => string)(e, input);
  const res = await send('GET', url, '*/*');
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = dispositionName(res.headers.get('content-disposition')) ?? fallback;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
