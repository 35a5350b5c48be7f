import { useEffect, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies text to the clipboard and remembers how it went for two seconds, so a button can say
 * "copied" or, when the clipboard refused, tell the user to copy by hand.
 */
export function useCopy(clipboard: Pick<Clipboard, 'writeText'> | undefined): { state: CopyState; copy: (text: string | null) => void } {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = (text: string | null) => {
    if (!clipboard || text === null) return setState('failed');
    clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return { state, copy };
}
