import { natoRegions } from '../campaigns/europe';
import { russiaDefeat } from '../escalation';
import { NUCLEAR_SIGNAL_LEVEL } from '../ids';
import { hasFought, settle } from '../wars';
import { costTerms, memo, terms, type OptionBehaviour, type View } from './types';

/**
 * Ending the war with NATO: Russia offers terms (stop the fighting on allied territory along the
 * current lines) and the North Atlantic Council accepts talks. A settlement needs both; a Ukraine
 * ceasefire (russia.propose-ceasefire, ukraine.accept-ceasefire) is another war's.
 */

const holdsAlliedTerritory = (v: View): boolean =>
  memo(v, 'holds-allied', () =>
    natoRegions(v.sc).some((id) => v.s.regions[id]?.owner === 'russia'),
  );

export const settlement = {
  'russia.offer-terms': {
    legal: (v) =>
      !hasFought(v.s, 'europe')
        ? 'no fighting with NATO to end'
        : v.s.flags.russiaOffersTerms
          ? 'terms already offered'
          : v.s.flags.europeSettlement
            ? 'already settled'
            : null,
    assess: (v) => {
      const r = v.sc.rules.war;
      const failing = memo(v, 'russia-defeat', () => russiaDefeat(v.s, v.sc)).value;
      return terms({
        gain:
          r.offerBase +
          (holdsAlliedTerritory(v) ? r.offerHoldingGain : 0) +
          Math.trunc((failing * r.offerFailingWeight) / 100) +
          Math.trunc(v.s.actors.russia.economicCost / r.offerCostDivisor),
        ...costTerms(v.sc, 'russia.offer-terms'),
      });
    },
    apply: (ctx) => {
      ctx.setFlag('russiaOffersTerms');
      ctx.note(
        'europe',
        ['russia', 'nato-europe', 'usa'],
        'Moscow offers NATO terms: a halt to the fighting on allied territory along the current lines.',
      );
      settle(ctx);
    },
  },
  'nato-europe.negotiate': {
    legal: (v) =>
      !hasFought(v.s, 'europe')
        ? 'no fighting with Russia to end'
        : v.s.flags.natoNegotiating
          ? 'talks already open'
          : v.s.flags.europeSettlement
            ? 'already settled'
            : null,
    assess: (v) => {
      const r = v.sc.rules.war;
      return terms({
        gain:
          r.acceptBase +
          (v.s.flags.russiaOffersTerms ? r.acceptOfferGain : 0) +
          (v.s.tracks.escalation.europe >= NUCLEAR_SIGNAL_LEVEL ? r.acceptNuclearGain : 0) -
          (holdsAlliedTerritory(v) ? r.acceptOccupiedLoss : 0) +
          Math.trunc(v.s.actors['nato-europe'].economicCost / r.acceptCostDivisor),
        ...costTerms(v.sc, 'nato-europe.negotiate'),
      });
    },
    apply: (ctx) => {
      ctx.setFlag('natoNegotiating');
      ctx.note(
        'europe',
        ['nato-europe', 'usa', 'russia'],
        'The North Atlantic Council agrees to negotiate with Russia an end to the fighting on allied territory.',
      );
      settle(ctx);
    },
  },
} satisfies Record<string, OptionBehaviour>;
