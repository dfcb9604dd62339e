/**
 * Connects `pg` to an embedded PGlite without any listening socket: each pool
 * client gets an in-memory stream (`pg`'s `stream` option) whose bytes go straight
 * into PGlite's wire-protocol entry point, `execProtocolRawStream`. No other
 * process, and no other code in this one, can open a connection to the database
 * (issue 10; docs/decisions/001-one-driver-two-engines.md).
 *
 * PGlite is one backend session that runs one thing at a time, while the pool has
 * several clients. This module is the queue between them:
 *
 * - Work is queued per *unit*: the frontend messages up to a Sync or a simple Query
 *   (or a Flush). The messages of one extended-protocol query (Parse, Bind,
 *   Describe, Execute, Sync) therefore run back to back, never interleaved with
 *   another client's unnamed statement or portal.
 * - While a client has a transaction open (or an extended query it has not yet
 *   synced), the session is *its* until it finishes: other clients' units wait.
 *   This is what a transaction means on a one-session database; it is also why a
 *   transaction must stay on one pool client (decision 001).
 * - A client whose stream ends or is destroyed mid-transaction (a lost
 *   connection, or `pool.end()`) loses its queued units, and its transaction is
 *   rolled back before anyone else runs: like a PostgreSQL backend whose client
 *   went away, nothing it did is kept.
 *
 * COPY and LISTEN/NOTIFY are not supported through this path (nothing uses them).
 */
import { Duplex } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';

/** Frontend message types that end a unit of work (PostgreSQL protocol 3.0). */
const sync = 0x53; // 'S'
const simpleQuery = 0x51; // 'Q'
const flush = 0x48; // 'H'
const terminate = 0x58; // 'X'
const sslRequestCode = 80877103;
const cancelRequestCode = 80877102;
const protocolVersion3 = 196608;

const syncMessage = new Uint8Array([sync, 0, 0, 0, 4]);
const rollbackMessage = queryMessage('ROLLBACK');

export interface PgliteConnector {
  /** For `pg`'s `stream` option: a fresh in-memory connection per client. */
  stream: () => Duplex;
  /**
   * Ends every connection still open (their transactions are rolled back) and
   * waits until PGlite is idle. PGlite itself stays open: its owner closes it.
   */
  close(): Promise<void>;
}

/** Creates the queue in front of one PGlite instance. */
export function createPgliteConnector(db: PGlite): PgliteConnector {
  const queue = new SessionQueue(db);
  return {
    stream: () => new PgliteClientStream(queue),
    close: () => queue.close(),
  };
}

/** One pool client's end of the in-memory connection, as `pg` uses a `net.Socket`. */
class PgliteClientStream extends Duplex {
  /** Incoming bytes not yet a complete message. */
  pending: Buffer = Buffer.alloc(0);
  /** Complete messages of the unit being collected. */
  collected: Buffer[] = [];
  /** Complete units waiting for the session. */
  readonly units: Unit[] = [];
  startedUp = false;
  closed = false;

  constructor(private readonly queue: SessionQueue) {
    super({ allowHalfOpen: false });
    queue.connections.add(this);
  }

