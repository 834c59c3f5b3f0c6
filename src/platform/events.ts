import type { Clock } from './db/clock';
import type { Executor } from './db/database';
import type { WorkerContext } from './contributions';
import { enqueue, type OutboxHandler } from './jobs/outbox';

/**
 * Things that happen in one feature that others act on, by name, with their payload. The feature
 * that publishes an event declares it by declaration merging, so the platform names no feature:
 *
 *     declare module '../../platform/events' {
 *       interface DomainEvents { 'enrolment.completed': { enrolmentId: string } }
 *     }
 *
 * Other features act on it from their module: `reactions` in the same transaction (when the two
 * changes must stand or fall together), `subscriptions` after it commits, through the outbox.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the features that publish events
export interface DomainEvents {}

export type EventName = keyof DomainEvents & string;

export interface EventBus {
  /**
   * Call it inside the transaction that makes the change: runs every reaction there and then, and
   * queues one outbox message for each subscriber, so they are delivered exactly when the change
   * commits and one subscriber's failure never holds up another's.
   */
  publish<E extends EventName>(trx: Executor, event: E, payload: DomainEvents[E]): Promise<void>;
}

/** The outbox kind that carries an event to one subscribing feature. */
export function subscriptionKind(event: string, moduleName: string): string {
  return `event:${event}:${moduleName}`;
}

/** What a reaction can use besides its transaction: the clock, and the bus to publish what follows from it. */
export interface ReactionContext {
  clock: Clock;
  events: EventBus;
}

export type Reactions = { [E in keyof DomainEvents]?: (trx: Executor, context: ReactionContext, payload: DomainEvents[E]) => Promise<void> };
export type Subscriptions = { [E in keyof DomainEvents]?: (context: WorkerContext, payload: DomainEvents[E], messageId: string) => Promise<void> };

/** A feature module as events see it: its name and what it does when events happen. */
export interface EventParticipant {
  name: string;
  reactions?: Reactions;
  subscriptions?: Subscriptions;
}

type AnyReaction = (trx: Executor, context: ReactionContext, payload: unknown) => Promise<void>;
type AnySubscription = (context: WorkerContext, payload: unknown, messageId: string) => Promise<void>;

export function createEventBus(modules: readonly EventParticipant[], clock: Clock): EventBus {
  const bus: EventBus = {
    async publish(trx, event, payload) {
      for (const module of modules) {
        const reaction = module.reactions?.[event] as AnyReaction | undefined;
        // A reaction may publish what follows from it, on the same bus and in the same transaction.
        if (reaction) await reaction(trx, { clock, events: bus }, payload);
      }
      for (const module of modules) {
        if (module.subscriptions?.[event]) await enqueue(trx, clock, { kind: subscriptionKind(event, module.name), payload });
      }
    },
  };
  return bus;
}

/** One outbox handler per subscription, for the worker. */
export function subscriptionHandlers(modules: readonly EventParticipant[], context: WorkerContext): Record<string, OutboxHandler> {
  const handlers: Record<string, OutboxHandler> = {};
  for (const module of modules) {
    for (const [event, subscription] of Object.entries(module.subscriptions ?? {})) {
      const handle = subscription as AnySubscription;
      handlers[subscriptionKind(event, module.name)] = (payload, messageId) => handle(context, payload, messageId);
    }
  }
  return handlers;
}
