import { usePlaygroundStore } from '../store/store';

/**
 * The real run: the sandbox's harness page, on the scenario's page origin (cross-site to the
 * playground), in a frame inside the playground. It is kept out of sight but not display:none,
 * and removed when the run ends. The sandbox attribute keeps the frame's own origin (it is
 * cross-site anyway) but takes away what user code must not do to the playground: navigate the
 * top-level page.
 */
export function RunFrame() {
  const frameUrl = usePlaygroundStore((state) => state.ui.run.frameUrl);
  if (!frameUrl) return null;
  return (
    <iframe
      className="hidden-frame"
      src={frameUrl}
      sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-modals"
      title="Run of the client code"
      data-testid="run-frame"
      aria-hidden="true"
      tabIndex={-1}
    />
  );
}
