import { useEffect } from 'react';
import { runScenario } from '../run/run-controller';

/**
 * Ctrl+Enter (Cmd+Enter on a Mac) runs the scenario from anywhere, including inside Monaco: the
 * listener is on the capture phase, so it sees the key before the editor inserts a line.
 */
export function useRunShortcut(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      void runScenario();
    };
    target.addEventListener('keydown', onKeyDown, { capture: true });
    return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [target]);
}
