import type { ElementApi } from './element-requests';
import { getHeader } from './header-list';
import type { ModelResponse } from './main-fetch';
import { parseMimeTypeEssence } from './mime-type';
import type { Verdict } from './spec';

/**
 * What an element does with the response its fetch returned (HTML: "process the response"): an
 * <img> decodes the bytes whatever the status, a script or stylesheet needs an ok status, a module
 * script also a JavaScript MIME type, a font must pass the font sanitizer. A response that fails
 * here fires the element's `error` event although CORS let it through: the outcome is "error".
 */
export interface ElementUse {
  used: boolean;
  verdict: Verdict;
  /** A console line Chromium prints for the failure, when it prints one the record shows. */
  console: string | null;
  /** The decoded image's size, for an <img>. */
  width: number;
  height: number;
}

const HTML = 'https://html.spec.whatwg.org/multipage/';

const CSS_FONTS = 'https://drafts.csswg.org/css-fonts/#font-face-src-loading';

/** A verdict of the HTML standard (or, for fonts, CSS Fonts): `page` is a page#anchor of the HTML standard, or a full URL. */
export function htmlVerdict(result: Verdict['result'], step: string, page: string, detail: string, blockedBy?: string): Verdict {
  return { result, step, spec: page.startsWith('https:') ? page : `${HTML}${page}`, detail, ...(blockedBy ? { blockedBy } : {}) };
}

/** https://mimesniff.spec.whatwg.org/#javascript-mime-type, and WebAssembly, which Chromium 156 accepts for module scripts. */
const JAVASCRIPT_MIME_TYPES: ReadonlySet<string> = new Set([
  'application/ecmascript', 'application/javascript', 'application/x-ecmascript', 'application/x-javascript', 'text/ecmascript',
  'text/javascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2', 'text/javascript1.3', 'text/javascript1.4',
  'text/javascript1.5', 'text/jscript', 'text/livescript', 'text/x-ecmascript', 'text/x-javascript', 'application/wasm',
]);

/** https://fetch.spec.whatwg.org/#should-response-to-request-be-blocked-due-to-mime-type?: a script never runs these. */
function blockedScriptMimeType(essence: string | null): boolean {
  return essence !== null && (/^(audio|image|video)\//.test(essence) || essence === 'text/csv');
}

/** The first bytes of each image format Chromium decodes that a route can send (only the png asset can, today). */
function pngSize(bytes: Uint8Array | null): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** sfnt (TrueType, OpenType), WOFF and WOFF2: what the font sanitizer (OTS) starts from. */
function isFontFile(bytes: Uint8Array | null): boolean {
  if (!bytes || bytes.length < 12) return false;
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  return ['\u0000\u0001\u0000\u0000', 'OTTO', 'true', 'wOFF', 'wOF2'].includes(tag);
}

const okStatus = (status: number) => status >= 200 && status <= 299;

function use(verdict: Verdict, extra: Partial<ElementUse> = {}): ElementUse {
  return { used: verdict.result !== 'fail', verdict, console: null, width: 0, height: 0, ...extra };
}

function notOk(what: string, status: number): ElementUse {
  return use(htmlVerdict('fail', `Fetch ${what}`, 'webappapis.html#fetching-scripts', `The response's status is ${status}, not an ok status (200-299): the ${what} fires its error event.`, 'status'));
}

export function useResponse(api: ElementApi, response: ModelResponse): ElementUse {
  const internal = response.internal;
  const status = internal?.status ?? response.status;
  const essence = parseMimeTypeEssence(getHeader(internal?.headers ?? [], 'content-type') ?? '');
  switch (api) {
    case 'img': {
      const size = pngSize(internal?.bytes ?? null);
      if (!size) {
        return use(htmlVerdict('fail', 'Update the image data', 'images.html#update-the-image-data',
          'The response is not an image the model can decode (only the built-in "png" asset is modelled as an image): the <img> fires its error event.', 'not-an-image'));
      }
      return use(htmlVerdict('pass', 'Update the image data', 'images.html#update-the-image-data',
        `The bytes decode as a ${size.width}x${size.height} PNG${okStatus(status) ? '' : ` (an <img> shows an image even with status ${status})`}.`), size);
    }
    case 'script':
      if (!okStatus(status)) return notOk('classic script', status);
      if (blockedScriptMimeType(essence)) {
        return use(htmlVerdict('fail', 'Fetch a classic script', 'webappapis.html#fetch-a-classic-script', `A script is never run from a ${essence} response: the <script> fires its error event.`, 'mime-type'));
      }
      return use(htmlVerdict('pass', 'Fetch a classic script', 'webappapis.html#fetch-a-classic-script', 'The script runs (a classic script runs whatever its MIME type, save images, media and CSV).'));
    case 'module':
      if (!okStatus(status)) return notOk('module script', status);
      if (essence === null || !JAVASCRIPT_MIME_TYPES.has(essence)) {
        const shown = essence ?? '';
        return use(htmlVerdict('fail', 'Fetch a single module script', 'webappapis.html#fetch-a-single-module-script',
          `A module script needs a JavaScript MIME type; the response's is "${shown}": the <script type="module"> fires its error event.`, 'mime-type'), {
          console: `Failed to load module script: Expected a JavaScript-or-Wasm module script but the server responded with a MIME type of "${shown}". Strict MIME type checking is enforced for module scripts per HTML spec.`,
        });
      }
      return use(htmlVerdict('pass', 'Fetch a single module script', 'webappapis.html#fetch-a-single-module-script', `The module runs (MIME type ${essence}).`));
    case 'stylesheet':
      if (!okStatus(status)) return notOk('stylesheet', status);
      return use(htmlVerdict('pass', 'Process the linked resource', 'links.html#process-the-linked-resource', 'The stylesheet applies to the page.'));
    case 'font':
      if (!okStatus(status)) return notOk('font', status);
      if (!isFontFile(internal?.bytes ?? null)) {
        return use(htmlVerdict('fail', 'Load a font', CSS_FONTS,
          'The bytes are not a font file (TrueType, OpenType, WOFF or WOFF2): the font fails to load.', 'not-a-font'));
      }
      return use(htmlVerdict('pass', 'Load a font', CSS_FONTS, 'The font loads.'));
  }
}
