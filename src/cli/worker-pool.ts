import { Worker } from 'node:worker_threads';
import type { ExtractResult } from '../pipeline/types.ts';
import type { FailureInfo, WorkerMessage, WorkerRequest, WorkerTask, WorkerUsage } from './worker-protocol.ts';

export interface WorkerLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export type WorkerOutcome =
  | { ok: true; result: ExtractResult; usage: WorkerUsage; elapsedMs: number }
  | { ok: false; error: FailureInfo; usage: WorkerUsage | null; elapsedMs: number };

export interface WorkerPool {
  /** Extracts one file in a worker; callers bound how many run at once (the pool grows to match). */
  run(task: WorkerTask, onProgress?: (done: number, total: number) => void): Promise<WorkerOutcome>;
  /** Terminates the idle workers; call once every run has settled. */
  close(): Promise<void>;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

/**
 * Worker threads with a V8 heap ceiling, reused from file to file (a fresh worker costs module
 * loading and a cold JIT). A worker that times out, runs out of memory or fails in any way is
 * terminated and replaced, so no file inherits the state of a failed one.
 */
export function createWorkerPool(limits: WorkerLimits): WorkerPool {
  const idle: Worker[] = [];
  const spawn = () => new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });

  return {
    async run(task, onProgress) {
      const worker = idle.pop() ?? spawn();
      const outcome = await runOn(worker, task, limits, onProgress);
      if (outcome.ok) idle.push(worker);
      else await worker.terminate();
      return outcome;
    },
    async close() {
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}

function runOn(
  worker: Worker,
  task: WorkerTask,
  limits: WorkerLimits,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkerOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  return new Promise((resolve) => {
    let lastUsage: WorkerUsage | null = null;
    const finish = (outcome: WorkerOutcome) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(outcome);
    };
    const fail = (error: FailureInfo) => finish({ ok: false, error, usage: lastUsage, elapsedMs: elapsed() });
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish({ ok: true, result: message.result, usage: message.usage, elapsedMs: elapsed() });
      else {
        lastUsage = message.usage;
        fail(message.error);
      }
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        fail({ kind: 'memory', message: `${task.file}: ran out of memory (over ${limits.maxMemoryMb} MB of heap, see --max-memory)` });
      } else {
        fail({ kind: null, message: `${task.file}: unexpected error in worker: ${error.stack ?? error.message}` });
      }
    };
    const onExit = (code: number) => fail({ kind: null, message: `${task.file}: worker stopped without a result (exit code ${code})` });
    const timer = setTimeout(() => {
      fail({ kind: 'timeout', message: `${task.file}: stopped after ${formatSeconds(limits.timeoutMs)} (time limit, see --timeout)` });
    }, limits.timeoutMs);

    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ type: 'run', task } satisfies WorkerRequest);
  });
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
