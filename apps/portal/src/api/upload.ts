import { ApiError, NetworkError } from './errors';
import { currentSession, refreshOnce } from './session';
import type { components } from './generated/registration';

type DocumentResponse = components['schemas']['DocumentResponse'];

/**
 * A document upload with progress: registration's `PUT /applications/{id}/documents/{type}` takes
 * the raw file as the body. fetch() has no upload progress, so this one request uses XMLHttpRequest
 * (with the same in-memory token and one refresh on 401).
 */
export function uploadDocument(applicationId: string, type: string, file: File, onProgress: (fraction: number) => void): Promise<DocumentResponse> {
  const send = () =>
    new Promise<{ status: number; body: unknown; retryAfter: string | null }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', `/api/registration/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(type)}`);
      const token = currentSession()?.accessToken;
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
      xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      xhr.onerror = () => reject(new NetworkError('upload failed'));
      xhr.onload = () => {
        let body: unknown = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = {};
        }
        resolve({ status: xhr.status, body, retryAfter: xhr.getResponseHeader('retry-after') });
      };
      xhr.send(file);
    });
  return (async () => {
    let result = await send();
    if (result.status === 401 && (await refreshOnce())) result = await send();
    if (result.status >= 200 && result.status < 300) {
      onProgress(1);
      return result.body as DocumentResponse;
    }
    const body = (result.body ?? {}) as Record<string, unknown>;
    throw new ApiError(
      result.status,
      typeof body.code === 'string' ? body.code : `HTTP_${result.status}`,
      typeof body.message === 'string' ? body.message : '',
      typeof body.field === 'string' ? body.field : undefined,
      result.retryAfter ? Number(result.retryAfter) : undefined,
      body,
    );
  })();
}
