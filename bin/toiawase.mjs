#!/usr/bin/env node
// The `toiawase` command (package.json "bin"): runs the TypeScript CLI through tsx's loader, the
// same code `npm run cli` runs.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli/bin.ts');
