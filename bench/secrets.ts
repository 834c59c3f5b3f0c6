/** Production settings refuse to start without a signing-keys secret: the benchmark's servers use this one. */
export const BENCH_SIGNING_KEYS_SECRET = 'waymark-benchmark-signing-keys-secret-not-for-production';
