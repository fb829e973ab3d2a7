#!/usr/bin/env node
// The amiable command. Sources are TypeScript, run through tsx (docs/adr/0001).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
