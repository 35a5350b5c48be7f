import { useEffect, useState } from 'react';
import { CORS_LIBRARY, FRAMEWORK_OF_LIBRARY, SERVER_FRAMEWORKS, serverCode, type Scenario, type ServerFramework } from '@cors-playground/scenario';
import { colorizedTokens, type ColorizedToken } from '../editor/colorized-tokens';
import { loadMonaco } from '../editor/monaco-loader';
import { usePlaygroundStore } from '../store/store';
import { useCodeOrigins } from '../view/server-code-origins';
import { useCopy } from './use-copy';

const FRAMEWORK_NAME: Record<ServerFramework, string> = { fastify: 'Fastify', express: 'Express' };

export interface ServerCodeViewProps {
  clipboard: Pick<Clipboard, 'writeText'> | undefined;
}

/** The framework that matches the origin's CORS library, so the code shown first is the configured one. */
function defaultFramework(scenario: Scenario, label: string): ServerFramework {
  const plugin = scenario.servers[label]?.cors?.plugin;
  return plugin ? FRAMEWORK_OF_LIBRARY[plugin] : 'fastify';
}

/** Monaco's tokenizer colours the code once Monaco is loaded; until then it shows as plain text. */
function useColorized(code: string): ColorizedToken[] | null {
  const [colored, setColored] = useState<{ code: string; tokens: ColorizedToken[] } | null>(null);
  useEffect(() => {
    let current = true;
    void loadMonaco()
      .then(({ monaco }) => monaco.editor.colorize(code, 'javascript', { tabSize: 2 }))
      .then((html) => current && setColored({ code, tokens: colorizedTokens(html, new DOMParser()) }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code]);
  return colored?.code === code ? colored.tokens : null;
}

function CopyCodeButton({ code, clipboard }: { code: string; clipboard: ServerCodeViewProps['clipboard'] }) {
  const { state: copied, copy: copyText } = useCopy(clipboard);
  const copy = () => copyText(code);
  return (
    <button type="button" className="ghost-button small-button" data-testid="server-code-copy" onClick={copy}>
      {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Select and copy the text' : 'Copy'}
    </button>
  );
}

/**
 * The server code equivalent to an origin's configuration (its CORS library and its routes), in
 * Fastify or Express, with the live origins of the preview or of the run.
 */
export function ServerCodeView({ clipboard }: ServerCodeViewProps) {
  const validation = usePlaygroundStore((state) => state.scenario.validation);
  const [picked, setPicked] = useState<string | null>(null);
  const [chosenFramework, setChosenFramework] = useState<Record<string, ServerFramework>>({});
  const scenario = validation.ok ? validation.scenario : null;
  const labels = scenario ? Object.keys(scenario.servers) : [];
  const label = picked !== null && labels.includes(picked) ? picked : (labels.find((name) => scenario?.servers[name]?.cors) ?? labels[0] ?? null);
  const framework = label && scenario ? (chosenFramework[label] ?? defaultFramework(scenario, label)) : 'fastify';
  const where = useCodeOrigins();
  const code = scenario && label && where ? serverCode(scenario.servers[label]!, { framework, origins: where.origins }) : '';
  const colorized = useColorized(code);

  if (!scenario) return <div className="server-code" data-testid="server-code"><p className="muted server-code-empty">Fix the scenario’s errors to see its server code.</p></div>;
  if (!label) return <div className="server-code" data-testid="server-code"><p className="muted server-code-empty">No origin has a server yet: every origin answers 404. Add one under <code>servers</code>.</p></div>;
  const library = scenario.servers[label]?.cors?.plugin;
  return (
    <div className="server-code" data-testid="server-code" data-label={label} data-framework={framework}>
      <div className="server-code-bar">
        <div className="segmented" role="tablist" aria-label="Origin">
          {labels.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={name === label} data-testid="server-code-origin" data-label={name} onClick={() => setPicked(name)}>
              {name}
            </button>
          ))}
        </div>
        <div className="segmented" role="radiogroup" aria-label="Framework">
          {SERVER_FRAMEWORKS.map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={option === framework}
              data-testid="server-code-framework"
              data-framework={option}
              onClick={() => setChosenFramework((chosen) => ({ ...chosen, [label]: option }))}
            >
              {FRAMEWORK_NAME[option]}
            </button>
          ))}
        </div>
        <span className="server-code-spacer" />
        <CopyCodeButton code={code} clipboard={clipboard} />
      </div>
      <p className="server-code-note">
        {library ? (
          <>
            <code>{CORS_LIBRARY[framework]}</code> with the options of <code>servers.{label}.cors</code>
            {library !== CORS_LIBRARY[framework] && <> (the scenario runs <code>{library}</code>)</>}
            {', then '}
          </>
        ) : (
          'No CORS library: '
        )}
        one handler per route. Origins as in {where?.source === 'run' ? 'this run’s sandbox' : 'the preview; a run’s sandbox has its own host names'}.
      </p>
      <pre className="server-code-text" data-testid="server-code-text" data-colorized={colorized !== null}>
        {colorized === null
          ? code
          : colorized.map((token, index) => (token.className ? <span key={index} className={token.className}>{token.text}</span> : token.text))}
      </pre>
    </div>
  );
}
