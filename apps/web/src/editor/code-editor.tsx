import { useEffect, useRef, useState } from 'react';
import type { editor as MonacoEditorApi } from 'monaco-editor';
import { loadMonaco } from './monaco-loader';
import { registerPendingEdit } from './pending-edits';

export interface CodeEditorProps {
  value: string;
  language: 'json' | 'javascript';
  onChange: (value: string) => void;
  readOnly?: boolean;
  /** The model's URI: the JSON schema and the client typings attach to models by URI. */
  modelUri: string;
  ariaLabel: string;
  testId?: string;
  /** Edits reach onChange this long after the last keystroke. */
  debounceMs?: number;
}

const EDITOR_OPTIONS: MonacoEditorApi.IStandaloneEditorConstructionOptions = {
  theme: 'playground',
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 19,
  fontFamily: "'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace",
  tabSize: 2,
  scrollBeyondLastLine: false,
  renderLineHighlight: 'line',
  lineNumbersMinChars: 3,
  padding: { top: 8, bottom: 8 },
  fixedOverflowWidgets: true,
  wordWrap: 'off',
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
};

/**
 * Monaco behind one component. Monaco loads lazily; until it is ready (or if it fails) a plain
 * textarea edits the same value. Changes are debounced; a new `value` from outside is written into
 * the model only when it differs from the model and is not the echo of this editor's own change.
 */
export function CodeEditor({ value, language, onChange, readOnly = false, modelUri, ariaLabel, testId, debounceMs = 250 }: CodeEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditorApi.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const emitted = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const applying = useRef(false);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    loadMonaco().then(
      ({ monaco }) => {
        if (disposed || !container.current) return;
        const uri = monaco.Uri.parse(modelUri);
        monaco.editor.getModel(uri)?.dispose();
        const model = monaco.editor.createModel(latest.current.value, language, uri);
        const editor = monaco.editor.create(container.current, { ...EDITOR_OPTIONS, model, readOnly, ariaLabel });
        const host = container.current.parentElement;
        const flush = () => {
          if (timer.current === null) return;
          clearTimeout(timer.current);
          timer.current = null;
          if (host) delete host.dataset.pending;
          emitted.current = model.getValue();
          latest.current.onChange(emitted.current);
        };
        const changes = model.onDidChangeContent(() => {
          if (applying.current) return;
          if (timer.current !== null) clearTimeout(timer.current);
          timer.current = setTimeout(flush, debounceMs);
          // Set on the DOM, not in state: no re-render per keystroke. Tests wait for it to go.
          if (host) host.dataset.pending = 'true';
        });
        const unregister = registerPendingEdit(flush);
        editorRef.current = editor;
        setStatus('ready');
        cleanup = () => {
          flush();
          unregister();
          changes.dispose();
          editor.dispose();
          model.dispose();
          editorRef.current = null;
        };
      },
      () => !disposed && setStatus('failed'),
    );
    return () => {
      disposed = true;
      cleanup();
    };
    // The editor is created once per model; value and readOnly are synchronised below.
  }, [modelUri, language]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || value === emitted.current || model.getValue() === value) return;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (container.current?.parentElement) delete container.current.parentElement.dataset.pending;
    applying.current = true;
    // An edit rather than setValue, so the change can be undone.
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    editorRef.current?.pushUndoStop();
    applying.current = false;
    emitted.current = value;
  }, [value, status]);

  useEffect(() => editorRef.current?.updateOptions({ readOnly }), [readOnly, status]);

  return (
    <div className="code-editor" data-testid={testId} data-ready={status === 'ready'} data-language={language}>
      <div ref={container} className="code-editor-monaco" />
      {status !== 'ready' && (
        <textarea
          className="code-editor-fallback"
          aria-label={ariaLabel}
          spellCheck={false}
          value={value}
          readOnly={readOnly}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {status === 'failed' && <p className="code-editor-note">The code editor could not load; this plain text box edits the same value.</p>}
    </div>
  );
}
