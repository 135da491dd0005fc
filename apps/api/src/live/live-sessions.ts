import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LiveBus, liveTopic, publishSessionsEnded, SessionsEndedEvent } from '@caselink/jobs';
import { sessionStillLive } from '@caselink/db';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { API_CONFIG, ApiConfig } from '../config/config';
import { LIVE_BUS } from './live.tokens';

interface ClosableSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
}

interface Tracked {
  socket: ClosableSocket;
  actor: Actor;
}

/** The close code a portal sees when its session was ended elsewhere (4000-4999: the application's own). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** The close code that asks a client to reconnect at once (WebSocket's "service restart"). */
export const LIVE_RECONNECT_CLOSE_CODE = 1012;

/**
 * Live connections by user, on this api process. Ending sessions (deactivation of a user or an agency, a session
 * ended by its user or an admin) is published on the live bus, so every api process closes its own sockets at once
 * instead of waiting for the connection's access token to run out.
 */
@Injectable()
export class LiveSessions implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(LiveSessions.name);
  private readonly byUser = new Map<string, Set<Tracked>>();
  private readonly topic: string;
  private readonly listener = (message: { payload: SessionsEndedEvent }, done: () => void) => {
    this.close(message.payload);
    done();
  };

  constructor(
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly ds: DataSource,
  ) {
    this.topic = liveTopic(config.QUEUE_PREFIX, 'sessions-ended');
  }

  onModuleInit(): void {
    this.bus.on(this.topic, this.listener as never);
  }

  onModuleDestroy(): void {
    this.bus.removeListener(this.topic, this.listener as never);
  }

  /** Called when a subscription starts: remembers its socket under its user (once per socket). */
  track(ctx: { liveSocket?: unknown; actor?: Actor }): void {
    const socket = ctx.liveSocket as ClosableSocket | undefined;
    if (!socket || !ctx.actor) return;
    const set = this.byUser.get(ctx.actor.userId) ?? new Set<Tracked>();
    if ([...set].some((t) => t.socket === socket)) return;
    const tracked = { socket, actor: ctx.actor };
    set.add(tracked);
    this.byUser.set(ctx.actor.userId, set);
    socket.once('close', () => {
      set.delete(tracked);
      if (set.size === 0) this.byUser.delete(ctx.actor?.userId as string);
    });
    // An end published before this socket was registered found nothing to close: checking after registering leaves
    // no gap (either the event comes after, or its change is already committed and seen here).
    void sessionStillLive(this.ds, tracked.actor.userId, tracked.actor.sessionId ?? null)
      .then((live) => {
        if (!live) socket.close(SESSION_ENDED_CLOSE_CODE, 'session ended');
      })
      .catch((e: Error) => this.log.warn(`could not check a live connection's session: ${e.message}`));
  }

  /** How many live connections of this user this process holds (tests wait on it instead of on a clock). */
  connectionsOf(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  async end(event: SessionsEndedEvent): Promise<void> {
    await publishSessionsEnded(this.bus, this.topic.replace(/:live:sessions-ended$/, ''), event)
      .catch((e: Error) => this.log.warn(`could not publish ended sessions: ${e.message}`));
  }

  /**
   * Closes every live connection on this process with a code clients reconnect on (1012, service restart): they
   * subscribe again after their last sequence, and catch up or are told to reload.
   */
  closeAll(): void {
    for (const set of this.byUser.values()) for (const t of set) t.socket.close(LIVE_RECONNECT_CLOSE_CODE, 'live events may have been missed: reconnect');
  }

  private close(event: SessionsEndedEvent): void {
    for (const [userId, set] of this.byUser) {
      for (const t of set) {
        const byAgency = event.agencyId !== undefined && t.actor.agencyId === event.agencyId;
        const byUser = event.userIds.includes(userId) && (!event.sessionIds || (t.actor.sessionId !== undefined && event.sessionIds.includes(t.actor.sessionId)));
        if (byAgency || byUser) t.socket.close(SESSION_ENDED_CLOSE_CODE, 'session ended');
      }
    }
  }
}
