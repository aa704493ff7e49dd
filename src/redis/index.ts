// Public API of `leadgate/redis`: shared state for several server instances. It needs
// a Redis client you create (ioredis or node-redis, an optional peer dependency) and
// imports neither itself.
export { redisStore, type RedisStoreOptions } from './store.js';
export { redisOutbox, type RedisOutboxOptions } from './outbox.js';
export { redisCommand, type RedisClientLike, type RedisCommand } from './command.js';
// The buying-group account store (the `group` check's AccountStore), shared by every instance.
export { redisAccountStore, type AccountImport, type RedisAccountStore, type RedisAccountStoreOptions } from './account-store.js';
// Sales outcomes shared by every instance that receives CRM webhooks (issue 13).
export { redisOutcomeStore, type RedisOutcomeStoreOptions } from './outcome-store.js';
