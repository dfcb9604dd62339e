/**
 * Overcrowding of a property under the Wohnraumstärkungsgesetz NRW (§ 9 Abs. 2 WohnStG):
 * a dwelling may be used only if there are at least 9 m² of living area for every
 * person aged six or older and 6 m² for every child under six.
 *
 * Registered residents are counted exactly; the unregistered ones are an estimate
 * range of unknown age. The requirement is therefore a range too: at its low end
 * every unregistered person is a small child (6 m²) and the estimate is at its low;
 * at its high end they are all six or older (9 m²) and the estimate is at its high.
 */
import type { Range } from '../schemas/common.ts';

/** m² of living area the law asks for per person aged six or older. */
export const m2PerPersonAged6Plus = 9;
/** m² the law asks for per child under six. */
export const m2PerChildUnder6 = 6;

export type OvercrowdingVerdict = 'yes' | 'possibly' | 'no';

export interface OvercrowdingInput {
  livingAreaM2: number;
  /** Registered residents under six (all nationalities). */
  registeredUnder6: number;
  /** Registered residents aged six or older (all nationalities). */
  registered6Plus: number;
  /** Estimated unregistered residents, or null when there is no estimate. */
  unregistered: Range | null;
}

export interface Overcrowding {
  persons: Range;
  requiredM2: Range;
  /** Living area per person: low = with the most persons, high = with the fewest; null when possibly nobody lives there. */
  m2PerPerson: Range | null;
  /**
   * yes: overcrowded even at the low end of the requirement;
   * no: enough space even at the high end; possibly: it depends on the estimate.
   */
  verdict: OvercrowdingVerdict;
}

export function assessOvercrowding(input: OvercrowdingInput): Overcrowding {
  const unregistered = input.unregistered ?? { low: 0, high: 0 };
  const registered = input.registeredUnder6 + input.registered6Plus;
  const persons = { low: registered + unregistered.low, high: registered + unregistered.high };
  const registeredM2 = input.registeredUnder6 * m2PerChildUnder6 + input.registered6Plus * m2PerPersonAged6Plus;
  const requiredM2 = {
    low: registeredM2 + unregistered.low * m2PerChildUnder6,
    high: registeredM2 + unregistered.high * m2PerPersonAged6Plus,
  };
  const m2PerPerson = persons.low === 0 ? null : { low: input.livingAreaM2 / persons.high, high: input.livingAreaM2 / persons.low };
  const verdict: OvercrowdingVerdict = input.livingAreaM2 < requiredM2.low ? 'yes' : input.livingAreaM2 >= requiredM2.high ? 'no' : 'possibly';
  return { persons, requiredM2, m2PerPerson, verdict };
}
