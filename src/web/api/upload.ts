// Multipart uploads with a progress bar (XHR: fetch reports no upload progress): the session cookie,
// the CSRF header, and errors as ApiError like every other call, including a proxy's own 413 page.
import type { TProblem } from '../../common/api.ts';
import { ApiError, csrfToken } from './client.ts';

/**
 * POSTs the form to url; onProgress gets 0…`uploadShare` while the bytes go up (the rest is the
 * server's work, reached when it answers) and 100 on success.
 */
export function uploadForm<T>(url: string, form: FormData, onProgress: (percent: number) => void, uploadShare = 99): Promise<T> {
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
        resolve(data as T);
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
export function uploadFile<T>(url: string, file: File, onProgress: (percent: number) => void, uploadShare = 99): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<T>(url, form, onProgress, uploadShare);
}
