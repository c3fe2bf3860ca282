#!/usr/bin/env node
// Contract test: the emulator against the official specs, through Prism's validating proxy.
//
// For each api-version: a copy of the official spec made loadable (prepare_spec.mjs), a fresh
// emulator on a free loopback port, Prism in proxy mode in front of it, and the scenario
// (scenario.mjs) sent through Prism. The test fails on any `sl-violations` header, on any
// unexpected status, and when a step cannot run.
//
// Usage: node run.mjs --emulator PATH [--spec-dir DIR] [--versions v1,v2]
// A missing Prism install (npm ci) or spec folder skips the test (exit 77), except under CI=true.

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { EmulatorAdmin } from './admin.mjs';
import { ContractClient } from './client.mjs';
import { prepareSpecFile } from './prepare_spec.mjs';
import { startEmulator, startPrism } from './processes.mjs';
import { runScenario } from './scenario.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SKIP_EXIT_CODE = 77;
// Small pages, so that every list in every version follows nextLink through Prism too.
const PAGE_SIZE = 5;
// api-version -> the folder of shared/api that holds its official spec.
const SPEC_FOLDERS = {
  '2022-07-31': '2022-07-31',
  '2022-10-31-preview': '2022-10-31-preview',
  preview: '2021-04-30-preview',
};

const { values: options } = parseArgs({
  options: {
    emulator: { type: 'string' },
    'spec-dir': { type: 'string' },
    versions: { type: 'string' },
  },
});
const specDir = process.env.IOTC_SPEC_DIR || options['spec-dir'] || join(HERE, '../../../shared/api');
const prismBinary = join(HERE, 'node_modules/.bin/prism');
const versions = options.versions ? options.versions.split(',') : Object.keys(SPEC_FOLDERS);

function skipOrFail(message) {
  if (process.env.CI === 'true') {
    console.error(`FAIL: ${message} (under CI=true this is a failure, not a skip)`);
    process.exit(1);
  }
  console.error(`SKIPPED: ${message}`);
  process.exit(SKIP_EXIT_CODE);
}

if (!options.emulator) {
  console.error('usage: node run.mjs --emulator PATH [--spec-dir DIR] [--versions v1,v2]');
  process.exit(2);
}
if (!existsSync(prismBinary)) skipOrFail(`Prism is not installed: run 'npm ci' in ${HERE}`);
if (!existsSync(specDir)) skipOrFail(`the official specs are missing at ${specDir} (set IOTC_SPEC_DIR)`);

// The token is made up for this run and never printed: output is redacted before it is shown.
const token = `contract-${randomUUID()}`;
const authorization = `Bearer ${token}`;
const redact = (text) => text.split(token).join('[REDACTED]');

async function runVersion(apiVersion, workDir) {
  const source = join(specDir, SPEC_FOLDERS[apiVersion], 'iotcentral.json');
  const specFile = prepareSpecFile(source, join(workDir, `${apiVersion}.json`));
  const emulator = await startEmulator(options.emulator, [
    '--listen', '127.0.0.1:0', '--token', authorization, '--page-size', String(PAGE_SIZE),
    ...EmulatorAdmin.clockArguments(),
  ]);
  let prism;
  const client = new ContractClient({ apiVersion, authorization });
  try {
    prism = await startPrism(prismBinary, specFile, emulator.baseUrl);
    client.proxyUrl = prism.baseUrl;
    console.log(`[${apiVersion}] emulator ${emulator.baseUrl}, prism ${prism.baseUrl}`);
    await runScenario(client, new EmulatorAdmin(emulator.baseUrl, authorization));
  } catch (error) {
    client.failure = error.message;
    console.log(`FAIL [${apiVersion}] ${error.message}`);
    console.log(`--- emulator output ---\n${redact(emulator.output).slice(-4000)}`);
    if (prism) console.log(`--- prism output ---\n${redact(prism.output).slice(-4000)}`);
  } finally {
    if (prism) await prism.stop();
    await emulator.stop();
  }
  return client;
}

const workDir = mkdtempSync(join(tmpdir(), 'iotc-contract-'));
const clients = [];
try {
  for (const apiVersion of versions) {
    if (!SPEC_FOLDERS[apiVersion]) throw new Error(`unknown api-version ${apiVersion}`);
    clients.push(await runVersion(apiVersion, workDir));
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

let failed = false;
console.log('\nsummary:');
for (const client of clients) {
  const violations = client.violations();
  const unexpected = client.unexpected();
  console.log(
    `  ${client.apiVersion}: ${client.results.length} requests, ${violations.length} with ` +
      `sl-violations, ${unexpected.length} with an unexpected status` +
      (client.failure ? `, stopped early: ${client.failure}` : ''),
  );
  for (const result of violations) {
    console.log(`    ${result.method} ${result.target} -> ${result.status}: ${JSON.stringify(result.violations)}`);
  }
  failed ||= violations.length > 0 || unexpected.length > 0 || Boolean(client.failure);
}
process.exit(failed ? 1 : 0);
