import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { Config } from './config';
import { features as allFeatures } from './features';
import type { Features } from './platform/compose';
import type { Db } from './platform/db/database';
import { renderErrorPage } from './platform/ui/error-page';
import { systemClock, type Clock } from './platform/db/clock';
import { formOrigins, originCheck } from './platform/http/csrf';
import { redactTokens } from './platform/http/tokens';
import type { AppDeps, AppEnv } from './platform/http/env';
import { DomainError, Invalid, NotFound, PayloadTooLarge, TooManyRequests, Unauthenticated } from './platform/http/errors';
import type { Logger } from './platform/log';
import type { Mailer, StoredEmail } from './platform/mail/mailer';
import { assetRoutes } from './platform/ui/assets';
import { access } from './platform/http/access';
import { readyHandler } from './platform/http/ready';

export interface CreateAppOptions {
  db: Db;
  config: Config;
  mailer: Mailer & { list?: () => Promise<StoredEmail[]> };
  logger: Logger;
  clock?: Clock;
  /** The features to serve; every one unless a test says otherwise. */
  features?: Features;
}

function wantsJson(accept: string | undefined, path: string): boolean {
  return path.startsWith('/api/') || (!!accept && accept.includes('application/json') && !accept.includes('text/html'));
}

/** Builds the whole application; tests call it with their own database, mailer and clock. */
export function createApp(options: CreateAppOptions) {
  const clock = options.clock ?? systemClock;
  const features = options.features ?? allFeatures;
  const deps: AppDeps = {
    db: options.db,
    config: options.config,
    mailer: options.mailer,
    logger: options.logger,
    clock,
    completion: features.completion(clock),
    events: features.events(clock),
    navigation: features.navigation,
    notificationKinds: features.notificationKinds,
    personRecordSections: features.personRecordSections,
    calendarEntries: features.calendarEntries,
    coachOfEnrolment: features.coachOfEnrolment,
    outsideSchoolsOf: features.outsideSchoolsOf,
    retention: features.retention,
    personalDataHolds: features.personalDataHolds,
    signInChoices: features.signInChoices,
    personalData: features.personalData,
  };
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('log', deps.logger.child({ requestId: c.get('requestId') }));
    const started = performance.now();
    await next();
    // One line per request, after the response is ready; the request id ties it to any error logged.
    c.get('log').info({ method: c.req.method, path: redactTokens(c.req.path), status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  // A NUL byte is never part of a real address, and PostgreSQL refuses it in text. In the path:
  // 404 before any lookup. In a query string: dropped, like any other nonsense a filter ignores.
  // (Form bodies are cleaned in readBody.)
  app.use(async (c, next) => {
    if (/%00/i.test(c.req.path) || c.req.path.includes('\0')) throw new NotFound();
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && /%00/i.test(c.req.url)) c.req.raw = new Request(c.req.url.replace(/%00/gi, ''), c.req.raw);
    await next();
  });
  app.route('/assets', assetRoutes());
  app.get('/ready', access('anyone'), readyHandler(features.migrations));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: [NONCE, "'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // The single sign-on buttons post here and are redirected on to the provider, which form-action also governs.
        formAction: ["'self'", new URL(options.config.SSO_MICROSOFT_AUTHORITY).origin, new URL(options.config.SSO_GOOGLE_ISSUER).origin],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: options.config.BASE_URL.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : false,
      crossOriginEmbedderPolicy: false,
      // Not hono's default no-referrer: with it, browsers send `Origin: null` on form posts and originCheck refuses them all.
      referrerPolicy: 'same-origin',
      // Agrees with frame-ancestors 'none': no page is ever shown inside a frame.
      xFrameOptions: 'DENY',
      // Waymark uses none of these; a page (or anything injected into one) may not ask for them.
      permissionsPolicy: {
        camera: [],
        microphone: [],
        geolocation: [],
        payment: [],
        usb: [],
        serial: [],
        bluetooth: [],
        hid: [],
        displayCapture: [],
        browsingTopics: [],
      },
    }),
  );
  // Pages may hold someone's record: a shared school computer's browser must not keep them (the back
  // button after signing out, the disk cache). Responses that choose their own caching keep it.
  app.use(async (c, next) => {
    await next();
    // On the response's own headers (as secureHeaders does): c.header() on a finished response would
    // rebuild it around a stream of its body, and the server would then stream every page.
    if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(originCheck(formOrigins(options.config.BASE_URL)));
  // File uploads (a staff list, session materials) set their own, larger limits in their routes.
  const formLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new PayloadTooLarge('The form was too large to accept.');
    },
  });
  // A GET or HEAD request has no body (the server refuses to build one for them), and asking would
  // make the server build a full Request object for every page just to find that out.
  app.use((c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || features.ownBodyLimits.some((path) => path.test(c.req.path)) ? next() : formLimit(c, next),
  );
  for (const module of features.modules) for (const middleware of module.middleware ?? []) app.use(middleware);
  for (const module of features.modules) for (const routes of module.routes ?? []) app.route('/', routes);

  app.notFound((c) => {
    if (wantsJson(c.req.header('accept'), c.req.path)) return c.json({ error: 'Not found' }, 404);
    return renderErrorPage(c, 404);
  });

  app.onError((error, c) => {
    const json = wantsJson(c.req.header('accept'), c.req.path);
    if (error instanceof Unauthenticated) {
      if (json) return c.json({ error: error.message }, 401);
      const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}` : '';
      return c.redirect(`/sign-in${next}`, 303);
    }
    if (error instanceof DomainError) {
      const status = error.status as 400 | 403 | 404 | 409 | 413 | 429;
      if (error instanceof TooManyRequests) c.header('Retry-After', String(error.retryAfterSeconds));
      if (json) return c.json({ error: error.message, ...(error instanceof Invalid ? { fields: error.fieldErrors } : {}) }, status);
      return renderErrorPage(c, status, error.message);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const status = ([400, 403, 404, 413, 429] as const).find((s) => s === error.status) ?? 400;
      if (json) return c.json({ error: error.message || 'Bad request' }, status);
      return renderErrorPage(c, status);
    }
    (c.get('log') ?? deps.logger).error({ err: error, method: c.req.method, path: redactTokens(c.req.path) }, 'unhandled error');
    if (json) return c.json({ error: 'Something went wrong', requestId: c.get('requestId') }, 500);
    return renderErrorPage(c, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
