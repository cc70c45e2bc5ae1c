'use client';

/** A JSON request to this site's API; a non-2xx answer throws with the API's own error message. */
export async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw Object.assign(new Error(body.error?.message ?? `Request failed (HTTP ${response.status}).`), {
      body,
      status: response.status,
    });
  return body as T;
}
