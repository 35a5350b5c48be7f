import { usePlaygroundStore } from '../store/store';

/**
 * The real run: the sandbox's harness page, on the scenario's page origin (cross-site to the
 * playground), in a frame inside the playground. It is kept out of sight but not display:none,
 * and removed when the run ends.
 */
export function RunFrame() {
  const frameUrl = usePlaygroundStore((state) => state.ui.run.frameUrl);
  if (!frameUrl) return null;
  return <iframe className="hidden-frame" src={frameUrl} title="Run of the client code" data-testid="run-frame" aria-hidden="true" tabIndex={-1} />;
}
