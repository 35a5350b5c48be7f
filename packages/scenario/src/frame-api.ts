/**
 * What openFrame(url) and openWindow(url) give the client code, as the harness (apps/server
 * harness/frames.ts) implements it in the browser and the engine (model-frames.ts) models it.
 */

/** How long openFrame() and openWindow() ping a page that is not a messenger before going on. */
export const PONG_WAIT_MS = 1_000;

export interface ReceivedMessage {
  data: unknown;
  origin: string;
}

export interface FrameHandle {
  url: string;
  loaded: boolean;
  readable: boolean;
  error: string | null;
  post(message: unknown, targetOrigin: string): Promise<void>;
  messages(): ReceivedMessage[];
  close(): void;
}
