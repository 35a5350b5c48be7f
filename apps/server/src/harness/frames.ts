/// <reference lib="dom" />
/**
 * openFrame(url) and openWindow(url) for the client code: each loads a document (an <iframe>, a
 * popup) and becomes an observation with api "iframe" or "window". A document is "readable" when
 * the page may read it: reading a cross-origin one throws SecurityError, and the handle keeps that
 * error. Messages that document posts to the page are kept per handle; post() sends one to it.
 *
 * A route with `postMessage` answers a messenger page (packages/scenario messenger-page.ts) that
 * posts "ready" once loaded and answers a ping with a pong; messages between two windows keep
 * their order, so once either is in, so is everything the page posted before it. Any other page
 * never answers: openFrame() and openWindow() ping it for PONG_WAIT_MS, then go on (the engine
 * waits as long).
 */
import { MESSENGER_MARKER, PONG_WAIT_MS, type FrameHandle, type Observation, type ReceivedMessage } from '@cors-playground/scenario';
import type { HarnessTools } from './tools';

/** How long post() waits for a messenger page's pong (it always comes unless the page went away). */
const POST_WAIT_MS = 5_000;
/** How long openWindow() waits for the popup's document before it calls the window not loaded. */
export const WINDOW_LOAD_WAIT_MS = 5_000;
const POLL_MS = 25;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function markerOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[MESSENGER_MARKER] : undefined;
}

/** The SecurityError the page gets when it reads the document, or null when it may. */
function readError(target: Window, describe: (error: unknown) => string): string | null {
  try {
    void target.document;
    return null;
  } catch (error) {
    return describe(error);
  }
}

export function frameHelpers(tools: HarnessTools) {
  const received: Array<ReceivedMessage & { source: MessageEventSource | null }> = [];
  /** The messenger pages that said ready, and the ids of the pings that got a pong. */
  const ready = new Set<MessageEventSource>();
  const pongs = new Set<number>();
  let nextPing = 0;
  window.addEventListener('message', (event) => {
    const marker = markerOf(event.data);
    if (marker === 'ready' && event.source) ready.add(event.source);
    else if (marker === 'pong') pongs.add(Number((event.data as { id?: unknown }).id));
    else if (marker === undefined) received.push({ source: event.source, data: event.data, origin: event.origin });
  });

  /**
   * Pings until one of this call's pings gets its pong or `wait` ms passed; true when it did (a
   * messenger page). Each ping has its own id, so a late pong of an earlier call counts for nothing.
   */
  async function awaitAnswer(target: Window, wait: number): Promise<boolean> {
    const sent: number[] = [];
    for (let waited = 0; waited <= wait; waited += POLL_MS) {
      sent.push(nextPing++);
      target.postMessage({ [MESSENGER_MARKER]: 'ping', id: sent.at(-1) }, '*');
      await delay(POLL_MS);
      if (sent.some((id) => pongs.has(id))) return true;
    }
    return false;
  }

  /** A messenger page said ready already, or answers a ping within PONG_WAIT_MS. */
  async function isMessenger(target: Window): Promise<boolean> {
    return ready.has(target) || awaitAnswer(target, PONG_WAIT_MS);
  }

  function handle(url: string, target: Window | null, loaded: boolean, messenger: boolean, close: () => void): FrameHandle {
    const error = target && loaded ? readError(target, tools.describeError) : null;
    return {
      url,
      loaded,
      readable: loaded && error === null,
      error,
      async post(message, targetOrigin) {
        if (!target) throw new TypeError('post(): the window did not open');
        target.postMessage(message, targetOrigin);
        if (messenger) await awaitAnswer(target, POST_WAIT_MS);
      },
      messages: () => received.filter((message) => message.source === target).map(({ data, origin }) => ({ data, origin })),
      close,
    };
  }

  function settle(observation: Observation, readable: boolean): void {
    observation.settled = 'resolved';
    observation.responseType = readable ? 'basic' : 'opaque';
  }

  /** Loads url in a new <iframe> of the page; resolves once it loaded (an error page loads too). */
  async function openFrame(url: string): Promise<FrameHandle> {
    const resolved = tools.absoluteUrl(String(url));
    const observation = tools.observe('iframe', 'GET', resolved);
    const frame = document.createElement('iframe');
    const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
    frame.src = resolved;
    document.body.append(frame);
    await tools.track(loaded);
    const target = frame.contentWindow!;
    settle(observation, readError(target, tools.describeError) === null);
    const messenger = await isMessenger(target);
    return handle(resolved, target, true, messenger, () => frame.remove());
  }

  /** Waits until the popup shows url's document: readable and complete, or cross-origin (reading throws). */
  async function popupLoaded(target: Window): Promise<boolean> {
    for (let waited = 0; waited < WINDOW_LOAD_WAIT_MS; waited += POLL_MS) {
      try {
        if (target.location.href !== 'about:blank' && target.document.readyState === 'complete') return true;
      } catch {
        return true;
      }
      await delay(POLL_MS);
    }
    return false;
  }

  /** window.open(url); resolves once the popup shows the document (null from window.open: not loaded). */
  async function openWindow(url: string): Promise<FrameHandle> {
    const resolved = tools.absoluteUrl(String(url));
    const observation = tools.observe('window', 'GET', resolved);
    const target = window.open(resolved);
    if (!target) {
      observation.settled = 'rejected';
      observation.error = 'window.open returned null (the popup was blocked)';
      return handle(resolved, null, false, false, () => {});
    }
    const loaded = await tools.track(popupLoaded(target));
    if (loaded) settle(observation, readError(target, tools.describeError) === null);
    const messenger = loaded && (await isMessenger(target));
    return handle(resolved, target, loaded, messenger, () => target.close());
  }

  return { openFrame, openWindow };
}
