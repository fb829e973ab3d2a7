import type { Clock } from '@amiable/domain';

export const systemClock: Clock = { now: () => new Date() };
