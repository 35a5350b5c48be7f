import { useEffect } from 'react';
import { CodeEditor } from '../editor/code-editor';
import { loadMonaco } from '../editor/monaco-loader';
import { CLIENT_MODEL_URI, SERVERS_MODEL_URI } from '../editor/model-uris';
import { editClientText, editServersText } from '../store/actions';
import { usePlaygroundStore } from '../store/store';
import { ErrorsPanel } from './errors-panel';


/** Keeps the client typings' OriginLabel in step with the scenario's origins. */
function useClientLabels(): void {
  const labels = usePlaygroundStore((state) => (state.scenario.validation.ok ? Object.keys(state.scenario.validation.scenario.origins).join(',') : null));
  useEffect(() => {
    if (labels === null) return;
    void loadMonaco().then((setup) => setup.setClientLabels(labels.split(',')));
  }, [labels]);
}

export function EditorsPane() {
  const serversText = usePlaygroundStore((state) => state.scenario.serversText);
  const clientText = usePlaygroundStore((state) => state.scenario.clientText);
  // Rendered so a test can tell when an edit has gone through the store and the page has re-rendered.
  const revision = usePlaygroundStore((state) => state.scenario.revision);
  useClientLabels();
  return (
    <div className="editors-pane" data-testid="editors" data-revision={revision}>
      <section className="editor-panel editor-panel-servers">
        <header className="panel-header">
          <h2>Servers</h2>
          <span className="panel-hint">origins, page and what each server answers · JSON</span>
        </header>
        <CodeEditor value={serversText} language="json" onChange={editServersText} modelUri={SERVERS_MODEL_URI} ariaLabel="Servers (scenario JSON)" testId="servers-editor" />
      </section>
      <ErrorsPanel />
      <section className="editor-panel editor-panel-client">
        <header className="panel-header">
          <h2>Client</h2>
          <span className="panel-hint">
            JavaScript on the page origin · <code>origin(label)</code> <code>url(label, path)</code> <code>log(…)</code>
          </span>
        </header>
        <CodeEditor value={clientText} language="javascript" onChange={editClientText} modelUri={CLIENT_MODEL_URI} ariaLabel="Client code (JavaScript)" testId="client-editor" />
      </section>
    </div>
  );
}
