// Starts and stops the two processes of the contract test: the emulator and Prism's proxy.
// Each is started directly (never through a shell or npx) so that it can be stopped by its pid,
// and whatever it wrote is kept to explain a failure.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const START_TIMEOUT_MS = 60_000; // Prism compiles the whole spec before it listens
const STOP_GRACE_MS = 5_000;

const running = new Set();

// Stops every child still running when this process ends, however it ends.
function stopAllNow() {
  for (const child of running) child.kill('SIGKILL');
}
process.on('exit', stopAllNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAllNow();
    process.exit(130);
  });
}

// A started child: its process, everything it printed so far, and a way to wait for a line.
class Child {
  constructor(name, command, args) {
    this.name = name;
    this.output = '';
    this.process = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        running.delete(this.process);
        this.exitDescription = signal ? `killed by ${signal}` : `exited with ${code}`;
        resolve();
      });
      this.process.on('error', (error) => {
        this.output += `\n[${name}] cannot start: ${error.message}\n`;
        resolve();
      });
    });
    running.add(this.process);
    for (const stream of [this.process.stdout, this.process.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (text) => {
        this.output += text;
      });
    }
  }

  // Resolves with the first match of `pattern` in the output; rejects on exit or timeout.
  waitFor(pattern, what) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.output.match(pattern);
        if (match) {
          cleanup();
          resolve(match);
        }
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`${this.name} ${this.exitDescription ?? 'ended'} before ${what}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.name}: no ${what} within ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        this.process.stdout.off('data', check);
        this.process.stderr.off('data', check);
        this.process.off('exit', onExit);
      };
      this.process.stdout.on('data', check);
      this.process.stderr.on('data', check);
      this.process.on('exit', onExit);
      check();
    });
  }

  // SIGTERM, then SIGKILL if it has not ended after a grace period.
  async stop() {
    if (!running.has(this.process)) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

// The emulator prints its base URL as the first line of stdout.
export async function startEmulator(binary, args) {
  const emulator = new Child('iotc-jobs-emulator', binary, args);
  const [, baseUrl] = await emulator.waitFor(/^(https?:\/\/\S+)\s*$/m, 'base URL on stdout');
  emulator.baseUrl = baseUrl.replace(/\/$/, '');
  return emulator;
}

// A port that was free a moment ago. Prism takes a port number, not 0, so there is a short
// window in which another process could take it; startPrism retries on a different port then.
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const PRISM_ATTEMPTS = 3;

export async function startPrism(prismBinary, specFile, upstreamUrl) {
  let lastError;
  for (let attempt = 0; attempt < PRISM_ATTEMPTS; ++attempt) {
    const port = await freePort();
    const prism = new Child('prism', prismBinary, [
      'proxy', specFile, upstreamUrl, '--host', '127.0.0.1', '--port', String(port),
      '--errors=false',
    ]);
    try {
      await prism.waitFor(/Prism is listening on (http:\/\/\S+)/, 'listening line');
      prism.baseUrl = `http://127.0.0.1:${port}`;
      return prism;
    } catch (error) {
      lastError = error;
      await prism.stop();
      if (!/EADDRINUSE/.test(prism.output)) {
        error.message += `\n--- prism output ---\n${prism.output}`;
        throw error;
      }
    }
  }
  throw lastError;
}
