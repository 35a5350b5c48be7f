import { useEffect } from 'react';
import { usePlaygroundStore } from '../store/store';
import { EditorsPane } from './editors-pane';
import { NoticeBanner } from './notice-banner';
import { ResultsPane } from './results-pane';
import { RunFrame } from './run-frame';
import { runShortcutLabel } from './run-button';
import { TopBar } from './top-bar';
import { useRunShortcut } from './use-run-shortcut';

export interface AppProps {
  /** The browser's window (for the shortcut), and what the UI shows and copies from it. */
  window: Window;
  browser: string;
}

/** The tab shows the scenario's title. */
function useDocumentTitle(document: Document): void {
  const title = usePlaygroundStore((state) => (state.scenario.validation.ok ? state.scenario.validation.scenario.title : ''));
  useEffect(() => {
    document.title = title ? `${title} · CORS Playground` : 'CORS Playground';
  }, [document, title]);
}

export function App({ window, browser }: AppProps) {
  useRunShortcut(window);
  useDocumentTitle(window.document);
  const { location, navigator } = window;
  return (
    <div className="app">
      <TopBar
        baseUrl={() => location.origin + location.pathname + location.search}
        clipboard={navigator.clipboard}
        shortcut={runShortcutLabel(navigator.platform)}
      />
      <NoticeBanner />
      <main className="workspace">
        <EditorsPane clipboard={navigator.clipboard} />
        <ResultsPane browser={browser} />
      </main>
      <RunFrame />
    </div>
  );
}
