import { config } from 'zod';

// Zod probes whether `new Function` is allowed (to compile fast object parsers) on the first
// parse. The page's Content Security Policy forbids eval, so the probe is a reported violation;
// jitless mode parses without it and never probes. Imported first by main.ts, before any parse.
config({ jitless: true });
