import { useEffect, useState } from 'react';
import { CodeEditor } from '../editor/code-editor';
import { loadMonaco } from '../editor/monaco-loader';
import { CLIENT_MODEL_URI, SERVERS_MODEL_URI } from '../editor/model-uris';
import { editClientText, editServersText } from '../store/actions';
import { usePlaygroundStore } from '../store/store';
import { ErrorsPanel } from './errors-panel';
import { ServerCodeView } from './server-code-view';

/** Keeps the client typings' OriginLabel in step with the scenario's origins. */
function useClientLabels(): void {
  const labels = usePlaygroundStore((state) => (state.scenario.validation.ok ? Object.keys(state.scenario.validation.scenario.origins).join(',') : null));
  useEffect(() => {
    if (labels === null) return;
    void loadMonaco().then((setup) => setup.setClientLabels(labels.split(',')));
  }, [labels]);
}

type ServersView = 'json' | 'code';

export function EditorsPane({ clipboard }: { clipboard: Pick<Clipboard, 'writeText'> | undefined }) {
  const [view, setView] = useState<ServersView>('json');
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
          <div className="panel-tabs" role="tablist" aria-label="Servers view">
            <button type="button" role="tab" aria-selected={view === 'json'} data-testid="servers-view-json" onClick={() => setView('json')}>
              JSON
            </button>
            <button type="button" role="tab" aria-selected={view === 'code'} data-testid="servers-view-code" onClick={() => setView('code')}>
              Server code
            </button>
          </div>
          <span className="panel-hint">{view === 'json' ? 'origins, page and what each server answers' : 'the same servers as Fastify or Express code'}</span>
        </header>
        {/* The JSON editor stays mounted (hidden) so its undo history and cursor survive a look at the code. */}
        <div className="servers-json" hidden={view !== 'json'}>
          <CodeEditor value={serversText} language="json" onChange={editServersText} modelUri={SERVERS_MODEL_URI} ariaLabel="Servers (scenario JSON)" testId="servers-editor" />
        </div>
        {view === 'code' && <ServerCodeView clipboard={clipboard} />}
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
