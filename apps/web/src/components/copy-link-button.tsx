import { useEffect, useState } from 'react';
import { flushPendingEdits } from '../editor/pending-edits';
import { hashFor } from '../scenario/hash-codec';
import { getState, usePlaygroundStore } from '../store/store';

export interface CopyLinkProps {
  /** The playground's address without its hash. */
  baseUrl: () => string;
  clipboard: Pick<Clipboard, 'writeText'> | undefined;
}

/** Copies a link that holds the whole scenario, built from the store so an edit still debouncing is in it. */
export function CopyLinkButton({ baseUrl, clipboard }: CopyLinkProps) {
  const valid = usePlaygroundStore((state) => state.scenario.validation.ok);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    flushPendingEdits();
    const { input, validation } = getState().scenario;
    if (!clipboard || !input || !validation.ok) return setCopied('failed');
    clipboard.writeText(baseUrl() + hashFor(input)).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  const label = copied === 'copied' ? 'Link copied' : copied === 'failed' ? 'Copy the address bar' : 'Copy link';
  return (
    <button type="button" className="ghost-button" data-testid="copy-link" disabled={!valid} onClick={copy} title="A link that holds the whole scenario">
      {label}
    </button>
  );
}
