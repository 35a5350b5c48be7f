/**
 * Throughput as a median of rounds: each round runs `unit` until `roundMs` of wall time has passed
 * and counts how many items it got through, per second of wall time and per second of this
 * process's CPU time (on a busy machine the wall-time figure mostly measures the neighbours). A
 * warm-up round lets the JIT settle first.
 */
export interface Throughput {
  /** Items per second of wall time, the median of the rounds. */
  wall: number;
  /** Items per second of CPU time used by this process, the median of the rounds. */
  cpu: number;
  rounds: Array<{ wall: number; cpu: number }>;
}

export interface MeasureOptions {
  rounds: number;
  roundMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function measure(unit: () => number | Promise<number>, options: MeasureOptions): Promise<Throughput> {
  const round = async (): Promise<{ wall: number; cpu: number }> => {
    let items = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let elapsed = 0;
    while (elapsed < options.roundMs) {
      items += await unit();
      elapsed = performance.now() - start;
    }
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return { wall: (items * 1000) / elapsed, cpu: (items * 1000) / Math.max(cpuMs, 1) };
  };
  await round();
  const rounds: Array<{ wall: number; cpu: number }> = [];
  for (let index = 0; index < options.rounds; index++) rounds.push(await round());
  return { wall: median(rounds.map((item) => item.wall)), cpu: median(rounds.map((item) => item.cpu)), rounds };
}

export function formatRate(perSecond: number): string {
  return perSecond >= 10_000 ? `${Math.round(perSecond / 1000).toLocaleString('en')}k/s` : `${Math.round(perSecond).toLocaleString('en')}/s`;
}
