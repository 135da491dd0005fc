import { Injectable } from '@nestjs/common';

/**
 * Set when the process has been asked to stop: readiness answers 503 from then on, so a load balancer sends no new
 * requests while the ones in flight finish (main.ts waits a moment before closing the server).
 */
@Injectable()
export class ShutdownState {
  draining = false;
}
