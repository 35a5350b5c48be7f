export { predictScenario, createVmEvaluate, DEFAULT_PORTS, DEFAULT_SANDBOX_ID, type PredictOptions, type Prediction } from './predict';
export { formatPrediction } from './format-table';
export { main, USAGE } from './main';
export type { CliIo } from './io';
export { verifyCommand, verificationExitCode, type VerifyDependencies } from './commands/verify';
export { findScenarioFiles, loadScenarioFile, loadScenarioInput, type LoadedScenario, type ScenarioInput } from './scenario-files';
export { realRun, runPageUrl, type CreatedSandbox, type RealRun } from './verify/real-run';
export { browserForProfile, closeCompanion, newRunContext } from './verify/run-browsers';
export {
  agrees, verifyScenario, verifyScenarios, DEFAULT_CONCURRENCY,
  type ScenarioCase, type ScenarioVerification, type Verification, type VerifyOptions, type VerifyTarget,
} from './verify/verify-scenarios';
export { browserLabel, chromiumPath, launchChromium, openVerifySession, CHROMIUM_ARGS, type VerifySession } from './verify/session';
export { withVerifySession, type OpenSession } from './verify/with-session';
export { InterruptedError, interruptOnSignals } from './verify/interrupt';
export { caseLine, differenceTable, formatVerification, summaryLine, verificationJson, verificationsJson } from './verify/format-verification';
