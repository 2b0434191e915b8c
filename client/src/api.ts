/*
 * Talking to the server: JSON requests with the session cookie, errors turned into ApiFailure
 * with the server's code and message, and uploads with progress.
 */
import type { ApiError } from "../../shared/protocol/api";

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The server's words as a sentence of their own ("The username or the password is wrong."), where nothing comes before them. */
  get sentence(): string {
    const words = this.message.trim();
    const closed = /[.!?…]$/.test(words) ? words : `${words}.`;
    return `${closed.charAt(0).toUpperCase()}${closed.slice(1)}`;
  }
}

/**
 * What a refused request says in a page, as a sentence: the server's words, or that it could not
 * be reached; for a session that has ended, that it has, with `then` (what to do once signed in
 * again), and the header told.
 */
export function refusalWords(err: unknown, then: string): string {
  if (err instanceof ApiFailure && err.status === 401) {
    window.dispatchEvent(new Event("session-ended"));
    return `Your session has ended: sign in again, then ${then}.`;
  }
  return err instanceof ApiFailure ? err.sentence : "The server could not be reached.";
}

async function failureOf(response: Response): Promise<ApiFailure> {
  const body = (await response.json().catch(() => null)) as ApiError | null;
  return new ApiFailure(
    response.status,
    body?.error.code ?? "http-error",
    body?.error.message ?? `${response.status} ${response.statusText}`,
  );
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw await failureOf(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Uploads a form with a file, reporting the share sent so far (0 to 1). */
export function upload<T>(path: string, form: FormData, progress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) progress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (T & Partial<ApiError>) | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiFailure(xhr.status, body?.error?.code ?? "http-error", body?.error?.message ?? `upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new ApiFailure(0, "network", "the server could not be reached"));
    xhr.send(form);
  });
}
