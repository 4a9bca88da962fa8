import { Worker } from 'node:worker_threads';
import type { ExtractResult } from '../pipeline/types.ts';
import type { FailureInfo, WorkerMessage, WorkerTask, WorkerUsage } from './worker-protocol.ts';

export interface WorkerLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export type WorkerOutcome =
  | { ok: true; result: ExtractResult; usage: WorkerUsage; elapsedMs: number }
  | { ok: false; error: FailureInfo; usage: WorkerUsage | null; elapsedMs: number };

const WORKER_URL = new URL('./worker.ts', import.meta.url);

/**
 * Extracts one file in a fresh worker thread. The worker is terminated when it runs out of time,
 * and the V8 heap ceiling makes an allocation blow-up end the worker instead of the process.
 */
export function runInWorker(
  task: WorkerTask,
  limits: WorkerLimits,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkerOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  return new Promise((resolve) => {
    let settled = false;
    let lastUsage: WorkerUsage | null = null;
    const worker = new Worker(WORKER_URL, {
      workerData: task,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
    });
    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    const fail = (error: FailureInfo) => finish({ ok: false, error, usage: lastUsage, elapsedMs: elapsed() });
    const timer = setTimeout(() => {
      fail({ kind: 'timeout', message: `${task.file}: stopped after ${formatSeconds(limits.timeoutMs)} (time limit, see --timeout)` });
    }, limits.timeoutMs);

    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish({ ok: true, result: message.result, usage: message.usage, elapsedMs: elapsed() });
      else {
        lastUsage = message.usage;
        fail(message.error);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        fail({ kind: 'memory', message: `${task.file}: ran out of memory (over ${limits.maxMemoryMb} MB of heap, see --max-memory)` });
      } else {
        fail({ kind: null, message: `${task.file}: unexpected error in worker: ${error.stack ?? error.message}` });
      }
    });
    worker.on('exit', (code) => {
      fail({ kind: null, message: `${task.file}: worker stopped without a result (exit code ${code})` });
    });
  });
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
