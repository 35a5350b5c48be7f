/// <reference lib="dom" />
/**
 * loadImage, loadScript, loadStylesheet and loadFont for the client code: each adds the element
 * (an <img>, a <script>, a <link rel="stylesheet">, an @font-face rule) that makes the request, and
 * resolves once it fired `load` or `error`, never rejecting. What JavaScript can tell of the
 * response goes in the observation: loaded or not, and PerformanceResourceTiming's responseStatus,
 * which is the status for a CORS or same-origin response and 0 for an opaque one.
 * The engine's model of the same helpers is packages/engine/src/model-elements.ts.
 */
import type { Observation } from '@cors-playground/scenario';
import type { HarnessTools } from './tools';

interface LoadOptions {
  crossOrigin?: string;
  module?: boolean;
  family?: string;
}

/** How long to look for the load's resource timing entry after `load` (it is queued, not always there yet). */
const TIMING_TRIES = 10;
const TIMING_POLL_MS = 20;

function optionsOf(options: unknown): LoadOptions {
  return options !== null && typeof options === 'object' ? (options as LoadOptions) : {};
}

export function elementLoaders({ observe, track, absoluteUrl }: Omit<HarnessTools, 'describeError'>) {
  const claimedEntries = new Map<string, number>();
  let fonts = 0;

  /** The status JavaScript may read (0 when opaque), from this load's own resource timing entry. */
  async function responseStatus(url: string): Promise<number | null> {
    const claimed = claimedEntries.get(url) ?? 0;
    for (let attempt = 0; attempt < TIMING_TRIES; attempt++) {
      const entry = performance.getEntriesByName(url, 'resource')[claimed] as (PerformanceResourceTiming & { responseStatus?: number }) | undefined;
      if (entry) {
        claimedEntries.set(url, claimed + 1);
        return entry.responseStatus ?? 0;
      }
      await new Promise((resolve) => setTimeout(resolve, TIMING_POLL_MS));
    }
    return null;
  }

  /** Observes one element load: `start` adds the element and resolves true on `load`, false on `error`. */
  async function observed<T>(api: Observation['api'], input: unknown, mode: 'cors' | 'no-cors', start: (url: string) => Promise<boolean>, result: (loaded: boolean) => T): Promise<T> {
    const url = absoluteUrl(String(input));
    const observation = observe(api, 'GET', url);
    observation.mode = mode;
    return track(
      (async () => {
        const loaded = await start(url);
        const status = await responseStatus(url);
        observation.settled = loaded ? 'resolved' : 'rejected';
        if (loaded) {
          const opaque = status === 0 || (status === null && mode === 'no-cors' && new URL(url).origin !== location.origin);
          observation.responseType = opaque ? 'opaque' : mode === 'cors' ? 'cors' : 'basic';
          observation.status = opaque ? 0 : (status ?? 0);
        } else {
          observation.error = `the ${api === 'img' ? 'image' : api} fired its error event`;
        }
        return result(loaded);
      })(),
    );
  }

  function whenLoaded(element: HTMLElement): Promise<boolean> {
    return new Promise((resolve) => {
      element.addEventListener('load', () => resolve(true), { once: true });
      element.addEventListener('error', () => resolve(false), { once: true });
    });
  }

  function setCrossOrigin(element: HTMLImageElement | HTMLScriptElement | HTMLLinkElement, value: string | undefined): void {
    if (value !== undefined && value !== null) element.crossOrigin = String(value);
  }

  return {
    /** An <img>; canvasReadable says whether drawing it on a canvas leaves getImageData readable. */
    loadImage(url: unknown, options?: unknown) {
      const { crossOrigin } = optionsOf(options);
      const image = new Image();
      return observed('img', url, crossOrigin === undefined || crossOrigin === null ? 'no-cors' : 'cors', (href) => {
        setCrossOrigin(image, crossOrigin);
        const done = whenLoaded(image);
        image.src = href;
        return done;
      }, (loaded) => ({ loaded, width: loaded ? image.naturalWidth : 0, height: loaded ? image.naturalHeight : 0, canvasReadable: loaded ? canvasReadable(image) : null }));
    },
    /** A classic <script>, or with module: true a <script type="module"> (always fetched with CORS). */
    loadScript(url: unknown, options?: unknown) {
      const { crossOrigin, module } = optionsOf(options);
      const script = document.createElement('script');
      const mode = module || (crossOrigin !== undefined && crossOrigin !== null) ? 'cors' : 'no-cors';
      return observed(module ? 'module' : 'script', url, mode, (href) => {
        if (module) script.type = 'module';
        setCrossOrigin(script, crossOrigin);
        const done = whenLoaded(script);
        script.src = href;
        document.head.append(script);
        return done;
      }, (loaded) => ({ loaded }));
    },
    /** A <link rel="stylesheet">; rulesReadable says whether its cssRules may be read. */
    loadStylesheet(url: unknown, options?: unknown) {
      const { crossOrigin } = optionsOf(options);
      const link = document.createElement('link');
      return observed('stylesheet', url, crossOrigin === undefined || crossOrigin === null ? 'no-cors' : 'cors', (href) => {
        link.rel = 'stylesheet';
        setCrossOrigin(link, crossOrigin);
        const done = whenLoaded(link);
        link.href = href;
        document.head.append(link);
        return done;
      }, (loaded) => ({ loaded, rulesReadable: loaded ? rulesReadable(link) : null }));
    },
    /** A web font through an @font-face rule (always fetched with CORS), loaded by document.fonts.load(). */
    loadFont(url: unknown, options?: unknown) {
      const family = String(optionsOf(options).family ?? `cors-playground-font-${++fonts}`);
      return observed('font', url, 'cors', async (href) => {
        const style = document.createElement('style');
        style.textContent = `@font-face { font-family: ${JSON.stringify(family)}; src: url(${JSON.stringify(href)}); }`;
        document.head.append(style);
        await document.fonts.load(`16px ${JSON.stringify(family)}`).catch(() => undefined);
        const face = [...document.fonts].find((item) => item.family === family || item.family === JSON.stringify(family));
        return face ? face.loaded.then(() => true, () => false) : false;
      }, (loaded) => ({ loaded }));
    },
  };
}

function canvasReadable(image: HTMLImageElement): boolean {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  try {
    context.getImageData(0, 0, 1, 1);
    return true;
  } catch {
    return false;
  }
}

function rulesReadable(link: HTMLLinkElement): boolean {
  try {
    return link.sheet !== null && link.sheet.cssRules.length >= 0;
  } catch {
    return false;
  }
}
