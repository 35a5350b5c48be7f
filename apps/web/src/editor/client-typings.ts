/**
 * Typings for the helpers the client code has in scope (the harness and the simulator define
 * them). Labels are typed as the scenario's labels, so completion offers them.
 */
export function clientTypings(labels: readonly string[]): string {
  const label = labels.length > 0 ? labels.map((name) => JSON.stringify(name)).join(' | ') : 'string';
  return `type OriginLabel = ${label};
/** The live origin of a label, e.g. origin('api') → "http://api-<sandbox>.site-b.localhost:8080". */
declare function origin(label: OriginLabel): string;
/** origin(label) + path, e.g. url('api', '/data'). */
declare function url(label: OriginLabel, path: string): string;
/** Writes one line to the run's log: values joined by spaces, errors as "Name: message", objects as JSON. */
declare function log(...values: unknown[]): void;
/** Waits ms milliseconds, e.g. for a preflight cache entry to expire; the prediction's clock moves as much. */
declare function sleep(ms: number): Promise<void>;
/** crossorigin="anonymous" fetches with CORS, cookies only to the page's own origin; "use-credentials" with CORS and cookies (the server must allow credentials). Left out: no CORS (an opaque load). */
type CrossOrigin = 'anonymous' | 'use-credentials';
/** Adds an <img>; resolves once it fired load or error (never rejects). canvasReadable: null when not loaded, false when getImageData threw SecurityError (drawing an opaque image taints the canvas). */
declare function loadImage(url: string, options?: { crossOrigin?: CrossOrigin }): Promise<{ loaded: boolean; width: number; height: number; canvasReadable: boolean | null }>;
/** Adds a classic <script>, or with module: true a <script type="module"> (always fetched with CORS); loaded: it fired load (it ran). */
declare function loadScript(url: string, options?: { module?: boolean; crossOrigin?: CrossOrigin }): Promise<{ loaded: boolean }>;
/** Adds a <link rel="stylesheet">; rulesReadable: null when not loaded, false when reading cssRules threw SecurityError. */
declare function loadStylesheet(url: string, options?: { crossOrigin?: CrossOrigin }): Promise<{ loaded: boolean; rulesReadable: boolean | null }>;
/** Loads a web font through an @font-face rule (fonts are always fetched with CORS); family defaults to a fresh name. */
declare function loadFont(url: string, options?: { family?: string }): Promise<{ loaded: boolean }>;
/** A document in an <iframe> or a popup, as openFrame() and openWindow() give it. */
interface FrameHandle {
  url: string;
  /** The document loaded (an unreachable URL loads the browser's error page). */
  loaded: boolean;
  /** The page may read the document: false when it has another origin (reading it threw SecurityError). */
  readable: boolean;
  /** That SecurityError, as "SecurityError: message"; null when readable. */
  error: string | null;
  /** window.postMessage(message, targetOrigin): '*', '/' or an origin; the browser drops it when targetOrigin is not the document's origin. Resolves once a messenger page's echo is in. */
  post(message: unknown, targetOrigin: string): Promise<void>;
  /** The messages the document posted to the page so far, with event.origin: check it before trusting data. A route with "postMessage" serves a page that posts its data once and echoes every message as { echo, origin }. */
  messages(): Array<{ data: any; origin: string }>;
  /** Removes the frame, or closes the popup. */
  close(): void;
}
/** Loads url in a new <iframe>; resolves once it loaded. A navigation needs no CORS header; reading a cross-origin document throws. */
declare function openFrame(url: string): Promise<FrameHandle>;
/** window.open(url); resolves once the popup shows the document. */
declare function openWindow(url: string): Promise<FrameHandle>;
`;
}
