/**
 * The little of DOM events the modelled XMLHttpRequest needs: listeners and `on…` handlers kept in
 * registration order (https://dom.spec.whatwg.org/#concept-event-listener), progress events.
 */
type Callback = ((event: ModelEvent) => unknown) | { handleEvent(event: ModelEvent): unknown };

interface Listener {
  type: string;
  callback: Callback;
  /** True for the listener an `on…` attribute installed. */
  handler: boolean;
}

export interface ModelEvent {
  type: string;
  target: unknown;
  currentTarget: unknown;
  /** Progress events only (https://xhr.spec.whatwg.org/#interface-progressevent). */
  lengthComputable?: boolean;
  loaded?: number;
  total?: number;
  bubbles: false;
  cancelable: false;
  defaultPrevented: false;
  timeStamp: number;
  preventDefault(): void;
  stopPropagation(): void;
  stopImmediatePropagation(): void;
}

export class ModelEventTarget {
  #listeners: Listener[] = [];
  /** Errors thrown by listeners; a browser reports them to the console and goes on. */
  #uncaught: unknown[] = [];

  addEventListener(type: string, callback: Callback | null): void {
    if (!callback || this.#listeners.some((entry) => !entry.handler && entry.type === type && entry.callback === callback)) return;
    this.#listeners.push({ type, callback, handler: false });
  }

  /** Whether any listener or `on…` handler is registered (XHR's upload listener flag looks). */
  hasListeners(): boolean {
    return this.#listeners.length > 0;
  }

  removeEventListener(type: string, callback: Callback | null): void {
    this.#listeners = this.#listeners.filter((entry) => entry.handler || entry.type !== type || entry.callback !== callback);
  }

  protected getHandler(type: string): Callback | null {
    return this.#listeners.find((entry) => entry.handler && entry.type === type)?.callback ?? null;
  }

  /** https://html.spec.whatwg.org/#event-handler-attributes: setting keeps the first position. */
  protected setHandler(type: string, callback: unknown): void {
    const index = this.#listeners.findIndex((entry) => entry.handler && entry.type === type);
    if (typeof callback !== 'function' && (typeof callback !== 'object' || callback === null)) {
      if (index !== -1) this.#listeners.splice(index, 1);
      return;
    }
    if (index === -1) this.#listeners.push({ type, callback: callback as Callback, handler: true });
    else this.#listeners[index] = { type, callback: callback as Callback, handler: true };
  }

  /**
   * Fires an event; a progress event when `progress` is given (readystatechange is a plain Event);
   * `fields` adds the members of other event kinds (MessageEvent's data and origin, CloseEvent's code).
   */
  protected fire(type: string, progress?: { loaded: number; total: number }, fields: Record<string, unknown> = {}): void {
    let stopped = false;
    const event: ModelEvent = {
      type, target: this, currentTarget: this,
      ...(progress ? { lengthComputable: progress.total > 0, loaded: progress.loaded, total: progress.total } : {}),
      ...fields,
      bubbles: false, cancelable: false, defaultPrevented: false, timeStamp: 0,
      preventDefault() {}, stopPropagation() {}, stopImmediatePropagation() { stopped = true; },
    };
    for (const entry of [...this.#listeners]) {
      if (entry.type !== type || stopped) continue;
      try {
        if (typeof entry.callback === 'function') entry.callback.call(this, event);
        else entry.callback.handleEvent(event);
      } catch (error) {
        this.#uncaught.push(error);
      }
    }
  }

  protected takeUncaught(): unknown[] {
    const errors = this.#uncaught;
    this.#uncaught = [];
    return errors;
  }
}

export const XHR_EVENT_TYPES = ['readystatechange', 'loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'] as const;
/** https://xhr.spec.whatwg.org/#xmlhttprequesteventtarget: the handlers an XMLHttpRequestUpload has. */
export const XHR_UPLOAD_EVENT_TYPES = ['loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'] as const;

/** https://xhr.spec.whatwg.org/#xmlhttprequestupload: listeners and `on…` handlers, no events fired. */
export class ModelXMLHttpRequestUpload extends ModelEventTarget {
  static {
    for (const type of XHR_UPLOAD_EVENT_TYPES) {
      Object.defineProperty(this.prototype, `on${type}`, {
        get(this: ModelXMLHttpRequestUpload) {
          return this.getHandler(type);
        },
        set(this: ModelXMLHttpRequestUpload, callback: unknown) {
          this.setHandler(type, callback);
        },
        configurable: true,
        enumerable: true,
      });
    }
  }

  get [Symbol.toStringTag](): string {
    return 'XMLHttpRequestUpload';
  }
}
