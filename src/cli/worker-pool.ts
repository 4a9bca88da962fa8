import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExtractResult } from '../pipeline/types.ts';
import type { FailureInfo, WorkerMessage, WorkerRequest, WorkerTask, WorkerUsage } from './worker-protocol.ts';

export interface WorkerLimits {
  timeoutMs: number;
  maxMemoryMb: number;
  /** Give V8 one helper thread instead of one per core (worth it when the workers already occupy every core). */
  singleThreaded?: boolean;
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

const WORKER_PATH = fileURLToPath(new URL('./worker.ts', import.meta.url));

type Worker = ChildProcess & { stderrTail: string };

/**
 * Worker processes with a V8 heap ceiling, reused from file to file (a fresh worker costs module
 * loading and a cold JIT). Processes, not threads: a worker thread's heap limit is best-effort and
 * some allocations past it abort the whole process (nodejs/node#47224); a child process that runs
 * out of memory dies alone. A worker that times out, runs out of memory or fails in any way is
 * killed and replaced, so no file inherits the state of a failed one.
 */
export function createWorkerPool(limits: WorkerLimits): WorkerPool {
  const idle: Worker[] = [];
  const spawn = (): Worker => {
    const child = fork(WORKER_PATH, [], {
      // A small young generation keeps a worker's RSS near 250 MB instead of 400 MB, at no cost in time (measured).
      execArgv: [`--max-old-space-size=${limits.maxMemoryMb}`, '--max-semi-space-size=4', ...(limits.singleThreaded ? ['--v8-pool-size=1'] : [])],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    }) as Worker;
    child.stderrTail = '';
    // Kept to tell an out-of-memory death from another crash; the last few kB are enough.
    child.stderr?.on('data', (chunk: Buffer) => {
      child.stderrTail = (child.stderrTail + chunk.toString()).slice(-4096);
    });
    return child;
  };
  const terminate = (worker: Worker) =>
    new Promise<void>((resolve) => {
      if (worker.exitCode !== null || worker.signalCode !== null) return resolve();
      worker.once('exit', () => resolve());
      worker.kill('SIGKILL');
    });

  return {
    async run(task, onProgress) {
      const worker = idle.pop() ?? spawn();
      const outcome = await runOn(worker, task, limits, onProgress);
      if (outcome.ok) idle.push(worker);
      else await terminate(worker);
      return outcome;
    },
    async close() {
      await Promise.all(idle.splice(0).map(terminate));
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
      worker.off('message', onMessage).off('error', onError).off('close', onClose);
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
    const outOfMemory = () =>
      fail({ kind: 'memory', message: `${task.file}: ran out of memory (over ${limits.maxMemoryMb} MB of heap, see --max-memory)` });
    const onError = (error: Error) => fail({ kind: null, message: `${task.file}: unexpected error in worker: ${error.stack ?? error.message}` });
    // 'close' comes after the child's stderr is drained, so its last words are all there.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
      if (/heap out of memory|Reached heap limit|Allocation failed/i.test(worker.stderrTail)) return outOfMemory();
      const said = worker.stderrTail.trim().split('\n').pop() ?? '';
      fail({ kind: null, message: `${task.file}: worker stopped without a result (${signal ? `signal ${signal}` : `exit code ${code}`})${said ? `: ${said}` : ''}` });
    };
    const timer = setTimeout(() => {
      fail({ kind: 'timeout', message: `${task.file}: stopped after ${formatSeconds(limits.timeoutMs)} (time limit, see --timeout)` });
    }, limits.timeoutMs);

    worker.on('message', onMessage).on('error', onError).on('close', onClose);
    worker.send({ type: 'run', task } satisfies WorkerRequest);
  });
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
