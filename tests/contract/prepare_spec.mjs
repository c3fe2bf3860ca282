// Turns an official IoT Central spec into one Prism loads and routes like the service.
//
// - `x-ms-examples` point at example files that partly do not exist: they are removed.
// - The host is parameterized ({subdomain}.{baseDomain}, x-ms-parameterized-host), which Prism
//   does not understand; the emulator is the only host here, so the base path /api is folded into
//   every path instead and requests are matched on their path alone.
// - The scheme becomes http: the emulator listens on plain loopback HTTP for this test.
// - Prism ignores swagger 2.0's `discriminator`, so job data items would be checked against the
//   JobData base alone (only `type` required). Each reference to JobData becomes "one of its
//   subtypes, chosen by `type`", so that a property item without `target` is caught too.
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

// Replaces every `$ref` to `from` below `node` with `to`.
function replaceRefs(node, from, to) {
  if (Array.isArray(node)) {
    node.forEach((item) => replaceRefs(item, from, to));
  } else if (node !== null && typeof node === 'object') {
    if (node.$ref === from) node.$ref = to;
    Object.values(node).forEach((value) => replaceRefs(value, from, to));
  }
}

// For a discriminated base definition: a `<base>Variants` definition that accepts an object of
// exactly one subtype, the one its discriminator names, and references to the base point to it.
function expandDiscriminator(spec, baseName) {
  const definitions = spec.definitions ?? {};
  const base = definitions[baseName];
  if (!base?.discriminator) return;
  const baseRef = `#/definitions/${baseName}`;
  const subtypes = Object.entries(definitions).filter(([, schema]) =>
    (schema.allOf ?? []).some((part) => part.$ref === baseRef),
  );
  if (subtypes.length === 0) return;
  const variantsName = `${baseName}Variants`;
  definitions[variantsName] = {
    description: `One of the subtypes of ${baseName}, chosen by ${base.discriminator}.`,
    anyOf: subtypes.map(([name, schema]) => ({
      allOf: [
        { $ref: `#/definitions/${name}` },
        { properties: { [base.discriminator]: { enum: [schema['x-ms-discriminator-value'] ?? name] } } },
      ],
    })),
  };
  for (const [name, schema] of Object.entries(definitions)) {
    if (!subtypes.some(([subtype]) => subtype === name)) {
      replaceRefs(schema, baseRef, `#/definitions/${variantsName}`);
    }
  }
  for (const pathItem of Object.values(spec.paths ?? {})) {
    replaceRefs(pathItem, baseRef, `#/definitions/${variantsName}`);
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
  expandDiscriminator(copy, 'JobData');
  return copy;
}

export function prepareSpecFile(source, destination) {
  const spec = JSON.parse(readFileSync(source, 'utf8'));
  writeFileSync(destination, JSON.stringify(prepareSpec(spec), null, 1));
  return destination;
}
