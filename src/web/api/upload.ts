// Multipart uploads with a progress bar (XHR: fetch reports no upload progress): the session cookie,
// the CSRF header, and errors as ApiError like every other call, including a proxy's own 413 page.
import type { TProblem } from '../../common/api.ts';
import type { Endpoint } from '../../common/endpoint.ts';
import { ApiError, csrfToken, urlOf, type CallInput, type Output } from './client.ts';

/** An upload route: its contract says `multipart: true`. */
export type UploadRoute = Endpoint & { method: 'POST'; multipart: true };

/**
 * POSTs the form to the upload route; onProgress gets 0…`uploadShare` while the bytes go up (the
 * rest is the server's work, reached when it answers) and 100 on success.
 */
export function uploadForm<E extends UploadRoute>(
  e: E,
  input: CallInput<E>,
  form: FormData,
  onProgress: (percent: number) => void,
  uploadShare = 99,
): Promise<Output<E>> {
  const url = (urlOf as (e: E, input: CallInput<E>) => string)(e, input);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(uploadShare, Math.round((e.loaded / e.total) * uploadShare)));
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: a proxy's error page */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(data as Output<E>);
        return;
      }
      // A proxy in front may answer 413 with its own HTML page: say what it means.
      const fallback = xhr.status === 413 ? '文件过大，超过了上传上限' : `上传失败（${xhr.status}）`;
      const problem =
        data && typeof data === 'object'
          ? (data as Partial<TProblem>)
          : { detail: fallback, code: xhr.status === 413 ? 'file.too_large' : `http_${xhr.status}` };
      reject(new ApiError(xhr.status, problem));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', detail: '无法连接服务器，请检查网络后重试' }));
    xhr.send(form);
  });
}

/** One file as the `file` field. */
export function uploadFile<E extends UploadRoute>(
  e: E,
  input: CallInput<E>,
  file: File,
  onProgress: (percent: number) => void,
  uploadShare = 99,
): Promise<Output<E>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm(e, input, form, onProgress, uploadShare);
}
