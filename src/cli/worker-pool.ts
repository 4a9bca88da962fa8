import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileCacheDir } from './compile-cache.ts';
import { createPageDealer } from '../load/page-range.ts';
import type { PageText } from '../model/text.ts';
import type { FailureInfo, WorkerMessage, WorkerOutput, WorkerRequest, WorkerTask, WorkerUsage } from './worker-protocol.ts';

export interface WorkerLimits {
  /** Time limit of one file, counted from the moment a worker has its modules and begins it. */
  timeoutMs: number;
  maxMemoryMb: number;
  /** Give V8 one helper thread instead of one per core (worth it when the workers already occupy every core). */
  singleThreaded?: boolean;
}

export type WorkerOutcome =
  | { ok: true; output: WorkerOutput; usage: WorkerUsage; elapsedMs: number }
  | { ok: false; error: FailureInfo; usage: WorkerUsage | null; elapsedMs: number };

export interface WorkerPool {
  /** Extracts one file in a worker; callers bound how many run at once (the pool grows to match). */
  run(task: WorkerTask, onProgress?: (done: number, total: number) => void): Promise<WorkerOutcome>;
  /**
   * Extracts one file with `parts` workers: they read its pages, claiming them span by span from the
   * pool as they go (see createPageDealer), then worker 0, the lead (it has loaded the later stages
   * meanwhile), merges them by page and runs those stages. Same outputs as `run`.
   * `minPagesPerPart` overrides MIN_PAGES_PER_PART (the benchmark's sweep).
   */
  runInParts(task: WorkerTask, parts: number, onProgress?: (done: number, total: number) => void, minPagesPerPart?: number): Promise<WorkerOutcome>;
  /**
   * No task will follow the ones already handed to the pool: a worker is killed as soon as it is
   * idle, so that its exit overlaps the work still running instead of delaying the end. Idle workers
   * are killed now.
   */
  retireWhenIdle(): void;
  /**
   * Kills the idle workers; call once every run has settled. Without waiting for their exit, the
   * caller goes on while the system frees their memory (about 40 ms at the end of a CLI run).
   */
  close(options?: { waitForExit?: boolean }): Promise<void>;
}

/**
 * How long a worker may take to start and import its modules before it is taken for stuck. Not part
 * of --timeout, so that a file's time limit means the same on a slow machine as on a fast one.
 */
export const WORKER_STARTUP_LIMIT_MS = 120_000;

const WORKER_PATH = fileURLToPath(new URL('./worker.ts', import.meta.url));

type Worker = ChildProcess & { stderrTail: string };

/** A file's time limit, shared by every worker on it: it starts when the first of them begins. */
interface FileClock {
  start(): void;
  /** performance.now() when it started, or null. */
  startedMs(): number | null;
  /** Resolves when the limit is reached. */
  expired: Promise<void>;
  stop(): void;
}

/**
 * Worker processes with a V8 heap ceiling, reused from file to file (a fresh worker costs module
 * loading and a cold JIT). Processes, not threads: a worker thread's heap limit is best-effort and
 * some allocations past it abort the whole process (nodejs/node#47224); a child process that runs
 * out of memory dies alone. A worker that times out, runs out of memory or fails in any way is
 * killed and replaced, so no file inherits the state of a failed one.
 */
