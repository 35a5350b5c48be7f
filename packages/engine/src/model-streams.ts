import { createNavigator } from './model-beacon';
import { createEventSource } from './model-event-source';
import { createWebSocket } from './model-websocket';
import type { SimulationContext } from './simulation-context';

/** The request APIs the page has as globals beside fetch and XHR: EventSource, WebSocket, navigator.sendBeacon. */
export function streamScope(context: SimulationContext) {
  return { EventSource: createEventSource(context), WebSocket: createWebSocket(context), navigator: createNavigator(context) };
}
