import { verdict, type Verdict } from './spec';

/**
 * https://fetch.spec.whatwg.org/#concept-bodyinit-extract, for the bodies a CORS lesson sends:
 * the body as text and the Content-Type it implies.
 */
export interface ExtractedBody {
  text: string;
  contentType: string | null;
  /** Set when the body kind is not modelled (its bytes are not simulated). */
  unsupported: Verdict | null;
}

function tagOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

export function extractBody(body: unknown): ExtractedBody | null {
  if (body === undefined || body === null) return null;
  const tag = tagOf(body);
  if (typeof body === 'string') return { text: body, contentType: 'text/plain;charset=UTF-8', unsupported: null };
  if (tag === 'URLSearchParams') return { text: String(body), contentType: 'application/x-www-form-urlencoded;charset=UTF-8', unsupported: null };
  if (tag === 'FormData') {
    return { text: '', contentType: 'multipart/form-data; boundary=----CorsPlaygroundModelBoundary', unsupported: notModelled('FormData') };
  }
  if (tag === 'Blob' || tag === 'File') {
    const type = (body as { type?: unknown }).type;
    return { text: '', contentType: typeof type === 'string' && type !== '' ? type : null, unsupported: notModelled(tag) };
  }
  if (tag === 'ArrayBuffer' || ArrayBuffer.isView(body) || tag === 'ReadableStream') return { text: '', contentType: null, unsupported: notModelled(tag) };
  return { text: String(body), contentType: 'text/plain;charset=UTF-8', unsupported: null };
}

function notModelled(kind: string): Verdict {
  return verdict('unsupported', 'requestConstructor', 'Extract a body', `Not modelled: the bytes of a ${kind} body (its Content-Type is, so the CORS decisions hold).`);
}
