import type { RunWindow } from './run-controller';

/**
 * Opens the blank window a run in the window context navigates once its sandbox exists. The
 * window loses its opener at once: the client code runs top-level there, and without an opener it
 * cannot reach back to navigate or script the playground (the frame context's sandbox attribute
 * does the same for a frame).
 */
export function openRunWindow(open: (url: string, target: string) => Window | null): RunWindow | null {
  const opened = open('', '_blank');
  if (!opened) return null;
  opened.opener = null;
  opened.document.title = 'CORS Playground run';
  if (opened.document.body) opened.document.body.textContent = 'Creating a fresh sandbox for the run…';
  return {
    navigate: (url) => opened.location.replace(url),
    close: () => opened.close(),
  };
}
