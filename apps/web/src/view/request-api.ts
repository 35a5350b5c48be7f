/**
 * How each request API reads in the request list: the element or call a page author wrote, so
 * an `<img>` load and a `fetch` are told apart at a glance. Unknown values show as they are.
 */
const API_LABELS: Readonly<Record<string, { label: string; title: string }>> = {
  fetch: { label: 'fetch', title: 'fetch()' },
  xhr: { label: 'XHR', title: 'XMLHttpRequest' },
  img: { label: '<img>', title: 'An image element' },
  script: { label: '<script>', title: 'A classic script element (no CORS unless crossorigin)' },
  module: { label: '<script type=module>', title: 'A module script: always a CORS request' },
  stylesheet: { label: '<link rel=stylesheet>', title: 'A stylesheet link element' },
  font: { label: '@font-face', title: 'A web font: always a CORS request' },
  iframe: { label: '<iframe>', title: 'A frame navigating to the URL' },
  window: { label: 'window.open', title: 'A new window navigating to the URL' },
  beacon: { label: 'sendBeacon', title: 'navigator.sendBeacon()' },
  eventsource: { label: 'EventSource', title: 'Server-sent events' },
  websocket: { label: 'WebSocket', title: 'A WebSocket handshake: no CORS, the server checks Origin' },
};

export function apiLabel(api: string): { label: string; title: string } {
  return API_LABELS[api] ?? { label: api, title: api };
}
