import { Worker } from 'node:worker_threads';

/**
 * Every scrypt hash runs on this one thread. Node's `crypto.scrypt` runs on any of libuv's four
 * pool threads, and on Linux glibc gives each thread a malloc arena of its own that keeps a hash's
 * 16 MiB after the hash is done: four sign-ins at once left four such buffers behind (a 230 MB
 * peak for the web host against 176 MB with one arena; issue 13's goal is 200 MB). One thread
 * means one arena and at most one buffer, and the hashes queue on it one at a time, so parallel
 * sign-ins never multiply the memory either. The thread starts at the first hash and keeps the
 * process alive only while a hash is under way.
 */
const threadCode = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ id, secret, salt, keyLength, options }) => {
  try {
    parentPort.postMessage({ id, key: scryptSync(secret, salt, keyLength, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
`;

interface Answer {
  id: number;
  key?: Uint8Array;
  error?: { message: string; code?: string };
}

interface Waiting {
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

let thread: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, Waiting>();

/** The error scrypt gave, with its code (ERR_CRYPTO_INVALID_SCRYPT_PARAMS and the like) kept. */
function hashError(error: { message: string; code?: string }): Error {
  return Object.assign(new Error(error.message), { code: error.code });
}

function startThread(): Worker {
  const started = new Worker(threadCode, { eval: true });
  started.on('message', ({ id, key, error }: Answer) => {
    const caller = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) started.unref();
    if (!caller) return;
    // Stryker disable next-line ObjectLiteral,StringLiteral: the thread answers a key or an error, never neither, so this stand-in error is never made.
    if (error || !key) caller.reject(hashError(error ?? { message: 'scrypt gave no key' }));
    else caller.resolve(Buffer.from(key));
  });
  // A thread that dies (out of memory, a crash) fails what it was asked and is started again next time.
  const fail = (error: Error) => {
    if (thread === started) thread = null;
    for (const caller of waiting.values()) caller.reject(error);
    waiting.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the hashing thread stopped (exit code ${code})`)));
  return started;
}

export interface ScryptOptions {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

/** scrypt of `secret` (already normalised by the caller) on the hashing thread. */
export function scryptOnHashThread(secret: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  thread ??= startThread();
  const worker = thread;
  // Stryker disable next-line AssignmentOperator: counting down gives unique ids as well.
  const id = (nextId += 1);
  worker.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, secret, salt: new Uint8Array(salt), keyLength, options });
  });
}
