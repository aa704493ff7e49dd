import type { Check } from './core/check.js';
import { LeadGateError } from './core/errors.js';
import { assembleGate, type Gate } from './core/gate.js';
import type { GateOptions } from './core/gate-options.js';
import type { MotionPreset } from './core/policy.js';
import { BUILT_IN_CHECKS } from './checks/index.js';
import { motions } from './motions/index.js';

/**
 * Creates a gate for one go-to-market motion: the motion's checks (plus yours), its
 * actions (plus your overrides), and where decisions are logged. Options are validated
 * here; a bad one throws a `LeadGateError` whose `option` names it.
 *
 * @example
 * import { createGate, memorySink } from 'leadgate';
 *
 * const gate = createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' }, log: memorySink() });
 * const verdict = await gate.validate({ email: 'jane@acme.com', country: 'DE' });
 * verdict.decision; // 'accept'
 */
export function createGate(options: GateOptions): Gate {
  return assembleGate(options, { presets: motions, checksFor: instantiatePresetChecks });
}

function instantiatePresetChecks(preset: MotionPreset): Check[] {
  return Object.entries(preset.checks).map(([id, checkOptions]) => {
    const factory = BUILT_IN_CHECKS[id];
    if (!factory) {
      throw new LeadGateError(
        `createGate: motion "${preset.name}" names the check "${id}", which is not built in (built-in checks: ${Object.keys(BUILT_IN_CHECKS).join(', ')}); pass custom checks in the "checks" option`,
        { option: `motion.checks.${id}` },
      );
    }
    try {
      return factory({ ...checkOptions });
    } catch (error) {
      // The check names its own bad option; say which motion entry it came from.
      if (error instanceof LeadGateError) {
        throw new LeadGateError(`createGate: motion "${preset.name}", check "${id}": ${error.message}`, { option: `motion.checks.${id}${error.option ? `.${error.option}` : ''}` });
      }
      throw error;
    }
  });
}
