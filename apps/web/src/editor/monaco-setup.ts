/**
 * Monaco, configured once. This module is only ever imported dynamically (monaco-loader.ts), so
 * the editor and its workers load after the page has rendered. Workers are Vite `?worker` imports.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { clientTypings } from './client-typings';
import { SERVERS_MODEL_URI } from './model-uris';
import { serversJsonSchema } from './servers-schema';

export type Monaco = typeof monaco;

const SCHEMA_URI = 'https://cors-playground.dev/schema/scenario-servers.json';
const TYPINGS_PATH = 'file:///cors-playground-helpers.d.ts';

// Top-level await (TS1375, TS1378) and a top-level return (TS1108) are fine: the client code runs
// as the body of an async function.
const IGNORED_DIAGNOSTICS = [1108, 1375, 1378];

globalThis.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    return new EditorWorker();
  },
};

monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  enableSchemaRequest: false,
  schemas: [{ uri: SCHEMA_URI, fileMatch: [SERVERS_MODEL_URI], schema: serversJsonSchema() }],
});

const javascript = monaco.typescript.javascriptDefaults;
javascript.setCompilerOptions({
  target: monaco.typescript.ScriptTarget.ESNext,
  lib: ['esnext', 'dom'],
  allowJs: true,
  allowNonTsExtensions: true,
  checkJs: false,
  noEmit: true,
});
javascript.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS });

let typings = javascript.addExtraLib(clientTypings([]), TYPINGS_PATH);
let typedLabels = '';

/** Retypes `origin(label)` and `url(label, path)` with the scenario's labels. */
export function setClientLabels(labels: readonly string[]): void {
  const key = labels.join(',');
  if (key === typedLabels) return;
  typedLabels = key;
  typings.dispose();
  typings = javascript.addExtraLib(clientTypings(labels), TYPINGS_PATH);
}

monaco.editor.defineTheme('playground', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#fcfcfd',
    'editorLineNumber.foreground': '#a0a7b4',
    'editorGutter.background': '#f6f7f9',
    'editor.lineHighlightBackground': '#f1f4f9',
  },
});

export { monaco };
