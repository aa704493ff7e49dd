#!/usr/bin/env node
// Writes docs/codes.md from the code catalogue of the built package, so the docs can
// never say something the code does not. Run with `npm run docs` (builds first);
// test/docs/codes-doc.test.ts fails when the committed file is stale.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codes, codesMarkdown } from '../dist/index.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'codes.md');
writeFileSync(target, codesMarkdown(codes()));
console.log(`wrote ${target}`);
