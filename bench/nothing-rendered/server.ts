// bench/server.ts with a JSX runtime that renders nothing (see ./jsx-runtime.ts), for the page
// benchmarks run with BENCH_NOTHING_RENDERED=1. The hooks are registered after tsx's, so they are
// asked first.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
await import('../server');