export function createWorkerPool(limits: WorkerLimits): WorkerPool {
  const idle: Worker[] = [];
  let readings = 0;
  const spawn = (): Worker => {
    const child = fork(WORKER_PATH, [], {
      // A small young generation keeps a worker's RSS near 250 MB instead of 400 MB, at no cost in time (measured).
      // --max-opt=2: V8 optimises up to Maglev, not TurboFan, whose compiling costs a worker more CPU
      // than its code saves over one edition (medians, 2020 edition, 2 cores: npm start 2.55 s against
      // 2.69–2.73 s, --jobs 1 2.89 against 2.96 s, 4 files on 2 workers 5.34 against 5.72 s).
      execArgv: [`--max-old-space-size=${limits.maxMemoryMb}`, '--max-semi-space-size=4', '--max-opt=2', ...(limits.singleThreaded ? ['--v8-pool-size=1'] : [])],
      // The worker's own modules come from the compile cache from its first line on.
      env: { ...process.env, NODE_COMPILE_CACHE: compileCacheDir() },
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
  let retiring = false;
  /** Exits of workers retired without waiting: close() still waits for them when asked to. */
  const retired: Promise<void>[] = [];
  const retire = (worker: Worker) => void retired.push(terminate(worker));
  const release = async (worker: Worker, ok: boolean) => {
    if (ok && !retiring) idle.push(worker);
    else if (ok) retire(worker);
    else await terminate(worker);
  };

  return {
    async run(task, onProgress) {
      const started = performance.now();
      const clock = startClock(limits.timeoutMs);
      const worker = idle.pop() ?? spawn();
      try {
        const reply = await request(worker, { type: 'run', task }, task, limits, clock, onProgress);
        await release(worker, reply.ok);
        return toOutcome(reply, performance.now() - started);
      } finally {
        clock.stop();
      }
    },

    async runInParts(task, parts, onProgress, minPagesPerPart) {
      const started = performance.now();
      const startedAt = new Date();
      const clock = startClock(limits.timeoutMs);
      const workers = Array.from({ length: parts }, () => idle.pop() ?? spawn());
      const dealer = createPageDealer(parts, minPagesPerPart);
      // First page of the span each worker was last dealt (0 before any): where a failing worker was.
      const reachedPage = workers.map(() => 0);
      const done = workers.map(() => 0);
      const readingId = ++readings;
      // Each page the other workers read is passed on to the lead (worker 0) at once: when the last
      // part is read, it already holds every page but the last few. (The lead sends no pages.)
      const lead = workers[0]!;
      const passOn = (page: PageText) => {
        if (lead.connected) lead.send({ type: 'peer-page', readingId, page } satisfies WorkerRequest, () => undefined);
      };
      try {
        const reads = await Promise.all(
          workers.map((worker, index) => {
            const onClaim = (pageCount: number) => {
              const span = dealer.claim(index, pageCount);
              if (span) reachedPage[index] = span.first;
              if (worker.connected) worker.send({ type: 'pages', readingId, span } satisfies WorkerRequest, () => undefined);
            };
            const onPage = (n: number, total: number, page?: PageText) => {
              done[index] = n;
              if (page && index !== 0) passOn(page);
              onProgress?.(done.reduce((a, b) => a + b, 0), total);
            };
            return request(worker, { type: 'load-part', task, index, readingId, lead: index === 0 }, task, limits, clock, onPage, onClaim);
          }),
        );
        const usage = peakUsage(reads.map((r) => r.usage));
        // The failure earliest in the document speaks for the file, as the first failing page would in
        // one process: pages are dealt in order, so a worker that failed in an earlier span failed on an earlier page.
        const failed = earliestFailure(reads, reachedPage);
        // The lead is kept for the later stages unless the file failed.
        await Promise.all(workers.map((worker, i) => (worker === lead && !failed ? undefined : release(worker, reads[i]!.ok))));
        if (failed) return toOutcome({ ...failed, usage }, performance.now() - started);
        if (dealer.problem) return toOutcome({ ok: false, error: { kind: null, message: `${task.file}: ${dealer.problem}` }, usage }, performance.now() - started);
        const pages = reads.reduce((sum, r) => sum + (r.ok && r.message.type === 'part-loaded' ? r.message.pages : 0), 0);
        const loadMs = performance.now() - (clock.startedMs() ?? started);
        const message: WorkerRequest = { type: 'extract-parts', task, readingId, pages, startedAt: startedAt.toISOString(), loadMs };
        const reply = await request(lead, message, task, limits, clock, undefined);
        await release(lead, reply.ok);
        return toOutcome({ ...reply, usage: peakUsage([usage, reply.usage]) }, performance.now() - started);
      } finally {
        clock.stop();
      }
    },

    retireWhenIdle() {
      retiring = true;
      idle.splice(0).forEach(retire);
    },

    async close({ waitForExit = true } = {}) {
      // terminate() kills at once; its promise only tells when the worker has exited.
      const exits = [...retired.splice(0), ...idle.splice(0).map(terminate)];
      if (waitForExit) await Promise.all(exits);
    },
  };
}

/**
 * The failed reply of the worker that failed earliest in the document: `reachedPage[i]` is the first
 * page of the span worker i was last dealt (0 if it failed before claiming any); ties go to the lower index.
 */
export function earliestFailure<R extends { ok: boolean }>(replies: readonly R[], reachedPage: readonly number[]): R | undefined {
  let best: number | null = null;
  for (const [i, reply] of replies.entries()) {
    if (reply.ok) continue;
    if (best === null || reachedPage[i]! < reachedPage[best]!) best = i;
  }
  return best === null ? undefined : replies[best];
}

type Reply =
  | { ok: true; message: Extract<WorkerMessage, { type: 'done' | 'part-loaded' }>; usage: WorkerUsage | null }
  | { ok: false; error: FailureInfo; usage: WorkerUsage | null };

function toOutcome(reply: Reply, elapsedMs: number): WorkerOutcome {
  if (!reply.ok) return { ok: false, error: reply.error, usage: reply.usage, elapsedMs };
  if (reply.message.type !== 'done') throw new Error('a worker answered a run with a part');
  return { ok: true, output: reply.message.output, usage: reply.usage ?? reply.message.usage, elapsedMs };
}

/** Highest RSS and heap of the processes that worked on one file (each is a per-process peak). */
function peakUsage(usages: readonly (WorkerUsage | null)[]): WorkerUsage | null {
  const known = usages.filter((u): u is WorkerUsage => u !== null);
  if (known.length === 0) return null;
  return { maxRssKb: Math.max(...known.map((u) => u.maxRssKb)), peakHeapUsedBytes: Math.max(...known.map((u) => u.peakHeapUsedBytes)) };
}

function startClock(timeoutMs: number): FileClock {
  let timer: NodeJS.Timeout | undefined;
  let fire = () => {};
  const expired = new Promise<void>((resolve) => (fire = resolve));
  let startedMs: number | null = null;
  return {
    start() {
      startedMs ??= performance.now();
      timer ??= setTimeout(fire, timeoutMs);
    },
    startedMs: () => startedMs,
    expired,
    stop() {
      clearTimeout(timer);
    },
  };
}

/** Sends one request and waits for its answer, a failure, the file's time limit or the worker's death. */
function request(
  worker: Worker,
  message: WorkerRequest,
  task: WorkerTask,
  limits: WorkerLimits,
  clock: FileClock,
  onProgress: ((done: number, total: number, page?: PageText) => void) | undefined,
  onClaim?: (pageCount: number) => void,
): Promise<Reply> {
  return new Promise((resolve) => {
    let lastUsage: WorkerUsage | null = null;
    let settled = false;
    const finish = (reply: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(startupTimer);
      worker.off('message', onMessage).off('error', onError).off('close', onClose);
      resolve(reply);
    };
    const fail = (error: FailureInfo) => finish({ ok: false, error, usage: lastUsage });
    const onMessage = (reply: WorkerMessage) => {
      if (reply.type === 'started') {
        clearTimeout(startupTimer);
        clock.start();
      } else if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
      else if (reply.type === 'part-page') onProgress?.(reply.done, reply.total, reply.page);
      else if (reply.type === 'claim') {
        if (onClaim) onClaim(reply.pageCount);
        else fail({ kind: null, message: `${task.file}: the worker claimed pages while extracting the whole file` });
      }
      else if (reply.type === 'failed') {
        lastUsage = reply.usage;
        fail(reply.error);
      } else finish({ ok: true, message: reply, usage: reply.usage });
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
    const startupTimer = setTimeout(() => {
      fail({ kind: null, message: `${task.file}: the worker process did not start within ${formatSeconds(WORKER_STARTUP_LIMIT_MS)}` });
    }, WORKER_STARTUP_LIMIT_MS);
    void clock.expired.then(() =>
      fail({ kind: 'timeout', message: `${task.file}: stopped after ${formatSeconds(limits.timeoutMs)} (time limit, see --timeout)` }),
    );

    worker.on('message', onMessage).on('error', onError).on('close', onClose);
    worker.send(message);
  });
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
