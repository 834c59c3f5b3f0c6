export { authRoutes } from './auth.routes';
export { sessionMiddleware } from './auth.middleware';
export { endAllSessions, hashPassword, issueToken, normaliseEmail, TOKEN_LIFETIMES } from './auth.service';
