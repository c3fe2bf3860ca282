// The emulator's admin API (/_emulator/, docs/emulator.md), reached directly rather than through
// Prism since it is not part of the official spec. The contract test runs the emulator on a manual
// clock so that a job is still running when it is stopped, and then moves time on to finish it.

const FINISH_MS = 24 * 60 * 60 * 1000; // far more than any demo job takes

export class EmulatorAdmin {
  static clockArguments() {
    return ['--manual-clock'];
  }

  constructor(baseUrl, authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  async runJobsToTheEnd() {
    const response = await fetch(`${this.baseUrl}/_emulator/clock/advance`, {
      method: 'POST',
      headers: { Authorization: this.authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ms: FINISH_MS }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      throw new Error(`advancing the emulator's clock: ${response.status} ${await response.text()}`);
    }
  }
}
