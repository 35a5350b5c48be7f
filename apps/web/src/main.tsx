import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { createPredictorBridge } from './predict/predictor-bridge';
import { connectPredictor } from './predict/prediction-controller';
import { startPreviewPredictions } from './predict/preview-scheduler';
import { configureRuns } from './run/run-controller';
import { createRunWindowOpener } from './run/run-window';
import { startHashSync } from './scenario/hash-sync';
import { initialAddressing } from './scenario/preview-origins';
import { setUi } from './store/store';
import { browserName } from './view/browser-name';
import './styles/index.css';

// The one place where browser globals enter: everything below receives them as parameters.
const clock = {
  setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms),
  clearTimeout: (handle: number) => window.clearTimeout(handle),
};

connectPredictor(createPredictorBridge({ document, src: new URL('predictor.html', document.baseURI).href }));
configureRuns({
  fetch: window.fetch.bind(window),
  EventSource: window.EventSource,
  openWindow: createRunWindowOpener(document, clock),
  ...clock,
});
// Vite's dev server proxies /api to the playground server on :8080.
setUi(() => ({ addressing: initialAddressing(window.location, import.meta.env.DEV ? 8080 : undefined) }));
startHashSync({ location: window.location, history: window.history, events: window, ...clock });
startPreviewPredictions(clock);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App window={window} browser={browserName(window.navigator.userAgent)} />
  </StrictMode>,
);
