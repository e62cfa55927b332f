// A file as the answer of a service: exports, templates, PDFs, stored attachments. Services build
// it and know nothing of HTTP (STYLE.md 6); the route returns it and defineRoute (http.ts) sends it
// with its type, its name (RFC 6266 / 5987) and any headers it carries.
export class Download {
  readonly filename: string;
  readonly contentType: string;
  readonly body: Buffer;
  /** Shown in the browser (PDF, images) rather than saved. */
  readonly inline: boolean;
  /** The plain-ASCII name for clients without RFC 5987 (default: the name with the rest replaced). */
  readonly asciiName: string | undefined;
  /** Further response headers (caching, sandboxing of stored files). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(f: {
    filename: string;
    contentType: string;
    body: Buffer;
    inline?: boolean;
    asciiName?: string;
    headers?: Record<string, string>;
  }) {
    this.filename = f.filename;
    this.contentType = f.contentType;
    this.body = f.body;
    this.inline = f.inline ?? false;
    this.asciiName = f.asciiName;
    this.headers = f.headers ?? {};
  }
}
