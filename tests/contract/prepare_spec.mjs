// Turns an official IoT Central spec into one Prism loads and routes like the service.
//
// - `x-ms-examples` point at example files that partly do not exist: they are removed.
// - The host is parameterized ({subdomain}.{baseDomain}, x-ms-parameterized-host), which Prism
//   does not understand; the emulator is the only host here, so the base path /api is folded into
//   every path instead and requests are matched on their path alone.
// - The scheme becomes http: the emulator listens on plain loopback HTTP for this test.
// Nothing else changes: the schemas, parameters and security are the official ones.

import { readFileSync, writeFileSync } from 'node:fs';

function stripKey(node, key) {
  if (Array.isArray(node)) {
    node.forEach((item) => stripKey(item, key));
  } else if (node !== null && typeof node === 'object') {
    delete node[key];
    Object.values(node).forEach((value) => stripKey(value, key));
  }
}

export function prepareSpec(spec) {
  const copy = structuredClone(spec);
  stripKey(copy, 'x-ms-examples');
  delete copy['x-ms-parameterized-host'];
  delete copy.host;
  const basePath = (copy.basePath ?? '').replace(/\/$/, '');
  copy.paths = Object.fromEntries(
    Object.entries(copy.paths ?? {}).map(([path, item]) => [basePath + path, item]),
  );
  delete copy.basePath;
  copy.schemes = ['http'];
  return copy;
}

export function prepareSpecFile(source, destination) {
  const spec = JSON.parse(readFileSync(source, 'utf8'));
  writeFileSync(destination, JSON.stringify(prepareSpec(spec), null, 1));
  return destination;
}
