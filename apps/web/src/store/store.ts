import type {
  Exchange,
  HarnessReport,
  RunContext,
  RunRecords,
  SandboxAddressing,
  Scenario,
  ScenarioInput,
  ValidationError,
  ValidationResult,
} from '@cors-playground/scenario';
import { create } from 'zustand';
import type { Prediction } from '../predict/messages';
import type { SandboxInfo } from '../run/sandbox-api';
import { parseTexts, textsFromScenario } from '../scenario/editor-texts';
import { DEFAULT_ADDRESSING } from '../scenario/preview-origins';
import { DEFAULT_STARTER } from '../scenario/starters';

/**
 * The one store. `scenario` is the shareable slice: the two editors' texts and what they parse and
 * validate to (the URL hash encodes `input`). `ui` is ephemeral: notices, the prediction, the run.
 * Components only select from it; the actions that change it are module-level functions
 * (actions.ts, and the prediction and run controllers).
 */
export interface ScenarioSlice {
  serversText: string;
  clientText: string;
  /** The scenario as written (defaults left out) when the servers text is a JSON object. */
  input: ScenarioInput | null;
  validation: ValidationResult;
  /** Bumped on every change, so a prediction or a run can tell whether it shows the current scenario. */
  revision: number;
}

export interface Notice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface PredictionState {
  status: 'idle' | 'pending' | 'done' | 'timeout' | 'failed';
  /** Made with a placeholder sandbox id before a run, or with the run's sandbox origins. */
  basis: 'preview' | 'sandbox';
  revision: number;
  /** The latest prediction; kept while a newer one is pending, so the panel does not flicker. */
  prediction: Prediction | null;
  message: string | null;
}

export type RunStatus = 'idle' | 'creating' | 'running' | 'finished' | 'timeout' | 'expired' | 'failed';

export interface RunState {
  status: RunStatus;
  revision: number;
  /** Where the client code ran: a frame inside the playground, or a top-level page in a new window. */
  context: RunContext;
  /** The scenario that ran. */
  scenario: Scenario | null;
  sandbox: SandboxInfo | null;
  /** The harness page on the page origin, loaded in a frame while a run in the frame context lasts. */
  frameUrl: string | null;
  exchanges: Exchange[];
  report: HarnessReport | null;
  actual: RunRecords | null;
  message: string | null;
  /** Validation errors the server returned. */
  errors: ValidationError[];
}

export interface UiSlice {
  notice: Notice | null;
  prediction: PredictionState;
  run: RunState;
  /** Learnt from the last sandbox, so previews name the hosts and ports a run will use. */
  addressing: SandboxAddressing;
}

export interface PlaygroundState {
  scenario: ScenarioSlice;
  ui: UiSlice;
}

export const IDLE_RUN: RunState = {
  status: 'idle', revision: -1, context: 'frame', scenario: null, sandbox: null, frameUrl: null,
  exchanges: [], report: null, actual: null, message: null, errors: [],
};

export const IDLE_PREDICTION: PredictionState = { status: 'idle', basis: 'preview', revision: -1, prediction: null, message: null };

export function scenarioSliceFor(input: ScenarioInput, revision: number): ScenarioSlice {
  const texts = textsFromScenario(input);
  return { ...texts, ...parseTexts(texts), revision };
}

export const usePlaygroundStore = create<PlaygroundState>()(() => ({
  scenario: scenarioSliceFor(DEFAULT_STARTER.scenario, 0),
  ui: { notice: null, prediction: IDLE_PREDICTION, run: IDLE_RUN, addressing: DEFAULT_ADDRESSING },
}));

export const getState = usePlaygroundStore.getState;

export function setScenario(update: (slice: ScenarioSlice) => ScenarioSlice): void {
  usePlaygroundStore.setState((state) => ({ scenario: update(state.scenario) }));
}

export function setUi(update: (slice: UiSlice) => Partial<UiSlice>): void {
  usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, ...update(state.ui) } }));
}

export function setRun(update: (run: RunState) => Partial<RunState>): void {
  setUi((ui) => ({ run: { ...ui.run, ...update(ui.run) } }));
}

export function setPrediction(update: (prediction: PredictionState) => Partial<PredictionState>): void {
  setUi((ui) => ({ prediction: { ...ui.prediction, ...update(ui.prediction) } }));
}
