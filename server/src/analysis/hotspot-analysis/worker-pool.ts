/**
 * A few long-lived worker threads that run CPU-bound jobs off the request thread, so
 * the server keeps answering (tiles, figures) while a statistic with thousands of
 * permutations runs. Jobs queue when all workers are busy. The pool holds no data
 * between jobs: a second API process needs nothing from it.
 *
 * Workers are TypeScript modules. In production the server runs under tsx (`node
 * --import tsx`), in tests under vitest; in both, the worker bootstraps through
 * tsx's `tsImport`, which registers its loader inside the worker before importing
 * (a plain `--import tsx` in the worker's execArgv registers it too late for the entry).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a worker posts back for a job. */
export type WorkerReply<Out> = { id: number; ok: true; result: Out } | { id: number; ok: false; error: SerializedError };

/** What a worker posts once its module is loaded and it takes jobs. */
interface WorkerReady {
  ready: true;
}

/** An error crossing the thread boundary: its class name and own fields survive. */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

interface Job<In, Out> {
  id: number;
  input: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
  /** Starts the job's deadline, when a ready worker has it. */
  start: () => void;
  /** Ends the job's deadline timer and abort listener once it is settled. */
  settle: () => void;
}

/** The pool cannot take the job now (queue full, deadline passed, pool closing): a 503, not a 500. */
export class WorkerPoolBusyError extends Error {}

export interface WorkerPoolOptions {
  /** Workers at most. @default defaultPoolSize() */
  size?: number;
  /** Jobs waiting for a worker at most; more are refused at once. @default 16 */
  maxQueue?: number;
  /**
   * A job still running this long after a ready worker took it is stopped (its worker is
   * ended). Loading a new worker's modules (tsx compiles them) does not count: on a busy
   * machine that alone can take seconds, and it is not the job's doing. @default 120_000
   */
  deadlineMs?: number;
}

interface Slot<In, Out> {
  worker: Worker;
  job: Job<In, Out> | null;
  /** The worker has loaded its module (it posted WorkerReady). */
  ready: boolean;
}

/**
 * tsx's ESM API entry, from its package.json `exports` (its CommonJS twin registers the
 * loader through a relative path that does not exist inside a worker).
 */
function tsxEsmApiUrl(): string {
  const root = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return pathToFileURL(join(root, manifest.exports['./esm/api'].import.default)).href;
}
const tsxApiUrl = tsxEsmApiUrl();

/** Default size: one core stays free for the request thread and the database. */
export const defaultPoolSize = () => Math.max(1, Math.min(4, availableParallelism() - 1));

export class WorkerPool<In, Out> {
  private readonly slots: Slot<In, Out>[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private nextId = 1;
  private closed = false;

  private readonly size: number;
  private readonly maxQueue: number;
  private readonly deadlineMs: number;

  /**
   * @param entry URL of the worker module; it must answer `{ id, input }` messages with a WorkerReply
   * @param rebuildError turns a SerializedError back into the caller's error class
   */
  constructor(
    private readonly entry: URL,
    private readonly rebuildError: (error: SerializedError) => Error,
    options: WorkerPoolOptions = {},
  ) {
    this.size = options.size ?? defaultPoolSize();
    this.maxQueue = options.maxQueue ?? 16;
    this.deadlineMs = options.deadlineMs ?? 120_000;
  }

  /**
   * Runs a job in a worker. An aborted `signal` (the client went away) drops a waiting job,
   * or ends the worker of a running one, so nobody computes an answer nobody reads.
   */
  run(input: In, signal?: AbortSignal): Promise<Out> {
    if (this.closed) return Promise.reject(new WorkerPoolBusyError('the server is shutting down'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new WorkerPoolBusyError(`${this.queue.length} analyses are waiting; try again in a minute`));
    }
    if (signal?.aborted) return Promise.reject(new WorkerPoolBusyError('the request was aborted'));
    return new Promise<Out>((resolve, reject) => {
      const job: Job<In, Out> = { id: this.nextId++, input, resolve, reject, start: () => {}, settle: () => {} };
      const stop = (error: Error) => {
        const waiting = this.queue.indexOf(job);
        if (waiting >= 0) {
          this.queue.splice(waiting, 1);
          job.reject(error);
          return;
        }
        const slot = this.slots.find((s) => s.job === job);
        if (slot) {
          // Out of the pool before it ends, so no other job is sent to it; a new worker starts on demand.
          this.slots.splice(this.slots.indexOf(slot), 1);
          this.failJob(slot, error);
          void slot.worker.terminate();
          this.dispatch();
        }
      };
      let timer: NodeJS.Timeout | undefined;
      job.start = () => {
        timer = setTimeout(() => stop(new WorkerPoolBusyError(`the analysis took longer than ${this.deadlineMs / 1000} s and was stopped`)), this.deadlineMs);
        timer.unref();
      };
      const onAbort = () => stop(new WorkerPoolBusyError('the request was aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      job.settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      job.resolve = (out) => {
        job.settle();
        resolve(out);
      };
      job.reject = (error) => {
        job.settle();
        reject(error);
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Ends every worker, running jobs included; queued jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new WorkerPoolBusyError('the server is shutting down'));
    for (const slot of this.slots) if (slot.job) this.failJob(slot, new WorkerPoolBusyError('the server is shutting down'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  /** Rejects the slot's running job now (its worker is being ended). */
  private failJob(slot: Slot<In, Out>, error: Error): void {
    const job = slot.job;
    slot.job = null;
    job?.reject(error);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.job === null) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      if (slot.ready) job.start(); // otherwise when the worker posts WorkerReady
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, input: job.input });
    }
  }

  private spawn(): Slot<In, Out> {
    const code = `import(${JSON.stringify(tsxApiUrl)}).then(({ tsImport }) => tsImport(${JSON.stringify(this.entry.href)}, ${JSON.stringify(import.meta.url)}))`;
    const worker = new Worker(code, { eval: true });
    const slot: Slot<In, Out> = { worker, job: null, ready: false };
    worker.on('message', (reply: WorkerReply<Out> | WorkerReady) => {
      if ('ready' in reply) {
        slot.ready = true;
        slot.job?.start();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      // An idle worker must not keep the process alive.
      worker.unref();
      if (reply.ok) job.resolve(reply.result);
      else job.reject(this.rebuildError(reply.error));
      this.dispatch();
    });
    const fail = (error: Error) => {
      slot.job?.reject(error);
      slot.job = null;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slot.job) fail(new Error(`worker exited with code ${code} during a job`));
      else fail(new Error('worker exited'));
    });
    this.slots.push(slot);
    return slot;
  }
}

/** For worker modules: answers each job with `handle`, serialising errors with their fields. */
export function serveJobs<In, Out>(port: { on(event: 'message', listener: (message: { id: number; input: In }) => void): unknown; postMessage(value: unknown): void }, handle: (input: In) => Out): void {
  port.on('message', ({ id, input }) => {
    try {
      port.postMessage({ id, ok: true, result: handle(input) } satisfies WorkerReply<Out>);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const fields = Object.fromEntries(Object.entries(e));
      port.postMessage({ id, ok: false, error: { name: e.constructor.name, message: e.message, fields } } satisfies WorkerReply<Out>);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerReady);
}
