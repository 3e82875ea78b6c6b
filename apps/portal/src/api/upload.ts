import { ApiError, NetworkError } from './errors';
import { currentSession, refreshOnce } from './session';
import type { components } from './generated/registration';

type DocumentResponse = components['schemas']['DocumentResponse'];

/**
 * A raw-body request with upload progress, on this origin's `/api/...`. fetch() has no upload
 * progress, so these requests use XMLHttpRequest (with the same in-memory token and one refresh on
 * 401). A refusal is an ApiError carrying the service's whole body (a score file's row report).
 */
export function sendWithProgress<T>(method: string, url: string, body: Blob, contentType: string, onProgress: (fraction: number) => void): Promise<T> {
  const send = () =>
    new Promise<{ status: number; body: unknown; retryAfter: string | null }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      const token = currentSession()?.accessToken;
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.setRequestHeader('content-type', contentType);
      xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      xhr.onerror = () => reject(new NetworkError('upload failed'));
      xhr.onload = () => {
        let parsed: unknown = {};
        try {
          parsed = JSON.parse(xhr.responseText);
        } catch {
          parsed = {};
        }
        resolve({ status: xhr.status, body: parsed, retryAfter: xhr.getResponseHeader('retry-after') });
      };
      xhr.send(body);
    });
  return (async () => {
    let result = await send();
    if (result.status === 401 && (await refreshOnce())) result = await send();
    if (result.status >= 200 && result.status < 300) {
      onProgress(1);
      return result.body as T;
    }
    const shaped = (result.body ?? {}) as Record<string, unknown>;
    throw new ApiError(
      result.status,
      typeof shaped.code === 'string' ? shaped.code : `HTTP_${result.status}`,
      typeof shaped.message === 'string' ? shaped.message : '',
      typeof shaped.field === 'string' ? shaped.field : undefined,
      result.retryAfter ? Number(result.retryAfter) : undefined,
      shaped,
    );
  })();
}

/** A document upload with progress: registration's `PUT /applications/{id}/documents/{type}` takes the raw file as the body. */
export function uploadDocument(applicationId: string, type: string, file: File, onProgress: (fraction: number) => void): Promise<DocumentResponse> {
  return sendWithProgress<DocumentResponse>(
    'PUT',
    `/api/registration/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(type)}`,
    file,
    file.type || 'application/octet-stream',
    onProgress,
  );
}
