// The emulator's admin API (/_emulator/, docs/emulator.md), reached directly rather than through
// Prism since it is not part of the official spec. The contract test runs the emulator on a manual
// clock so that a job is still running when it is stopped, and then moves time on to finish it.

const FINISH = '1d'; // far more than any demo job takes

export class EmulatorAdmin {
  static clockArguments() {
    return ['--manual-clock'];
  }

  constructor(baseUrl, authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  async runJobsToTheEnd() {
    await this.post('/_emulator/clock', { advance: FINISH }, "advancing the emulator's clock");
  }

  // fault: {kind: "429" | "500" | "503" | ..., method, path, count} (docs/emulator.md).
  async injectFault(fault) {
    await this.post('/_emulator/faults', fault, 'injecting a fault');
  }

  // Moves the clock by `duration` ("1h"): scheduled jobs start their occurrences.
  async advance(duration) {
    await this.post('/_emulator/clock', { advance: duration }, "advancing the emulator's clock");
  }

  // The emulator's now, as RFC 3339.
  async now() {
    const response = await fetch(`${this.baseUrl}/_emulator/clock`, {
      headers: { Authorization: this.authorization },
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`reading the emulator's clock: ${response.status}`);
    return (await response.json()).now;
  }

  async post(path, body, what) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: this.authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  }
}
