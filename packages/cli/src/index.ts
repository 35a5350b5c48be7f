export { predictScenario, createVmEvaluate, DEFAULT_PORTS, DEFAULT_SANDBOX_ID, type PredictOptions, type Prediction } from './predict';
export { formatPrediction } from './format-table';
export { main, USAGE } from './main';
export type { CliIo } from './io';
