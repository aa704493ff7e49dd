import type { MotionPreset } from '../core/policy.js';
import type { MotionName } from '../core/types.js';
import { abm } from './abm.js';
import { expansion } from './expansion.js';
import { inbound } from './inbound.js';
import { outbound } from './outbound.js';
import { partner } from './partner.js';

/**
 * The built-in motion presets by name. Each is plain, frozen data: copy one and change
 * it to make your own (`createGate({ motion: { ...motions.inbound, name: 'events', … } })`).
 */
export const motions: Readonly<Record<MotionName, MotionPreset>> = Object.freeze({ inbound, abm, outbound, partner, expansion });
