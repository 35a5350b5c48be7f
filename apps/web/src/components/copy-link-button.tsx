import { flushPendingEdits } from '../editor/pending-edits';
import { hashFor } from '../scenario/hash-codec';
import { getState, usePlaygroundStore } from '../store/store';
import { useCopy } from './use-copy';

export interface CopyLinkProps {
  /** The playground's address without its hash. */
  baseUrl: () => string;
  clipboard: Pick<Clipboard, 'writeText'> | undefined;
}

/** Copies a link that holds the whole scenario, built from the store so an edit still debouncing is in it. */
export function CopyLinkButton({ baseUrl, clipboard }: CopyLinkProps) {
  const valid = usePlaygroundStore((state) => state.scenario.validation.ok);
  const { state: copied, copy: copyText } = useCopy(clipboard);
  const copy = () => {
    flushPendingEdits();
    const { input, validation } = getState().scenario;
    copyText(input && validation.ok ? baseUrl() + hashFor(input) : null);
  };
  const label = copied === 'copied' ? 'Link copied' : copied === 'failed' ? 'Copy the address bar' : 'Copy link';
  return (
    <button type="button" className="ghost-button" data-testid="copy-link" disabled={!valid} onClick={copy} title="A link that holds the whole scenario">
      {label}
    </button>
  );
}
