/**
 * npm run bench: request classifications per second and whole-scenario simulations per second
 * over the corpus, each the median of several rounds, per second of wall time and per second of
 * CPU time. It asserts nothing and never fails on speed; the targets are printed beside the figures.
 */
import { cpus, loadavg } from 'node:os';
import { createVmEvaluate } from '@cors-playground/cli';
import { classifyAll } from './classification';
import { loadCorpus } from './corpus';
import { formatRate, measure, type Throughput } from './measure';
import { directEvaluate, simulateAll } from './simulation';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1000);
const TARGETS = { classification: 100_000, simulation: 5_000 };

function report(label: string, result: Throughput, target: number | null): void {
  const verdict = target === null ? '' : `target ${formatRate(target)}: ${result.wall >= target ? 'met' : result.cpu >= target ? 'met per CPU second, missed on the wall clock' : 'missed'}`;
  console.log(`${label.padEnd(46)} ${formatRate(result.wall).padStart(9)} wall  ${formatRate(result.cpu).padStart(9)} CPU   ${verdict}`);
  console.log(`${''.padEnd(46)} rounds (wall): ${result.rounds.map((round) => formatRate(round.wall)).join(', ')}`);
}

const corpus = loadCorpus();
console.log(`CORS Playground bench: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load ${loadavg()[0]!.toFixed(1)}`);
console.log(`${ROUNDS} rounds of ${ROUND_MS} ms each, medians; corpus: ${corpus.length} scenarios\n`);

report('request classifications', await measure(classifyAll, { rounds: ROUNDS, roundMs: ROUND_MS }), TARGETS.classification);
report('scenario simulations (direct AsyncFunction)', await measure(() => simulateAll(corpus, directEvaluate), { rounds: ROUNDS, roundMs: ROUND_MS }), TARGETS.simulation);
const vm = createVmEvaluate();
try {
  report('scenario simulations (node:vm, as the CLI)', await measure(() => simulateAll(corpus, vm.evaluate), { rounds: ROUNDS, roundMs: ROUND_MS }), null);
} finally {
  vm.dispose();
}
