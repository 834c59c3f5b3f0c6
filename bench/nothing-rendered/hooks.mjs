// Module hooks for the page benchmarks' nothing-rendered run (BENCH_NOTHING_RENDERED=1): the JSX
// runtime the compiled views import is replaced by ./jsx-runtime.ts, which renders nothing.
const RUNTIME = /^#jsx\/jsx(-dev)?-runtime$/;

export async function resolve(specifier, context, nextResolve) {
  if (RUNTIME.test(specifier)) return nextResolve(new URL('./jsx-runtime.ts', import.meta.url).href, context);
  return nextResolve(specifier, context);
}
