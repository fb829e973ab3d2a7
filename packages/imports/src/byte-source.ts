/**
 * Where table bytes come from: a buffer already in memory, or a file read in
 * one-megabyte chunks so that a large export never sits in memory whole.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';

/** Reads are large (fewer system calls); consumers slice chunks further as suits them. */
const CHUNK_BYTES = 1 << 20;

export interface ByteSource {
  /** The first bytes, for sniffing (fewer when the file is shorter). */
  head(maxBytes: number): Promise<Uint8Array>;
  chunks(chunkBytes?: number): AsyncIterable<Uint8Array>;
  all(): Promise<Uint8Array>;
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    head: async (maxBytes) => bytes.subarray(0, maxBytes),
    async *chunks(chunkBytes = CHUNK_BYTES) {
      for (let start = 0; start < bytes.length; start += chunkBytes) yield bytes.subarray(start, start + chunkBytes);
    },
    all: async () => bytes,
  };
}

export function fileSource(path: string): ByteSource {
  return {
    async head(maxBytes) {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(maxBytes);
        let filled = 0;
        while (filled < maxBytes) {
          const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled, filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      } finally {
        await handle.close();
      }
    },
    chunks: (chunkBytes = CHUNK_BYTES) => createReadStream(path, { highWaterMark: chunkBytes }),
    all: () => readFile(path),
  };
}
