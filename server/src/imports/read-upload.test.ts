import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { properties } from './properties/properties.ts';
import { readUpload } from './read-upload.ts';
import { sniffBytes } from './sniff-file.ts';

const chunkSize = 64 * 1024;

/** A stream of `total` bytes made chunk by chunk as it is read, counting what was pulled. */
function lazyStream(total: number, chunk: (i: number) => Buffer): { stream: Readable; pulled: () => number } {
  let made = 0;
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      if (made >= total) return void this.push(null);
      const next = chunk(made / chunkSize).subarray(0, Math.min(chunkSize, total - made));
      made += next.length;
      this.push(next);
    },
  });
  return { stream, pulled: () => made };
}

describe('readUpload', () => {
  it('50 MB of random bytes are refused after the first chunks, the rest is never read (issue 10)', async () => {
    const total = 50 * 1024 * 1024;
    const { stream, pulled } = lazyStream(total, () => randomBytes(chunkSize));
    const started = performance.now();
    const upload = await readUpload(stream, properties.table, 64 * 1024 * 1024);
    const ms = performance.now() - started;
    expect(upload).toMatchObject({ status: 'refused', error: { row: 0, reason: { code: 'not_text' } } });
    expect(upload.bytesRead).toBeLessThanOrEqual(sniffBytes);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled()).toBeLessThan(4 * chunkSize + sniffBytes); // paused: at most the stream's read-ahead beyond what was sniffed
    expect(ms).toBeLessThan(1000);
    console.log(`readUpload: 50 MB random refused (${upload.status}) after ${upload.bytesRead} bytes read, ${pulled()} pulled from the stream, in ${ms.toFixed(1)} ms`);
  });

  it('50 MB of one line without a break are refused once the first megabyte is in', async () => {
    const { stream, pulled } = lazyStream(50 * 1024 * 1024, () => Buffer.alloc(chunkSize, 'x'));
    const upload = await readUpload(stream, properties.table, 64 * 1024 * 1024);
    expect(upload).toMatchObject({ status: 'refused', error: { row: 1, reason: { code: 'not_a_header' } } });
    expect(upload.bytesRead).toBe(sniffBytes);
    expect(pulled()).toBeLessThan(sniffBytes + 4 * chunkSize);
  });

  it('a file that starts well is read to its end; too large and empty uploads are named', async () => {
    const file = Buffer.from('key,address,lon,lat,flats,living_area_m2,owner_type,is_problem\nT-1,Weg 1,7.2,51.5,1,50,private,nein\n');
    expect(await readUpload(Readable.from([file.subarray(0, 10), file.subarray(10)]), properties.table, 1000)).toEqual({ status: 'read', bytes: file, bytesRead: file.length });
    expect(await readUpload(Readable.from([file, file]), properties.table, file.length + 10)).toEqual({ status: 'too_large', bytesRead: 2 * file.length });
    expect(await readUpload(Readable.from([]), properties.table, 1000)).toEqual({ status: 'empty', bytesRead: 0 });
  });
});
