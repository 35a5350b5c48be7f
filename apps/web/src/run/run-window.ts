import type { RunWindow } from './run-controller';

interface Clock {
  setTimeout: (callback: () => void, ms: number) => number;
}

/** How often, and how many times, closing looks whether the window has left the run page. */
const BLANK_POLL_MS = 50;
const BLANK_POLLS = 100;

/**
 * A run page stuck in a loop never handles a close request: Chromium passes it through the page's
 * own thread. A navigation goes through the browser instead, which swaps the page (and its busy
 * process) out. So the window goes to about:blank first, a document of the playground's own
 * origin, and is closed once it is there (its document is readable from here again).
 */
function closeWindow(opened: Window, clock: Clock): void {
  if (opened.closed) return;
  opened.location.replace('about:blank');
  let polls = 0;
  const closeWhenBlank = () => {
    if (readable(opened) || ++polls >= BLANK_POLLS) opened.close();
    else clock.setTimeout(closeWhenBlank, BLANK_POLL_MS);
  };
  closeWhenBlank();
}

function readable(opened: Window): boolean {
  try {
    return opened.document.URL === 'about:blank';
  } catch {
    return false;
  }
}

/**
 * Opens the blank windows that runs in the window context navigate once their sandbox exists.
 *
 * The window is opened through a hidden, empty frame of the playground, so that frame, not the
 * playground, is the window's opener. The client code in the window can reach that frame
 * (`window.opener`) but navigate neither it nor the playground: a browser lets a cross-origin page
 * navigate its opener only when the opener is a top-level window, and the playground is not its
 * opener. The playground, same-origin with the window's opener, can still close the window when
 * the run is over. Setting `opener = null` instead would cut the link both ways: Chromium then
 * refuses the playground's `close()`, and a run page stuck in a loop would stay open.
 */
export function createRunWindowOpener(document: Document, clock: Clock): () => RunWindow | null {
  // Made once, ahead of any Run click: a browser shares a click's user activation with the
  // same-origin frames that exist at the time, and a frame made during the click would have none,
  // so the pop-up blocker would refuse its window.
  const opener = document.createElement('iframe');
  opener.hidden = true;
  opener.tabIndex = -1;
  opener.setAttribute('aria-hidden', 'true');
  opener.dataset.testid = 'run-window-opener';
  document.body.append(opener);
  return () => {
    const opened = opener.contentWindow?.open('', '_blank') ?? null;
    if (!opened) return null;
    opened.document.title = 'CORS Playground run';
    if (opened.document.body) opened.document.body.textContent = 'Creating a fresh sandbox for the run…';
    return {
      navigate: (url) => opened.location.replace(url),
      close: () => closeWindow(opened, clock),
    };
  };
}