  // The socket methods `pg` calls. There is nothing to connect to, so 'connect'
  // follows at once (on the next tick, as a socket's would).
  connect(): this {
    if (this.queue.closing) process.nextTick(() => this.destroy(closingError()));
    else process.nextTick(() => this.emit('connect'));
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.closed) return done();
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.splitMessages();
    done();
  }

  /** `pg`'s end(): the Terminate message has been written. */
  override _final(done: (error?: Error | null) => void): void {
    this.lost();
    this.push(null);
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.lost();
    done(error);
  }

  /** Answers from PGlite, copied: PGlite reuses its output buffer. */
  deliver(data: Uint8Array): void {
    if (!this.closed && data.length > 0) this.push(Buffer.from(data));
  }

  private lost(): void {
    if (this.closed) return;
    this.closed = true;
    this.units.length = 0;
    this.collected = [];
    this.queue.connectionClosed(this);
  }

  private splitMessages(): void {
    for (;;) {
      const buffer = this.pending;
      if (!this.startedUp) {
        // Untyped start-up packets: length, then a code.
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        this.pending = buffer.subarray(length);
        if (code === sslRequestCode) {
          this.push(Buffer.from('N')); // no TLS in memory; pg then sends the start-up message
        } else if (code === cancelRequestCode) {
          // PGlite has no second backend to cancel from; ignore, as pglite-socket does.
        } else if (code === protocolVersion3) {
          this.startedUp = true;
          this.enqueue(buffer.subarray(0, length), false);
        } else {
          this.destroy(new Error(`Unsupported start-up packet (code ${code})`));
          return;
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const type = buffer[0];
      const message = buffer.subarray(0, length);
      this.pending = buffer.subarray(length);
      if (type === terminate) {
        // Gone at once, so that close() does not report an error to a client that said goodbye.
        this.lost();
        this.push(null);
        return;
      }
      this.collected.push(message);
      if (type === sync || type === simpleQuery) this.enqueue(Buffer.concat(this.collected), false);
      else if (type === flush) this.enqueue(Buffer.concat(this.collected), true);
      else continue;
      this.collected = [];
    }
  }

  private enqueue(bytes: Uint8Array, unsynced: boolean): void {
    this.units.push({ bytes, unsynced });
    this.queue.ready(this);
  }
}

interface Unit {
  bytes: Uint8Array;
  /** Ends with Flush: an extended query is still open, so the session stays with its connection. */
  unsynced: boolean;
}

/** The one PGlite session, handed to one connection's unit at a time. */
class SessionQueue {
  readonly connections = new Set<PgliteClientStream>();
  closing = false;
  /** Connections with units, in the order they became ready. */
  private readonly waiting: PgliteClientStream[] = [];
  /** The connection whose transaction (or unsynced extended query) holds the session. */
  private owner: PgliteClientStream | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly db: PGlite) {}

  ready(connection: PgliteClientStream): void {
    if (!this.waiting.includes(connection)) this.waiting.push(connection);
    this.run();
  }

  connectionClosed(connection: PgliteClientStream): void {
    this.connections.delete(connection);
    this.forget(connection);
    // The owner's clean-up (rollback) happens in the run loop, so it never
    // overlaps a unit that is executing.
    this.run();
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const connection of [...this.connections]) connection.destroy(closingError());
    while (this.running) await this.running;
  }

  private run(): void {
    if (this.running) return;
    // A failing rollback means PGlite itself is broken; the next unit reports that
    // to its client as a lost connection, so nothing is thrown here.
    this.running = this.loop().catch(() => {}).finally(() => {
      this.running = undefined;
      // A unit that arrived while the loop was finishing.
      if (this.next() || this.owner?.closed) this.run();
    });
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.owner?.closed) {
        await this.releaseSession();
        continue;
      }
      const connection = this.next();
      if (!connection) return;
      const unit = connection.units.shift()!;
      // Round robin: a client with more units queued goes to the back.
      this.forget(connection);
      if (connection.units.length > 0) this.waiting.push(connection);
      try {
        await this.execute(unit.bytes, (data) => connection.deliver(data));
      } catch (error) {
        // PGlite itself failed (not an SQL error: those are answers). The client
        // learns it as a lost connection; the queue goes on.
        connection.destroy(error as Error);
      }
      this.owner = unit.unsynced || this.db.isInTransaction() ? connection : undefined;
    }
  }

  private forget(connection: PgliteClientStream): void {
    const index = this.waiting.indexOf(connection);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  /** The next connection to run a unit: the owner while it holds the session, else the longest waiting. */
  private next(): PgliteClientStream | undefined {
    if (this.owner) return this.owner.units.length > 0 ? this.owner : undefined;
    return this.waiting[0];
  }

  /** The owner went away: end its extended query and roll back its transaction. */
  private async releaseSession(): Promise<void> {
    const discard = () => {};
    try {
      await this.execute(syncMessage, discard);
      if (this.db.isInTransaction()) await this.execute(rollbackMessage, discard);
    } finally {
      this.owner = undefined;
    }
  }

  /** PGlite's own mutex as well, in case anything else ever talks to the instance directly. */
  private execute(bytes: Uint8Array, onRawData: (data: Uint8Array) => void): Promise<void> {
    return this.db.runExclusive(() => this.db.execProtocolRawStream(bytes, { onRawData }));
  }
}

/** Like a PostgreSQL server shutting down: SQLSTATE 57P01 (admin_shutdown), a lost connection to the API. */
function closingError(): Error {
  return Object.assign(new Error('The embedded database is closing'), { code: '57P01' });
}

/** A simple-query protocol message. */
function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message[0] = simpleQuery;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
