import { scriptJson } from './html-text';
import type { Route } from './schema';
import { expandTemplates, type TemplateContext } from './templates';

/**
 * The page a route with `postMessage` answers: the route's body, then a script that posts
 * `data` to the window that embeds or opened it (with the route's targetOrigin), and answers every
 * message it receives with `{ echo, origin }` sent back to event.origin. Its behaviour is data,
 * not code a user writes, so the engine can predict the messages (packages/engine model-frames.ts).
 *
 * Once loaded it also posts `{ [MESSENGER_MARKER]: 'ready' }` to "*", and a message
 * `{ [MESSENGER_MARKER]: 'ping', id }` gets `{ [MESSENGER_MARKER]: 'pong', id }` back, sent to "*":
 * messages between two windows keep their order, so once the ready or the pong is in, every
 * message the page sent before it is in too (the harness's openFrame and post() wait for them,
 * then hide them).
 */
export const MESSENGER_MARKER = '__corsPlaygroundMessenger';

export function messengerScript(data: string | undefined, targetOrigin: string): string {
  const marker = scriptJson(MESSENGER_MARKER);
  const post = data === undefined ? '' : `\n  if (peer) peer.postMessage(${scriptJson(data)}, ${scriptJson(targetOrigin)});`;
  const ready = `\n  if (peer) peer.postMessage({ [marker]: 'ready' }, '*');`;
  return `<script>
(() => {
  const marker = ${marker};
  const peer = window.opener || (window.parent !== window ? window.parent : null);
  addEventListener('message', (event) => {
    if (!event.source) return;
    if (event.data && event.data[marker] === 'ping') return event.source.postMessage({ [marker]: 'pong', id: event.data.id }, '*');
    event.source.postMessage({ echo: event.data, origin: event.origin }, event.origin === 'null' ? '*' : event.origin);
  });${post}${ready}
})();
</script>`;
}

/** What the page posts once loaded, templates expanded; data undefined when it posts nothing. */
export function messengerMessage(spec: NonNullable<Route['postMessage']>, context: TemplateContext): { data: string | undefined; targetOrigin: string } {
  return { data: spec.data === undefined ? undefined : expandTemplates(spec.data, context), targetOrigin: expandTemplates(spec.targetOrigin, context) };
}

/** The answer of a route with `postMessage`: an HTML page unless the route names its own Content-Type. */
export function messengerAnswer(
  spec: NonNullable<Route['postMessage']>,
  headers: Array<[string, string]>,
  body: string,
  context: TemplateContext,
): { headers: Array<[string, string]>; body: string } {
  const { data, targetOrigin } = messengerMessage(spec, context);
  const script = messengerScript(data, targetOrigin);
  const typed = headers.some(([name]) => name.toLowerCase() === 'content-type');
  return {
    headers: typed ? headers : [...headers, ['content-type', 'text/html; charset=utf-8']],
    body: `<!doctype html>\n${body}\n${script}\n`,
  };
}
