// Sends the scenario's requests through Prism's validating proxy and records, for each, the
// status and every `sl-violations` entry Prism added: a violation is a place where the request or
// the emulator's answer breaks the official spec.

const REQUEST_TIMEOUT_MS = 15_000;

export class ContractClient {
  constructor({ proxyUrl, apiVersion, authorization }) {
    this.proxyUrl = proxyUrl;
    this.apiVersion = apiVersion;
    this.authorization = authorization;
    this.results = [];
  }

  // step: { name, method, path, query?, body?, contentType?, headers?, authorization?,
  // apiVersion?, expect: [status], control? }. A control step breaks the spec on purpose: it passes only when Prism flags it,
  // which proves that validation is on and that its verdict reaches this test.
  // `path` may also be an absolute URL (a nextLink): its origin is replaced by the proxy's so the
  // next page is validated too. Returns { status, json }.
  async call(step) {
    const url = this.urlFor(step);
    const headers = { Accept: 'application/json' };
    const authorization = step.authorization === undefined ? this.authorization : step.authorization;
    if (authorization !== null) headers.Authorization = authorization;
    if (step.body !== undefined) headers['Content-Type'] = step.contentType ?? 'application/json';
    Object.assign(headers, step.headers ?? {});
    const method = step.method ?? 'GET';
    const result = { apiVersion: this.apiVersion, name: step.name, method, target: url.pathname + url.search };
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: step.body === undefined ? undefined : JSON.stringify(step.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      result.status = response.status;
      result.text = await response.text();
      result.violations = parseViolations(response.headers.get('sl-violations'));
    } catch (error) {
      result.status = 0;
      result.error = error.message;
      result.violations = [];
    }
    result.expected = step.expect;
    result.control = Boolean(step.control);
    result.statusOk = step.expect.includes(result.status);
    const flagged = result.violations.length > 0;
    result.ok = result.statusOk && (result.control ? flagged : !flagged);
    this.results.push(result);
    report(result);
    let json;
    try {
      json = result.text ? JSON.parse(result.text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: result.status, json };
  }

  urlFor(step) {
    if (/^https?:\/\//.test(step.path)) {
      const next = new URL(step.path);
      const proxy = new URL(this.proxyUrl);
      next.protocol = proxy.protocol;
      next.host = proxy.host;
      return next;
    }
    const url = new URL(this.proxyUrl + step.path);
    url.searchParams.set('api-version', step.apiVersion ?? this.apiVersion);
    for (const [key, value] of Object.entries(step.query ?? {})) url.searchParams.set(key, value);
    return url;
  }

  // Every page of a list, following nextLink through the proxy.
  async callAllPages(step, maxPages = 20) {
    let page = await this.call(step);
    const items = [...(page.json?.value ?? [])];
    for (let n = 1; page.json?.nextLink && n < maxPages; ++n) {
      page = await this.call({ ...step, name: `${step.name}, page ${n + 1}`, path: page.json.nextLink });
      items.push(...(page.json?.value ?? []));
    }
    return items;
  }

  // Violations where none was meant: each one is a place where the emulator (or the scenario)
  // breaks the official spec.
  violations() {
    return this.results.filter((result) => !result.control && result.violations.length > 0);
  }

  // Unexpected statuses, and control steps that Prism did not flag.
  unexpected() {
    return this.results.filter((result) => !result.statusOk || (result.control && !result.ok));
  }
}

function parseViolations(header) {
  if (!header) return [];
  try {
    const parsed = JSON.parse(header);
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return [{ message: header }];
  }
}

function report(result) {
  const verdict = result.ok ? 'ok  ' : 'FAIL';
  const control = result.control ? ' (control: Prism must flag it)' : '';
  const expected = result.statusOk ? '' : ` (expected ${result.expected.join(' or ')})`;
  console.log(
    `${verdict} [${result.apiVersion}] ${result.name}${control}: ${result.method} ${result.target} -> ` +
      `${result.status}${expected}${result.error ? ` ${result.error}` : ''}`,
  );
  for (const violation of result.violations) {
    const label = result.control ? 'flagged' : 'sl-violations';
    console.log(`       ${label}: ${JSON.stringify(violation)}`);
  }
  if (!result.statusOk && result.text) console.log(`       body: ${result.text.slice(0, 500)}`);
}
