import type { Principal } from '@cttech/auth';
import type { IndicatorFacts } from './indicator-facts.ts';
import { programmeResults, type ProgrammeResults } from './programme-results.ts';

/**
 * The programme results a caller may see: computed over their partner states only, so neither
 * a state's figures, its strategy adoptions on the timeline, nor a total including other states
 * reaches a caller scoped to some.
 */
export class ProgrammeDashboard {
  private readonly facts: IndicatorFacts;

  constructor(facts: IndicatorFacts) {
    this.facts = facts;
  }

  async resultsFor(principal: Principal): Promise<ProgrammeResults> {
    const everyState = principal.partnerStates.includes('*');
    const { engagements, deliveries } = await this.facts.read(
      everyState ? undefined : principal.partnerStates,
    );
    return programmeResults(engagements, deliveries);
  }
}
