/** Subject access and erasure: what other features may use (the data protection page lists erasures in progress). */
export { listErasureProgress, RECENT_ERASURE_DAYS, type ErasureProgress } from './subject-rights.service';
