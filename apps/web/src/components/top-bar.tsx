import { CopyLinkButton, type CopyLinkProps } from './copy-link-button';
import { RunButton, StopButton } from './run-button';
import { RunContextPicker } from './run-context-picker';
import { StarterPicker } from './starter-picker';

export function TopBar({ shortcut, ...copyLink }: CopyLinkProps & { shortcut: string }) {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 16 16" width="16" height="16">
            <path d="M3 8h9M9 4.5 12.5 8 9 11.5" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
        <span className="brand-name">CORS Playground</span>
      </div>
      <StarterPicker />
      <div className="top-bar-spacer" />
      <CopyLinkButton {...copyLink} />
      <RunContextPicker />
      <StopButton />
      <RunButton shortcut={shortcut} />
    </header>
  );
}
