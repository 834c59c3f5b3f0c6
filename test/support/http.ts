import type { App } from '../../src/app';

export interface Page {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

/** Talks to the app through app.request(), keeping cookies like a browser (without a socket). */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: App,
    private readonly options: { address?: string; userAgent?: string } = {},
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent ?? 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36', ...extra };
    if (this.options.address) headers['x-forwarded-for'] = this.options.address;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return headers;
  }

  private async read(response: Response): Promise<Page> {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get('location') };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.read(await this.app.request(path, { headers: this.headers(headers) }));
  }

  /** Gets a file (a ZIP, a PDF) as bytes. */
  async getBytes(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await this.app.request(path, { headers: this.headers() });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  /** Posts a form as a browser on this site would (with an Origin header); URLSearchParams for repeated fields (checkboxes). */
  async post(path: string, form: Record<string, string> | URLSearchParams = {}, headers: Record<string, string> = {}): Promise<Page> {
    return this.read(
      await this.app.request(path, {
        method: 'POST',
        body: new URLSearchParams(form).toString(),
        headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...headers }),
      }),
    );
  }

  /** Posts a multipart form with a file, as a browser's file upload does. */
  async upload(
    path: string,
    fields: Record<string, string>,
    file: { field: string; name: string; content: string | Uint8Array<ArrayBuffer>; type?: string },
  ): Promise<Page> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set(file.field, new File([file.content], file.name, { type: file.type ?? 'text/csv' }));
    return this.read(await this.app.request(path, { method: 'POST', body, headers: this.headers({ origin: 'http://localhost' }) }));
  }

  /** Posts a multipart form with repeated fields and any number of files (some may be empty: no file chosen). */
  async uploadMany(
    path: string,
    fields: [string, string][],
    files: { field: string; name: string; content: string | Uint8Array<ArrayBuffer>; type?: string }[],
  ): Promise<Page> {
    const body = new FormData();
    for (const [k, v] of fields) body.append(k, v);
    for (const f of files) body.append(f.field, new File([f.content], f.name, { type: f.type ?? 'application/octet-stream' }));
    return this.read(await this.app.request(path, { method: 'POST', body, headers: this.headers({ origin: 'http://localhost' }) }));
  }

  /**
   * Posts a body that announces `contentLength` bytes and counts how many are read, as a browser
   * starting a large upload: shows whether the server answered before reading it.
   */
  async postAnnounced(path: string, contentLength: number, contentType = 'multipart/form-data; boundary=x'): Promise<Page & { bytesRead: number }> {
    let bytesRead = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (bytesRead >= contentLength) return controller.close();
          bytesRead += chunk.length;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const response = await this.app.request(path, {
      method: 'POST',
      body,
      // @ts-expect-error Node's fetch needs duplex for a streamed body; the DOM types don't know it.
      duplex: 'half',
      headers: this.headers({ origin: 'http://localhost', 'content-type': contentType, 'content-length': String(contentLength) }),
    });
    return { ...(await this.read(response)), bytesRead };
  }

  hasSession(): boolean {
    return this.cookies.has('waymark_session');
  }
}

/** The visible text of a page, tags removed and whitespace collapsed, for assertions. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The page's text as the DOM's `textContent` has it: tags removed with nothing put in their place,
 * so two elements with no space between them run together ("Stage 1Towards Middle Leadership"), as
 * they do when the text is copied or read as one name.
 */
export function textContent(html: string): string {
  return visibleText(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ''));
}
