/**
 * The bookkeeping of a batch spread over worker threads (worker-pool.ts): every input is handed
 * out once, in order; when a worker dies, the input it was on fails and those it had been given
 * but had not started are handed out again, before any other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InFlight, InputQueue } from '../../src/output/worker-pool.js';

describe('the queue of a batch’s inputs', () => {
  it('hands out every index once, in order, then nothing', () => {
    const queue = new InputQueue(3);
    expect([queue.take(), queue.take(), queue.take(), queue.take()]).toEqual([0, 1, 2, undefined]);
    expect(queue.empty).toBe(true);
    expect(new InputQueue(0).take()).toBeUndefined();
  });

  it('hands out inputs given back first, in the order they were given', () => {
    const queue = new InputQueue(6);
    expect([queue.take(), queue.take(), queue.take()]).toEqual([0, 1, 2]);
    queue.giveBack([1, 2]);
    expect(queue.empty).toBe(false);
    expect([queue.take(), queue.take(), queue.take(), queue.take(), queue.take(), queue.take()]).toEqual([1, 2, 3, 4, 5, undefined]);
  });
});

describe('what a worker has in flight', () => {
  it('takes answers in any order, and a crash splits the input it was on from those it had not started', () => {
    const given = new InFlight();
    given.add(4);
    given.add(7);
    given.add(9);
    given.done(7);
    expect(given.size).toBe(2);
    expect(given.crash()).toEqual({ current: 4, unstarted: [9] });
    expect(given.size).toBe(0);
    expect(given.crash()).toEqual({ current: undefined, unstarted: [] });
  });

  it('over any run of takes, answers and crashes, settles every input exactly once', () => {
    // Threads take inputs (a worker up to two at a time), answer the first they hold, or crash;
    // a crashed worker's unstarted inputs go back. Every input ends answered or failed, once.
    const step = fc.record({ worker: fc.nat(2), action: fc.constantFrom('take', 'answer', 'crash') });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(step, { maxLength: 200 }), (count, steps) => {
        const queue = new InputQueue(count);
        const workers = [new InFlight(), new InFlight(), new InFlight()];
        const held: number[][] = [[], [], []];
        const settled: number[] = [];
        const act = (w: number, action: string) => {
          const given = workers[w]!;
          if (action === 'take' && given.size < 2) {
            const index = queue.take();
            if (index !== undefined) {
              given.add(index);
              held[w]!.push(index);
            }
          } else if (action === 'answer' && held[w]!.length > 0) {
            const index = held[w]!.shift()!;
            given.done(index);
            settled.push(index);
          } else if (action === 'crash') {
            const { current, unstarted } = given.crash();
            if (current !== undefined) settled.push(current);
            queue.giveBack(unstarted);
            held[w] = [];
          }
        };
        for (const { worker, action } of steps) act(worker, action);
        // Then every thread works to the end without crashing.
        for (let w = 0; !queue.empty || held.some((h) => h.length > 0); w = (w + 1) % 3) {
          act(w, 'take');
          act(w, 'answer');
        }
        expect([...settled].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      }),
    );
  });
});
