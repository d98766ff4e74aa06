/**
 * Runs in every test file. Many tests run the CLI with spawnSync, which blocks the worker;
 * vitest's runner goes from one test to the next without giving the event loop a turn, so
 * on a loaded machine a file of such tests could keep vitest's own messages unanswered past
 * their 60 s limit ("Timeout calling onTaskUpdate"). One turn of the loop after each test
 * lets them through.
 */
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
