import { describe, expect, it } from 'vitest';
import { createTaskYield, runOnClock, VirtualClock } from '../src/index';

describe('the virtual clock', () => {
  it('fires timers in time order, and timers at one instant in the order they were scheduled', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.schedule(20, () => fired.push('b'));
    clock.schedule(10, () => fired.push('a'));
    clock.schedule(20, () => fired.push('c'));
    expect(clock.nextAt).toBe(10);
    while (clock.nextAt !== null) clock.advance();
    expect([fired, clock.now]).toEqual([['a', 'b', 'c'], 20]);
    clock.advance();
    expect(clock.now).toBe(20);
  });

  it('never schedules into the past and never jumps back', () => {
    const clock = new VirtualClock();
    clock.jumpTo(100);
    clock.schedule(50, () => {});
    expect(clock.nextAt).toBe(100);
    clock.jumpTo(10);
    expect(clock.now).toBe(100);
  });

  it('runs a sleeping body in no real time and stops at the deadline when a timer lies past it', async () => {
    const clock = new VirtualClock();
    const tasks = createTaskYield();
    try {
      const body = (async () => {
        await clock.sleep(6000);
        await clock.sleep(1000);
        return clock.now;
      })();
      expect(await runOnClock(clock, body, 10_000, () => new Promise(() => {}), tasks)).toEqual({ settled: true, value: 7000 });
      const late = clock.sleep(5000);
      expect(await runOnClock(clock, late, 10_000, () => new Promise(() => {}), tasks)).toEqual({ settled: false, why: 'deadline' });
      expect(clock.now).toBe(10_000);
    } finally {
      tasks.close();
    }
  });

  it('waits for real-time work when nothing is scheduled, and gives up when told the host is idle', async () => {
    const clock = new VirtualClock();
    const tasks = createTaskYield();
    try {
      const later = new Promise((resolve) => setTimeout(() => clock.sleep(5).then(() => resolve('woke')), 5));
      expect(await runOnClock(clock, later, 1_000, () => new Promise(() => {}), tasks)).toEqual({ settled: true, value: 'woke' });
      expect(await runOnClock(clock, new Promise(() => {}), 1_000, () => Promise.resolve(), tasks)).toEqual({ settled: false, why: 'idle' });
    } finally {
      tasks.close();
    }
  });

  it('yields through setTimeout where the host has no MessageChannel', async () => {
    const saved = globalThis.MessageChannel;
    (globalThis as { MessageChannel?: unknown }).MessageChannel = undefined;
    try {
      const tasks = createTaskYield();
      let ran = false;
      queueMicrotask(() => (ran = true));
      await tasks.next();
      tasks.close();
      expect(ran).toBe(true);
    } finally {
      globalThis.MessageChannel = saved;
    }
  });
});
