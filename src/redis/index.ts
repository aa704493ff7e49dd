// Public API of `leadgate/redis`: shared state for several server instances. It needs
// a Redis client you create (ioredis or node-redis, an optional peer dependency) and
// imports neither itself.
//
// Not here yet: the buying-group account store (issue of the `group` check). Its
// interface is being defined with that check; its Redis implementation belongs in this
// folder once the interface exists.
export { redisStore, type RedisStoreOptions } from './store.js';
export { redisOutbox, type RedisOutboxOptions } from './outbox.js';
export { redisCommand, type RedisClientLike, type RedisCommand } from './command.js';
