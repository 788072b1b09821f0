import type { App } from '../server/app.ts';

/** A tiny client over `app.request` that keeps the session cookie like a browser would. */
export class ApiClient {
  private cookie: string | null = null;

  constructor(private readonly app: App) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const isForm = body instanceof FormData;
    return this.requestRaw(
      method,
      path,
      body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      body !== undefined && !isForm ? 'application/json' : undefined,
    );
  }

  /** Sends a body exactly as given (malformed JSON, any content type), with the session cookie. */
  async requestRaw(
    method: string,
    path: string,
    body: RequestInit['body'],
    contentType?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (contentType) headers['content-type'] = contentType;
    const response = await this.app.request(path, { method, headers, body });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return response;
  }

  /** Posts a body as a stream with no Content-Length (chunked), with the session cookie. */
  async postStream(
    path: string,
    stream: { body: ReadableStream<Uint8Array>; contentType: string },
  ): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': stream.contentType };
    if (this.cookie) headers.cookie = this.cookie;
    return this.app.request(path, { method: 'POST', headers, body: stream.body, duplex: 'half' });
  }

  async json<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await this.request(method, path, body);
    return { status: response.status, body: (await response.json()) as T };
  }

  async login(username: string, password: string): Promise<void> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status}`);
  }
}
